import 'server-only';
import { db } from '@/lib/db';
import type { SessionUser } from '@/lib/auth/session';

/** Members who can be given claims to check. */
export function listAssignees(user: SessionUser) {
  return db.user.findMany({
    where: { teamId: user.teamId, role: { in: ['checker', 'editor'] } },
    orderBy: [{ role: 'asc' }, { name: 'asc' }],
    select: { id: true, name: true, role: true },
  });
}

export function listMembers(user: SessionUser) {
  return db.user.findMany({
    where: { teamId: user.teamId },
    orderBy: { name: 'asc' },
    select: { id: true, name: true, email: true, role: true, createdAt: true },
  });
}

/** The team's verdict scale in order; retired labels only when asked (settings, past verdicts). */
export function listVerdictLabels(user: SessionUser, { includeRetired = false } = {}) {
  return db.verdictLabel.findMany({
    where: { teamId: user.teamId, ...(includeRetired ? {} : { retiredAt: null }) },
    orderBy: { position: 'asc' },
    select: { id: true, name: true, position: true, retiredAt: true },
  });
}
