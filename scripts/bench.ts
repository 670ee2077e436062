/**
 * `npm run bench`: how long the desk takes with a very long article and with a big team.
 *
 * 1. Imports a 10,000-sentence article through importArticle and, for scale, inserts the same
 *    rows with raw SQL, then serves the production build and times the article page as a
 *    signed-in editor.
 * 2. Seeds a second team with 100,000 claims (scripts/lib/bench-scale-data.ts) and times the
 *    claims list (a search, a filter, a far keyset page) and the dashboard as its editor, beside
 *    the raw SQL of the same work measured in the same run (scripts/lib/bench-scale.ts). The
 *    ≤ 2× target compares the page's data work (its data function, in process: Prisma, our SQL
 *    and what we do with the rows) with that raw SQL. The whole page is printed beside it, not
 *    judged against it: every signed-in list page has a fixed cost (session, layout, filter
 *    options, rendering 50 rows: the reference row, ~30 ms) that is many times a 2 ms query.
 *
 * Everything runs in one go on a throwaway database (PostgreSQL when DATABASE_URL is set,
 * otherwise the embedded PGlite), so the figures are comparable with each other. It prints
 * figures, whether they meet their targets and a few extra measurements that show where the
 * time goes; only an actual error makes it exit non-zero. BENCH_PARTS=article or
 * BENCH_PARTS=scale runs one part only.
 */
import os from 'node:os';
import { randomBytes } from 'node:crypto';
import type { ChildProcess } from 'node:child_process';
import pg from 'pg';
import { createPrismaClient, type PrismaClient } from '@/lib/db/client';
import { parseArticle } from '@/lib/domain/article-text';
import { scoreCheckWorthiness } from '@/lib/domain/check-worthiness';
import { importArticle } from '@/lib/import/article';
import { importArticleSchema } from '@/lib/validation/article';
import { createTeam, createUser, DEMO_PASSWORD } from '@/lib/testing/factories';
import { createTestDatabase } from './lib/test-database';
import { ensureBuild, freePort, startNext, stopProcessGroup, waitForHttp } from './lib/next';
import { generateArticle } from './lib/bench-article';
import { insertArticleRaw } from './lib/bench-raw-insert';
import { signIn, timedGet } from './lib/bench-http';
import { seedScaleTeam, TOPICS } from './lib/bench-scale-data';
import { capturingPrisma, explain, pickSearchWord, replay, scaleCases, type CapturedQuery } from './lib/bench-scale';
import type { TestDatabase } from './lib/test-database';

const SENTENCES = 10_000;
/** The first run pays for connections, query plans and JIT warm-up; it is shown but not counted. */
const IMPORT_WARMUPS = 1;
const IMPORT_RUNS = 3;
const PAGE_WARMUPS = 2;
/** 20 rather than 10 requests, so that the p95 is not simply the slowest request. */
const PAGE_RUNS = 20;
/** Smaller articles whose pages show what a page costs without a long article behind it. */
const SMALL_ARTICLES = [10, 250];

const TARGET = { importMs: 2_000, importVsRaw: 3, pageMs: 300, dataVsRaw: 2 };
const PARTS = new Set((process.env.BENCH_PARTS ?? 'article,scale').split(',').map((p) => p.trim()));
/** The big team of part 2: 200 articles × 500 claims. */
const SCALE = { articles: 200, claimsPerArticle: 500 };
const SCALE_WARMUPS = 3;

const log = (msg: string) => console.log(`[bench] ${msg}`);
const ms = (n: number) => `${Math.round(n).toLocaleString('en-US')} ms`;
const count = (n: number) => n.toLocaleString('en-US');
const kb = (bytes: number) => `${count(Math.round(bytes / 1024))} KB`;

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

/** Other work on the machine slows every figure down; say so rather than let it pass unnoticed. */
function reportLoad(when: string) {
  const load = os.loadavg()[0];
  const cores = os.cpus().length;
  log(
    `${when}: load average ${load.toFixed(1)} on ${cores} cores${load > cores * 0.75 ? ' (busy: other processes compete with the bench, figures will be slower and noisier)' : ''}`,
  );
}

type Desk = { prisma: PrismaClient; teamId: string; actorId: string };

type Row = { measure: string; result: string; target?: string; met?: boolean };

function printTable(title: string, rows: Row[]) {
  const withTargets = rows.some((r) => r.target);
  const header = withTargets ? ['Measure', 'Result', 'Target', 'Status'] : ['Measure', 'Result'];
  const cells = rows.map((r) =>
    withTargets ? [r.measure, r.result, r.target ?? '', r.met === undefined ? '' : r.met ? 'met' : 'NOT met'] : [r.measure, r.result],
  );
  const widths = header.map((_, c) => Math.max(header[c].length, ...cells.map((row) => row[c].length)));
  const line = (row: string[]) =>
    row
      .map((cell, c) => cell.padEnd(widths[c]))
      .join('  ')
      .trimEnd();
  console.log(`\n${title}\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  for (const row of cells) console.log(line(row));
}

/** Bytes of the inline RSC payload (`self.__next_f.push(...)` scripts), which repeats the page's data for hydration. */
function rscPayloadBytes(html: string): number {
  return (html.match(/<script[^>]*>self\.__next_f\.push\([\s\S]*?<\/script>/g) ?? []).reduce((sum, s) => sum + Buffer.byteLength(s), 0);
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

/** A table whose first row is its header. */
function printGrid(title: string, [header, ...rows]: string[][]) {
  const widths = header.map((_, c) => Math.max(header[c].length, ...rows.map((row) => row[c].length)));
  const line = (row: string[]) => row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ');
  console.log(`\n${title}\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  for (const row of rows) console.log(line(row));
}

const ratio = (a: number, b: number) => `${(a / b).toFixed(1)}×`;

/**
 * Part 2: seeds the big team, captures the statements of each page's data function and times
 * them over plain `pg` and through the function itself (no server running: the embedded
 * database is one session), then serves the build and times the pages as the team's editor.
 */
async function scalePart(db: TestDatabase, prisma: PrismaClient): Promise<{ targets: Row[]; breakdown: Row[]; grid: string[][] }> {
  let sql: pg.Client | undefined = new pg.Client({ connectionString: db.url });
  await sql.connect();
  const capture = capturingPrisma(db.url, db.embedded);
  // The raw side gets a pool of the app's size, so that independent statements overlap as they do in the app.
  const rawPool = new pg.Pool({ connectionString: db.url, max: db.embedded ? 1 : 10 });
  let server: ChildProcess | undefined;
  let serverOutput = () => '';
  type Measured = {
    name: string;
    path: string;
    reference?: boolean;
    statements: CapturedQuery[];
    inProcess: number[];
    raw: number[];
    extraRaw?: number[];
    page?: number[];
    rows?: number;
    bytes?: number;
    rscBytes?: number;
  };
  const measured: Measured[] = [];
  try {
    const team = await seedScaleTeam(prisma, sql, { ...SCALE, log });
    const search = await pickSearchWord(sql, team.teamId, TOPICS.slice(0, 12), team.claims);
    log(
      `search word "${search.word}": ${count(search.matches)} matching claims (${((100 * search.matches) / team.claims).toFixed(2)}% of ${count(team.claims)})`,
    );
    const cases = await scaleCases(team, sql, search.word, capture.prisma);
    await sql.end();
    sql = undefined;

    for (const c of cases) {
      const now = new Date();
      await c.run(now);
      const statements = await capture.capture(() => c.run(now));
      const extraStatements = c.extra ? await capture.capture(() => c.extra!(now)) : [];
      log(`${c.name}: ${statements.length} statement(s)${extraStatements.length ? ` (+ ${extraStatements.length} for the filter options)` : ''}`);
      for (const q of statements) log(`  ${ms(q.end - q.start).padStart(8)}  ${q.text.replace(/\s+/g, ' ').slice(0, 150)}`);
      const raw = await timeRuns(`${c.name}: raw SQL`, SCALE_WARMUPS, PAGE_RUNS, () => replay(rawPool, statements));
      const inProcess = await timeRuns(`${c.name}: in process`, SCALE_WARMUPS, PAGE_RUNS, () => c.run(now));
      const extraRaw = extraStatements.length
        ? await timeRuns(`${c.name}: raw SQL of the filter options`, SCALE_WARMUPS, PAGE_RUNS / 2, () => replay(rawPool, extraStatements))
        : undefined;
      measured.push({ name: c.name, path: c.path, reference: c.reference, statements, inProcess, raw, extraRaw });
    }
    await capture.close();
    await rawPool.end();

    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    server = startNext({ DATABASE_URL: db.url, CLAIMDESK_EMBEDDED: db.embedded ? '1' : '0', AUTH_SECRET: randomBytes(32).toString('base64url') }, port, {
      host: '127.0.0.1',
      stdio: 'pipe',
    });
    serverOutput = captureOutput(server);
    await waitForHttp(`${baseUrl}/login`);
    const cookie = await signIn(baseUrl, team.editor.email, DEMO_PASSWORD);
    reportLoad('pages of the big team');
    for (const m of measured) {
      let html = '';
      m.page = await timeRuns(`GET ${m.path.length > 60 ? `${m.path.slice(0, 57)}...` : m.path}`, SCALE_WARMUPS, PAGE_RUNS, async () => {
        const res = await timedGet(`${baseUrl}${m.path}`, cookie);
        if (res.status !== 200) throw new Error(`GET ${m.path} answered ${res.status}`);
        html = res.body;
      });
      m.bytes = Buffer.byteLength(html);
      m.rscBytes = rscPayloadBytes(html);
      m.rows = m.path.startsWith('/claims') ? html.split('name="claimIds"').length - 1 : undefined;
    }
  } catch (err) {
    const output = serverOutput();
    if (output) console.error(`[bench] last output of the Next server:\n${output}`);
    throw err;
  } finally {
    await stopServer(server);
    await sql?.end();
    await capture.close().catch(() => {});
    await rawPool.end().catch(() => {});
  }

  const targets: Row[] = [];
  const breakdown: Row[] = [];
  const grid = [['Page', 'Rows', 'HTML (RSC)', 'Page p50', 'Page p95', 'In process p50', 'Raw SQL p50', 'Raw p95', 'Page/raw', 'Stmts']];
  const missedCases: Measured[] = [];
  for (const m of measured) {
    const page = m.page!;
    const [p50, p95, raw50, data50] = [median(page), percentile(page, 95), median(m.raw), median(m.inProcess)];
    grid.push([
      m.name,
      m.rows === undefined ? '' : String(m.rows),
      `${kb(m.bytes!)} (${kb(m.rscBytes!)})`,
      ms(p50),
      ms(p95),
      ms(median(m.inProcess)),
      ms(raw50),
      ms(percentile(m.raw, 95)),
      ratio(p50, raw50),
      String(m.statements.length),
    ]);
    if (m.reference) continue;
    const met = { p50: p50 <= TARGET.pageMs, p95: p95 <= TARGET.pageMs, ratio: data50 <= TARGET.dataVsRaw * raw50 };
    targets.push(
      { measure: `${m.name}: page p50 / p95`, result: `${ms(p50)} / ${ms(p95)}`, target: `≤ ${ms(TARGET.pageMs)}`, met: met.p50 && met.p95 },
      { measure: `${m.name}: its data work / raw SQL (p50)`, result: ratio(data50, raw50), target: `≤ ${TARGET.dataVsRaw}×`, met: met.ratio },
      { measure: `${m.name}: whole page / raw SQL (p50)`, result: ratio(p50, raw50) },
    );
    if (m.extraRaw) breakdown.push({ measure: `${m.name}: raw SQL of the filter-options queries beside it (median)`, result: ms(median(m.extraRaw)) });
    if (!met.p50 || !met.p95 || !met.ratio) missedCases.push(m);
  }

  // Where a target is missed, the plan of the slowest statement behind that page.
  if (missedCases.length) {
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      for (const m of missedCases) {
        let slowest = m.statements[0];
        for (const q of m.statements) if (q.end - q.start > slowest.end - slowest.start) slowest = q;
        console.log(
          `\n[bench] ${m.name}: plan of its slowest statement (${ms(slowest.end - slowest.start)} when captured)\n${slowest.text}\n-- parameters: ${JSON.stringify(slowest.values)}\n${await explain(client, slowest)}`,
        );
      }
    } finally {
      await client.end();
    }
  }
  return { targets, breakdown, grid };
}

async function main() {
  log(`${os.cpus().length} CPU cores, Node ${process.version}`);
  ensureBuild((m) => log(m));
  reportLoad('start');

  const text = generateArticle(SENTENCES);
  const parsed = parseArticle({ text });
  log(`article: ${count(Buffer.byteLength(text))} bytes, parseArticle found ${count(parsed.claims.length)} claims (${count(SENTENCES)} expected)`);
  if (parsed.claims.length !== SENTENCES)
    throw new Error('The generated article does not split into the expected number of claims: fix scripts/lib/bench-article.ts');
  const input = importArticleSchema.parse({ text });
  // Part of every import, measured on its own so that it can be told apart from database work.
  const parseTimes = await timeRuns('parseArticle (no database)', 1, IMPORT_RUNS, async () => parseArticle({ text }));

  const db = await createTestDatabase('claimdesk_bench');
  log(`database: ${db.embedded ? `embedded PGlite in ${db.name}` : `PostgreSQL database ${db.name}`}`);
  let prisma: PrismaClient | undefined;
  let sql: pg.Client | undefined;
  let server: ChildProcess | undefined;
  let serverOutput = () => '';
  const targets: Row[] = [];
  let scaleGrid: string[][] | undefined;
  const breakdown: Row[] = [{ measure: `parseArticle, ${count(SENTENCES)} sentences (part of every import)`, result: ms(median(parseTimes)) }];
  try {
    prisma = createPrismaClient(db.url, db.embedded);
    if (PARTS.has('article')) {
      const team = await createTeam(prisma, { name: 'Bench desk', slug: 'bench-desk' });
      const editor = await createUser(prisma, { teamId: team.id, email: 'editor@bench.example', name: 'Erin Editor', role: 'editor' });
      const desk: Desk = { prisma, teamId: team.id, actorId: editor.id };

      // --- Import, then the same rows through raw SQL.
      let articleId = '';
      const importTimes = await timeRuns('importArticle', IMPORT_WARMUPS, IMPORT_RUNS, async () => {
        articleId = (await importArticle(desk.prisma, { teamId: desk.teamId, actorId: desk.actorId, input })).id;
      });
      const stored = await prisma.claim.count({ where: { articleId } });
      if (stored !== SENTENCES) throw new Error(`importArticle stored ${stored} claims, not ${SENTENCES}`);

      sql = new pg.Client({ connectionString: db.url });
      await sql.connect();
      const rawClient = sql;
      const scores = parsed.claims.map((c) => scoreCheckWorthiness(c.text, parsed.language));
      const rawTimes = await timeRuns('raw SQL insert', IMPORT_WARMUPS, IMPORT_RUNS, () =>
        insertArticleRaw(rawClient, { teamId: desk.teamId, actorId: desk.actorId, input, parsed, scores }),
      );
      breakdown.push({ measure: 'raw SQL, one INSERT … SELECT FROM unnest (the floor)', result: ms(median(rawTimes)) });
      // The embedded database is one session shared by every connection: leave it to the server.
      await sql.end();
      sql = undefined;

      // --- Pages: the long article, and small ones that separate fixed costs from the article's size.
      const smallArticles = [];
      for (const sentences of SMALL_ARTICLES) {
        const small = await importArticle(desk.prisma, {
          teamId: desk.teamId,
          actorId: desk.actorId,
          input: importArticleSchema.parse({ text: generateArticle(sentences) }),
        });
        smallArticles.push({ sentences, id: small.id });
      }

      const port = await freePort();
      const baseUrl = `http://127.0.0.1:${port}`;
      server = startNext({ DATABASE_URL: db.url, CLAIMDESK_EMBEDDED: db.embedded ? '1' : '0', AUTH_SECRET: randomBytes(32).toString('base64url') }, port, {
        host: '127.0.0.1',
        stdio: 'pipe',
      });
      serverOutput = captureOutput(server);
      await waitForHttp(`${baseUrl}/login`);
      const cookie = await signIn(baseUrl, editor.email, DEMO_PASSWORD);

      const timePage = async (label: string, id: string, warmups: number, runs: number) => {
        let html = '';
        const times = await timeRuns(label, warmups, runs, async () => {
          const res = await timedGet(`${baseUrl}/articles/${id}`, cookie);
          if (res.status !== 200) throw new Error(`GET /articles/${id} answered ${res.status}`);
          html = res.body;
        });
        return { times, html };
      };
      const page = await timePage(`GET /articles/<${count(SENTENCES)}-claim article>`, articleId, PAGE_WARMUPS, PAGE_RUNS);
      const bytes = Buffer.byteLength(page.html);
      const rowsShown = page.html.split('aria-label="Select claim ').length - 1;
      log(`article page: ${kb(bytes)} of HTML (${kb(rscPayloadBytes(page.html))} of it inline RSC payload), ${rowsShown} claim rows shown`);
      for (const small of smallArticles) {
        const { times } = await timePage(`GET /articles/<${small.sentences}-claim article>`, small.id, 1, PAGE_RUNS / 2);
        breakdown.push({ measure: `article page, ${small.sentences}-claim article (median)`, result: ms(median(times)) });
      }
      breakdown.push({ measure: `article page, ${count(SENTENCES)}-claim article (median)`, result: ms(median(page.times)) });

      const importMedian = median(importTimes);
      const rawMedian = median(rawTimes);
      const pageMedian = median(page.times);
      const pageP95 = percentile(page.times, 95);
      targets.push(
        {
          measure: `importArticle, ${count(SENTENCES)} claims (median)`,
          result: ms(importMedian),
          target: `≤ ${ms(TARGET.importMs)}`,
          met: importMedian <= TARGET.importMs,
        },
        { measure: 'raw SQL insert, same rows (median)', result: ms(rawMedian) },
        {
          measure: 'importArticle / raw SQL',
          result: `${(importMedian / rawMedian).toFixed(1)}×`,
          target: `≤ ${TARGET.importVsRaw}×`,
          met: importMedian <= TARGET.importVsRaw * rawMedian,
        },
        { measure: `article page, median (${PAGE_RUNS} requests)`, result: ms(pageMedian), target: `≤ ${ms(TARGET.pageMs)}`, met: pageMedian <= TARGET.pageMs },
        { measure: 'article page, p95', result: ms(pageP95), target: `≤ ${ms(TARGET.pageMs)}`, met: pageP95 <= TARGET.pageMs },
        { measure: 'article page size', result: `${kb(bytes)}, ${rowsShown} rows` },
      );
      // The embedded database is one session: the next part writes to it, so no server may poll it.
      await stopServer(server);
      server = undefined;
    }

    // --- A team of 100,000 claims: the claims list and the dashboard, beside their raw SQL.
    if (PARTS.has('scale')) {
      const scale = await scalePart(db, prisma);
      targets.push(...scale.targets);
      breakdown.push(...scale.breakdown);
      scaleGrid = scale.grid;
    }
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
  reportLoad('end');
  const setting = `${db.embedded ? 'embedded PGlite' : 'PostgreSQL'}, ${os.cpus().length} cores`;
  printTable(`Where the time goes (${setting})`, breakdown);
  if (scaleGrid) {
    printGrid(
      `Claims list and dashboard, ${count(SCALE.articles * SCALE.claimsPerArticle)} claims in one team (${setting}; p50/p95 of ${PAGE_RUNS} requests)`,
      scaleGrid,
    );
    console.log(
      "In process: the page's data function; Page/raw is the whole page against the raw SQL, shown, not judged (see the header of scripts/bench.ts).",
    );
  }
  printTable(`Targets (${setting})`, targets);
  const missed = targets.filter((t) => t.met === false);
  console.log(missed.length ? `\n[bench] ${missed.length} target(s) NOT met: ${missed.map((t) => t.measure).join('; ')}` : '\n[bench] every target met');
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
