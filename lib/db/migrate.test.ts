import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedDatabase } from '@/lib/db/embedded';
import { applyMigrations, listMigrations, MigrationChangedError } from '@/lib/db/migrate';

const onServer = Boolean(process.env.DATABASE_URL) && process.env.CLAIMDESK_EMBEDDED !== '1';

/** A new database without migrations: on the PostgreSQL server of the run, or a new embedded PGlite. */
async function emptyDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  if (onServer) {
    const name = `claimdesk_migrate_${randomBytes(5).toString('hex')}`;
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    const url = new URL(process.env.DATABASE_URL!);
    url.pathname = `/${name}`;
    return {
      url: url.toString(),
      drop: async () => {
        const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await c.end();
      },
    };
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'claimdesk-migrate-'));
  const db = await startEmbeddedDatabase(dir);
  return {
    url: db.url,
    drop: async () => {
      await db.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function setRecordedChecksum(url: string, migration: string, checksum: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`UPDATE "_prisma_migrations" SET checksum = $1 WHERE migration_name = $2`, [checksum, migration]);
  } finally {
    await client.end();
  }
}

describe('applyMigrations', () => {
  const migrations = listMigrations();
  let db: Awaited<ReturnType<typeof emptyDatabase>>;

  beforeAll(async () => {
    db = await emptyDatabase();
  }, 60_000);
  afterAll(() => db?.drop());

  it('applies every migration once', async () => {
    expect(await applyMigrations(db.url)).toEqual(migrations.map((m) => m.name));
    expect(await applyMigrations(db.url)).toEqual([]);
  }, 60_000);

  it('refuses to go on when an applied migration was changed since, naming it and saying what to do', async () => {
    const edited = migrations[0];
    await setRecordedChecksum(db.url, edited.name, 'f'.repeat(64));
    const refused = await applyMigrations(db.url).then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(refused).toBeInstanceOf(MigrationChangedError);
    expect((refused as MigrationChangedError).migrations.map((m) => m.name)).toEqual([edited.name]);
    expect((refused as Error).message).toContain(`Migration ${edited.name} was changed after it was applied`);
    expect((refused as Error).message).toContain('npm run db:migration');

    await setRecordedChecksum(db.url, edited.name, edited.checksum);
    expect(await applyMigrations(db.url)).toEqual([]);
  });
});
