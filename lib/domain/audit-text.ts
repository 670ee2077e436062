/** How each audit event reads in a claim's history. */
type Data = Record<string, unknown>;

const str = (v: unknown) => (typeof v === 'string' ? v : v == null ? '' : String(v));

export function describeAuditEvent(type: string, data: Data): string {
  switch (type) {
    case 'article.imported':
      return `imported the article “${str(data.title)}” (${str(data.claims)} claims)`;
    case 'claim.assigned':
      return `assigned the claim to ${str(data.assignee)}${data.dueAt ? `, due ${str(data.dueAt).slice(0, 10)}` : ''}`;
    case 'claim.due_changed':
      return data.dueAt ? `set the due date to ${str(data.dueAt).slice(0, 10)}` : 'cleared the due date';
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
    case 'claim.split':
      return `split “${str(data.from)}” into “${str(data.first)}” and “${str(data.second)}”`;
    case 'claim.merged':
      return `merged “${str(data.first)}” with the next claim “${str(data.second)}”`;
    case 'claim.as_checked':
      return data.asChecked ? `restated the claim as checked: “${str(data.asChecked)}”` : 'cleared the claim as checked';
    case 'claim.changed':
      return `imported a new version that changed the sentence from “${str(data.oldText)}” to “${str(data.newText)}”`;
    case 'claim.change_reviewed':
      return 'checked the change to the sentence';
    case 'claim.archived':
      return 'imported a new version without this sentence: the claim is archived';
    case 'article.reimported':
      return `imported version ${str(data.version)} of the article`;
    case 'verdict.reused':
      return `reused the verdict “${str(data.verdict)}”, rationale and ${str(data.evidence)} evidence links of an earlier claim: “${str(data.sourceText)}”`;
    case 'claim.published':
      return 'published the fact-check';
    case 'claim.unpublished':
      return 'unpublished the fact-check';
    case 'verdict.corrected':
      return `corrected the published verdict from “${str(data.from)}” to “${str(data.to)}”: ${str(data.note)}`;
    default:
      return type;
  }
}
