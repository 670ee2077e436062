import 'server-only';
import { revalidatePath } from 'next/cache';
import { db } from '@/lib/db';
import { auditEvent } from '@/lib/domain/audit-events';
import { canResearch } from '@/lib/domain/workflow';
import { STATUS_LABEL } from '@/lib/domain/claim-status';
import { notify, quote } from '@/lib/notifications/notify';
import { InvalidInputError, InvalidStateError, NotAllowedError } from '@/lib/operations/errors';
import { operation } from '@/lib/operations/operation';
import { loadClaim, loadClaims, step, workflowPatch, writeClaim, type ClaimRecord } from '@/lib/operations/claim-writer';
import type { SessionUser } from '@/lib/auth/session';
import type { Prisma } from '@/lib/generated/prisma/client';
import {
  assignClaimsSchema,
  claimRefSchema,
  excludeClaimsSchema,
  excludeSchema,
  notesSchema,
  reviewSchema,
  setDueDateSchema,
  submitVerdictSchema,
} from '@/lib/validation/claim';

/**
 * The workflow of a claim: assignment, research, the verdict and its review, setting aside.
 * Each operation loads the claim, asks the workflow for the next state and hands it to the
 * claim writer, in one transaction; the forms and the REST API call these.
 */

export function revalidateClaim(claimId: string, articleId: string) {
  revalidatePath(`/claims/${claimId}`);
  revalidatePath(`/articles/${articleId}`);
}

function revalidateLists(articleIds: Iterable<string>) {
  revalidatePath('/claims');
  for (const articleId of new Set(articleIds)) revalidatePath(`/articles/${articleId}`);
}

const actorOf = (user: SessionUser) => ({ id: user.id, teamId: user.teamId });
const excerpt = (text: string) => (text.length > 80 ? `${text.slice(0, 79)}…` : text);

/** Editor: assign one or many claims of the team to a checker, with an optional due date. */
export const assignClaimsOp = operation(assignClaimsSchema, 'claim.assign', async ({ claimIds, assigneeId, dueAt }, user) => {
  const { assignee, articleIds } = await db.$transaction(async (tx) => {
    const claims = await loadClaims(tx, user, claimIds);
    const assignee = await tx.user.findFirst({
      where: { id: assigneeId!, teamId: user.teamId, role: { in: ['checker', 'editor'] }, deactivatedAt: null },
      select: { id: true, name: true },
    });
    if (!assignee) throw new InvalidInputError('Choose a checker from your team.', { assigneeId: ['Choose a checker from your team.'] });
    for (const claim of claims) {
      const state = step(claim, { type: 'assign', assigneeId: assignee.id }, user);
      await writeClaim(tx, {
        claim,
        patch: { ...workflowPatch(state), dueAt: dueAt ?? null },
        actor: actorOf(user),
        audit: auditEvent('claim.assigned', { assignee: assignee.name, dueAt: dueAt?.toISOString() ?? null }),
      });
    }
    await notify(
      tx,
      claims
        .filter((c) => c.assigneeId !== assignee.id)
        .map((c) => ({
          teamId: user.teamId,
          actorId: user.id,
          userId: assignee.id,
          type: 'ASSIGNED' as const,
          claimId: c.id,
          message: `${user.name} assigned you ${quote(c.text)}`,
        })),
    );
    return { assignee, articleIds: claims.map((c) => c.articleId) };
  });
  revalidateLists(articleIds);
  revalidatePath('/my-claims');
  return { assignee, count: claimIds.length };
});

/** Checker: take an unassigned claim. */
export const takeClaimOp = operation(claimRefSchema, 'claim.take', async ({ claimId, version }, user) => {
  const claim = await db.$transaction(async (tx) => {
    const claim = await loadClaim(tx, user, claimId);
    const state = step(claim, { type: 'take' }, user);
    return writeClaim(tx, { claim, expectedVersion: version, patch: workflowPatch(state), actor: actorOf(user), audit: auditEvent('claim.taken') });
  });
  revalidateClaim(claimId, claim.articleId);
  revalidatePath('/my-claims');
  return claim;
});

export const startResearchOp = operation(claimRefSchema, 'claim.research', async ({ claimId, version }, user) => {
  const claim = await db.$transaction(async (tx) => {
    const claim = await loadClaim(tx, user, claimId);
    const state = step(claim, { type: 'startResearch' }, user);
    return writeClaim(tx, { claim, expectedVersion: version, patch: workflowPatch(state), actor: actorOf(user), audit: auditEvent('claim.research_started') });
  });
  revalidateClaim(claimId, claim.articleId);
  return claim;
});

/** The assignee's first piece of work on an assigned or returned claim puts it into research. */
function researchStatus(claim: ClaimRecord, user: SessionUser) {
  return claim.assigneeId === user.id && (claim.status === 'ASSIGNED' || claim.status === 'RETURNED')
    ? step(claim, { type: 'startResearch' }, user).status
    : claim.status;
}

export function assertResearching(claim: ClaimRecord, user: SessionUser, what: string) {
  if (!canResearch(claim, user)) throw new NotAllowedError(`Only the assigned checker or an editor can ${what} while the claim is being researched.`);
}

export const saveNotesOp = operation(notesSchema, 'claim.research', async ({ claimId, version, notes }, user) => {
  const claim = await db.$transaction(async (tx) => {
    const claim = await loadClaim(tx, user, claimId);
    assertResearching(claim, user, 'edit notes');
    return writeClaim(tx, {
      claim,
      expectedVersion: version,
      patch: { notes, status: researchStatus(claim, user) },
      actor: actorOf(user),
      audit: auditEvent('claim.notes_updated', { length: notes.length, version: version + 1 }),
    });
  });
  revalidateClaim(claimId, claim.articleId);
  return claim;
});

/**
 * Checker: propose a verdict from the team's scale with a rationale, and send it to review. Notes
 * typed on the same page travel with it and are saved in the same write.
 */
export const submitVerdictOp = operation(submitVerdictSchema, 'claim.research', async ({ claimId, version, verdictLabelId, rationale, notes }, user) => {
  const claim = await db.$transaction(async (tx) => {
    const claim = await loadClaim(tx, user, claimId);
    const label = await tx.verdictLabel.findFirst({ where: { id: verdictLabelId, teamId: user.teamId, retiredAt: null }, select: { name: true } });
    if (!label) throw new InvalidInputError('Choose a verdict from your team’s scale.', { verdictLabelId: ['Choose a verdict from your team’s scale.'] });
    const researching = claim.status === 'IN_RESEARCH' ? claim : { ...claim, ...step(claim, { type: 'startResearch' }, user) };
    const state = step(researching, { type: 'submit', hasVerdict: true, hasRationale: rationale.length > 0 }, user);
    return writeClaim(tx, {
      claim,
      expectedVersion: version,
      patch: { ...workflowPatch(state), verdictLabelId, rationale, proposedAt: new Date(), ...(notes !== undefined ? { notes } : {}) },
      actor: actorOf(user),
      audit: auditEvent('verdict.submitted', { verdict: label.name, rationale }),
    });
  });
  revalidateClaim(claimId, claim.articleId);
  revalidatePath('/review');
  return claim;
});

const REVIEW = {
  approve: { audit: 'review.approved', decision: 'APPROVED', done: 'Verdict approved.' },
  return: { audit: 'review.returned', decision: 'RETURNED', done: 'Returned to the checker with your comment.' },
  reopen: { audit: 'review.reopened', decision: 'REOPENED', done: 'Verdict reopened.' },
} as const;

export const REVIEW_DONE_MESSAGE = { approve: REVIEW.approve.done, return: REVIEW.return.done, reopen: REVIEW.reopen.done };

/** Editor: approve a verdict, return it with a comment, or reopen an approved one. */
export const reviewClaimOp = operation(reviewSchema, 'claim.review', async ({ claimId, version, decision, comment }, user) => {
  const review = REVIEW[decision];
  const claim = await db.$transaction(async (tx) => {
    const claim = await loadClaim(tx, user, claimId);
    if (decision === 'reopen' && claim.publishedAt) {
      throw new InvalidStateError('This verdict is published: propose a correction instead (a new verdict, or taking it off its public page).');
    }
    if (decision === 'approve' && claim.sourceChange) {
      throw new InvalidStateError('The source changed after this verdict was proposed. Decide on the change first: keep the claim as checked, or reopen it.');
    }
    const state = step(claim, decision === 'approve' ? { type: 'approve' } : { type: decision, comment }, user);
    const written = await writeClaim(tx, {
      claim,
      expectedVersion: version,
      patch: workflowPatch(state),
      actor: actorOf(user),
      audit: auditEvent(review.audit, { comment }),
    });
    await tx.review.create({ data: { teamId: user.teamId, claimId, reviewerId: user.id, decision: review.decision, comment: comment || null } });
    const recipients = new Set([claim.assigneeId, claim.proposedById]);
    const verb = decision === 'approve' ? 'approved the verdict on' : decision === 'return' ? 'returned' : 'reopened';
    await notify(
      tx,
      [...recipients].map((userId) => ({
        teamId: user.teamId,
        actorId: user.id,
        userId,
        type: decision === 'approve' ? ('APPROVED' as const) : ('RETURNED' as const),
        claimId,
        message: `${user.name} ${verb} ${quote(claim.text)}${comment ? `: ${comment}` : ''}`,
      })),
    );
    return written;
  });
  revalidateClaim(claimId, claim.articleId);
  revalidatePath('/review');
  return { claim, decision };
});

export const excludeClaimOp = operation(excludeSchema, 'claim.exclude', async ({ claimId, version, reason }, user) => {
  const claim = await db.$transaction(async (tx) => {
    const claim = await loadClaim(tx, user, claimId);
    const state = step(claim, { type: 'exclude', reason }, user);
    return writeClaim(tx, {
      claim,
      expectedVersion: version,
      patch: { ...workflowPatch(state), notCheckWorthyReason: reason },
      actor: actorOf(user),
      audit: auditEvent('claim.excluded', { reason }),
    });
  });
  revalidateClaim(claimId, claim.articleId);
  return claim;
});

export const includeClaimOp = operation(claimRefSchema, 'claim.exclude', async ({ claimId, version }, user) => {
  const claim = await db.$transaction(async (tx) => {
    const claim = await loadClaim(tx, user, claimId);
    const state = step(claim, { type: 'include' }, user);
    return writeClaim(tx, {
      claim,
      expectedVersion: version,
      patch: { ...workflowPatch(state), notCheckWorthyReason: null },
      actor: actorOf(user),
      audit: auditEvent('claim.included', { status: STATUS_LABEL[state.status] }),
    });
  });
  revalidateClaim(claimId, claim.articleId);
  return claim;
});

/** Editor: give the selected claims one due date. */
export const setDueDateOp = operation(setDueDateSchema, 'claim.assign', async ({ claimIds, dueAt }, user) => {
  const claims = await db.$transaction(async (tx) => {
    const claims = await loadClaims(tx, user, claimIds);
    for (const claim of claims) {
      await writeClaim(tx, {
        claim,
        patch: { dueAt },
        actor: actorOf(user),
        audit: auditEvent('claim.due_changed', { dueAt: dueAt.toISOString(), previous: claim.dueAt?.toISOString() ?? null }),
      });
    }
    return claims;
  });
  revalidateLists(claims.map((c) => c.articleId));
  return { count: claims.length, dueAt };
});

/**
 * Editor: mark the selected claims not check-worthy, each through the workflow. All or nothing:
 * if one of them cannot be set aside (approved, say), none is and the message names it.
 */
export const excludeClaimsOp = operation(excludeClaimsSchema, 'claim.edit', async ({ claimIds, reason }, user) => {
  const claims = await db.$transaction((tx) => setAside(tx, user, (tx) => loadClaims(tx, user, claimIds), reason));
  revalidateLists(claims.map((c) => c.articleId));
  return { count: claims.length };
});

/** Sets aside every claim `load` returns, through the workflow and the writer; one refusal refuses all. */
export async function setAside(
  tx: Prisma.TransactionClient,
  user: SessionUser,
  load: (tx: Prisma.TransactionClient) => Promise<ClaimRecord[]>,
  reason: string,
) {
  const claims = await load(tx);
  for (const claim of claims) {
    let state;
    try {
      state = step(claim, { type: 'exclude', reason }, user);
    } catch (err) {
      if (err instanceof InvalidStateError) throw new InvalidStateError(`Nothing was changed. “${excerpt(claim.text)}”: ${err.message}`);
      throw err;
    }
    await writeClaim(tx, {
      claim,
      patch: { ...workflowPatch(state), notCheckWorthyReason: reason },
      actor: actorOf(user),
      audit: auditEvent('claim.excluded', { reason, bulk: true }),
    });
  }
  return claims;
}
