/**
 * The claim workflow as one pure function: given a claim, an event and the actor, either
 * the new workflow state or a typed refusal. Actions persist what it returns; nothing else
 * changes a claim's status. The verdict (finding) is data beside the status, not a status.
 */
import type { Role } from '@/lib/auth/permissions';
import { can } from '@/lib/auth/permissions';
import { isOpen, STATUS_LABEL, type ClaimStatus } from '@/lib/domain/claim-status';

export type WorkflowClaim = {
  status: ClaimStatus;
  assigneeId: string | null;
  proposedById: string | null;
  statusBeforeExclusion: ClaimStatus | null;
};

export type Actor = { id: string; role: Role };

export type WorkflowEvent =
  | { type: 'assign'; assigneeId: string }
  | { type: 'take' }
  | { type: 'startResearch' }
  | { type: 'submit'; hasVerdict: boolean; hasRationale: boolean }
  | { type: 'approve' }
  | { type: 'return'; comment: string }
  | { type: 'reopen'; comment: string }
  | { type: 'exclude'; reason: string }
  | { type: 'include' };

type WorkflowErrorCode = 'forbidden' | 'invalid_transition' | 'own_verdict' | 'missing_input';

export type TransitionResult = { ok: true; state: WorkflowClaim } | { ok: false; code: WorkflowErrorCode; message: string };

const refuse = (code: WorkflowErrorCode, message: string): TransitionResult => ({ ok: false, code, message });

function notFrom(claim: WorkflowClaim, what: string): TransitionResult {
  return refuse('invalid_transition', `A claim that is ${STATUS_LABEL[claim.status].toLowerCase()} cannot be ${what}.`);
}

const isAssignee = (claim: WorkflowClaim, actor: Actor) => claim.assigneeId === actor.id;

/** Whether the actor may work on the claim's research: notes, evidence, verdict draft. */
export function canResearch(claim: WorkflowClaim, actor: Actor): boolean {
  if (!can(actor, 'claim.research')) return false;
  if (!['ASSIGNED', 'IN_RESEARCH', 'RETURNED'].includes(claim.status)) return false;
  return isAssignee(claim, actor) || can(actor, 'claim.assign');
}

export function transition(claim: WorkflowClaim, event: WorkflowEvent, actor: Actor): TransitionResult {
  const next = (patch: Partial<WorkflowClaim>): TransitionResult => ({ ok: true, state: { ...claim, ...patch } });

  switch (event.type) {
    case 'assign': {
      if (!can(actor, 'claim.assign')) return refuse('forbidden', 'Only editors can assign claims to others.');
      if (!['UNASSIGNED', 'ASSIGNED', 'IN_RESEARCH', 'RETURNED'].includes(claim.status)) return notFrom(claim, 'assigned');
      return next({ assigneeId: event.assigneeId, status: claim.status === 'UNASSIGNED' ? 'ASSIGNED' : claim.status });
    }
    case 'take': {
      if (!can(actor, 'claim.take')) return refuse('forbidden', 'Your role cannot take claims.');
      if (claim.status !== 'UNASSIGNED') return refuse('invalid_transition', 'Only an unassigned claim can be taken.');
      return next({ assigneeId: actor.id, status: 'ASSIGNED' });
    }
    case 'startResearch': {
      if (!isAssignee(claim, actor)) return refuse('forbidden', 'Only the assigned checker can start research.');
      if (claim.status !== 'ASSIGNED' && claim.status !== 'RETURNED') return notFrom(claim, 'put into research');
      return next({ status: 'IN_RESEARCH' });
    }
    case 'submit': {
      if (!isAssignee(claim, actor) || !can(actor, 'claim.research')) {
        return refuse('forbidden', 'Only the assigned checker can submit this claim for review.');
      }
      if (claim.status !== 'IN_RESEARCH') return notFrom(claim, 'submitted for review');
      if (!event.hasVerdict || !event.hasRationale) {
        return refuse('missing_input', 'A verdict and a written rationale are needed before review.');
      }
      return next({ status: 'IN_REVIEW', proposedById: actor.id });
    }
    case 'approve': {
      if (!can(actor, 'claim.review')) return refuse('forbidden', 'Only editors can approve verdicts.');
      if (claim.status !== 'IN_REVIEW') return notFrom(claim, 'approved');
      if (claim.proposedById === actor.id) {
        return refuse('own_verdict', 'You proposed this verdict: another editor has to approve it.');
      }
      return next({ status: 'APPROVED' });
    }
    case 'return': {
      if (!can(actor, 'claim.review')) return refuse('forbidden', 'Only editors can return claims.');
      if (claim.status !== 'IN_REVIEW') return notFrom(claim, 'returned');
      if (!event.comment.trim()) return refuse('missing_input', 'Say what needs another look.');
      return next({ status: 'RETURNED' });
    }
    case 'reopen': {
      if (!can(actor, 'claim.review')) return refuse('forbidden', 'Only editors can reopen approved verdicts.');
      if (claim.status !== 'APPROVED') return notFrom(claim, 'reopened');
      if (!event.comment.trim()) return refuse('missing_input', 'Say why the verdict is reopened.');
      return next({ status: 'RETURNED' });
    }
    case 'exclude': {
      if (!can(actor, 'claim.exclude')) return refuse('forbidden', 'Your role cannot mark claims not check-worthy.');
      if (!isOpen(claim.status)) return notFrom(claim, 'marked not check-worthy');
      if (!can(actor, 'claim.assign') && claim.assigneeId !== null && !isAssignee(claim, actor)) {
        return refuse('forbidden', 'Only the assigned checker or an editor can mark this claim.');
      }
      if (!event.reason.trim()) return refuse('missing_input', 'Give the reason this is not check-worthy.');
      return next({ status: 'NOT_CHECK_WORTHY', statusBeforeExclusion: claim.status });
    }
    case 'include': {
      if (claim.status !== 'NOT_CHECK_WORTHY') return notFrom(claim, 'brought back');
      if (!can(actor, 'claim.assign') && !(can(actor, 'claim.exclude') && isAssignee(claim, actor))) {
        return refuse('forbidden', 'Only the assigned checker or an editor can bring this claim back.');
      }
      const back = claim.statusBeforeExclusion ?? (claim.assigneeId ? 'ASSIGNED' : 'UNASSIGNED');
      return next({ status: back, statusBeforeExclusion: null });
    }
  }
}
