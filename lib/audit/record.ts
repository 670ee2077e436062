import type { Prisma } from '@/lib/generated/prisma/client';

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
  | 'scale.changed';

export type AuditInput = {
  teamId: string;
  actorId: string | null;
  type: AuditType;
  articleId?: string | null;
  claimId?: string | null;
  data?: Prisma.InputJsonValue;
};

/** Every change writes one of these in the same transaction as the change itself. */
export function recordAudit(tx: Prisma.TransactionClient, event: AuditInput) {
  return tx.auditEvent.create({ data: { ...event, data: event.data ?? {} } });
}
