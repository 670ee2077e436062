import 'server-only';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import type { SessionUser } from '@/lib/auth/session';
import { changeFeed, type LiveEvent } from '@/lib/live/listener';

/** Someone counts as having a claim open while their stream keeps checking in. */
const PRESENCE_TTL_MS = 30_000;

/** Tells every instance's streams about a change the audit log does not record. */
async function announce(event: LiveEvent) {
  if (env.CLAIMDESK_EMBEDDED === '1') changeFeed().publish(event);
  else await db.$executeRaw`SELECT pg_notify('claimdesk_events', ${JSON.stringify(event)})`;
}

export async function markPresent(user: SessionUser, claimId: string, { announceIt }: { announceIt: boolean }) {
  await db.presence.upsert({
    where: { userId_claimId: { userId: user.id, claimId } },
    create: { userId: user.id, claimId, teamId: user.teamId },
    update: { seenAt: new Date() },
  });
  if (announceIt) await announce({ teamId: user.teamId, articleId: null, claimId, type: 'presence', actorId: user.id });
}

export async function markAbsent(user: SessionUser, claimId: string) {
  await db.presence.deleteMany({ where: { userId: user.id, claimId } });
  await announce({ teamId: user.teamId, articleId: null, claimId, type: 'presence', actorId: user.id });
}

/** The other members of the team who have this claim open now. */
export function listPresent(user: SessionUser, claimId: string) {
  return db.presence.findMany({
    where: { claimId, teamId: user.teamId, userId: { not: user.id }, seenAt: { gt: new Date(Date.now() - PRESENCE_TTL_MS) } },
    select: { user: { select: { id: true, name: true } } },
    orderBy: { seenAt: 'asc' },
  });
}
