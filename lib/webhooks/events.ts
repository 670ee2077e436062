/**
 * The events a webhook can subscribe to, and which audit event raises each. Webhooks hang
 * off `recordAudit`, so every change that is audited can be announced without a second hook.
 */
import type { AuditType } from '@/lib/domain/audit-events';

/** Every payload says which version of its shape it is (`"version": 1`). */
export const WEBHOOK_PAYLOAD_VERSION = 1;

export const WEBHOOK_EVENTS = ['article.imported', 'claim.assigned', 'claim.submitted', 'claim.returned', 'verdict.approved', 'claim.published'] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

export const WEBHOOK_EVENT_DESCRIPTIONS: Record<WebhookEvent, string> = {
  'article.imported': 'An article is imported',
  'claim.assigned': 'A claim is assigned to a checker',
  'claim.submitted': 'A verdict is submitted for review',
  'claim.returned': 'A verdict is returned to the checker',
  'verdict.approved': 'A verdict is approved',
  'claim.published': 'A claim is published',
};

const EVENT_FOR_AUDIT: Partial<Record<AuditType, WebhookEvent>> = {
  'article.imported': 'article.imported',
  'claim.assigned': 'claim.assigned',
  'verdict.submitted': 'claim.submitted',
  'review.returned': 'claim.returned',
  'review.approved': 'verdict.approved',
  'claim.published': 'claim.published',
};

export function webhookEventFor(auditType: AuditType): WebhookEvent | null {
  return EVENT_FOR_AUDIT[auditType] ?? null;
}
