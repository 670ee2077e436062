import type { Prisma } from '@/lib/generated/prisma/client';
import type { AuditEvent } from '@/lib/domain/audit-events';
import { enqueueWebhookDeliveries } from '@/lib/webhooks/enqueue';

export type AuditInput = {
  teamId: string;
  actorId: string | null;
  articleId?: string | null;
  claimId?: string | null;
  event: AuditEvent;
};

/**
 * Every change writes one of these in the same transaction as the change itself, and with it
 * the deliveries of any webhook subscribed to the change (lib/webhooks/enqueue.ts).
 */
export async function recordAudit(tx: Prisma.TransactionClient, { event, ...where }: AuditInput) {
  const audit = await tx.auditEvent.create({ data: { ...where, type: event.type, data: event.data } });
  await enqueueWebhookDeliveries(tx, { ...where, type: event.type, data: event.data, createdAt: audit.createdAt });
  return audit;
}
