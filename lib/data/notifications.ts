import 'server-only';
import { db } from '@/lib/db';
import type { SessionUser } from '@/lib/auth/session';

/**
 * The signed-in user's notifications. Overdue ones are recorded by a job within
 * CLAIMDESK_OVERDUE_SWEEP_MS of the due date (lib/jobs/overdue-sweep.ts), not here: reads never write.
 */
export async function unreadNotificationCount(user: SessionUser): Promise<number> {
  return db.notification.count({ where: { userId: user.id, teamId: user.teamId, readAt: null } });
}

export async function listNotifications(user: SessionUser) {
  return db.notification.findMany({
    where: { userId: user.id, teamId: user.teamId },
    orderBy: { createdAt: 'desc' },
    take: 200,
    select: { id: true, type: true, message: true, readAt: true, createdAt: true, claimId: true },
  });
}
