import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMigrations, listMigrations, MigrationChangedError } from '@/lib/db/migrate';
import { emptyDatabase } from '@/lib/testing/database';

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
    db = await emptyDatabase('migrate');
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
