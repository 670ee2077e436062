/**
 * Logical backups through an ordinary connection, so that one tool serves the embedded
 * database (PostgreSQL 18 in PGlite, which the system's pg_dump 15 cannot read) and any
 * PostgreSQL server alike (ADR 0016).
 *
 * A backup is one gzip'd JSON-lines file: a header with the migrations the database had, then
 * for each table, parents before children, a `{"$table", "columns"}` line and one
 * `row_to_json` line per row (primary-key order, read through a cursor in batches inside one
 * repeatable-read snapshot), then `{"$end": {table: rows}}` so that a cut-off file is noticed.
 * A restore applies the backup's migrations to an empty database, inserts every row in one
 * transaction (`json_populate_recordset` turns the JSON back into each column's type), then
 * applies any newer migrations. The audit log's trigger refuses UPDATE and DELETE, not INSERT.
 */
import { once } from 'node:events';
import readline from 'node:readline';
import { finished, pipeline } from 'node:stream/promises';
import type { Readable, Writable } from 'node:stream';
import { createGunzip, createGzip } from 'node:zlib';
import pg from 'pg';
import { applyMigrations, listMigrations } from '@/lib/db/migrate';

const BACKUP_FORMAT = 'claimdesk-backup';
const BACKUP_VERSION = 1;
const BATCH = 1_000;
const MIGRATIONS_TABLE = '_prisma_migrations';

type Migration = { name: string; checksum: string };
type Header = { format: typeof BACKUP_FORMAT; version: number; createdAt: string; migrations: Migration[] };
type Table = { name: string; columns: string[]; primaryKey: string[]; selfReferences: string[] };
export type BackupSummary = { migrations: number; rows: Record<string, number> };

export class BackupError extends Error {}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** The application's tables in an order where every table comes after the tables it references. */
async function tablesInOrder(client: pg.Client): Promise<Table[]> {
  const { rows: tables } = await client.query<{ name: string; columns: string[]; primaryKey: string[] | null }>(
    `SELECT c.relname AS name,
            (SELECT array_agg(a.attname::text ORDER BY a.attnum) FROM pg_attribute a
              WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = '') AS columns,
            (SELECT array_agg(a.attname::text ORDER BY array_position(i.indkey::int2[], a.attnum)) FROM pg_index i
              JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
              WHERE i.indrelid = c.oid AND i.indisprimary) AS "primaryKey"
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND c.relname <> $1
      ORDER BY c.relname`,
    [MIGRATIONS_TABLE],
  );
  const { rows: references } = await client.query<{ child: string; parent: string; columns: string[] }>(
    `SELECT ch.relname AS child, pa.relname AS parent,
            (SELECT array_agg(a.attname::text) FROM pg_attribute a WHERE a.attrelid = f.conrelid AND a.attnum = ANY (f.conkey)) AS columns
       FROM pg_constraint f JOIN pg_class ch ON ch.oid = f.conrelid JOIN pg_class pa ON pa.oid = f.confrelid
       JOIN pg_namespace n ON n.oid = ch.relnamespace
      WHERE f.contype = 'f' AND n.nspname = current_schema()`,
  );
  const byName = new Map<string, Table>(
    tables.map((t) => [t.name, { name: t.name, columns: t.columns, primaryKey: t.primaryKey ?? t.columns, selfReferences: [] }]),
  );
  const parents = new Map<string, Set<string>>(tables.map((t) => [t.name, new Set()]));
  for (const r of references) {
    if (r.child === r.parent) byName.get(r.child)?.selfReferences.push(...r.columns);
    else parents.get(r.child)?.add(r.parent);
  }
  const ordered: Table[] = [];
  const placed = new Set<string>();
  while (ordered.length < byName.size) {
    const ready = [...byName.keys()].filter((name) => !placed.has(name) && [...parents.get(name)!].every((p) => placed.has(p) || !byName.has(p)));
    if (!ready.length) throw new BackupError('The tables reference each other in a cycle; this backup cannot order them.');
    for (const name of ready) {
      placed.add(name);
      ordered.push(byName.get(name)!);
    }
  }
  return ordered;
}

async function appliedMigrations(client: pg.Client): Promise<Migration[]> {
  const { rows } = await client.query<{ exists: boolean }>(`SELECT to_regclass($1) IS NOT NULL AS exists`, [ident(MIGRATIONS_TABLE)]);
  if (!rows[0].exists) return [];
  const done = await client.query<Migration>(
    `SELECT migration_name AS name, checksum FROM ${ident(MIGRATIONS_TABLE)} WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
  );
  return done.rows;
}

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return client;
}

/** Writes a backup of the database at `url` to `out` (gzip'd JSON lines). */
export async function backupDatabase(url: string, out: Writable): Promise<BackupSummary> {
  const client = await connect(url);
  const gzip = createGzip();
  gzip.pipe(out);
  const write = async (value: unknown) => {
    if (!gzip.write(`${typeof value === 'string' ? value : JSON.stringify(value)}\n`)) await once(gzip, 'drain');
  };
  const rows: Record<string, number> = {};
  try {
    // One snapshot for every table, so the backup holds together even while the app writes.
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const migrations = await appliedMigrations(client);
    await write({ format: BACKUP_FORMAT, version: BACKUP_VERSION, createdAt: new Date().toISOString(), migrations } satisfies Header);
    for (const table of await tablesInOrder(client)) {
      await write({ $table: table.name, columns: table.columns });
      rows[table.name] = 0;
      await client.query(
        `DECLARE backup_rows NO SCROLL CURSOR FOR SELECT row_to_json(t)::text AS line FROM
           (SELECT ${table.columns.map(ident).join(', ')} FROM ${ident(table.name)} ORDER BY ${table.primaryKey.map(ident).join(', ')}) t`,
      );
      for (;;) {
        const batch = await client.query<{ line: string }>(`FETCH ${BATCH} FROM backup_rows`);
        for (const { line } of batch.rows) await write(line);
        rows[table.name] += batch.rows.length;
        if (batch.rows.length < BATCH) break;
      }
      await client.query('CLOSE backup_rows');
    }
    await write({ $end: rows });
    await client.query('COMMIT');
    gzip.end();
    await finished(out);
    return { migrations: migrations.length, rows };
  } catch (err) {
    gzip.destroy();
    throw err;
  } finally {
    await client.end();
  }
}

function parseLine(line: string, lineNumber: number): Record<string, unknown> {
  try {
    return JSON.parse(line) as Record<string, unknown>;
  } catch {
    throw new BackupError(`Line ${lineNumber} of the backup is not JSON: the file is damaged.`);
  }
}

/** The backup's migrations must be this code's first migrations, unchanged. */
function checkMigrations(backup: Migration[]): void {
  const known = listMigrations();
  backup.forEach((m, i) => {
    if (known[i]?.name !== m.name)
      throw new BackupError(`The backup was taken with migration ${m.name}, which this version of Claimdesk does not have at that place.`);
    if (known[i].checksum !== m.checksum) throw new BackupError(`Migration ${m.name} differs from the one the backup was taken with.`);
  });
}

async function refuseNonEmpty(client: pg.Client): Promise<void> {
  for (const table of await tablesInOrder(client)) {
    const { rows } = await client.query(`SELECT 1 FROM ${ident(table.name)} LIMIT 1`);
    if (rows.length) throw new BackupError(`The target database is not empty (table ${table.name} has rows). Restore into a new, empty database.`);
  }
}

/** Inserts one table's rows; columns referencing the same table are set afterwards, once every row exists. */
async function insertRows(client: pg.Client, table: Table, rows: Record<string, unknown>[]): Promise<void> {
  if (!rows.length) return;
  const columns = table.columns.map(ident).join(', ');
  const values = table.columns.map((c) => (table.selfReferences.includes(c) ? 'NULL' : `r.${ident(c)}`)).join(', ');
  await client.query(`INSERT INTO ${ident(table.name)} (${columns}) SELECT ${values} FROM json_populate_recordset(NULL::${ident(table.name)}, $1::json) r`, [
    JSON.stringify(rows),
  ]);
}

async function linkSelfReferences(client: pg.Client, table: Table, rows: Record<string, unknown>[]): Promise<void> {
  for (const column of table.selfReferences) {
    const linked = rows.filter((r) => r[column] !== null && r[column] !== undefined);
    for (let i = 0; i < linked.length; i += BATCH) {
      const match = table.primaryKey.map((k) => `t.${ident(k)} = r.${ident(k)}`).join(' AND ');
      await client.query(
        `UPDATE ${ident(table.name)} t SET ${ident(column)} = r.${ident(column)} FROM json_populate_recordset(NULL::${ident(table.name)}, $1::json) r WHERE ${match}`,
        [JSON.stringify(linked.slice(i, i + BATCH))],
      );
    }
  }
}

/** Sequences (none today: ids are cuids) continue after the restored rows. */
async function resetSequences(client: pg.Client): Promise<void> {
  const { rows } = await client.query<{ seq: string; tbl: string; col: string }>(
    `SELECT s.oid::regclass::text AS seq, t.relname AS tbl, a.attname AS col FROM pg_depend d
       JOIN pg_class s ON s.oid = d.objid AND s.relkind = 'S' JOIN pg_class t ON t.oid = d.refobjid
       JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid
       JOIN pg_namespace n ON n.oid = t.relnamespace
      WHERE d.deptype IN ('a', 'i') AND n.nspname = current_schema()`,
  );
  for (const r of rows) {
    await client.query(`SELECT setval($1, COALESCE((SELECT max(${ident(r.col)}) FROM ${ident(r.tbl)}), 0) + 1, false)`, [r.seq]);
  }
}

/** Restores a backup from `input` into the empty database at `url`. */
export async function restoreDatabase(url: string, input: Readable): Promise<BackupSummary> {
  const gunzip = createGunzip();
  // A read error or a damaged gzip stream ends the line reader with that error.
  pipeline(input, gunzip).catch(() => {});
  const lines = readline.createInterface({ input: gunzip, crlfDelay: Infinity })[Symbol.asyncIterator]();
  let lineNumber = 0;
  const next = async () => {
    const line = await lines.next();
    lineNumber++;
    return line.done ? null : parseLine(line.value, lineNumber);
  };
  const header = (await next()) as Header | null;
  if (header?.format !== BACKUP_FORMAT) throw new BackupError('This file is not a Claimdesk backup.');
  if (header.version !== BACKUP_VERSION)
    throw new BackupError(`This backup has format version ${header.version}; this Claimdesk reads version ${BACKUP_VERSION}.`);
  checkMigrations(header.migrations);

  const client = await connect(url);
  try {
    const applied = await appliedMigrations(client);
    const backupNames = new Set(header.migrations.map((m) => m.name));
    const ahead = applied.filter((m) => !backupNames.has(m.name));
    if (ahead.length) throw new BackupError(`The target database has migrations the backup lacks (${ahead[0].name}). Restore into a new, empty database.`);
    await refuseNonEmpty(client);
    const last = header.migrations.at(-1)?.name;
    if (last) await applyMigrations(url, { upTo: last });

    const tables = new Map((await tablesInOrder(client)).map((t) => [t.name, t]));
    const rows: Record<string, number> = {};
    await client.query('BEGIN');
    try {
      // Two restores at once into one database: the second waits here, then finds rows and stops.
      await client.query('SELECT pg_advisory_xact_lock(7270736901)');
      await refuseNonEmpty(client);
      let table: Table | null = null;
      let batch: Record<string, unknown>[] = [];
      let linked: Record<string, unknown>[] = [];
      const flush = async () => {
        if (table) await insertRows(client, table, batch);
        batch = [];
      };
      const finishTable = async () => {
        await flush();
        if (table?.selfReferences.length) await linkSelfReferences(client, table, linked);
        linked = [];
      };
      let end: Record<string, number> | null = null;
      for (let line = await next(); line; line = await next()) {
        if (typeof line.$table === 'string') {
          await finishTable();
          table = tables.get(line.$table) ?? null;
          const columns = line.columns as string[];
          if (!table || columns.join() !== table.columns.join()) {
            throw new BackupError(`Table ${line.$table} in the backup does not match the database after its migrations.`);
          }
          rows[table.name] = 0;
        } else if (line.$end) {
          await finishTable();
          end = line.$end as Record<string, number>;
          break;
        } else {
          if (!table) throw new BackupError(`Line ${lineNumber} of the backup is a row outside any table: the file is damaged.`);
          batch.push(line);
          if (table.selfReferences.length) linked.push(line);
          rows[table.name]++;
          if (batch.length >= BATCH) await flush();
        }
      }
      if (!end || JSON.stringify(end) !== JSON.stringify(rows))
        throw new BackupError('The backup ends early or its row counts do not add up: the file is incomplete.');
      await resetSequences(client);
      await client.query('COMMIT');
      await applyMigrations(url);
      return { migrations: header.migrations.length, rows };
    } catch (err) {
      await client.query('ROLLBACK').catch(() => {});
      throw err;
    }
  } finally {
    await client.end();
  }
}

/**
 * The database a backup or restore command works on: DATABASE_URL, or else the embedded database
 * in `dataDir`, through the running app's socket when the app has it open (ADR 0002).
 */
export async function databaseForTool(dataDir = process.env.CLAIMDESK_DATA_DIR ?? '.data'): Promise<{ url: string; label: string; stop: () => Promise<void> }> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, label: 'the database at DATABASE_URL', stop: async () => {} };
  const { startEmbeddedDatabase } = await import('@/lib/db/embedded');
  const db = await startEmbeddedDatabase(dataDir);
  return { url: db.url, label: `the embedded database in ${dataDir}/${db.owner ? '' : ' (through the running app)'}`, stop: db.stop };
}
