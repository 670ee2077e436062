/**
 * For integration tests: a Prisma client on the database `npm test` made for this run.
 * Files using it are skipped when run outside `npm test` (no DATABASE_URL).
 */
import { createPrismaClient } from '@/lib/db/client';

export const hasDatabase = Boolean(process.env.DATABASE_URL);

export function testPrisma() {
  return createPrismaClient(process.env.DATABASE_URL!, process.env.CLAIMDESK_EMBEDDED === '1');
}
