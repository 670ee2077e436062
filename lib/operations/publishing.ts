import 'server-only';
import { revalidatePath } from 'next/cache';
import { db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import { recordAudit } from '@/lib/audit/record';
import type { SessionUser } from '@/lib/auth/session';
import { auditEvent } from '@/lib/domain/audit-events';
import { checkWorthinessFields } from '@/lib/import/claim-rows';
import { ConflictError, InvalidInputError, InvalidStateError, NotAllowedError, NotFoundError } from '@/lib/operations/errors';
import { operation } from '@/lib/operations/operation';
import { claimConflict, loadClaim, step, workflowPatch, writeClaim, type ClaimRecord } from '@/lib/operations/claim-writer';
import { revalidateClaim } from '@/lib/operations/claims';
import { notify, quote } from '@/lib/notifications/notify';
import {
  articleReportSchema,
  decideCorrectionSchema,
  proposeCorrectionSchema,
  publishClaimSchema,
  publisherSchema,
  sourceChangeSchema,
} from '@/lib/validation/publishing';

/**
 * The public life of a fact-check (ADR 0012, ADR 0021). An approved verdict is published by an
 * editor; from then on it changes only through a correction that one editor proposes and
 * another approves: a new verdict, taking it off its public page, or reopening it after the
 * source changed. A re-import never changes a checked claim: it flags it (lib/import/reimport.ts)
 * and an editor keeps it as checked or reopens it here.
 */

type Tx = Prisma.TransactionClient;
const actorOf = (user: SessionUser) => ({ id: user.id, teamId: user.teamId });

async function teamSlug(teamId: string) {
  return (await db.team.findUnique({ where: { id: teamId }, select: { slug: true } }))?.slug;
}

async function revalidatePublic(teamId: string, claimId: string, articleId: string) {
  revalidateClaim(claimId, articleId);
  const slug = await teamSlug(teamId);
  if (!slug) return;
  revalidatePath(`/t/${slug}/fact-checks/${claimId}`);
  revalidatePath(`/t/${slug}/reports/${articleId}`);
  revalidatePath(`/t/${slug}/corrections`);
}

async function verdictName(tx: Tx, labelId: string | null) {
  if (!labelId) return '';
  return (await tx.verdictLabel.findUnique({ where: { id: labelId }, select: { name: true } }))?.name ?? '';
}

export const publishClaimOp = operation(publishClaimSchema, 'claim.publish', async ({ claimId, version }, user) => {
  const claim = await db.$transaction(async (tx) => {
    const claim = await loadClaim(tx, user, claimId);
    if (claim.status !== 'APPROVED') throw new InvalidStateError('Only an approved verdict can be published.');
    if (claim.publishedAt) throw new InvalidStateError('This fact-check is already published.');
    if (claim.sourceChange)
      throw new InvalidStateError('The source changed after this verdict was approved. Decide on the change first: keep the claim as checked, or reopen it.');
    const now = new Date();
    return writeClaim(tx, {
      claim,
      expectedVersion: version,
      patch: { publishedAt: now, firstPublishedAt: claim.firstPublishedAt ?? now },
      actor: actorOf(user),
      audit: auditEvent('claim.published', { verdict: (await verdictName(tx, claim.verdictLabelId)) || null }),
    });
  });
  await revalidatePublic(user.teamId, claimId, claim.articleId);
  return claim;
});

/** A published claim, archived or not: a fact-check kept after its sentence left the source stays public. */
async function loadPublished(tx: Tx, user: SessionUser, claimId: string) {
  const claim = await loadClaim(tx, user, claimId, { archived: 'allow' });
  if (!claim.publishedAt) throw new InvalidStateError('This fact-check is not published: it has nothing to correct in public.');
  return claim;
}

async function createProposal(
  tx: Tx,
  user: SessionUser,
  claim: ClaimRecord,
  proposal: { kind: 'VERDICT' | 'UNPUBLISH' | 'REOPEN'; note: string; newVerdictLabelId?: string; newVerdict?: string; newRationale?: string },
) {
  const pending = await tx.correction.findFirst({ where: { claimId: claim.id, status: 'PROPOSED' }, select: { id: true } });
  if (pending) throw new InvalidStateError('A correction of this fact-check is already waiting for a decision: approve or reject it first.');
  const correction = await tx.correction.create({
    data: {
      teamId: user.teamId,
      claimId: claim.id,
      kind: proposal.kind,
      status: 'PROPOSED',
      claimVersion: claim.version,
      previousVerdict: await verdictName(tx, claim.verdictLabelId),
      previousRationale: claim.rationale ?? '',
      newVerdict: proposal.newVerdict ?? null,
      newVerdictLabelId: proposal.newVerdictLabelId ?? null,
      newRationale: proposal.newRationale ?? null,
      note: proposal.note,
      createdById: user.id,
    },
  });
  await recordAudit(tx, {
    teamId: user.teamId,
    actorId: user.id,
    claimId: claim.id,
    articleId: claim.articleId,
    event: auditEvent('correction.proposed', { correctionId: correction.id, kind: proposal.kind, verdict: proposal.newVerdict ?? null, note: proposal.note }),
  });
  return correction;
}

/**
 * Editor: propose a correction of a published fact-check: a new verdict and rationale (at least
 * one of them different), or taking it off its public page. Nothing public changes until another
 * editor approves it.
 */
export const proposeCorrectionOp = operation(proposeCorrectionSchema, 'claim.publish', async (input, user) => {
  const claim = await db.$transaction(async (tx) => {
    const claim = await loadPublished(tx, user, input.claimId);
    if (claim.version !== input.version) throw await claimConflict(tx, claim.id, ['verdictLabelId', 'rationale']);
    if (input.kind === 'unpublish') {
      await createProposal(tx, user, claim, { kind: 'UNPUBLISH', note: input.note });
      return claim;
    }
    const label = await tx.verdictLabel.findFirst({
      where: { id: input.verdictLabelId ?? '', teamId: user.teamId, retiredAt: null },
      select: { id: true, name: true },
    });
    if (!label) throw new InvalidInputError('Choose a verdict from your team’s scale.', { verdictLabelId: ['Choose a verdict from your team’s scale.'] });
    const rationale = input.rationale ?? '';
    if (label.id === claim.verdictLabelId && rationale === (claim.rationale ?? '')) {
      const message = 'This is the published verdict and rationale: change the verdict, the rationale or both.';
      throw new InvalidInputError(message, { verdictLabelId: [message], rationale: [message] });
    }
    await createProposal(tx, user, claim, { kind: 'VERDICT', note: input.note, newVerdictLabelId: label.id, newVerdict: label.name, newRationale: rationale });
    return claim;
  });
  revalidateClaim(claim.id, claim.articleId);
  return { claimId: claim.id, kind: input.kind };
});

/** The claim, back in research with the sentence as the source now reads. */
async function adoptSourceText(tx: Tx, user: SessionUser, claim: ClaimRecord, comment: string, approvalOf?: { proposedById: string | null }) {
  const language = (await tx.article.findUniqueOrThrow({ where: { id: claim.articleId }, select: { language: true } })).language;
  const decision = claim.status === 'IN_REVIEW' ? 'return' : 'reopen';
  const state = step(claim, { type: decision, comment }, user);
  const reviewed = await writeClaim(tx, {
    claim,
    patch: { ...workflowPatch(state), ...(approvalOf ? { publishedAt: null } : {}) },
    actor: actorOf(user),
    audit: auditEvent(decision === 'return' ? 'review.returned' : 'review.reopened', { comment }),
    approvalOf,
  });
  await tx.review.create({
    data: { teamId: user.teamId, claimId: claim.id, reviewerId: user.id, decision: decision === 'return' ? 'RETURNED' : 'REOPENED', comment },
  });
  const newText = claim.sourceText!;
  const written = await writeClaim(tx, {
    claim: reviewed,
    patch: { text: newText, previousText: claim.text, sourceChange: null, sourceText: null, ...checkWorthinessFields(newText, language) },
    actor: actorOf(user),
    audit: auditEvent('claim.source_adopted', { oldText: claim.text, newText }),
  });
  await notify(tx, [
    {
      teamId: user.teamId,
      actorId: user.id,
      userId: claim.assigneeId,
      type: 'RETURNED',
      claimId: claim.id,
      message: `${user.name} reopened ${quote(newText)}: the source changed`,
    },
  ]);
  return written;
}

/** Editor: approve a proposed correction (never your own) or reject it. */
export const decideCorrectionOp = operation(decideCorrectionSchema, 'claim.publish', async ({ claimId, correctionId, decision, comment }, user) => {
  const claim = await db.$transaction(async (tx) => {
    const claim = await loadPublished(tx, user, claimId);
    const correction = await tx.correction.findFirst({ where: { id: correctionId, claimId, teamId: user.teamId } });
    if (!correction) throw new NotFoundError();
    if (correction.status !== 'PROPOSED') throw new InvalidStateError('This correction was already decided.');
    if (decision === 'approve') {
      if (correction.createdById === user.id) throw new NotAllowedError('You proposed this correction: another editor has to approve it.');
      if (claim.version !== correction.claimVersion) {
        throw new ConflictError(
          (await claimConflict(tx, claim.id, ['verdictLabelId', 'rationale'])).conflict,
          'The fact-check changed after this correction was proposed, so it was not applied. Reject it and propose it again against the fact-check as it is now.',
        );
      }
    }
    // Conditional, so that two editors deciding at once make one decision.
    const decided = await tx.correction.updateMany({
      where: { id: correction.id, status: 'PROPOSED' },
      data: { status: decision === 'approve' ? 'APPROVED' : 'REJECTED', decidedById: user.id, decidedAt: new Date(), decisionComment: comment || null },
    });
    if (decided.count === 0) throw new InvalidStateError('This correction was already decided.');
    if (decision === 'reject') {
      await recordAudit(tx, {
        teamId: user.teamId,
        actorId: user.id,
        claimId,
        articleId: claim.articleId,
        event: auditEvent('correction.rejected', { correctionId, kind: correction.kind, comment }),
      });
      return claim;
    }
    const approvalOf = { proposedById: correction.createdById };
    const proposer = correction.createdById
      ? ((await tx.user.findUnique({ where: { id: correction.createdById }, select: { name: true } }))?.name ?? 'a former member')
      : 'an imported proposal';
    const audit = auditEvent('correction.approved', {
      correctionId,
      kind: correction.kind,
      from: correction.previousVerdict,
      to: correction.newVerdict,
      note: correction.note,
      proposedBy: proposer,
    });
    switch (correction.kind) {
      case 'VERDICT':
        return writeClaim(tx, {
          claim,
          patch: { verdictLabelId: correction.newVerdictLabelId, rationale: correction.newRationale },
          actor: actorOf(user),
          audit,
          approvalOf,
        });
      case 'UNPUBLISH':
        return writeClaim(tx, { claim, patch: { publishedAt: null }, actor: actorOf(user), audit, approvalOf });
      case 'REOPEN': {
        if (claim.sourceChange !== 'CHANGED' || !claim.sourceText)
          throw new InvalidStateError('The source no longer differs from this claim: reject this correction.');
        await recordAudit(tx, { teamId: user.teamId, actorId: user.id, claimId, articleId: claim.articleId, event: audit });
        return adoptSourceText(tx, user, claim, correction.note, approvalOf);
      }
    }
  });
  await revalidatePublic(user.teamId, claimId, claim.articleId);
  return { claimId, decision };
});

/**
 * Editor: decide on a re-import's change to a checked claim. Keep: the claim stays as it was
 * checked (a removed sentence's claim leaves the article, still public if it was). Reopen: back
 * to research with the sentence as it now reads; a published one is unpublished by a correction
 * that another editor approves.
 */
export const decideSourceChangeOp = operation(sourceChangeSchema, 'claim.review', async ({ claimId, version, decision, comment }, user) => {
  const result = await db.$transaction(async (tx) => {
    const claim = await loadClaim(tx, user, claimId);
    if (claim.version !== version) throw await claimConflict(tx, claim.id, ['text', 'status']);
    if (!claim.sourceChange) throw new InvalidStateError('There is no change from the source to decide on.');
    if (decision === 'keep') {
      const written = await writeClaim(tx, {
        claim,
        patch: { sourceChange: null, sourceText: null, ...(claim.sourceChange === 'REMOVED' ? { archivedAt: new Date() } : {}) },
        actor: actorOf(user),
        audit: auditEvent('claim.source_kept', { change: claim.sourceChange, newText: claim.sourceText }),
      });
      return { claim: written, outcome: 'kept' as const };
    }
    if (claim.sourceChange === 'REMOVED')
      throw new InvalidStateError(
        'The sentence is gone from the source, so there is nothing to reopen it with. Keep it as checked, or unpublish it by a correction.',
      );
    const note = comment || 'The sentence changed in the source.';
    if (claim.publishedAt) {
      await createProposal(tx, user, claim, { kind: 'REOPEN', note });
      return { claim, outcome: 'proposed' as const };
    }
    if (claim.status === 'NOT_CHECK_WORTHY') throw new InvalidStateError('Bring the claim back into the workflow first, then reopen it.');
    return { claim: await adoptSourceText(tx, user, claim, note), outcome: 'reopened' as const };
  });
  await revalidatePublic(user.teamId, claimId, result.claim.articleId);
  return { claimId, outcome: result.outcome };
});

/** Editor: make the article's report (its published fact-checks together) public, or hide it again. */
export const publishReportOp = operation(articleReportSchema, 'claim.publish', async ({ articleId, publish }, user) => {
  await db.$transaction(async (tx) => {
    const { count } = await tx.article.updateMany({
      where: { id: articleId, teamId: user.teamId },
      data: { reportPublishedAt: publish === '1' ? new Date() : null },
    });
    if (count === 0) throw new NotFoundError();
    await recordAudit(tx, { teamId: user.teamId, actorId: user.id, articleId, event: auditEvent(publish === '1' ? 'report.published' : 'report.unpublished') });
  });
  const slug = await teamSlug(user.teamId);
  revalidatePath(`/articles/${articleId}`);
  if (slug) revalidatePath(`/t/${slug}/reports/${articleId}`);
  return { published: publish === '1' };
});

/** Admin: who the public pages and ClaimReview name as the publisher. */
export const updatePublisherOp = operation(publisherSchema, 'team.manage', async ({ orgName, orgUrl, orgLogoUrl }, user) => {
  await db.$transaction(async (tx) => {
    await tx.team.update({ where: { id: user.teamId }, data: { orgName: orgName ?? null, orgUrl: orgUrl ?? null, orgLogoUrl: orgLogoUrl ?? null } });
    await recordAudit(tx, {
      teamId: user.teamId,
      actorId: user.id,
      event: auditEvent('team.publisher_changed', { orgName: orgName ?? null, orgUrl: orgUrl ?? null }),
    });
  });
  revalidatePath('/settings/publishing');
  return {};
});
