/**
 * A throwaway database for one test or bench run: a new database with a random name on the
 * PostgreSQL server of DATABASE_URL, or else a new embedded PGlite in a temporary folder.
 * `drop` removes it again.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startEmbeddedDatabase } from '@/lib/db/embedded';
import { applyMigrations } from '@/lib/db/migrate';

export type TestDatabase = { url: string; embedded: boolean; name: string; drop: () => Promise<void> };

export async function createTestDatabase(prefix = 'claimdesk_test'): Promise<TestDatabase> {
  const name = `${prefix}_${randomBytes(5).toString('hex')}`;
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) {
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    await applyMigrations(url.toString());
    return {
      url: url.toString(),
      embedded: false,
      name,
      drop: async () => {
        const c = new pg.Client({ connectionString: serverUrl });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await c.end();
      },
    };
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), `${name}-`));
  const db = await startEmbeddedDatabase(dir);
  await applyMigrations(db.url);
  return {
    url: db.url,
    embedded: true,
    name: dir,
    drop: async () => {
      await db.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
