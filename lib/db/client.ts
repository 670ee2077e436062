import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/lib/generated/prisma/client';

/**
 * Builds a Prisma client on the `pg` adapter. The embedded database (PGlite) is a single
 * session, so it gets a pool of one connection; queries queue in the pool (ADR 0002).
 */
export function createPrismaClient(url: string, embedded: boolean): PrismaClient {
  const adapter = new PrismaPg({
    connectionString: url,
    max: embedded ? 1 : 10,
    connectionTimeoutMillis: 10_000,
  });
  return new PrismaClient({ adapter });
}

export type { PrismaClient };
