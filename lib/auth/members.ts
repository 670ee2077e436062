import 'server-only';
import { db } from '@/lib/db';
import type { SessionUser } from '@/lib/auth/session';

/** What a removed member may still hold: claims in these states wait for an editor to reassign them. */
export const OPEN_WORK = ['ASSIGNED', 'IN_RESEARCH', 'RETURNED'] as const;

/**
 * The team's accounts for the admin's Members card: active members, and removed ones (kept so
 * that history keeps their names) with the open claims still assigned to them.
 */
export async function listMemberAccounts(user: SessionUser) {
  const members = await db.user.findMany({
    where: { teamId: user.teamId },
    orderBy: { name: 'asc' },
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      deactivatedAt: true,
      _count: { select: { assigned: { where: { archivedAt: null, status: { in: [...OPEN_WORK] } } } } },
    },
  });
  return {
    active: members.filter((m) => !m.deactivatedAt),
    removed: members.flatMap((m) => (m.deactivatedAt ? [{ ...m, removedAt: m.deactivatedAt, openClaims: m._count.assigned }] : [])),
  };
}
