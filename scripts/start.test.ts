import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from './lib/next';
import { describeExit, nextRestartDelay, RESTART_POLICY } from './lib/supervise';

describe('the restart pause', () => {
  it('doubles from 1 s to at most 30 s, and starts again at 1 s after a minute up', () => {
    const pauses: number[] = [];
    let previous: number | null = null;
    for (let i = 0; i < 7; i++) pauses.push((previous = nextRestartDelay(previous, 2_000)));
    expect(pauses).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000]);
    expect(nextRestartDelay(30_000, RESTART_POLICY.upForResetMs)).toBe(1_000);
    expect(nextRestartDelay(30_000, RESTART_POLICY.upForResetMs - 1)).toBe(30_000);
  });

  it('says how the server ended', () => {
    expect(describeExit(1, null)).toBe('exited with code 1');
    expect(describeExit(null, 'SIGKILL')).toBe('was killed by SIGKILL');
  });
});

/**
 * The real `npm start` (build if needed, embedded database in a folder of its own, migrations,
 * demo seed, `next start`): its app server is killed as a crash would end it, and the desk
 * answers again on the same port; SIGTERM to `npm start` then stops everything for good.
 */
describe('npm start', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'claimdesk-start-'));
  const groups: number[] = [];
  afterAll(() => {
    for (const pid of groups) {
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  async function until<T>(what: string, check: () => Promise<T | undefined> | T | undefined, timeoutMs: number): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const value = await check();
      if (value !== undefined) return value;
      await sleep(200);
    }
    throw new Error(`Timed out waiting for ${what}.`);
  }
  const isAlive = (pid: number) => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };

  it('starts the app server again on the same port when it dies, and stops without a restart on SIGTERM', async () => {
    const port = await freePort();
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), CLAIMDESK_DATA_DIR: dataDir };
    // Its own embedded database, whatever database this test run uses.
    delete env.DATABASE_URL;
    delete env.CLAIMDESK_EMBEDDED;
    const supervisor = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    groups.push(supervisor.pid!);
    let output = '';
    supervisor.stdout.on('data', (d) => (output += d));
    supervisor.stderr.on('data', (d) => (output += d));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      supervisor.on('exit', (code, signal) => resolve({ code, signal })),
    );
    const started = () => [...output.matchAll(/App server started \(pid (\d+)\)/g)].map((m) => Number(m[1]));
    const deskAnswers = async () => {
      try {
        const response = await fetch(`http://127.0.0.1:${port}/login`);
        return response.status === 200 && (await response.text()).includes('Sign in to your desk') ? true : undefined;
      } catch {
        return undefined;
      }
    };

    // The first start may build the app.
    const first = await until('the first app server', () => started()[0], 240_000);
    groups.push(first);
    await until('the desk to answer', deskAnswers, 120_000);

    process.kill(first, 'SIGKILL');
    await until('the restart notice', () => (output.includes(`App server (pid ${first}) was killed by SIGKILL after`) ? true : undefined), 10_000);
    expect(output).toMatch(
      new RegExp(`\\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z App server \\(pid ${first}\\) was killed by SIGKILL after [\\d.]+ s; restarting it in 1 s\\.`),
    );
    const second = await until('a second app server', () => started()[1], 20_000);
    groups.push(second);
    expect(second).not.toBe(first);
    expect(isAlive(first)).toBe(false);
    await until('the desk to answer again on the same port', deskAnswers, 120_000);

    process.kill(supervisor.pid!, 'SIGTERM');
    expect(await exited).toEqual({ code: 0, signal: null });
    expect(isAlive(second)).toBe(false);
    expect(started()).toEqual([first, second]);
    expect(output).toContain('SIGTERM: stopping the app server.');
    expect(output).not.toContain(`App server (pid ${second})`);
    expect(await deskAnswers()).toBeUndefined();
  }, 420_000);
});
