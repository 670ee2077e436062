/**
 * Overdue notices: a claim past its due date and still with its checker (DUE_STATUSES: assigned,
 * in research or returned; not archived) earns its assignee one OVERDUE notification, once.
 * One statement for every team, every CLAIMDESK_OVERDUE_SWEEP_MS (30 s by default), so that
 * reading a page never writes (ADR 0018).
 *
 * Safe when several app instances sweep at once: the id is derived from the claim and the
 * assignee, so two sweeps inserting the same notice conflict on the primary key and the later
 * one does nothing; they insert in id order, so they never wait on each other in a deadlock.
 * `NOT EXISTS` also skips a claim whose overdue notice has another id (one imported with a team
 * export). Reassigning an overdue claim tells the new assignee too.
 */
import { Prisma, type PrismaClient } from '@/lib/generated/prisma/client';
import { DUE_STATUSES } from '@/lib/domain/claim-status';
import { sqlTimestamp } from '@/lib/db/sql';
import { env } from '@/lib/env';
import type { Job } from '@/lib/jobs/schedule';

type Db = Pick<PrismaClient, '$executeRaw'>;

/**
 * Inserts the overdue notices still missing; returns how many. `teamIds` limits it to those
 * teams (tests, which share one database, sweep only their own).
 */
export async function recordOverdueNotices(db: Db, { teamIds }: { teamIds?: string[] } = {}): Promise<number> {
  const due = Prisma.join(DUE_STATUSES.map((status) => Prisma.sql`${status}::"ClaimStatus"`));
  const teams = teamIds ? Prisma.sql`AND c."teamId" IN (${Prisma.join(teamIds)})` : Prisma.empty;
  const now = sqlTimestamp(new Date());
  return db.$executeRaw`
    INSERT INTO "Notification" ("id", "teamId", "userId", "type", "claimId", "message", "createdAt")
    SELECT 'n' || md5('overdue:' || c.id || ':' || c."assigneeId"), c."teamId", c."assigneeId", 'OVERDUE', c.id,
           'Overdue: “' || left(c."text", 90) || '”', ${now}
    FROM "Claim" c
    WHERE c."dueAt" < ${now} AND c."assigneeId" IS NOT NULL AND c."archivedAt" IS NULL AND c."status" IN (${due}) ${teams}
      AND NOT EXISTS (SELECT 1 FROM "Notification" n WHERE n."claimId" = c.id AND n."userId" = c."assigneeId" AND n."type" = 'OVERDUE')
    ORDER BY 1
    ON CONFLICT ("id") DO NOTHING`;
}

export const overdueSweepJob: Job = {
  name: 'overdue',
  everyMs: env.CLAIMDESK_OVERDUE_SWEEP_MS,
  run: (db) => recordOverdueNotices(db),
  failure: 'could not record overdue notices',
};
