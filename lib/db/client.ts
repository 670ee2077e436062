import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/lib/generated/prisma/client';

/**
 * Builds a Prisma client on the `pg` adapter. The embedded database (PGlite) is a single
 * session, so it gets a pool of one connection; queries queue in the pool (ADR 0002).
 *
 * While the database is away a request should fail within seconds, not hang (ADR 0016):
 * `connectionTimeoutMillis` bounds both opening a connection and waiting for a free one in the
 * pool. The embedded pool keeps a longer wait because its one connection may be busy with a
 * large import for that long, or behind many requests on a busy machine: waiting for it is
 * queueing, not an outage. A refused connection fails at once either way. TCP keep-alive lets an
 * idle connection to a vanished server be noticed and replaced. Interactive transactions get the
 * same patience to start (Prisma's default is 2 s, after which a queued save read as an outage).
 */
export function createPrismaClient(url: string, embedded: boolean): PrismaClient {
  const adapter = new PrismaPg({
    connectionString: url,
    max: embedded ? 1 : 10,
    connectionTimeoutMillis: embedded ? 30_000 : 5_000,
    keepAlive: true,
  });
  return new PrismaClient({ adapter, transactionOptions: { maxWait: embedded ? 30_000 : 10_000, timeout: 60_000 } });
}

export type { PrismaClient };
