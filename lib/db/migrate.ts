/**
 * Applies prisma/migrations in order, recording each in `_prisma_migrations` exactly as
 * `prisma migrate deploy` does (same table, sha256 checksums), so a team with the native
 * Prisma CLI can take over the database. Works on PGlite and PostgreSQL alike (ADR 0002).
 */
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';

const MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

export function migrationsDir(): string {
  return path.resolve(process.cwd(), 'prisma/migrations');
}

export function listMigrations(dir = migrationsDir()): { name: string; sql: string; checksum: string }[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => existsSync(path.join(dir, name, 'migration.sql')))
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

/**
 * A migration's file no longer has the SQL this database ran: the schema it describes may not be
 * the one the database has, so nothing is applied until someone decides which one is right.
 */
export class MigrationChangedError extends Error {
  constructor(readonly migrations: { name: string; checksum: string }[]) {
    super(
      migrations
        .map(
          ({ name, checksum }) =>
            `Migration ${name} was changed after it was applied to this database: prisma/migrations/${name}/migration.sql ` +
            `no longer matches the checksum recorded in "_prisma_migrations". Restore the file as it was applied ` +
            `(git log -p -- prisma/migrations/${name}) and put the change in a new migration (npm run db:migration -- NAME). ` +
            `Only if this database already has the edited version (a comment changed, say), record it: ` +
            `UPDATE "_prisma_migrations" SET checksum = '${checksum}' WHERE migration_name = '${name}';`,
        )
        .join('\n'),
    );
    this.name = 'MigrationChangedError';
  }
}

/**
 * Returns the names of the migrations it applied. Refuses (MigrationChangedError) before applying
 * anything when an applied migration's file was edited since. `upTo` stops after that migration (a restore
 * loads a backup at the schema it was taken with, then applies the rest).
 */
export async function applyMigrations(url: string, options: { upTo?: string } = {}): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const applied: string[] = [];
  try {
    // Several app instances may start at once on one PostgreSQL: one migrates, the others wait.
    await client.query('SELECT pg_advisory_lock(7270736900)');
    await client.query(MIGRATIONS_TABLE);
    const done = await client.query<{ migration_name: string; checksum: string }>(
      `SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    const doneByName = new Map(done.rows.map((r) => [r.migration_name, r.checksum]));
    const migrations = listMigrations();
    const changed = migrations.filter((m) => doneByName.has(m.name) && doneByName.get(m.name) !== m.checksum);
    if (changed.length) throw new MigrationChangedError(changed);
    for (const migration of migrations.filter((m) => options.upTo === undefined || m.name <= options.upTo)) {
      if (doneByName.has(migration.name)) continue;
      // One transaction per migration: a failure leaves the database as it was before it.
      await client.query('BEGIN');
      try {
        await client.query(migration.sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
           VALUES ($1, $2, $3, now(), now(), 1)`,
          [randomUUID(), migration.checksum, migration.name],
        );
        await client.query('COMMIT');
      } catch (err) {
        await client.query('ROLLBACK');
        throw new Error(`Migration ${migration.name} failed: ${(err as Error).message}`);
      }
      applied.push(migration.name);
    }
  } finally {
    await client.end();
  }
  return applied;
}
