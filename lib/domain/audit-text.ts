/** How each audit event reads in a claim's history. */
type Data = Record<string, unknown>;

const str = (v: unknown) => (typeof v === 'string' ? v : v == null ? '' : String(v));

export function describeAuditEvent(type: string, data: Data): string {
  switch (type) {
    case 'article.imported':
      return `imported the article “${str(data.title)}” (${str(data.claims)} claims)`;
    case 'claim.assigned':
      return `assigned the claim to ${str(data.assignee)}${data.dueAt ? `, due ${str(data.dueAt).slice(0, 10)}` : ''}`;
    case 'claim.taken':
      return 'took the claim';
    case 'claim.research_started':
      return 'started research';
    case 'claim.notes_updated':
      return 'updated the research notes';
    case 'evidence.added':
      return `added evidence “${str(data.title)}”`;
    case 'evidence.updated':
      return `edited evidence “${str(data.title)}”`;
    case 'evidence.removed':
      return `removed evidence “${str(data.title)}”`;
    case 'verdict.submitted':
      return `proposed the verdict “${str(data.verdict)}” and submitted it for review`;
    case 'review.approved':
      return 'approved the verdict';
    case 'review.returned':
      return `returned the claim: “${str(data.comment)}”`;
    case 'review.reopened':
      return `reopened the verdict: “${str(data.comment)}”`;
    case 'claim.excluded':
      return `marked the claim not check-worthy: “${str(data.reason)}”`;
    case 'claim.included':
      return `brought the claim back (${str(data.status)})`;
    default:
      return type;
  }
}
