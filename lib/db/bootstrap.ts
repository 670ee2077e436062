/**
 * Gets a database ready for the app, the CLI, the tests and the benchmark: the PostgreSQL
 * server named by DATABASE_URL, or else the embedded PGlite in CLAIMDESK_DATA_DIR; then
 * migrations, then (optionally) a seed, such as the demo seed of prisma/seed.ts, which the
 * caller hands in so that lib/ never depends on prisma/.
 */
import { startEmbeddedDatabase, withoutPassword } from '@/lib/db/embedded';
import { applyMigrations } from '@/lib/db/migrate';
import { createPrismaClient, type PrismaClient } from '@/lib/db/client';

export type PreparedDatabase = { url: string; embedded: boolean; stop: () => Promise<void> };

/** Data for a new database: `run` fills an empty one and answers whether it did (false: it had data). */
export type Seed = { description: string; run: (prisma: PrismaClient) => Promise<boolean> };

export async function prepareDatabase(options: { seed?: Seed; dataDir?: string; log?: (msg: string) => void }): Promise<PreparedDatabase> {
  const log = options.log ?? (() => {});
  let url = process.env.DATABASE_URL;
  let embedded = false;
  let stop = async () => {};
  if (!url) {
    const dataDir = options.dataDir ?? process.env.CLAIMDESK_DATA_DIR ?? '.data';
    const db = await startEmbeddedDatabase(dataDir);
    ({ url, stop } = db);
    embedded = true;
    log(db.owner ? `Embedded database in ${dataDir}/ on ${withoutPassword(url)}` : `Using the embedded database already served on ${withoutPassword(url)}`);
  }
  const applied = await applyMigrations(url);
  if (applied.length) log(`Applied migrations: ${applied.join(', ')}`);
  if (options.seed) {
    const prisma = createPrismaClient(url, embedded);
    try {
      if (await options.seed.run(prisma)) log(`Seeded ${options.seed.description}.`);
    } finally {
      await prisma.$disconnect();
    }
  }
  return { url, embedded, stop };
}
