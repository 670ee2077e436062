'use server';

import { revalidatePath } from 'next/cache';
import { db } from '@/lib/db';
import { recordAudit } from '@/lib/audit/record';
import { ActionError, authedAction } from '@/lib/actions/safe-action';
import { loadClaim, nextState, updateClaimChecked, workflowPatch } from '@/lib/actions/claim-mutation';
import { canResearch } from '@/lib/domain/workflow';
import {
  assignClaimsSchema,
  claimRefSchema,
  excludeSchema,
  notesSchema,
  reviewSchema,
  submitVerdictSchema,
} from '@/lib/validation/claim';
import { STATUS_LABEL } from '@/lib/domain/claim-status';
import { notify, quote } from '@/lib/notifications/notify';

function revalidateClaim(claimId: string, articleId: string) {
  revalidatePath(`/claims/${claimId}`);
  revalidatePath(`/articles/${articleId}`);
}

/** Editor: assign one or many claims of the team to a checker, with an optional due date. */
export const assignClaims = authedAction(
  assignClaimsSchema,
  'claim.assign',
  async ({ claimIds, assigneeId, dueAt }, user) => {
    const assignee = await db.user.findFirst({
      where: { id: assigneeId!, teamId: user.teamId, role: { in: ['checker', 'editor'] } },
      select: { id: true, name: true },
    });
    if (!assignee) throw new ActionError('Choose a checker from your team.', { assigneeId: ['Choose a checker from your team.'] });
    const articleIds = await db.$transaction(async (tx) => {
      const claims = await tx.claim.findMany({
        where: { id: { in: claimIds }, teamId: user.teamId, archivedAt: null },
        select: { id: true, articleId: true, text: true, status: true, assigneeId: true, proposedById: true, statusBeforeExclusion: true, version: true },
      });
      if (claims.length !== new Set(claimIds).size) throw new ActionError('Some selected claims are not in your team. Reload and try again.');
      for (const claim of claims) {
        const state = nextState(claim, { type: 'assign', assigneeId: assignee.id }, user);
        await updateClaimChecked(tx, claim, claim.version, { ...workflowPatch(state), dueAt: dueAt ?? null });
        await recordAudit(tx, {
          teamId: user.teamId,
          actorId: user.id,
          type: 'claim.assigned',
          claimId: claim.id,
          articleId: claim.articleId,
          data: { assignee: assignee.name, dueAt: dueAt?.toISOString() ?? null },
        });
      }
      await notify(
        tx,
        claims
          .filter((c) => c.assigneeId !== assignee.id)
          .map((c) => ({ teamId: user.teamId, actorId: user.id, userId: assignee.id, type: 'ASSIGNED' as const, claimId: c.id, message: `${user.name} assigned you ${quote(c.text)}` })),
      );
      return new Set(claims.map((c) => c.articleId));
    });
    for (const articleId of articleIds) revalidatePath(`/articles/${articleId}`);
    return `Assigned ${claimIds.length} ${claimIds.length === 1 ? 'claim' : 'claims'} to ${assignee.name}.`;
  },
  { arrayFields: ['claimIds'] },
);

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
      data: { length: notes.length },
    });
    return claim;
  });
  revalidateClaim(claimId, claim.articleId);
  return 'Notes saved.';
});

/** Checker: propose a verdict from the team's scale with a rationale, and send it to review. */
export const submitVerdict = authedAction(
  submitVerdictSchema,
  'claim.research',
  async ({ claimId, version, verdictLabelId, rationale }, user) => {
    const claim = await db.$transaction(async (tx) => {
      const claim = await loadClaim(tx, user, claimId);
      const label = await tx.verdictLabel.findFirst({ where: { id: verdictLabelId, teamId: user.teamId, retiredAt: null }, select: { name: true } });
      if (!label) throw new ActionError('Choose a verdict from your team’s scale.', { verdictLabelId: ['Choose a verdict from your team’s scale.'] });
      const researching = claim.status === 'IN_RESEARCH' ? claim : { ...claim, ...nextState(claim, { type: 'startResearch' }, user) };
      const state = nextState(researching, { type: 'submit', hasVerdict: true, hasRationale: rationale.length > 0 }, user);
      await updateClaimChecked(tx, claim, version, { ...workflowPatch(state), verdictLabelId, rationale, proposedAt: new Date() });
      await recordAudit(tx, {
        teamId: user.teamId,
        actorId: user.id,
        type: 'verdict.submitted',
        claimId,
        articleId: claim.articleId,
        data: { verdict: label.name, rationale },
      });
      return claim;
    });
    revalidateClaim(claimId, claim.articleId);
    revalidatePath('/review');
    return 'Submitted for review.';
  },
);

const REVIEW = {
  approve: { event: 'approve', audit: 'review.approved', decision: 'APPROVED', done: 'Verdict approved.' },
  return: { event: 'return', audit: 'review.returned', decision: 'RETURNED', done: 'Returned to the checker with your comment.' },
  reopen: { event: 'reopen', audit: 'review.reopened', decision: 'REOPENED', done: 'Verdict reopened.' },
} as const;

/** Editor: approve a verdict, return it with a comment, or reopen an approved one. */
export const reviewClaim = authedAction(reviewSchema, 'claim.review', async ({ claimId, version, decision, comment }, user) => {
  const step = REVIEW[decision];
  const claim = await db.$transaction(async (tx) => {
    const claim = await loadClaim(tx, user, claimId);
    const event = step.event === 'approve' ? { type: step.event } : { type: step.event, comment };
    const state = nextState(claim, event, user);
    await updateClaimChecked(tx, claim, version, workflowPatch(state));
    await tx.review.create({ data: { teamId: user.teamId, claimId, reviewerId: user.id, decision: step.decision, comment: comment || null } });
    await recordAudit(tx, { teamId: user.teamId, actorId: user.id, type: step.audit, claimId, articleId: claim.articleId, data: { comment } });
    const recipients = new Set([claim.assigneeId, claim.proposedById]);
    await notify(
      tx,
      [...recipients].map((userId) => ({
        teamId: user.teamId,
        actorId: user.id,
        userId,
        type: step.decision === 'APPROVED' ? ('APPROVED' as const) : ('RETURNED' as const),
        claimId,
        message: `${user.name} ${step.decision === 'APPROVED' ? 'approved the verdict on' : step.decision === 'RETURNED' ? 'returned' : 'reopened'} ${quote(claim.text)}${comment ? `: ${comment}` : ''}`,
      })),
    );
    return claim;
  });
  revalidateClaim(claimId, claim.articleId);
  revalidatePath('/review');
  return step.done;
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
