/**
 * `npm run bench`: how long the desk takes with a very long article. Imports a 10,000-sentence
 * article through importArticle and, for scale, inserts the same rows with raw SQL, then serves
 * the production build and times the article page as a signed-in editor. Everything runs in
 * one go on a throwaway database (PostgreSQL when DATABASE_URL is set, otherwise the embedded
 * PGlite), so the figures are comparable with each other. It prints figures and whether they
 * meet their targets; only an actual error makes it exit non-zero.
 */
import os from 'node:os';
import { randomBytes } from 'node:crypto';
import type { ChildProcess } from 'node:child_process';
import pg from 'pg';
import { createPrismaClient, type PrismaClient } from '@/lib/db/client';
import { parseArticle } from '@/lib/domain/article-text';
import { importArticle } from '@/lib/import/article';
import { importArticleSchema } from '@/lib/validation/article';
import { createTeam, createUser, DEMO_PASSWORD } from '@/prisma/factories';
import { createTestDatabase } from './lib/test-database';
import { ensureBuild, freePort, startNext, stopProcessGroup, waitForHttp } from './lib/next';
import { generateArticle } from './lib/bench-article';
import { insertArticleRaw } from './lib/bench-raw-insert';
import { signIn, timedGet } from './lib/bench-http';

const SENTENCES = 10_000;
/** The first run pays for connections, query plans and JIT warm-up; it is reported but not counted. */
const IMPORT_WARMUPS = 1;
const IMPORT_RUNS = 3;
const PAGE_WARMUPS = 2;
/** 20 rather than 10 requests, so that the p95 is not simply the slowest request. */
const PAGE_RUNS = 20;

const TARGET = { importMs: 2_000, importVsRaw: 3, pageMs: 300 };

const log = (msg: string) => console.log(`[bench] ${msg}`);
const ms = (n: number) => `${Math.round(n).toLocaleString('en-US')} ms`;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Nearest-rank percentile. */
function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Runs `fn` warm-up + measured times in sequence and returns the measured durations. */
async function timeRuns(label: string, warmups: number, runs: number, fn: () => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < warmups + runs; i++) {
    const started = performance.now();
    await fn();
    const elapsed = performance.now() - started;
    if (i >= warmups) times.push(elapsed);
    else log(`${label}: warm-up ${ms(elapsed)}`);
  }
  log(`${label}: ${times.map(ms).join(', ')} → median ${ms(median(times))}`);
  return times;
}

/** Keeps the last lines of the server's output, shown only if something goes wrong. */
function captureOutput(server: ChildProcess): () => string {
  let tail = '';
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString()).slice(-4_000);
  };
  // Reading both pipes also keeps a chatty server from blocking on a full pipe.
  server.stdout?.on('data', keep);
  server.stderr?.on('data', keep);
  return () => tail;
}

async function stopServer(server: ChildProcess | undefined): Promise<void> {
  if (!server || server.exitCode !== null) return;
  const exited = new Promise((resolve) => server.once('exit', resolve));
  stopProcessGroup(server);
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
}

type Row = { measure: string; result: string; target: string; met: boolean | null };

function printSummary(rows: Row[]) {
  const table = [['Measure', 'Result', 'Target', 'Status'], ...rows.map((r) => [r.measure, r.result, r.target, r.met === null ? '' : r.met ? 'met' : 'NOT met'])];
  const widths = table[0].map((_, c) => Math.max(...table.map((row) => row[c].length)));
  const line = (row: string[]) => row.map((cell, c) => cell.padEnd(widths[c])).join('  ').trimEnd();
  console.log(`\n${line(table[0])}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  for (const row of table.slice(1)) console.log(line(row));
}

async function main() {
  log(`${os.cpus().length} CPU cores, Node ${process.version}`);
  ensureBuild((m) => log(m));

  const text = generateArticle(SENTENCES);
  const parsed = parseArticle({ text });
  log(`article: ${Buffer.byteLength(text).toLocaleString('en-US')} bytes, parseArticle found ${parsed.claims.length.toLocaleString('en-US')} claims (${SENTENCES.toLocaleString('en-US')} expected)`);
  if (parsed.claims.length !== SENTENCES) throw new Error('The generated article does not split into the expected number of claims; fix scripts/lib/bench-article.ts');
  const input = importArticleSchema.parse({ text });
  // Part of every import, measured on its own so that it can be told apart from database time.
  const parseTimes = await timeRuns('parseArticle (no database)', 1, IMPORT_RUNS, async () => parseArticle({ text }));

  const db = await createTestDatabase('claimdesk_bench');
  log(`database: ${db.embedded ? `embedded PGlite in ${db.name}` : `PostgreSQL database ${db.name}`}`);
  let prisma: PrismaClient | undefined;
  let sql: pg.Client | undefined;
  let server: ChildProcess | undefined;
  let serverOutput = () => '';
  const rows: Row[] = [];
  try {
    prisma = createPrismaClient(db.url, db.embedded);
    const team = await createTeam(prisma, { name: 'Bench desk', slug: 'bench-desk' });
    const editor = await createUser(prisma, { teamId: team.id, email: 'editor@bench.example', name: 'Erin Editor', role: 'editor' });

    let articleId = '';
    const client = prisma;
    const importTimes = await timeRuns('importArticle', IMPORT_WARMUPS, IMPORT_RUNS, async () => {
      articleId = (await importArticle(client, { teamId: team.id, actorId: editor.id, input })).id;
    });
    const stored = await prisma.claim.count({ where: { articleId } });
    if (stored !== SENTENCES) throw new Error(`importArticle stored ${stored} claims, not ${SENTENCES}`);

    sql = new pg.Client({ connectionString: db.url });
    await sql.connect();
    const rawClient = sql;
    const rawTimes = await timeRuns('raw SQL insert', IMPORT_WARMUPS, IMPORT_RUNS, () =>
      insertArticleRaw(rawClient, { teamId: team.id, actorId: editor.id, input, parsed }),
    );
    // The embedded database is one session shared by every connection: leave it to the server.
    await sql.end();
    sql = undefined;

    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    server = startNext(
      { DATABASE_URL: db.url, CLAIMDESK_EMBEDDED: db.embedded ? '1' : '0', AUTH_SECRET: randomBytes(32).toString('base64url') },
      port,
      { host: '127.0.0.1', stdio: 'pipe' },
    );
    serverOutput = captureOutput(server);
    await waitForHttp(`${baseUrl}/login`);
    const cookie = await signIn(baseUrl, editor.email, DEMO_PASSWORD);

    const pageUrl = `${baseUrl}/articles/${articleId}`;
    let last = { status: 0, body: '' };
    const pageTimes = await timeRuns(`GET /articles/<id>`, PAGE_WARMUPS, PAGE_RUNS, async () => {
      last = await timedGet(pageUrl, cookie);
      if (last.status !== 200) throw new Error(`${pageUrl} answered ${last.status}`);
    }).then((times) => times);
    const rowsShown = last.body.split('aria-label="Select claim ').length - 1;
    log(`article page: ${Buffer.byteLength(last.body).toLocaleString('en-US')} bytes of HTML, ${rowsShown} claim rows shown`);

    const importMedian = median(importTimes);
    const rawMedian = median(rawTimes);
    const pageMedian = median(pageTimes);
    const pageP95 = percentile(pageTimes, 95);
    rows.push(
      { measure: 'parseArticle alone (median)', result: ms(median(parseTimes)), target: '', met: null },
      { measure: `importArticle, ${SENTENCES.toLocaleString('en-US')} claims (median)`, result: ms(importMedian), target: `≤ ${ms(TARGET.importMs)}`, met: importMedian <= TARGET.importMs },
      { measure: 'raw SQL insert, same rows (median)', result: ms(rawMedian), target: '', met: null },
      { measure: 'importArticle / raw SQL', result: `${(importMedian / rawMedian).toFixed(2)}×`, target: `≤ ${TARGET.importVsRaw}×`, met: importMedian <= TARGET.importVsRaw * rawMedian },
      { measure: 'article page, median', result: ms(pageMedian), target: `≤ ${ms(TARGET.pageMs)}`, met: pageMedian <= TARGET.pageMs },
      { measure: 'article page, p95', result: ms(pageP95), target: `≤ ${ms(TARGET.pageMs)}`, met: pageP95 <= TARGET.pageMs },
    );
  } catch (err) {
    const output = serverOutput();
    if (output) console.error(`[bench] last output of the Next server:\n${output}`);
    throw err;
  } finally {
    await stopServer(server);
    await sql?.end();
    await prisma?.$disconnect();
    await db.drop();
  }
  log(`${db.embedded ? 'embedded PGlite' : 'PostgreSQL'}, ${os.cpus().length} cores:`);
  printSummary(rows);
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
