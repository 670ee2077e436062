/**
 * `npm run bench:load`: the desk under a team's load. Serves the production build against a
 * throwaway database, embedded PGlite and/or PostgreSQL, with a team of `--articles` articles
 * of `--claims` claims and `--checkers` checkers, each signed in through the real Auth.js
 * endpoints and holding a write-scoped API token, and lets every checker work at once for
 * `--seconds` seconds (scripts/lib/load-mix.ts: mostly pages, some API writes), each pausing a
 * think time of `--think` seconds before every request as a person does (ADR 0017). Prints
 * requests/second, p50/p95/p99 latency, errors (409 conflicts apart) and the server's peak
 * memory beside their targets. Then, for `--capacity` seconds, the same checkers with no pause
 * at all (autocannon): the most the server answers per second, and the latency when it is
 * saturated; figures, not targets. A missed target is reported, not a failure: only an actual
 * error of the bench makes it exit non-zero. Everything it starts is stopped and every
 * database it made is dropped at the end, on Ctrl-C and on error too.
 *
 *   npm run bench:load -- --seconds 10 --checkers 20 --db embedded
 */
import os from 'node:os';
import { randomBytes } from 'node:crypto';
import type { ChildProcess } from 'node:child_process';
import { parseArgs } from 'node:util';
import type autocannon from 'autocannon';
import { createPrismaClient, type PrismaClient } from '@/lib/db/client';
import { DEMO_PASSWORD } from '@/lib/testing/factories';
import { createTestDatabase } from './lib/test-database';
import { ensureBuild, freePort, startNext, stopProcessGroup, waitForHttp } from './lib/next';
import { signIn } from './lib/bench-http';
import { startEmbeddedDatabaseProcess } from './lib/embedded-db-process';
import { createLoadDesk } from './lib/load-desk';
import { checkerState, KINDS, LoadStats, runCheckers, runSaturation, type Kind, type LoadRun, type ThinkTime } from './lib/load-mix';
import { TreeMemorySampler } from './lib/process-memory';

const TARGET = { errors: 0, p95Ms: 300, memoryMb: 600 };
const DEFAULT_POSTGRES_URL = 'postgresql://postgres@127.0.0.1:5432/test';

const log = (msg: string) => console.log(`[bench:load] ${msg}`);
const mb = (bytes: number) => bytes / 1024 / 1024;
const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

// ---------------------------------------------------------------------------------------------
// Options

const { values: flags } = parseArgs({
  options: {
    seconds: { type: 'string', default: '60' },
    checkers: { type: 'string', default: '50' },
    db: { type: 'string', default: 'both' },
    articles: { type: 'string', default: '20' },
    claims: { type: 'string', default: '200' },
    assigned: { type: 'string', default: '60' },
    warmup: { type: 'string', default: '5' },
    timeout: { type: 'string', default: '10' },
    think: { type: 'string', default: '1-3' },
    capacity: { type: 'string', default: '15' },
    'postgres-url': { type: 'string', default: process.env.BENCH_POSTGRES_URL ?? DEFAULT_POSTGRES_URL },
    help: { type: 'boolean', default: false },
  },
});

if (flags.help) {
  console.log(`npm run bench:load -- [options]
  --seconds N        measured run per database (60)
  --checkers N       simultaneous checkers, one connection each (50)
  --db WHICH         embedded | postgres | both (both)
  --articles N       articles in the team (20)
  --claims N         claims per article (200)
  --assigned N       claims assigned to each checker (60)
  --warmup N         seconds of the same load before measuring, not counted (5)
  --timeout N        seconds before a request counts as timed out (10)
  --think MIN-MAX    seconds each checker pauses before each request, uniformly between the two (1-3);
                     a single number for a fixed pause, 0 for none (the run is then the capacity run)
  --capacity N       seconds of the capacity run after it: no pause, autocannon (15; 0 skips it)
  --postgres-url URL server to make the throwaway database on (${DEFAULT_POSTGRES_URL}, or BENCH_POSTGRES_URL)`);
  process.exit(0);
}

function positiveInt(name: string, value: string, allowZero = false): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < (allowZero ? 0 : 1)) throw new Error(`--${name} must be a whole number${allowZero ? '' : ' above 0'}, not "${value}"`);
  return n;
}

// ---------------------------------------------------------------------------------------------
// Cleanup: everything started registers how to undo it; undone last-in first-out, once.

const cleanups: { label: string; fn: () => Promise<void> | void }[] = [];
function onCleanup(label: string, fn: () => Promise<void> | void): () => Promise<void> {
  const entry = { label, fn };
  cleanups.push(entry);
  return async () => {
    const i = cleanups.indexOf(entry);
    if (i < 0) return;
    cleanups.splice(i, 1);
    await entry.fn();
  };
}
let cleaning: Promise<void> | undefined;
function cleanupAll(): Promise<void> {
  cleaning ??= (async () => {
    while (cleanups.length) {
      const { label, fn } = cleanups.pop()!;
      try {
        await fn();
      } catch (err) {
        console.error(`[bench:load] cleanup of ${label} failed:`, err);
      }
    }
  })().finally(() => {
    cleaning = undefined;
  });
  return cleaning;
}
let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    interrupted = true;
    log(`${signal}: stopping the server and dropping the databases…`);
    void cleanupAll().finally(() => process.exit(130));
  });
}

// ---------------------------------------------------------------------------------------------

type DbKind = 'embedded' | 'postgres';

type Outcome = {
  db: DbKind;
  seconds: number;
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  conflicts: number;
  timeouts: number;
  connErrors: number;
  peakRssBytes: number;
  peakNextServerBytes: number;
  idleRssBytes: number;
  dbPeakRssBytes?: number;
  stats: LoadStats;
  /** The capacity run: no pause between requests. */
  capacity?: Capacity;
  serverErrorLines: number;
  check: string;
};

type Capacity = { rps: number; p50: number; p95: number; errors: number; peakRssBytes: number };

/** Requests, latency percentiles and errors of one run. */
function summarize(stats: LoadStats, run: LoadRun) {
  const all = [...stats.byKind.values()];
  const latencies = all.flatMap((k) => k.latencies).sort((a, b) => a - b);
  return {
    requests: latencies.length,
    rps: latencies.length / run.wallSeconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    // The client's errors are requests that got no answer: timeouts, refused or reset connections.
    errors: all.reduce((s, k) => s + k.errors, 0) + run.client.errors,
    conflicts: all.reduce((s, k) => s + k.conflicts, 0),
    timeouts: run.client.timeouts,
    connErrors: run.client.errors - run.client.timeouts,
  };
}

function describeThink(think: ThinkTime): string {
  if (think.maxMs === 0) return 'no pause between requests';
  const s = (ms: number) => fmt(ms / 1000, ms % 1000 ? 1 : 0);
  return think.minMs === think.maxMs
    ? `a ${s(think.minMs)} s pause before each request`
    : `a pause of ${s(think.minMs)}–${s(think.maxMs)} s before each request`;
}

/** "1-3" → 1 to 3 s; "2" → always 2 s; "0" → none. */
function parseThink(value: string): ThinkTime {
  const m = /^(\d+(?:\.\d+)?)(?:-(\d+(?:\.\d+)?))?$/.exec(value.trim());
  const [min, max] = m ? [Number(m[1]), Number(m[2] ?? m[1])] : [NaN, NaN];
  if (!(min >= 0 && max >= min)) throw new Error(`--think must be seconds, one number or MIN-MAX, not "${value}"`);
  return { minMs: min * 1000, maxMs: max * 1000 };
}

/** Nearest-rank percentile of a sorted array. */
function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];
}

function loadNote(): string {
  const [one, five] = os.loadavg();
  const cores = os.cpus().length;
  return `load average ${one.toFixed(2)} (1 min), ${five.toFixed(2)} (5 min) on ${cores} cores${one > cores * 0.75 ? ': busy, other work competes with the bench' : ''}`;
}

/** Keeps the server's last output, and counts lines that look like errors. */
function watchOutput(server: ChildProcess) {
  let tail = '';
  let errorLines = 0;
  const keep = (chunk: Buffer) => {
    const text = chunk.toString();
    errorLines += text.split('\n').filter((l) => /error/i.test(l)).length;
    tail = (tail + text).slice(-6_000);
  };
  server.stdout?.on('data', keep);
  server.stderr?.on('data', keep);
  return { tail: () => tail, errorLines: () => errorLines };
}

async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T, i: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i], i);
      }
    }),
  );
  return out;
}

type Options = {
  seconds: number;
  checkers: number;
  articles: number;
  claims: number;
  assigned: number;
  warmup: number;
  timeout: number;
  think: ThinkTime;
  capacity: number;
  postgresUrl: string;
};

async function benchOne(db: DbKind, opts: Options): Promise<Outcome> {
  log(`--- ${db === 'embedded' ? 'embedded PGlite' : 'PostgreSQL'} ---`);
  let url: string;
  let dbSampler: TreeMemorySampler | undefined;
  if (db === 'embedded') {
    const child = await startEmbeddedDatabaseProcess('claimdesk_load');
    onCleanup(`embedded database ${child.name}`, child.drop);
    url = child.url;
    dbSampler = new TreeMemorySampler(child.pid).start();
    onCleanup('database memory sampler', () => dbSampler?.stop());
    log(`database: embedded PGlite in ${child.name} (process ${child.pid})`);
  } else {
    const saved = process.env.DATABASE_URL;
    process.env.DATABASE_URL = opts.postgresUrl;
    try {
      const made = await createTestDatabase('claimdesk_load');
      onCleanup(`PostgreSQL database ${made.name}`, made.drop);
      url = made.url;
      log(`database: ${made.name} on ${new URL(opts.postgresUrl).host}`);
    } finally {
      if (saved === undefined) delete process.env.DATABASE_URL;
      else process.env.DATABASE_URL = saved;
    }
  }

  const prisma: PrismaClient = createPrismaClient(url, db === 'embedded');
  onCleanup('Prisma client', () => prisma.$disconnect());
  const started = performance.now();
  const desk = await createLoadDesk(
    prisma,
    { articles: opts.articles, claimsPerArticle: opts.claims, checkers: opts.checkers, assignedPerChecker: opts.assigned },
    log,
  );
  log(`desk ready in ${fmt((performance.now() - started) / 1000, 1)} s`);

  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const server = startNext({ DATABASE_URL: url, CLAIMDESK_EMBEDDED: db === 'embedded' ? '1' : '0', AUTH_SECRET: randomBytes(32).toString('base64url') }, port, {
    host: '127.0.0.1',
    stdio: 'pipe',
  });
  const output = watchOutput(server);
  const exited = new Promise((resolve) => server.once('exit', resolve));
  const stopServer = onCleanup('Next server', async () => {
    stopProcessGroup(server);
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000).unref())]);
    if (server.exitCode === null && server.signalCode === null) {
      try {
        process.kill(-server.pid!, 'SIGKILL');
      } catch {
        /* gone */
      }
    }
  });
  const sampler = new TreeMemorySampler(server.pid!).start();
  onCleanup('server memory sampler', () => sampler.stop());
  try {
    await waitForHttp(`${baseUrl}/login`);
    sampler.sample();
    const idle = sampler.current();
    log(`server up on ${baseUrl}: ${idle.processes} processes, ${fmt(mb(idle.totalBytes))} MB resident`);
    for (const line of sampler.describe()) log(`  ${line}`);

    // Sign in as each checker through Auth.js, a few at a time (each is an argon2 verify).
    const cookies = await mapLimit(desk.checkers, 4, (c) => signIn(baseUrl, c.email, DEMO_PASSWORD));
    log(`${cookies.length} checkers signed in`);
    const states = desk.checkers.map((c, i) => checkerState(c, cookies[i]));
    const instances = new Set<autocannon.Instance>();
    const stopInstances = onCleanup('autocannon', () => instances.forEach((i) => i.stop()));
    const common = { baseUrl, states, verdictLabelIds: desk.verdictLabelIds, timeoutSeconds: opts.timeout };
    const paced = opts.think.maxMs > 0;
    const run = (seconds: number, stats: LoadStats, saturate = !paced): Promise<LoadRun> =>
      saturate
        ? runSaturation({ ...common, seconds, stats, onInstance: (i) => instances.add(i) }).finally(() => instances.clear())
        : runCheckers({ ...common, seconds, stats, think: opts.think });

    if (opts.warmup > 0) {
      log(`warm-up: ${opts.warmup} s of the same load, not counted`);
      const warm = new LoadStats();
      await run(opts.warmup, warm);
      const warmErrors = [...warm.byKind.values()].reduce((s, k) => s + k.errors, 0);
      if (warmErrors) log(`warm-up had ${warmErrors} errors`);
    }

    log(`measuring: ${opts.checkers} checkers for ${opts.seconds} s, ${describeThink(opts.think)} (${loadNote()})`);
    sampler.reset();
    dbSampler?.reset();
    const stats = new LoadStats();
    const result = await run(opts.seconds, stats);
    if (interrupted) throw new Error('Interrupted');
    sampler.sample();
    const peak = sampler.peak();
    const dbPeak = dbSampler?.peak().totalBytes;
    log(`done (${loadNote()})`);

    let capacity: Capacity | undefined;
    if (paced && opts.capacity > 0) {
      log(`capacity: the same ${opts.checkers} checkers for ${opts.capacity} s with no pause (${loadNote()})`);
      sampler.reset();
      const saturated = new LoadStats();
      const satRun = await run(opts.capacity, saturated, true);
      await stopInstances();
      if (interrupted) throw new Error('Interrupted');
      sampler.sample();
      const s = summarize(saturated, satRun);
      capacity = { rps: s.rps, p50: s.p50, p95: s.p95, errors: s.errors, peakRssBytes: sampler.peak().totalBytes };
    }
    await stopInstances();

    // The database should hold exactly what the API said it stored (every run included).
    const [evidence, inReview] = await Promise.all([
      prisma.evidence.count({ where: { teamId: desk.teamId } }),
      prisma.claim.count({ where: { teamId: desk.teamId, status: 'IN_REVIEW' } }),
    ]);
    const done = desk.checkers.reduce((s, c, i) => s + (c.claims.length - states[i].todo.length), 0);
    const check = `${fmt(evidence)} evidence rows and ${fmt(inReview)} claims in review in the database; ${fmt(done)} verdicts the bench saw accepted (warm-up and capacity run included)`;
    if (stats.unmatchedResponses) log(`warning: ${stats.unmatchedResponses} responses could not be matched to a request`);

    const outcome: Outcome = {
      db,
      seconds: result.wallSeconds,
      ...summarize(stats, result),
      peakRssBytes: peak.totalBytes,
      peakNextServerBytes: peak.nextServerBytes,
      idleRssBytes: idle.totalBytes,
      dbPeakRssBytes: dbPeak,
      stats,
      capacity,
      serverErrorLines: output.errorLines(),
      check,
    };
    if (outcome.errors || output.errorLines()) console.log(`[bench:load] last output of the server:\n${output.tail().slice(-2_500)}`);
    return outcome;
  } catch (err) {
    console.error(`[bench:load] last output of the server:\n${output.tail()}`);
    throw err;
  } finally {
    await stopServer();
    await cleanupAll();
  }
}

function printTable(title: string, header: string[], rows: string[][], alignLeft = 1) {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const line = (r: string[]) => r.map((cell, c) => (c < alignLeft ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ');
  console.log(`\n${title}\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  for (const r of rows) console.log(line(r));
}

function report(outcomes: Outcome[], opts: Options) {
  const cores = os.cpus().length;
  const missed: string[] = [];
  const status = (ok: boolean) => (ok ? 'met' : 'NOT met');
  const dbName = (o: Outcome) => (o.db === 'embedded' ? 'embedded PGlite' : 'PostgreSQL');
  const rows: string[][] = [];
  const header = ['Measure', 'Target', ...outcomes.flatMap((o) => [dbName(o), ''])];
  const add = (measure: string, target: string, value: (o: Outcome) => string, ok?: (o: Outcome) => boolean) => {
    rows.push([
      measure,
      target,
      ...outcomes.flatMap((o) => {
        const met = ok?.(o);
        if (met === false) missed.push(`${dbName(o)}: ${measure} ${value(o)} (target ${target})`);
        return [value(o), met === undefined ? '' : status(met)];
      }),
    ]);
  };
  add('requests/second', '', (o) => fmt(o.rps, 1));
  add('requests', '', (o) => fmt(o.requests));
  add('latency p50', '', (o) => `${fmt(o.p50)} ms`);
  add(
    'latency p95',
    `< ${TARGET.p95Ms} ms`,
    (o) => `${fmt(o.p95)} ms`,
    (o) => o.p95 < TARGET.p95Ms,
  );
  add('latency p99', '', (o) => `${fmt(o.p99)} ms`);
  add(
    'errors (incl. timeouts)',
    `${TARGET.errors}`,
    (o) => fmt(o.errors),
    (o) => o.errors === TARGET.errors,
  );
  add('  of which timeouts', '', (o) => fmt(o.timeouts));
  add('409 conflicts (expected)', '', (o) => fmt(o.conflicts));
  add(
    'server peak RSS',
    `< ${TARGET.memoryMb} MB`,
    (o) => `${fmt(mb(o.peakRssBytes))} MB`,
    (o) => mb(o.peakRssBytes) < TARGET.memoryMb,
  );
  add('  next-server alone', '', (o) => `${fmt(mb(o.peakNextServerBytes))} MB`);
  add('  server idle, before load', '', (o) => `${fmt(mb(o.idleRssBytes))} MB`);
  add('database process peak RSS', '', (o) => (o.dbPeakRssBytes ? `${fmt(mb(o.dbPeakRssBytes))} MB` : 'n/a'));
  if (outcomes.some((o) => o.capacity)) {
    const cap = (f: (c: Capacity) => string) => (o: Outcome) => (o.capacity ? f(o.capacity) : 'n/a');
    add(`capacity: no pause, ${opts.capacity} s`, '', () => '');
    add(
      '  requests/second',
      '',
      cap((c) => fmt(c.rps, 1)),
    );
    add(
      '  checkers at this pace',
      '',
      cap((c) => fmt(c.rps * ((opts.think.minMs + opts.think.maxMs) / 2000))),
    );
    add(
      '  latency p50 / p95',
      '',
      cap((c) => `${fmt(c.p50)} / ${fmt(c.p95)} ms`),
    );
    add(
      '  errors',
      '',
      cap((c) => fmt(c.errors)),
    );
    add(
      '  server peak RSS',
      '',
      cap((c) => `${fmt(mb(c.peakRssBytes))} MB`),
    );
  }
  printTable(`Load: ${opts.checkers} checkers, ${describeThink(opts.think)}, ${opts.seconds} s per database, ${cores} cores (${loadNote()})`, header, rows, 2);

  for (const o of outcomes) {
    const kinds = Object.keys(KINDS) as Kind[];
    const kindRows = kinds
      .map((k) => [k, o.stats.byKind.get(k)] as const)
      .filter(([, s]) => s && s.latencies.length)
      .map(([k, s]) => {
        const sorted = [...s!.latencies].sort((a, b) => a - b);
        const codes = [...s!.statuses]
          .sort(([a], [b]) => a - b)
          .map(([code, n]) => `${code}×${n}`)
          .join(' ');
        return [
          KINDS[k].label,
          fmt(sorted.length),
          `${fmt((100 * sorted.length) / o.requests, 1)}%`,
          fmt(percentile(sorted, 50)),
          fmt(percentile(sorted, 95)),
          fmt(percentile(sorted, 99)),
          fmt(s!.errors),
          fmt(s!.conflicts),
          codes,
        ];
      });
    printTable(`By request, ${dbName(o)} (ms)`, ['Request', 'count', 'share', 'p50', 'p95', 'p99', 'errors', '409', 'statuses'], kindRows);
    console.log(`check: ${o.check}`);
    if (o.stats.readCyclesOnly) console.log(`note: ${o.stats.readCyclesOnly} cycles were reads only (the checker had no claim left to research)`);
    if (o.serverErrorLines) console.log(`note: the server logged ${o.serverErrorLines} lines mentioning "error"`);
  }

  console.log('');
  if (missed.length) {
    console.log('TARGETS MISSED (a benchmark, not a test: the exit code stays 0):');
    for (const m of missed) console.log(`  - ${m}`);
  } else {
    console.log('All targets met.');
  }
  console.log('Figures are from one run on a shared machine: other work running at the same time makes them slower and noisier.');
}

async function main() {
  const opts = {
    seconds: positiveInt('seconds', flags.seconds!),
    checkers: positiveInt('checkers', flags.checkers!),
    articles: positiveInt('articles', flags.articles!),
    claims: positiveInt('claims', flags.claims!),
    assigned: positiveInt('assigned', flags.assigned!),
    warmup: positiveInt('warmup', flags.warmup!, true),
    timeout: positiveInt('timeout', flags.timeout!),
    think: parseThink(flags.think!),
    capacity: positiveInt('capacity', flags.capacity!, true),
    postgresUrl: flags['postgres-url']!,
  };
  const which: DbKind[] | undefined =
    flags.db === 'both' ? ['embedded', 'postgres'] : flags.db === 'embedded' || flags.db === 'postgres' ? [flags.db as DbKind] : undefined;
  if (!which) throw new Error(`--db must be embedded, postgres or both, not "${flags.db}"`);
  log(`${os.cpus().length} CPU cores, ${fmt(mb(os.totalmem()))} MB memory, Node ${process.version}; ${loadNote()}`);
  ensureBuild(log);
  const outcomes: Outcome[] = [];
  for (const db of which) outcomes.push(await benchOne(db, opts));
  report(outcomes, opts);
}

main().then(
  async () => {
    await cleanupAll();
    process.exit(0);
  },
  async (err) => {
    console.error(err);
    await cleanupAll();
    process.exit(1);
  },
);
