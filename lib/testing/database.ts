/**
 * For integration tests: a Prisma client on the database `npm test` made for this run.
 * Files using it are skipped when run outside `npm test` (no DATABASE_URL).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createPrismaClient } from '@/lib/db/client';
import { startEmbeddedDatabase } from '@/lib/db/embedded';

export const hasDatabase = Boolean(process.env.DATABASE_URL);

export function testPrisma() {
  return createPrismaClient(process.env.DATABASE_URL!, process.env.CLAIMDESK_EMBEDDED === '1');
}

/**
 * A second, empty database without migrations, beside the run's: a new one on its PostgreSQL
 * server, or a new embedded PGlite in a folder of its own. `drop` removes it.
 */
export async function emptyDatabase(label: string): Promise<{ url: string; drop: () => Promise<void> }> {
  if (process.env.DATABASE_URL && process.env.CLAIMDESK_EMBEDDED !== '1') {
    const name = `claimdesk_${label}_${randomBytes(5).toString('hex')}`;
    const onServer = async (sql: string) => {
      const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await client.connect();
      await client.query(sql);
      await client.end();
    };
    await onServer(`CREATE DATABASE "${name}"`);
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = `/${name}`;
    return { url: url.toString(), drop: () => onServer(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), `claimdesk-${label}-`));
  const db = await startEmbeddedDatabase(dir);
  return {
    url: db.url,
    drop: async () => {
      await db.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
