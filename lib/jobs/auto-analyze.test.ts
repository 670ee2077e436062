import { afterAll, describe, expect, it } from 'vitest';
import { createPrismaClient } from '@/lib/db/client';
import { analyzeStaleTables } from '@/lib/jobs/auto-analyze';
import { hasDatabase } from '@/lib/testing/database';
import { uniqueSuffix } from '@/lib/testing/factories';

describe.skipIf(!hasDatabase)('analyzeStaleTables (database)', () => {
  // One connection, as the embedded database has: the statistics of its own writes are the ones it flushes.
  const prisma = hasDatabase ? createPrismaClient(process.env.DATABASE_URL!, true) : (undefined as never);
  const table = `analyze_probe_${uniqueSuffix().replace(/\W/g, '_')}`;
  const estimate = async () =>
    Number((await prisma.$queryRawUnsafe<{ n: number }[]>(`SELECT reltuples::float8 AS n FROM pg_class WHERE relname = '${table}'`))[0].n);

  afterAll(async () => {
    await prisma.$executeRawUnsafe(`DROP TABLE IF EXISTS "${table}"`);
    await prisma.$disconnect();
  });

  it('analyzes a table once enough of it changed, so that the planner knows its size', async () => {
    await prisma.$executeRawUnsafe(`CREATE TABLE "${table}" ("id" int PRIMARY KEY)`);
    await prisma.$executeRawUnsafe(`INSERT INTO "${table}" SELECT generate_series(1, 500)`);
    expect(await estimate()).not.toBe(500);

    const analyzed = await analyzeStaleTables(prisma);
    expect(await estimate()).toBe(500);
    // Unless PostgreSQL's own autovacuum got there first.
    const [{ auto }] = await prisma.$queryRawUnsafe<{ auto: boolean }[]>(
      `SELECT last_autoanalyze IS NOT NULL AS "auto" FROM pg_stat_user_tables WHERE relname = '${table}'`,
    );
    if (!auto) expect(analyzed).toContain(`public.${table}`);

    // Nothing changed since: the next pass leaves it alone.
    expect(await analyzeStaleTables(prisma)).not.toContain(`public.${table}`);
  });
});
