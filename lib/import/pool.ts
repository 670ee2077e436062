/**
 * The import worker pool: reading web pages and Word documents, and splitting long texts into
 * claims, happen in worker threads (piscina), never on the thread that answers requests. Each
 * job has a time limit, counted from when it starts in its worker, and each worker a memory
 * limit; a job over either is stopped with its thread and answered with a clear refusal, and the
 * pool starts a fresh thread for the next job. Workers run at a lower priority than the
 * request thread and leave after a minute of idleness (docs/decisions/0022-bounded-documents-and-a-worker-pool.md).
 */
import path from 'node:path';
import { Piscina } from 'piscina';
import { ExtractError } from '@/lib/import/extract-error';
import { IMPORT_QUEUE, IMPORT_WORKERS, JOB_MEMORY_LIMIT_MB, JOB_TIME_LIMIT_MS } from '@/lib/import/limits';
import type { ImportJobAnswer, ImportJobKind, ImportJobMessage, JobInput, JobStarted, JobValue } from '@/lib/import/worker/jobs';

export type ImportPoolOptions = { timeLimitMs?: number; memoryLimitMb?: number; workers?: number; queue?: number };

// Next.js bundles this module; the worker's entry is a file of the project, found from its folder
// like the migrations (lib/db/migrate.ts).
const WORKER_FILE = path.resolve(process.cwd(), 'lib/import/worker/import-worker.mjs');

const seconds = (ms: number) => `${Math.round(ms / 1000)} seconds`;

export function tooComplexMessage(limit: { timeLimitMs: number } | { memoryLimitMb: number }): string {
  const what =
    'timeLimitMs' in limit ? `reading it took longer than ${seconds(limit.timeLimitMs)}` : `reading it needed more than ${limit.memoryLimitMb} MB of memory`;
  return `This document is too complex to import: ${what}. Paste the article's text, or save it as .txt, and try again.`;
}
export const BUSY_MESSAGE = 'Many documents are being imported right now, so this one was not started. Try again in a minute.';

export type ImportPool = {
  run<K extends ImportJobKind>(kind: K, input: JobInput<K>): Promise<JobValue<K>>;
  close(): Promise<void>;
};

export function createImportPool(options: ImportPoolOptions = {}): ImportPool {
  const timeLimitMs = options.timeLimitMs ?? JOB_TIME_LIMIT_MS;
  const memoryLimitMb = options.memoryLimitMb ?? JOB_MEMORY_LIMIT_MB;
  const workers = options.workers ?? IMPORT_WORKERS;
  const piscina = new Piscina({
    filename: WORKER_FILE,
    minThreads: 0,
    maxThreads: workers,
    idleTimeout: 60_000,
    // The request thread comes first: a worker busy with a hostile document yields the CPU to it.
    niceIncrement: 10,
    // Not the server's own flags (a profiler, a loader): the entry sets up what it needs.
    execArgv: [],
    resourceLimits: { maxOldGenerationSizeMb: memoryLimitMb },
  });
  // Piscina leaves abortable tasks out of what its maxQueue counts, so the pool counts them itself.
  const queue = options.queue ?? IMPORT_QUEUE;
  const started = new Map<number, () => void>();
  piscina.on('message', (message: JobStarted) => started.get(message.jobStarted)?.());
  let nextId = 1;

  async function run<K extends ImportJobKind>(kind: K, input: JobInput<K>): Promise<JobValue<K>> {
    // Every job in flight, running or waiting for a worker: beyond the workers and the queue, refuse.
    if (started.size >= workers + queue) throw new ExtractError(BUSY_MESSAGE);
    const id = nextId++;
    const abort = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    started.set(id, () => {
      timer = setTimeout(() => abort.abort(), timeLimitMs);
    });
    let answer: ImportJobAnswer;
    try {
      answer = await piscina.run({ id, kind, input } satisfies ImportJobMessage, { signal: abort.signal });
    } catch (err) {
      const limit = abort.signal.aborted ? { timeLimitMs } : (err as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY' ? { memoryLimitMb } : null;
      if (limit) {
        // For the operator: a document that found a cost beyond the shape limits, and which one.
        console.warn(`[import] a ${kind} job was stopped over its ${'timeLimitMs' in limit ? `${timeLimitMs} ms time` : `${memoryLimitMb} MB memory`} limit`);
        throw new ExtractError(tooComplexMessage(limit));
      }
      throw err;
    } finally {
      clearTimeout(timer);
      started.delete(id);
    }
    if (!answer.ok) throw new ExtractError(answer.message);
    return answer.value as JobValue<K>;
  }
  return { run, close: () => piscina.close({ force: true }) };
}

const globalForPool = globalThis as unknown as { claimdeskImportPool?: ImportPool };

/** The process's one pool, made on first use (kept on globalThis, like the Prisma client, across dev reloads). */
export function importPool(): ImportPool {
  globalForPool.claimdeskImportPool ??= createImportPool();
  return globalForPool.claimdeskImportPool;
}
