import 'server-only';
import { db } from '@/lib/db';
import type { SessionUser } from '@/lib/auth/session';

/** The signed-in member's own tokens, newest first; never the hash. */
export function listApiTokens(user: SessionUser) {
  return db.apiToken.findMany({
    where: { userId: user.id, teamId: user.teamId },
    orderBy: { createdAt: 'desc' },
    take: 100,
    select: { id: true, name: true, scope: true, prefix: true, lastUsedAt: true, revokedAt: true, createdAt: true },
  });
}
