import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { startJob, type Job } from '@/lib/jobs/schedule';

const db = {} as PrismaClient;

/** A job whose rounds end only when the test says so. */
function controlledJob(name: string) {
  const rounds: { finish: () => void; fail: (err: Error) => void }[] = [];
  const job: Job = {
    name,
    everyMs: 1_000,
    firstAfterMs: 200,
    failure: 'could not do the thing',
    run: () => new Promise<void>((resolve, reject) => rounds.push({ finish: resolve, fail: reject })),
  };
  return { job, rounds };
}

describe('startJob', () => {
  const stops: (() => void)[] = [];
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    for (const stop of stops.splice(0)) stop();
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('runs a round after firstAfterMs, never two at once, the next everyMs after the last ended', async () => {
    const { job, rounds } = controlledJob('overlap');
    stops.push(startJob(job, db));
    await vi.advanceTimersByTimeAsync(199);
    expect(rounds).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(rounds).toHaveLength(1);
    // A slow round: no second one meanwhile.
    await vi.advanceTimersByTimeAsync(5_000);
    expect(rounds).toHaveLength(1);
    rounds[0].finish();
    await vi.advanceTimersByTimeAsync(999);
    expect(rounds).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(rounds).toHaveLength(2);
  });

  it('starts one loop per job name in a process, and stops', async () => {
    const { job, rounds } = controlledJob('once');
    const stop = startJob(job, db);
    stops.push(stop);
    expect(startJob(job, db)).toBe(stop);
    await vi.advanceTimersByTimeAsync(200);
    expect(rounds).toHaveLength(1);
    stop();
    rounds[0].finish();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(rounds).toHaveLength(1);
  });

  it('keeps going after a failed round, logging failures at most once a minute', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { job, rounds } = controlledJob('flaky');
    stops.push(startJob(job, db));
    await vi.advanceTimersByTimeAsync(200);
    for (let i = 0; i < 30; i++) {
      rounds.at(-1)!.fail(new Error('database is away'));
      await vi.advanceTimersByTimeAsync(1_000);
    }
    expect(rounds).toHaveLength(31);
    expect(log).toHaveBeenCalledTimes(1);
    expect(log).toHaveBeenCalledWith('[flaky] could not do the thing; trying again every 1 s:', 'database is away');
    for (let i = 0; i < 31; i++) {
      rounds.at(-1)!.fail(new Error('database is away'));
      await vi.advanceTimersByTimeAsync(1_000);
    }
    expect(log).toHaveBeenCalledTimes(2);
  });

  it('does nothing while `next build` loads the server', async () => {
    vi.stubEnv('NEXT_PHASE', 'phase-production-build');
    try {
      const { job, rounds } = controlledJob('build');
      stops.push(startJob(job, db));
      await vi.advanceTimersByTimeAsync(10_000);
      expect(rounds).toHaveLength(0);
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
