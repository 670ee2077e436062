/**
 * Writes a new migration: the SQL diff between the schema as of the last migration
 * (its `schema.prisma` snapshot) and prisma/schema.prisma now. Prisma's CLI needs a
 * native engine we cannot download, so this drives its WebAssembly engine (ADR 0002).
 *
 *   npm run db:migration -- add_something
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';

const require = createRequire(import.meta.url);
const migrationsDir = path.resolve('prisma/migrations');

async function loadEngine() {
  const bg = await import('@prisma/schema-engine-wasm/schema_engine_bg');
  const wasmPath = path.join(path.dirname(require.resolve('@prisma/schema-engine-wasm')), 'schema_engine_bg.wasm');
  const { instance } = await WebAssembly.instantiate(readFileSync(wasmPath), {
    './schema_engine_bg.js': bg as unknown as WebAssembly.ModuleImports,
  });
  bg.__wbg_set_wasm(instance.exports);
  (instance.exports as { __wbindgen_start: () => void }).__wbindgen_start();
  const adapter = bindMigrationAwareSqlAdapterFactory(
    new PrismaPg({ connectionString: process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/test' }),
  );
  return bg.SchemaEngine.new({ datamodels: undefined }, () => {}, adapter);
}

async function main() {
  const name = (process.argv[2] ?? '').replace(/[^a-z0-9_]/gi, '_');
  if (!name) throw new Error('usage: npm run db:migration -- NAME');
  const existing = existsSync(migrationsDir)
    ? readdirSync(migrationsDir).filter((d) => /^\d{14}_/.test(d)).sort()
    : [];
  const last = existing.at(-1);
  const schema = readFileSync('prisma/schema.prisma', 'utf8');
  const engine = await loadEngine();
  const from = last
    ? { tag: 'schemaDatamodel' as const, files: [{ path: 'schema.prisma', content: readFileSync(path.join(migrationsDir, last, 'schema.prisma'), 'utf8') }] }
    : { tag: 'empty' as const };
  const result = await engine.diff({
    from,
    to: { tag: 'schemaDatamodel', files: [{ path: 'schema.prisma', content: schema }] },
    script: true,
    exitCode: null,
    filters: { externalTables: [], externalEnums: [] },
  } as Parameters<typeof engine.diff>[0]);
  const sql = (result as { stdout?: string }).stdout ?? '';
  if (!sql.trim() || /empty migration/i.test(sql)) {
    console.log('No schema changes.');
    return;
  }
  const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
  const dir = path.join(migrationsDir, `${stamp}_${name}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'migration.sql'), sql);
  writeFileSync(path.join(dir, 'schema.prisma'), schema);
  if (!existsSync(path.join(migrationsDir, 'migration_lock.toml'))) {
    writeFileSync(path.join(migrationsDir, 'migration_lock.toml'), 'provider = "postgresql"\n');
  }
  console.log(`Wrote ${path.relative(process.cwd(), dir)}/migration.sql`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
