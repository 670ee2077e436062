import 'server-only';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { sqlTimestamp } from '@/lib/db/sql';

/**
 * A fixed-window counter in the database, so that every app instance shares it: one atomic
 * upsert per hit. Old windows are swept now and then by the hit that starts a new window.
 */
export async function hitRateLimit(
  prisma: PrismaClient,
  { key, limit, windowSeconds, now = new Date() }: { key: string; limit: number; windowSeconds: number; now?: Date },
): Promise<{ allowed: boolean; count: number; retryAfterSeconds: number }> {
  const windowMs = windowSeconds * 1000;
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const [row] = await prisma.$queryRaw<{ count: number }[]>`
    INSERT INTO "RateLimit" ("key", "windowStart", "count") VALUES (${key}, ${sqlTimestamp(windowStart)}, 1)
    ON CONFLICT ("key", "windowStart") DO UPDATE SET "count" = "RateLimit"."count" + 1
    RETURNING "count"`;
  const count = Number(row.count);
  if (count === 1 && Math.random() < 0.05) {
    await prisma.$executeRaw`DELETE FROM "RateLimit" WHERE "windowStart" < ${sqlTimestamp(new Date(now.getTime() - 24 * 3600_000))}`;
  }
  const retryAfterSeconds = Math.max(1, Math.ceil((windowStart.getTime() + windowMs - now.getTime()) / 1000));
  return { allowed: count <= limit, count, retryAfterSeconds };
}
