/**
 * The audit vocabulary: every kind of event the desk records, with the data it carries, as one
 * discriminated union. The writer of each event, the history text on a claim page, the audit
 * export and the webhook payloads all read this one definition.
 */
type Event<T extends string, D extends Record<string, unknown> = Record<string, never>> = { type: T; data: D };

type Kind = 'VERDICT' | 'UNPUBLISH' | 'REOPEN';

export type AuditEvent =
  | Event<'article.imported', { title: string; claims: number }>
  | Event<'article.reimported', { version: number; kept: number; moved: number; changed: number; added: number; archived: number; flagged: number }>
  | Event<'claim.assigned', { assignee: string; dueAt: string | null }>
  | Event<'claim.due_changed', { dueAt: string | null; previous: string | null }>
  | Event<'claim.taken'>
  | Event<'claim.research_started'>
  | Event<'claim.notes_updated', { length: number; version: number }>
  | Event<'evidence.added', { evidenceId: string; title: string; url: string; stance: string }>
  | Event<'evidence.updated', { evidenceId: string; title: string; url: string; stance: string }>
  | Event<'evidence.removed', { evidenceId: string; title: string }>
  | Event<'verdict.submitted', { verdict: string; rationale: string }>
  | Event<'review.approved', { comment: string }>
  | Event<'review.returned', { comment: string }>
  | Event<'review.reopened', { comment: string }>
  | Event<'claim.excluded', { reason: string; bulk?: boolean }>
  | Event<'claim.included', { status: string }>
  | Event<'claim.split', { from: string; first: string; second: string }>
  | Event<'claim.merged', { first: string; second: string }>
  | Event<'claim.as_checked', { asChecked: string }>
  | Event<'claim.change_reviewed'>
  /** A re-import changed the sentence of a claim still open for research: the text follows it. */
  | Event<'claim.changed', { oldText: string; newText: string }>
  | Event<'claim.archived', { reason: string }>
  /** A re-import changed the sentence of a checked claim: the claim is left as it was, flagged. */
  | Event<'claim.source_changed', { oldText: string; newText: string }>
  | Event<'claim.source_removed', { text: string }>
  | Event<'claim.source_kept', { change: 'CHANGED' | 'REMOVED'; newText: string | null }>
  | Event<'claim.source_adopted', { oldText: string; newText: string }>
  | Event<'verdict.reused', { sourceClaimId: string; sourceText: string; verdict: string | null; evidence: number }>
  | Event<'claim.published', { verdict: string | null }>
  | Event<'claim.unpublished', { correctionId: string | null }>
  | Event<'correction.proposed', { correctionId: string; kind: Kind; verdict: string | null; note: string }>
  | Event<'correction.approved', { correctionId: string; kind: Kind; from: string; to: string | null; note: string; proposedBy: string }>
  | Event<'correction.rejected', { correctionId: string; kind: Kind; comment: string }>
  /** Written before corrections were proposals: one editor changed the published verdict at once. */
  | Event<'verdict.corrected', { from: string; to: string; note: string }>
  | Event<'team.member_added', { userId: string; name: string; role: string }>
  | Event<'team.role_changed', { userId: string; name: string; from: string; to: string }>
  | Event<'team.member_removed', { userId: string; name: string; role: string; tokensRevoked: number; openClaims: number }>
  | Event<'team.password_reset', { userId: string; name: string }>
  | Event<'team.publisher_changed', { orgName: string | null; orgUrl: string | null }>
  | Event<'team.imported', { articles: number; claims: number; members: number; createdMembers: string[]; exportedAt: string; fromTeam: string }>
  | Event<'scale.changed', { change: string }>
  | Event<'webhook.created', { webhookId: string; host: string; events: string[] }>
  | Event<'webhook.updated', { webhookId: string; host: string; change: string }>
  | Event<'webhook.deleted', { webhookId: string; host: string }>
  | Event<'token.created', { tokenId: string; name: string; scope: string }>
  | Event<'token.revoked', { tokenId: string }>
  | Event<'report.published'>
  | Event<'report.unpublished'>;

export type AuditType = AuditEvent['type'];
export type AuditData<T extends AuditType> = Extract<AuditEvent, { type: T }>['data'];

/** Builds an event with its data checked against its type. */
export function auditEvent<T extends AuditType>(type: T, ...data: AuditData<T> extends Record<string, never> ? [] : [AuditData<T>]): AuditEvent {
  return { type, data: data[0] ?? {} } as AuditEvent;
}

const KIND_TEXT: Record<Kind, string> = {
  VERDICT: 'a corrected verdict',
  UNPUBLISH: 'taking the fact-check off its public page',
  REOPEN: 'reopening the fact-check with the sentence as the source now reads',
};

const quoted = (v: unknown) => `“${v == null ? '' : String(v)}”`;
const day = (v: unknown) => String(v ?? '').slice(0, 10);

/**
 * How an event reads after its actor's name in a claim's history ("Ana approved the verdict").
 * Stored data is read loosely: events written by older versions may lack a newer field.
 */
export function describeAuditEvent(stored: { type: string; data: unknown }): string {
  const event = { type: stored.type, data: (stored.data ?? {}) as Record<string, unknown> } as AuditEvent;
  const d = event.data as Record<string, unknown>;
  switch (event.type) {
    case 'article.imported':
      return `imported the article ${quoted(d.title)} (${d.claims} claims)`;
    case 'article.reimported':
      return `imported version ${d.version} of the article`;
    case 'claim.assigned':
      return `assigned the claim to ${d.assignee}${d.dueAt ? `, due ${day(d.dueAt)}` : ''}`;
    case 'claim.due_changed':
      return d.dueAt ? `set the due date to ${day(d.dueAt)}` : 'cleared the due date';
    case 'claim.taken':
      return 'took the claim';
    case 'claim.research_started':
      return 'started research';
    case 'claim.notes_updated':
      return 'updated the research notes';
    case 'evidence.added':
      return `added evidence ${quoted(d.title)}`;
    case 'evidence.updated':
      return `edited evidence ${quoted(d.title)}`;
    case 'evidence.removed':
      return `removed evidence ${quoted(d.title)}`;
    case 'verdict.submitted':
      return `proposed the verdict ${quoted(d.verdict)} and submitted it for review`;
    case 'review.approved':
      return 'approved the verdict';
    case 'review.returned':
      return `returned the claim: ${quoted(d.comment)}`;
    case 'review.reopened':
      return `reopened the verdict: ${quoted(d.comment)}`;
    case 'claim.excluded':
      return `marked the claim not check-worthy: ${quoted(d.reason)}`;
    case 'claim.included':
      return `brought the claim back (${d.status})`;
    case 'claim.split':
      return `split ${quoted(d.from)} into ${quoted(d.first)} and ${quoted(d.second)}`;
    case 'claim.merged':
      return `merged ${quoted(d.first)} with the next claim ${quoted(d.second)}`;
    case 'claim.as_checked':
      return d.asChecked ? `restated the claim as checked: ${quoted(d.asChecked)}` : 'cleared the claim as checked';
    case 'claim.change_reviewed':
      return 'checked the change to the sentence';
    case 'claim.changed':
      return `imported a new version that changed the sentence from ${quoted(d.oldText)} to ${quoted(d.newText)}`;
    case 'claim.archived':
      return 'imported a new version without this sentence: the claim is archived';
    case 'claim.source_changed':
      return `imported a new version in which the sentence reads ${quoted(d.newText)}; the checked claim was left as it was`;
    case 'claim.source_removed':
      return 'imported a new version without this sentence; the checked claim was left as it was';
    case 'claim.source_kept':
      return d.change === 'REMOVED'
        ? 'kept the claim as checked after its sentence was removed from the source'
        : 'kept the claim as checked after the source changed';
    case 'claim.source_adopted':
      return `reopened the claim with the sentence as the source now reads: ${quoted(d.newText)} (was ${quoted(d.oldText)})`;
    case 'verdict.reused':
      return `reused the verdict ${quoted(d.verdict)}, rationale and ${d.evidence} evidence links of an earlier claim: ${quoted(d.sourceText)}`;
    case 'claim.published':
      return 'published the fact-check';
    case 'claim.unpublished':
      return 'unpublished the fact-check';
    case 'correction.proposed':
      return `proposed ${KIND_TEXT[d.kind as Kind] ?? 'a correction'}${d.verdict ? ` (${quoted(d.verdict)})` : ''}: ${d.note}`;
    case 'correction.approved':
      return `approved ${KIND_TEXT[d.kind as Kind] ?? 'a correction'} proposed by ${d.proposedBy}${d.to ? `: the verdict is now ${quoted(d.to)} (was ${quoted(d.from)})` : ''}`;
    case 'correction.rejected':
      return `rejected ${KIND_TEXT[d.kind as Kind] ?? 'a correction'}${d.comment ? `: ${quoted(d.comment)}` : ''}`;
    case 'verdict.corrected':
      return `corrected the published verdict from ${quoted(d.from)} to ${quoted(d.to)}: ${d.note}`;
    case 'team.member_added':
      return `added ${d.name} as ${d.role}`;
    case 'team.role_changed':
      return `changed the role of ${d.name} from ${d.from} to ${d.to}`;
    case 'team.member_removed':
      return `removed ${d.name} from the team`;
    case 'team.password_reset':
      return `reset the password of ${d.name}`;
    case 'team.publisher_changed':
      return 'changed the publisher details';
    case 'team.imported':
      return `imported a team export from ${quoted(d.fromTeam)} (${d.articles} articles, ${d.claims} claims)`;
    case 'scale.changed':
      return `changed the verdict scale: ${d.change}`;
    case 'webhook.created':
      return `added a webhook for ${d.host}`;
    case 'webhook.updated':
      return `changed the webhook for ${d.host}: ${d.change}`;
    case 'webhook.deleted':
      return `deleted the webhook for ${d.host}`;
    case 'token.created':
      return `made the API token ${quoted(d.name)} (${d.scope})`;
    case 'token.revoked':
      return 'revoked an API token';
    case 'report.published':
      return 'published the article’s report';
    case 'report.unpublished':
      return 'took the article’s report down';
    default:
      return stored.type;
  }
}

/** Who an event or a decision is by: a member's name, a name from a team import (marked so), or nobody known. */
export function actorLabel(actor: { name: string } | null | undefined, importedName?: string | null): string {
  if (actor) return actor.name;
  return importedName ? `${importedName} (imported)` : 'Someone';
}
