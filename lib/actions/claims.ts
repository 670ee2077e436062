'use server';

import { revalidatePath } from 'next/cache';
import { db } from '@/lib/db';
import { recordAudit } from '@/lib/audit/record';
import { actionFor, ActionError, authedAction } from '@/lib/actions/safe-action';
import { assignClaimsOp, revalidateClaim, REVIEW_DONE_MESSAGE, reviewClaimOp, submitVerdictOp } from '@/lib/operations/claims';
import { loadClaim, nextState, updateClaimChecked, workflowPatch } from '@/lib/actions/claim-mutation';
import { canResearch } from '@/lib/domain/workflow';
import {
  claimRefSchema,
  excludeSchema,
  notesSchema,
} from '@/lib/validation/claim';
import { STATUS_LABEL } from '@/lib/domain/claim-status';


export const assignClaims = actionFor(
  assignClaimsOp,
  ({ assignee, count }) => `Assigned ${count} ${count === 1 ? 'claim' : 'claims'} to ${assignee.name}.`,
  { arrayFields: ['claimIds'] },
);

export const submitVerdict = actionFor(submitVerdictOp, () => 'Submitted for review.');

export const reviewClaim = actionFor(reviewClaimOp, ({ decision }) => REVIEW_DONE_MESSAGE[decision]);

/** Checker: take an unassigned claim. */
export const takeClaim = authedAction(claimRefSchema, 'claim.take', async ({ claimId, version }, user) => {
  const claim = await db.$transaction(async (tx) => {
    const claim = await loadClaim(tx, user, claimId);
    const state = nextState(claim, { type: 'take' }, user);
    await updateClaimChecked(tx, claim, version, workflowPatch(state));
    await recordAudit(tx, { teamId: user.teamId, actorId: user.id, type: 'claim.taken', claimId, articleId: claim.articleId });
    return claim;
  });
  revalidateClaim(claimId, claim.articleId);
  revalidatePath('/my-claims');
  return 'The claim is yours.';
});

export const startResearch = authedAction(claimRefSchema, 'claim.research', async ({ claimId, version }, user) => {
  const claim = await db.$transaction(async (tx) => {
    const claim = await loadClaim(tx, user, claimId);
    const state = nextState(claim, { type: 'startResearch' }, user);
    await updateClaimChecked(tx, claim, version, workflowPatch(state));
    await recordAudit(tx, { teamId: user.teamId, actorId: user.id, type: 'claim.research_started', claimId, articleId: claim.articleId });
    return claim;
  });
  revalidateClaim(claimId, claim.articleId);
  return 'Research started.';
});

export const saveNotes = authedAction(notesSchema, 'claim.research', async ({ claimId, version, notes }, user) => {
  const claim = await db.$transaction(async (tx) => {
    const claim = await loadClaim(tx, user, claimId);
    if (!canResearch(claim, user)) throw new ActionError('Only the assigned checker or an editor can edit notes while the claim is being researched.');
    const status = claim.status === 'IN_RESEARCH' || claim.assigneeId !== user.id ? claim.status : nextState(claim, { type: 'startResearch' }, user).status;
    await updateClaimChecked(tx, claim, version, { notes, status });
    await recordAudit(tx, {
      teamId: user.teamId,
      actorId: user.id,
      type: 'claim.notes_updated',
      claimId,
      articleId: claim.articleId,
      data: { length: notes.length, version: version + 1 },
    });
    return claim;
  });
  revalidateClaim(claimId, claim.articleId);
  return 'Notes saved.';
});

export const excludeClaim = authedAction(excludeSchema, 'claim.exclude', async ({ claimId, version, reason }, user) => {
  const claim = await db.$transaction(async (tx) => {
    const claim = await loadClaim(tx, user, claimId);
    const state = nextState(claim, { type: 'exclude', reason }, user);
    await updateClaimChecked(tx, claim, version, { ...workflowPatch(state), notCheckWorthyReason: reason });
    await recordAudit(tx, { teamId: user.teamId, actorId: user.id, type: 'claim.excluded', claimId, articleId: claim.articleId, data: { reason } });
    return claim;
  });
  revalidateClaim(claimId, claim.articleId);
  return 'Marked not check-worthy.';
});

export const includeClaim = authedAction(claimRefSchema, 'claim.exclude', async ({ claimId, version }, user) => {
  const claim = await db.$transaction(async (tx) => {
    const claim = await loadClaim(tx, user, claimId);
    const state = nextState(claim, { type: 'include' }, user);
    await updateClaimChecked(tx, claim, version, { ...workflowPatch(state), notCheckWorthyReason: null });
    await recordAudit(tx, {
      teamId: user.teamId,
      actorId: user.id,
      type: 'claim.included',
      claimId,
      articleId: claim.articleId,
      data: { status: STATUS_LABEL[state.status] },
    });
    return claim;
  });
  revalidateClaim(claimId, claim.articleId);
  return 'Back in the workflow.';
});
