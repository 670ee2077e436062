import 'server-only';
import { db } from '@/lib/db';
import type { SessionUser } from '@/lib/auth/session';

export const DELIVERY_LOG_LIMIT = 50;

/** The team's webhooks, oldest first; never their secrets (shown once, when made or rotated). */
export function listWebhooks(user: SessionUser) {
  return db.webhook.findMany({
    where: { teamId: user.teamId },
    orderBy: { createdAt: 'asc' },
    select: { id: true, url: true, events: true, active: true, createdAt: true },
  });
}

/** The latest deliveries of the team's webhooks, newest first. */
export function listRecentDeliveries(user: SessionUser, limit = DELIVERY_LOG_LIMIT) {
  return db.webhookDelivery.findMany({
    where: { teamId: user.teamId },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: limit,
    select: {
      id: true,
      event: true,
      status: true,
      attempts: true,
      lastStatusCode: true,
      lastError: true,
      nextAttemptAt: true,
      deliveredAt: true,
      createdAt: true,
      webhook: { select: { url: true, active: true } },
    },
  });
}
