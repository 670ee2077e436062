/**
 * Queues webhook deliveries inside the transaction of the change they announce, so a
 * delivery exists exactly when the change does and survives a restart (it is a row).
 */
import type { Prisma } from '@/lib/generated/prisma/client';
import type { AuditType } from '@/lib/domain/audit-events';
import { newIds } from '@/lib/db/ids';
import { WEBHOOK_PAYLOAD_VERSION, webhookEventFor } from '@/lib/webhooks/events';

type AuditedChange = {
  teamId: string;
  type: AuditType;
  articleId?: string | null;
  claimId?: string | null;
  data: Record<string, unknown>;
  createdAt: Date;
};

/** Keys that never leave the installation, whatever an audit event happens to carry. */
const PRIVATE_KEY = /email|note|password|secret|token/i;

function publicData(value: unknown): Prisma.InputJsonValue {
  if (Array.isArray(value)) return value.map(publicData);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => !PRIVATE_KEY.test(key))
        .map(([key, v]) => [key, publicData(v)]),
    );
  }
  return value as Prisma.InputJsonValue;
}

export async function enqueueWebhookDeliveries(tx: Prisma.TransactionClient, change: AuditedChange): Promise<void> {
  const event = webhookEventFor(change.type);
  // Most audited changes raise no webhook event: they cost no query at all.
  if (!event) return;
  const hooks = await tx.webhook.findMany({ where: { teamId: change.teamId, active: true, events: { has: event } }, select: { id: true } });
  if (hooks.length === 0) return;
  const data = publicData(change.data) as Prisma.InputJsonObject;
  const ids = newIds(hooks.length);
  await tx.webhookDelivery.createMany({
    data: hooks.map((hook, i) => ({
      id: ids[i],
      webhookId: hook.id,
      teamId: change.teamId,
      event,
      payload: {
        id: ids[i],
        // The payload's own format: a receiver can tell a future change of shape from this one.
        version: WEBHOOK_PAYLOAD_VERSION,
        event,
        createdAt: change.createdAt.toISOString(),
        team: { id: change.teamId },
        data: { ...data, articleId: change.articleId ?? null, claimId: change.claimId ?? null },
      },
    })),
  });
}
