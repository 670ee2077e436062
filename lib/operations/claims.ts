import 'server-only';
import { revalidatePath } from 'next/cache';
import type { Prisma } from '@/lib/generated/prisma/client';
import { db } from '@/lib/db';
import { recordAudit } from '@/lib/audit/record';
import { ActionError, operation } from '@/lib/actions/safe-action';
import { loadClaim, nextState, updateClaimChecked, workflowPatch } from '@/lib/actions/claim-mutation';
import { canResearch } from '@/lib/domain/workflow';
import { assignClaimsSchema, evidenceSchema, reviewSchema, submitVerdictSchema } from '@/lib/validation/claim';
import { notify, quote } from '@/lib/notifications/notify';

/**
 * The claim mutations that both the desk's forms and the REST API perform. Each returns what
 * changed; lib/actions turns that into a message, lib/api into JSON.
 */

export function revalidateClaim(claimId: string, articleId: string) {
  revalidatePath(`/claims/${claimId}`);
  revalidatePath(`/articles/${articleId}`);
}

/** Editor: assign one or many claims of the team to a checker, with an optional due date. */
export const assignClaimsOp = operation(assignClaimsSchema, 'claim.assign', async ({ claimIds, assigneeId, dueAt }, user) => {
  const { assignee, articleIds } = await db.$transaction(async (tx) => {
    const claims = await tx.claim.findMany({
      where: { id: { in: claimIds }, teamId: user.teamId, archivedAt: null },
      select: { id: true, articleId: true, text: true, status: true, assigneeId: true, proposedById: true, statusBeforeExclusion: true, version: true },
    });
    if (claims.length !== new Set(claimIds).size) {
      throw new ActionError(
        claimIds.length === 1 ? 'That claim does not exist, is archived or is not in your team.' : 'Some selected claims are not in your team. Reload and try again.',
        {},
        404,
      );
    }
    const assignee = await tx.user.findFirst({
      where: { id: assigneeId!, teamId: user.teamId, role: { in: ['checker', 'editor'] }, deactivatedAt: null },
      select: { id: true, name: true },
    });
    if (!assignee) throw new ActionError('Choose a checker from your team.', { assigneeId: ['Choose a checker from your team.'] });
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
    return { assignee, articleIds: new Set(claims.map((c) => c.articleId)) };
  });
  for (const articleId of articleIds) revalidatePath(`/articles/${articleId}`);
  return { assignee, count: claimIds.length };
});

/** Checker: propose a verdict from the team's scale with a rationale, and send it to review. */
export const submitVerdictOp = operation(submitVerdictSchema, 'claim.research', async ({ claimId, version, verdictLabelId, rationale, notes }, user) => {
  const claim = await db.$transaction(async (tx) => {
    const claim = await loadClaim(tx, user, claimId);
    const label = await tx.verdictLabel.findFirst({ where: { id: verdictLabelId, teamId: user.teamId, retiredAt: null }, select: { name: true } });
    if (!label) throw new ActionError('Choose a verdict from your team’s scale.', { verdictLabelId: ['Choose a verdict from your team’s scale.'] });
    const researching = claim.status === 'IN_RESEARCH' ? claim : { ...claim, ...nextState(claim, { type: 'startResearch' }, user) };
    const state = nextState(researching, { type: 'submit', hasVerdict: true, hasRationale: rationale.length > 0 }, user);
    await updateClaimChecked(tx, claim, version, { ...workflowPatch(state), verdictLabelId, rationale, proposedAt: new Date(), ...(notes !== undefined ? { notes } : {}) });
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
  return { claimId };
});

const REVIEW = {
  approve: { event: 'approve', audit: 'review.approved', decision: 'APPROVED', done: 'Verdict approved.' },
  return: { event: 'return', audit: 'review.returned', decision: 'RETURNED', done: 'Returned to the checker with your comment.' },
  reopen: { event: 'reopen', audit: 'review.reopened', decision: 'REOPENED', done: 'Verdict reopened.' },
} as const;

export const REVIEW_DONE_MESSAGE = { approve: REVIEW.approve.done, return: REVIEW.return.done, reopen: REVIEW.reopen.done };

/** Editor: approve a verdict, return it with a comment, or reopen an approved one. */
export const reviewClaimOp = operation(reviewSchema, 'claim.review', async ({ claimId, version, decision, comment }, user) => {
  const step = REVIEW[decision];
  const claim = await db.$transaction(async (tx) => {
    const claim = await loadClaim(tx, user, claimId);
    if (step.event === 'reopen') {
      const published = await tx.claim.findFirst({ where: { id: claimId, publishedAt: { not: null } }, select: { id: true } });
      if (published) throw new ActionError('This verdict is published. Unpublish it first, or publish a correction instead.', {}, 409);
    }
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
  return { claimId, decision };
});

type EvidenceFields = Omit<Prisma.EvidenceUncheckedCreateInput, 'teamId' | 'claimId' | 'authorId'>;

/** Checker or editor: attach an evidence link to a claim in research. */
export const addEvidenceOp = operation(evidenceSchema, 'claim.research', async ({ claimId, ...fields }, user) => {
  const { claim, evidence } = await db.$transaction(async (tx) => {
    const claim = await loadClaim(tx, user, claimId);
    if (!canResearch(claim, user)) throw new ActionError('Only the assigned checker or an editor can add evidence while the claim is being researched.', {}, 403);
    if (claim.assigneeId === user.id && (claim.status === 'ASSIGNED' || claim.status === 'RETURNED')) {
      const { status } = nextState(claim, { type: 'startResearch' }, user);
      await tx.claim.update({ where: { id: claim.id }, data: { status, version: { increment: 1 } } });
    }
    const evidence = await tx.evidence.create({ data: { ...(fields satisfies EvidenceFields), teamId: user.teamId, claimId, authorId: user.id } });
    await recordAudit(tx, {
      teamId: user.teamId,
      actorId: user.id,
      type: 'evidence.added',
      claimId,
      articleId: claim.articleId,
      data: { evidenceId: evidence.id, title: fields.title, url: fields.url, stance: fields.stance },
    });
    return { claim, evidence };
  });
  revalidateClaim(claimId, claim.articleId);
  return evidence;
});
