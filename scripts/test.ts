/**
 * `npm test`: every test, against a database made for this run and dropped afterwards.
 * Unit and integration tests (vitest), then the browser journeys (Playwright in Debian's
 * Chromium) against a production build served by `next start`. With DATABASE_URL set the
 * run uses that PostgreSQL server; otherwise the embedded database.
 *
 *   npm test                 all tests
 *   npm test -- --unit-only  vitest only
 *   npm test -- --e2e-only   Playwright only (extra arguments go to Playwright)
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createTestDatabase } from './lib/test-database';
import { ensureBuild, freePort, startNext, stopProcessGroup, waitForHttp } from './lib/next';

const args = process.argv.slice(2);
const unitOnly = args.includes('--unit-only');
const e2eOnly = args.includes('--e2e-only');
const passThrough = args.filter((a) => !a.startsWith('--unit-only') && !a.startsWith('--e2e-only'));

function run(cmd: string, cmdArgs: string[], env: Record<string, string>): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(cmd, cmdArgs, { stdio: 'inherit', env: { ...process.env, ...env } });
    child.on('exit', (code) => resolve(code ?? 1));
  });
}

async function main() {
  const started = Date.now();
  const db = await createTestDatabase();
  console.log(`[test] database: ${db.embedded ? `embedded PGlite in ${db.name}` : `PostgreSQL database ${db.name}`}`);
  const env = {
    DATABASE_URL: db.url,
    CLAIMDESK_EMBEDDED: db.embedded ? '1' : '0',
    AUTH_SECRET: randomBytes(32).toString('base64url'),
    // Journeys import from and deliver webhooks to servers on this machine, with short retries,
    // and wait less long for overdue notices and for live streams to notice an ended session.
    CLAIMDESK_ALLOW_PRIVATE_URLS: '1',
    CLAIMDESK_WEBHOOK_RETRY_MS: '500',
    CLAIMDESK_OVERDUE_SWEEP_MS: '500',
    CLAIMDESK_LIVE_RECHECK_MS: '500',
  };
  let server: ReturnType<typeof startNext> | undefined;
  const results: Record<string, number> = {};
  try {
    if (!e2eOnly) results.vitest = await run(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', ...passThrough], env);
    if (!unitOnly) {
      ensureBuild((m) => console.log(`[test] ${m}`));
      const port = await freePort();
      server = startNext(env, port, { host: '127.0.0.1', stdio: 'pipe' });
      server.stderr?.on('data', (d) => process.stderr.write(`[next] ${d}`));
      const baseURL = `http://127.0.0.1:${port}`;
      await waitForHttp(`${baseURL}/login`);
      results.playwright = await run(process.execPath, ['node_modules/@playwright/test/cli.js', 'test', ...passThrough], { ...env, BASE_URL: baseURL });
    }
  } finally {
    stopProcessGroup(server);
    await db.drop();
  }
  const failed = Object.entries(results).filter(([, code]) => code !== 0);
  console.log(
    `[test] ${Object.keys(results).join(' + ')} finished in ${Math.round((Date.now() - started) / 1000)} s: ${failed.length ? `FAILED (${failed.map(([n]) => n).join(', ')})` : 'all passed'}`,
  );
  process.exit(failed.length ? 1 : 0);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
