import { Prisma } from '@/lib/generated/prisma/client';

/** A time for raw SQL: timestamps are stored as UTC without a zone (Prisma's default), so they are compared as such. */
export const sqlTimestamp = (d: Date) => Prisma.sql`${d.toISOString()}::timestamp(3)`;
