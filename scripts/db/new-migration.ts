/**
 * Writes a new migration: the SQL that takes a database made by the committed migrations to
 * prisma/schema.prisma. The migrations are applied by lib/db/migrate.ts to a throw-away embedded
 * database, which Prisma's WebAssembly schema engine introspects and diffs against the schema.
 * Prisma's CLI needs a native engine we cannot download (ADR 0002, ADR 0019).
 *
 *   npm run db:migration -- add_something
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PrismaPg } from '@prisma/adapter-pg';
import {
  bindMigrationAwareSqlAdapterFactory,
  ColumnTypeEnum,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from '@prisma/driver-adapter-utils';
import type { SchemaEngine } from '@prisma/schema-engine-wasm/schema_engine_bg';
import pg from 'pg';
import { startEmbeddedDatabase } from '@/lib/db/embedded';
import { applyMigrations, migrationsDir } from '@/lib/db/migrate';

const require = createRequire(import.meta.url);

// The engine reports a Rust panic here before it traps with a bare "unreachable".
let lastPanic: string | undefined;
(globalThis as { PRISMA_WASM_PANIC_REGISTRY?: unknown }).PRISMA_WASM_PANIC_REGISTRY = {
  set_message: (message: string) => {
    lastPanic = message;
  },
};

let engineModule: Promise<typeof import('@prisma/schema-engine-wasm/schema_engine_bg')> | undefined;

/** The package's main entry assumes a bundler: instantiate its .wasm ourselves, once. */
function loadEngineModule() {
  engineModule ??= (async () => {
    const bg = await import('@prisma/schema-engine-wasm/schema_engine_bg');
    const wasmPath = path.join(path.dirname(require.resolve('@prisma/schema-engine-wasm')), 'schema_engine_bg.wasm');
    const { instance } = await WebAssembly.instantiate(readFileSync(wasmPath), {
      './schema_engine_bg.js': bg as unknown as WebAssembly.ModuleImports,
    });
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start: () => void }).__wbindgen_start();
    return bg;
  })();
  return engineModule;
}

/*
 * The engine's introspection selects catalog columns of PostgreSQL's one-byte type "char"
 * (pg_constraint.contype, ...). @prisma/adapter-pg 7.10 has no mapping for its type (oid 18) and
 * fails the whole query ("Column type 'char' could not be deserialized"); the engine wants such a
 * column as a Character. So the pg client reports oid 18 as text, remembering which columns of
 * which result were "char", and the adapter's result is corrected to Character after the fact.
 */
const CHAR_OID = 18;
const TEXT_OID = 25;
const charColumnsOf = new WeakMap<object, number[]>();

function noteCharColumns<R>(result: R): R {
  for (const r of (Array.isArray(result) ? result : [result]) as (pg.QueryResult | undefined)[]) {
    const columns = (r?.fields ?? []).flatMap((field, i) => (field.dataTypeID === CHAR_OID ? [i] : []));
    for (const i of columns) r!.fields[i].dataTypeID = TEXT_OID;
    if (columns.length) charColumnsOf.set(r!.rows, columns);
  }
  return result;
}

class CharAwareClient extends pg.Client {
  // pg calls this both with a callback (through the pool) and for a promise (on a checked-out client).
  query(...args: unknown[]): never {
    const last = args.at(-1);
    if (typeof last === 'function') {
      args[args.length - 1] = (err: Error | null, res: unknown) => last(err, res && noteCharColumns(res));
      return (super.query as (...a: unknown[]) => never)(...args);
    }
    const result = (super.query as (...a: unknown[]) => unknown)(...args);
    return (result instanceof Promise ? result.then(noteCharColumns) : result) as never;
  }
}

function withCharColumns<A extends SqlDriverAdapter | Awaited<ReturnType<SqlDriverAdapter['startTransaction']>>>(adapter: A): A {
  const queryRaw = adapter.queryRaw.bind(adapter);
  adapter.queryRaw = async (query) => {
    const result = await queryRaw(query);
    for (const i of charColumnsOf.get(result.rows) ?? []) result.columnTypes[i] = ColumnTypeEnum.Character;
    return result;
  };
  if ('startTransaction' in adapter) {
    const startTransaction = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (isolationLevel) => withCharColumns(await startTransaction(isolationLevel));
  }
  return adapter;
}

async function withEngine<T>(url: string, run: (engine: SchemaEngine) => Promise<T>): Promise<T> {
  const bg = await loadEngineModule();
  // PGlite is one session: one connection.
  const pool = new pg.Pool({ connectionString: url, max: 1, Client: CharAwareClient as typeof pg.Client });
  const pgAdapter = new PrismaPg(pool);
  const factory: SqlMigrationAwareDriverAdapterFactory = {
    adapterName: pgAdapter.adapterName,
    provider: pgAdapter.provider,
    connect: async () => withCharColumns(await pgAdapter.connect()),
    connectToShadowDb: () => Promise.reject(new Error('new-migration diffs a database it made itself: no shadow database')),
  };
  const engine = await bg.SchemaEngine.new({ datamodels: undefined }, () => {}, bindMigrationAwareSqlAdapterFactory(factory));
  try {
    return await run(engine);
  } catch (err) {
    if (err instanceof WebAssembly.RuntimeError && lastPanic) throw new Error(`Prisma's schema engine panicked: ${lastPanic}`);
    throw err;
  } finally {
    engine.free();
    await pool.end();
  }
}

/**
 * The SQL of the migration that takes the committed migrations to `schema`, or null when they
 * already give exactly that schema.
 */
export async function migrationSql(schema: string): Promise<string | null> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'claimdesk-new-migration-'));
  const db = await startEmbeddedDatabase(dir);
  try {
    await applyMigrations(db.url);
    const files = [{ path: 'schema.prisma', content: schema }];
    const result = await withEngine(db.url, (engine) =>
      engine.diff({
        // The live database (introspected) against the schema's models.
        from: { tag: 'schemaDatasource', files, configDir: process.cwd() },
        to: { tag: 'schemaDatamodel', files },
        script: true,
        exitCode: null,
        filters: { externalTables: [], externalEnums: [] },
      }),
    );
    const sql = result.stdout ?? '';
    return !sql.trim() || /empty migration/i.test(sql) ? null : sql;
  } finally {
    await db.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main() {
  const name = (process.argv[2] ?? '').replace(/[^a-z0-9_]/gi, '_');
  if (!name) throw new Error('usage: npm run db:migration -- NAME');
  const sql = await migrationSql(readFileSync('prisma/schema.prisma', 'utf8'));
  if (!sql) {
    console.log('No schema changes.');
    return;
  }
  const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
  const dir = path.join(migrationsDir(), `${stamp}_${name}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'migration.sql'), sql);
  if (!existsSync(path.join(migrationsDir(), 'migration_lock.toml'))) {
    writeFileSync(path.join(migrationsDir(), 'migration_lock.toml'), 'provider = "postgresql"\n');
  }
  console.log(`Wrote ${path.relative(process.cwd(), dir)}/migration.sql`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
