/**
 * The embedded default database: PGlite (PostgreSQL in WebAssembly) keeping its data in
 * CLAIMDESK_DATA_DIR, served on a loopback port so that Prisma, the CLI and the tests use
 * the ordinary PostgreSQL driver. Only one process may open the folder, so the owner writes
 * `server.json` there and any other process connects through its socket instead (ADR 0002).
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

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

function urlFor(port: number): string {
  return `postgresql://postgres@127.0.0.1:${port}/postgres?sslmode=disable`;
}

export async function startEmbeddedDatabase(dataDir: string, port = 0): Promise<EmbeddedDatabase> {
  const dir = path.resolve(dataDir);
  const pgDir = path.join(dir, 'pgdata');
  const infoFile = path.join(dir, 'server.json');
  mkdirSync(pgDir, { recursive: true });

  if (existsSync(infoFile)) {
    const info = JSON.parse(readFileSync(infoFile, 'utf8')) as ServerInfo;
    if (info.pid !== process.pid && isAlive(info.pid)) {
      return { url: urlFor(info.port), owner: false, stop: async () => {} };
    }
  }

  // pg_trgm powers "similar past claims"; PostgreSQL servers ship it in contrib.
  const pglite = await PGlite.create(pgDir, { extensions: { pg_trgm } });
  const server = new PGLiteSocketServer({ db: pglite, host: '127.0.0.1', port, maxConnections: 64 });
  await server.start();
  const actualPort = Number(server.getServerConn().split(':').pop());
  writeFileSync(infoFile, JSON.stringify({ pid: process.pid, port: actualPort } satisfies ServerInfo));

  let stopped = false;
  return {
    url: urlFor(actualPort),
    owner: true,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await server.stop();
      await pglite.close();
      rmSync(infoFile, { force: true });
    },
  };
}
