/**
 * The embedded default database: PGlite (PostgreSQL in WebAssembly) keeping its data in
 * CLAIMDESK_DATA_DIR, served on a loopback port so that Prisma, the CLI and the tests use
 * the ordinary PostgreSQL driver. Only one process may open the folder, so the owner writes
 * `server.json` there and any other process connects through its socket instead (ADR 0002).
 *
 * The port asks for a password, generated once into the folder's `database-password` (like
 * `auth-secret`, readable by its owner only); PGlite itself listens on a Unix socket only its
 * owner can open, and the folder is closed to other users (ADR 0024).
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { startPasswordGate } from '@/lib/db/password-gate';

export type EmbeddedDatabase = { url: string; owner: boolean; stop: () => Promise<void> };

type ServerInfo = { pid: number; port: number };

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export const PASSWORD_FILE = 'database-password';

function urlFor(port: number, password: string): string {
  return `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres?sslmode=disable`;
}

/** The database's password, generated once into the data folder (as `auth-secret` is) and readable by its owner only. */
function databasePassword(dir: string): string {
  const file = path.join(dir, PASSWORD_FILE);
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}

/**
 * Where PGlite listens: a Unix socket in the data folder, or, when that path is too long for a
 * socket (about 100 bytes), in a private temporary folder. Windows has named pipes instead,
 * which other users can list: there only the password keeps them out (ADR 0024).
 */
function socketPath(dir: string): { path: string; remove: () => void } {
  if (process.platform === 'win32') return { path: `\\\\?\\pipe\\claimdesk-${randomBytes(16).toString('hex')}`, remove: () => {} };
  const inFolder = path.join(dir, 'pglite.sock');
  if (Buffer.byteLength(inFolder) <= 100) {
    rmSync(inFolder, { force: true }); // left by an owner that died
    return { path: inFolder, remove: () => rmSync(inFolder, { force: true }) };
  }
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'claimdesk-'));
  return { path: path.join(tmp, 'pglite.sock'), remove: () => rmSync(tmp, { recursive: true, force: true }) };
}

export async function startEmbeddedDatabase(dataDir: string, port = 0): Promise<EmbeddedDatabase> {
  const dir = path.resolve(dataDir);
  const pgDir = path.join(dir, 'pgdata');
  const infoFile = path.join(dir, 'server.json');
  mkdirSync(pgDir, { recursive: true, mode: 0o700 });
  const password = databasePassword(dir);

  if (existsSync(infoFile)) {
    const info = JSON.parse(readFileSync(infoFile, 'utf8')) as ServerInfo;
    if (info.pid !== process.pid && isAlive(info.pid)) {
      return { url: urlFor(info.port, password), owner: false, stop: async () => {} };
    }
  }

  // The database files, the auth secret and this password are nobody else's business, as
  // PostgreSQL insists for its own data folder; a folder made before this change is closed now.
  chmodSync(dir, 0o700);
  chmodSync(pgDir, 0o700);

  // pg_trgm powers "similar past claims"; PostgreSQL servers ship it in contrib.
  const pglite = await PGlite.create(pgDir, { extensions: { pg_trgm } });
  const socket = socketPath(dir);
  const server = new PGLiteSocketServer({ db: pglite, path: socket.path, maxConnections: 64 });
  await server.start();
  if (process.platform !== 'win32') chmodSync(socket.path, 0o600);
  const gate = await startPasswordGate({ host: '127.0.0.1', port, password, upstream: socket.path });
  writeFileSync(infoFile, JSON.stringify({ pid: process.pid, port: gate.port } satisfies ServerInfo));

  let stopped = false;
  return {
    url: urlFor(gate.port, password),
    owner: true,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await gate.close();
      await server.stop();
      await pglite.close();
      socket.remove();
      rmSync(infoFile, { force: true });
    },
  };
}

/** A database URL fit for a log line: its password replaced. */
export function withoutPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return url.replace(/:[^:@/]*@/, ':***@');
  }
}
