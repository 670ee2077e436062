import 'server-only';
import { db } from '@/lib/db';
import type { SessionUser } from '@/lib/auth/session';

/**
 * Overdue notices are made when the user next looks: one per claim of theirs that is past its
 * due date and still with them, never twice for the same claim. The id is derived from the claim
 * and the user so that two requests racing here (the bell and the page load together) insert one
 * row: the second conflicts on the primary key and does nothing.
 */
async function recordOverdue(user: SessionUser) {
  await db.$executeRaw`
    INSERT INTO "Notification" ("id", "teamId", "userId", "type", "claimId", "message", "createdAt")
    SELECT 'n' || md5('overdue:' || c.id || ':' || c."assigneeId"), c."teamId", c."assigneeId", 'OVERDUE', c.id,
           'Overdue: “' || left(c."text", 90) || '”', now()
    FROM "Claim" c
    WHERE c."teamId" = ${user.teamId} AND c."assigneeId" = ${user.id} AND c."archivedAt" IS NULL
      AND c."dueAt" < now() AND c."status" IN ('ASSIGNED', 'IN_RESEARCH', 'RETURNED')
      AND NOT EXISTS (SELECT 1 FROM "Notification" n WHERE n."claimId" = c.id AND n."userId" = c."assigneeId" AND n."type" = 'OVERDUE')
    ON CONFLICT ("id") DO NOTHING`;
}

export async function unreadNotificationCount(user: SessionUser): Promise<number> {
  await recordOverdue(user);
  return db.notification.count({ where: { userId: user.id, teamId: user.teamId, readAt: null } });
}

export async function listNotifications(user: SessionUser) {
  await recordOverdue(user);
  return db.notification.findMany({
    where: { userId: user.id, teamId: user.teamId },
    orderBy: { createdAt: 'desc' },
    take: 200,
    select: { id: true, type: true, message: true, readAt: true, createdAt: true, claimId: true },
  });
}
