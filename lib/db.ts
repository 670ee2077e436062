import 'server-only';
import { createPrismaClient, type PrismaClient } from '@/lib/db/client';
import { databaseUrl, env } from '@/lib/env';

const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

function client(): PrismaClient {
  globalForPrisma.prisma ??= createPrismaClient(databaseUrl(), env.CLAIMDESK_EMBEDDED === '1');
  return globalForPrisma.prisma;
}

/**
 * The one Prisma client of the app process, created on first use so that `next build`
 * can import routes without a database (and kept on globalThis across dev reloads).
 */
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, prop) {
    const c = client();
    const value = Reflect.get(c, prop, c);
    return typeof value === 'function' ? value.bind(c) : value;
  },
});
