/**
 * The loop every background job runs in: one per job in each app process (lib/jobs/index.ts
 * starts them from instrumentation.ts). A round never overlaps the one before, since the next is
 * timed from the end of the last; timers are unref'd, so they never keep a process alive; nothing
 * runs while `next build` loads the server. A round that fails (a database that is away) is
 * logged at most once a minute and the job carries on: its work waits in the database.
 */
import type { PrismaClient } from '@/lib/generated/prisma/client';

export type Job = {
  /** Log prefix, and the job's identity: one loop per name in a process. */
  name: string;
  /** From the end of one round to the start of the next. */
  everyMs: number;
  /** Before the first round; `everyMs` unless given. */
  firstAfterMs?: number;
  run: (db: PrismaClient) => Promise<unknown>;
  /** What a failed round means, for the log: "could not send webhook deliveries". */
  failure: string;
};

const ERROR_LOG_EVERY_MS = 60_000;
const globalForJobs = globalThis as unknown as { claimdeskJobs?: Map<string, () => void> };

/** Starts `job` in this process unless it runs already; returns what stops it. */
export function startJob(job: Job, db: PrismaClient): () => void {
  const running = (globalForJobs.claimdeskJobs ??= new Map());
  const existing = running.get(job.name);
  if (existing) return existing;
  if (process.env.NEXT_PHASE === 'phase-production-build') return () => {};
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let lastLogged = -Infinity;
  const next = (ms: number) => {
    if (stopped) return;
    timer = setTimeout(round, ms);
    timer.unref();
  };
  const round = () => {
    job
      .run(db)
      .catch((err) => {
        if (Date.now() - lastLogged < ERROR_LOG_EVERY_MS) return;
        lastLogged = Date.now();
        console.error(`[${job.name}] ${job.failure}; trying again every ${job.everyMs / 1000} s:`, err instanceof Error ? err.message : err);
      })
      .finally(() => next(job.everyMs));
  };
  const stop = () => {
    stopped = true;
    clearTimeout(timer);
    running.delete(job.name);
  };
  running.set(job.name, stop);
  next(job.firstAfterMs ?? job.everyMs);
  return stop;
}
