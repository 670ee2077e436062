import type { Prisma } from '@/lib/generated/prisma/client';
import { enqueueWebhookDeliveries } from '@/lib/webhooks/enqueue';

export type AuditType =
  | 'article.imported'
  | 'claim.assigned'
  | 'claim.due_changed'
  | 'claim.taken'
  | 'claim.research_started'
  | 'claim.notes_updated'
  | 'evidence.added'
  | 'evidence.updated'
  | 'evidence.removed'
  | 'verdict.submitted'
  | 'review.approved'
  | 'review.returned'
  | 'review.reopened'
  | 'claim.excluded'
  | 'claim.included'
  | 'claim.split'
  | 'claim.merged'
  | 'claim.as_checked'
  | 'claim.change_reviewed'
  | 'claim.changed'
  | 'claim.archived'
  | 'article.reimported'
  | 'verdict.reused'
  | 'team.member_added'
  | 'team.role_changed'
  | 'team.member_removed'
  | 'team.password_reset'
  | 'scale.changed'
  | 'claim.published'
  | 'claim.unpublished'
  | 'verdict.corrected'
  | 'webhook.created'
  | 'webhook.updated'
  | 'webhook.deleted'
  | 'team.imported'
  | 'token.created'
  | 'token.revoked'
  | 'team.publisher_changed'
  | 'report.published'
  | 'report.unpublished';

export type AuditInput = {
  teamId: string;
  actorId: string | null;
  type: AuditType;
  articleId?: string | null;
  claimId?: string | null;
  data?: Prisma.InputJsonValue;
};

/**
 * Every change writes one of these in the same transaction as the change itself, and with it
 * the deliveries of any webhook subscribed to the change (lib/webhooks/enqueue.ts).
 */
export async function recordAudit(tx: Prisma.TransactionClient, event: AuditInput) {
  const audit = await tx.auditEvent.create({ data: { ...event, data: event.data ?? {} } });
  await enqueueWebhookDeliveries(tx, { ...event, createdAt: audit.createdAt });
  return audit;
}
