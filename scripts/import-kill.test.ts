import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD_FILE, startEmbeddedDatabase } from '@/lib/db/embedded';
import { createTeam, createUser, uniqueSuffix } from '@/lib/testing/factories';
import { hasDatabase, testPrisma } from '@/lib/testing/database';

/**
 * The CLI import is one transaction: killed with SIGKILL while that transaction is open, it
 * leaves no article and no claims, and the same import then succeeds (ADR 0016).
 *
 * - Through a connection (PostgreSQL, or the embedded database's socket as when the app is
 *   running): a TCP proxy between the CLI and the database sees the claims' INSERT go by and
 *   then passes no more answers, so the transaction is certainly open and can never commit; on
 *   PostgreSQL, pg_stat_activity confirms it (the session has a transaction id). The CLI is
 *   killed there; the server (or pglite-socket, for a connection that closes) rolls back.
 * - Embedded, the CLI owning its own data folder: the database itself dies with the process;
 *   the folder is opened again (PGlite's crash recovery) and checked. The CLI talks to its own
 *   in-process socket, so no proxy fits in: PGlite being one session, a probe query through that
 *   socket that waits 3 s unanswered says a transaction is open (the CLI's only long one).
 */
// ~1.6 MB of sentences.
const LARGE = 32_000;
const TITLE = `Large Import ${uniqueSuffix()}`;
const scratch = mkdtempSync(path.join(os.tmpdir(), 'claimdesk-kill-'));
const onServer = hasDatabase && process.env.CLAIMDESK_EMBEDDED !== '1';
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function writeArticle(file: string, sentenceCount: number): string {
  const sentences = Array.from({ length: sentenceCount }, (_, i) => `District ${i + 1} reported ${(i * 7) % 1000} new homes in ${2000 + (i % 26)}.`);
  const paragraphs: string[] = [];
  for (let i = 0; i < sentences.length; i += 8) paragraphs.push(sentences.slice(i, i + 8).join(' '));
  writeFileSync(path.join(scratch, file), `${TITLE}\n\n${paragraphs.join('\n\n')}\n`);
  return path.join(scratch, file);
}

function startCli(args: string[], env: NodeJS.ProcessEnv) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/claimdesk.ts', 'import', ...args], { env });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
  return { child, exited, stderr: () => stderr };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(what: string, check: () => Promise<boolean> | boolean, timeoutMs: number, alive?: ChildProcess) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    if (alive && alive.exitCode !== null) throw new Error(`The CLI exited (${alive.exitCode}) before ${what}.`);
    await sleep(50);
  }
  throw new Error(`Timed out waiting for ${what}.`);
}

/**
 * Resolves once a query on a connection of its own has waited `blockedMs` without an answer:
 * on PGlite, someone holds the one session in a transaction.
 */
async function waitForHeldSession(url: string, cli: ChildProcess, blockedMs = 3_000) {
  const probe = new pg.Client({ connectionString: url });
  await probe.connect();
  probe.on('error', () => {});
  try {
    for (;;) {
      if (cli.exitCode !== null) throw new Error(`The CLI exited (${cli.exitCode}) before its import transaction was seen.`);
      const answered = probe.query('SELECT 1').then(
        () => true,
        () => true,
      );
      if (!(await Promise.race([answered, sleep(blockedMs).then(() => false)]))) return { release: () => answered.then(() => probe.end()) };
      await sleep(100);
    }
  } catch (err) {
    await probe.end();
    throw err;
  }
}

/**
 * A TCP proxy in front of the database that watches what the client sends: once the claims'
 * INSERT has gone through, it forwards no more answers, so the client can never reach COMMIT.
 */
async function interceptingProxy(target: URL) {
  const sockets = new Set<net.Socket>();
  let seen = () => {};
  const claimsInsert = new Promise<void>((resolve) => (seen = resolve));
  let held = false;
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(target.port || 5432), target.hostname);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('error', () => s.destroy());
    }
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
    let tail = '';
    client.on('data', (chunk: Buffer) => {
      const text = tail + chunk.toString('latin1');
      tail = text.slice(-32);
      upstream.write(chunk);
      if (!held && text.includes('INSERT INTO "Claim"')) {
        held = true;
        seen();
      }
    });
    upstream.on('data', (chunk: Buffer) => {
      if (!held) client.write(chunk);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = new URL(target);
  url.host = `127.0.0.1:${(server.address() as net.AddressInfo).port}`;
  return {
    url,
    claimsInsert,
    close: () => {
      for (const s of sockets) s.destroy();
      server.close();
    },
  };
}

describe.skipIf(!hasDatabase)('the CLI import killed mid-transaction, through a connection', () => {
  const prisma = hasDatabase ? testPrisma() : (undefined as never);
  let slug = '';
  let teamId = '';
  // The proxy makes the moment exact whatever the size. Through the test run's embedded socket a
  // 1.6 MB import would hold the one PGlite session (every other test file's queries) for a minute.
  const SENTENCES = onServer ? LARGE : 2_000;
  let bigFile = '';

  beforeAll(async () => {
    bigFile = writeArticle('connection.txt', SENTENCES);
    const suffix = uniqueSuffix();
    slug = `kill-${suffix}`;
    teamId = (await createTeam(prisma, { name: `Kill ${suffix}`, slug })).id;
    await createUser(prisma, { teamId, email: `kill.${suffix}@example.test`, name: 'Kill Editor', role: 'editor' });
  });
  afterAll(() => prisma.$disconnect());

  it('leaves no article, claims or history behind, and the same import then succeeds', async () => {
    const applicationName = `claimdesk-kill-${uniqueSuffix()}`;
    const proxy = await interceptingProxy(new URL(process.env.DATABASE_URL!));
    proxy.url.searchParams.set('application_name', applicationName);
    try {
      const cli = startCli([bigFile, '--team', slug], { ...process.env, DATABASE_URL: proxy.url.toString() });
      await Promise.race([proxy.claimsInsert, cli.exited.then((r) => Promise.reject(new Error(`The CLI exited before inserting claims: ${r.stderr}`)))]);
      if (onServer) {
        // The database's own view: the CLI's session is inside a transaction that has written (it has an xid).
        const monitor = new pg.Client({ connectionString: process.env.DATABASE_URL });
        await monitor.connect();
        const inFlight = async () =>
          (
            await monitor.query(`SELECT 1 FROM pg_stat_activity WHERE application_name = $1 AND xact_start IS NOT NULL AND backend_xid IS NOT NULL`, [
              applicationName,
            ])
          ).rowCount! > 0;
        expect(await inFlight()).toBe(true);
        cli.child.kill('SIGKILL');
        expect(await cli.exited).toMatchObject({ signal: 'SIGKILL' });
        proxy.close();
        await until('the server to end the killed session', async () => !(await inFlight()), 60_000);
        await monitor.end();
      } else {
        cli.child.kill('SIGKILL');
        expect(await cli.exited).toMatchObject({ signal: 'SIGKILL' });
        proxy.close();
      }
    } finally {
      proxy.close();
    }

    expect(await prisma.article.count({ where: { teamId } })).toBe(0);
    expect(await prisma.article.count({ where: { title: TITLE } })).toBe(0);
    expect(await prisma.claim.count({ where: { teamId } })).toBe(0);
    expect(await prisma.auditEvent.count({ where: { teamId } })).toBe(0);

    const again = await startCli([bigFile, '--team', slug], process.env).exited;
    expect(again.code).toBe(0);
    const article = await prisma.article.findFirstOrThrow({ where: { teamId, title: TITLE }, select: { id: true } });
    expect(await prisma.claim.count({ where: { teamId } })).toBe(SENTENCES);
    expect(await prisma.claim.count({ where: { articleId: article.id } })).toBe(SENTENCES);
  }, 300_000);
});

describe.skipIf(onServer)('the CLI import killed mid-transaction while it owns the embedded data folder', () => {
  const dataDir = path.join(scratch, 'data');
  const env: NodeJS.ProcessEnv = { ...process.env, CLAIMDESK_DATA_DIR: dataDir, CLAIMDESK_EMBEDDED: '1' };
  delete env.DATABASE_URL;

  async function counts() {
    const db = await startEmbeddedDatabase(dataDir);
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ articles: number; titled: number; claims: number; orphans: number; events: number }>(
        `SELECT (SELECT count(*)::int FROM "Article") AS articles, (SELECT count(*)::int FROM "Article" WHERE title = $1) AS titled,
                (SELECT count(*)::int FROM "Claim") AS claims, (SELECT count(*)::int FROM "AuditEvent") AS events,
                (SELECT count(*)::int FROM "Claim" c WHERE NOT EXISTS (SELECT 1 FROM "Article" a WHERE a.id = c."articleId")) AS orphans`,
        [TITLE],
      );
      return rows[0];
    } finally {
      await client.end();
      await db.stop();
    }
  }

  it('opens the folder again with no trace of the import, and the same import then succeeds', async () => {
    const bigFile = writeArticle('owner.txt', LARGE);
    const small = path.join(scratch, 'small.txt');
    writeFileSync(small, 'Small Article\n\nThe budget rose 4%. Taxes fell 2%.\n');
    // Makes the folder: migrations, the demo seed and one small article.
    const first = await startCli([small, '--team', 'demo-desk'], env).exited;
    expect(first.code).toBe(0);
    const before = await counts();

    const cli = startCli([bigFile, '--team', 'demo-desk'], env);
    const serverFile = path.join(dataDir, 'server.json');
    await until(
      'the CLI to open the folder',
      () => existsSync(serverFile) && JSON.parse(readFileSync(serverFile, 'utf8')).pid === cli.child.pid,
      60_000,
      cli.child,
    );
    const { port } = JSON.parse(readFileSync(serverFile, 'utf8')) as { port: number };
    const password = readFileSync(path.join(dataDir, PASSWORD_FILE), 'utf8').trim();
    const { release } = await waitForHeldSession(`postgresql://postgres:${password}@127.0.0.1:${port}/postgres?sslmode=disable`, cli.child);
    cli.child.kill('SIGKILL');
    expect(await cli.exited).toMatchObject({ signal: 'SIGKILL' });
    await release().catch(() => {});

    const after = await counts();
    expect(after).toEqual({ ...before, titled: 0 });
    expect(after.orphans).toBe(0);

    const again = await startCli([bigFile, '--team', 'demo-desk'], env).exited;
    expect(again.code).toBe(0);
    expect(await counts()).toEqual({ ...before, articles: before.articles + 1, titled: 1, claims: before.claims + LARGE, events: before.events + 1 });
  }, 300_000);
});
