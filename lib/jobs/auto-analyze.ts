import type { PrismaClient } from '@/lib/generated/prisma/client';
import type { Job } from '@/lib/jobs/schedule';

/**
 * The analyze half of PostgreSQL's autovacuum, for the embedded database: PGlite runs no
 * autovacuum daemon, so without this its planner never learns how big a table has grown and
 * picks plans for empty tables (ADR 0017). A table is analyzed once the rows changed since its
 * last ANALYZE pass PostgreSQL's own defaults for that (autovacuum_analyze_threshold 50 +
 * autovacuum_analyze_scale_factor 0.1 × its rows). It runs through the app's one connection,
 * between requests' statements; ANALYZE reads a sample of at most 30,000 rows, so a pass is short.
 */
const THRESHOLD_ROWS = 50;
const SCALE_FACTOR = 0.1;
const FIRST_RUN_MS = 2_000;
const EVERY_MS = 30_000;

type Db = Pick<PrismaClient, '$queryRaw' | '$executeRawUnsafe'>;

/** Analyzes the tables that changed enough since their last ANALYZE; returns their names. */
export async function analyzeStaleTables(db: Db): Promise<string[]> {
  // Statistics of this session's own writes reach pg_stat_* when it is next idle, at most once a second.
  await db.$queryRaw`SELECT pg_stat_force_next_flush()::text`;
  const stale = await db.$queryRaw<{ name: string }[]>`
    SELECT quote_ident(schemaname) || '.' || quote_ident(relname) AS "name"
    FROM pg_stat_user_tables
    WHERE n_mod_since_analyze > ${THRESHOLD_ROWS} + ${SCALE_FACTOR}::float8 * greatest(n_live_tup, 0)
    ORDER BY relname`;
  // Names come quoted from the catalog itself; ANALYZE takes no bind parameters.
  for (const { name } of stale) await db.$executeRawUnsafe(`ANALYZE ${name}`);
  return stale.map((s) => s.name);
}

/** A moment after start, then every 30 s; embedded database only (lib/jobs/index.ts). */
export const autoAnalyzeJob: Job = {
  name: 'analyze',
  firstAfterMs: FIRST_RUN_MS,
  everyMs: EVERY_MS,
  run: analyzeStaleTables,
  failure: 'could not refresh planner statistics',
};
