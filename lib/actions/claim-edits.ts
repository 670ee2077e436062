'use server';

import { revalidatePath } from 'next/cache';
import { db } from '@/lib/db';
import { recordAudit } from '@/lib/audit/record';
import { ActionError, authedAction, NOT_FOUND_MESSAGE } from '@/lib/actions/safe-action';
import { claimConflict, CONFLICT_MESSAGE, loadClaim } from '@/lib/actions/claim-mutation';
import { can } from '@/lib/auth/permissions';
import { mergeRanges, splitRange } from '@/lib/domain/claim-edit';
import { canResearch } from '@/lib/domain/workflow';
import { checkWorthinessFields } from '@/lib/import/claim-rows';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { SessionUser } from '@/lib/auth/session';
import { asCheckedSchema, bulkExcludeSchema, claimRefSchema, mergeClaimSchema, reuseVerdictSchema, splitClaimSchema } from '@/lib/validation/claim';

const EDITABLE = ['UNASSIGNED', 'ASSIGNED', 'IN_RESEARCH', 'RETURNED', 'NOT_CHECK_WORTHY'];

/** The claim with its article's text, if it is active, in the team, and not under review or approved. */
async function loadEditable(tx: Prisma.TransactionClient, user: SessionUser, claimId: string, version: number) {
  const claim = await tx.claim.findFirst({
    where: { id: claimId, teamId: user.teamId, archivedAt: null },
    include: { article: { select: { body: true, language: true } } },
  });
  if (!claim) throw new ActionError(NOT_FOUND_MESSAGE);
  if (claim.version !== version) throw new ActionError(CONFLICT_MESSAGE);
  if (!EDITABLE.includes(claim.status)) throw new ActionError('A claim in review or approved cannot be re-split; reopen or return it first.');
  return claim;
}

/** Editor: split a claim in two at a character offset; the first part keeps the work. */
export const splitClaim = authedAction(splitClaimSchema, 'claim.edit', async ({ claimId, version, offset }, user) => {
  const articleId = await db.$transaction(async (tx) => {
    const claim = await loadEditable(tx, user, claimId, version);
    const result = splitRange(claim.article.body, claim, offset);
    if (!result.ok) throw new ActionError(result.message, { offset: [result.message] });
    const { body, language } = claim.article;
    const firstText = body.slice(result.first.start, result.first.end);
    const secondText = body.slice(result.second.start, result.second.end);
    await tx.claim.updateMany({
      where: { articleId: claim.articleId, archivedAt: null, position: { gt: claim.position } },
      data: { position: { increment: 1 } },
    });
    await tx.claim.update({
      where: { id: claim.id },
      data: { ...result.first, text: firstText, ...checkWorthinessFields(firstText, language), version: { increment: 1 } },
    });
    const second = await tx.claim.create({
      data: {
        teamId: user.teamId,
        articleId: claim.articleId,
        position: claim.position + 1,
        paragraph: claim.paragraph,
        ...result.second,
        text: secondText,
        ...checkWorthinessFields(secondText, language),
      },
    });
    for (const id of [claim.id, second.id]) {
      await recordAudit(tx, {
        teamId: user.teamId,
        actorId: user.id,
        type: 'claim.split',
        claimId: id,
        articleId: claim.articleId,
        data: { from: claim.text, first: firstText, second: secondText },
      });
    }
    return claim.articleId;
  });
  revalidatePath(`/articles/${articleId}`);
  revalidatePath(`/claims/${claimId}`);
  return 'Claim split in two.';
});

/** Editor: merge a claim with the next one; the next one's evidence and notes move over and it is archived. */
export const mergeWithNext = authedAction(mergeClaimSchema, 'claim.edit', async ({ claimId, version }, user) => {
  const articleId = await db.$transaction(async (tx) => {
    const claim = await loadEditable(tx, user, claimId, version);
    const next = await tx.claim.findFirst({ where: { articleId: claim.articleId, archivedAt: null, position: claim.position + 1 } });
    if (!next) throw new ActionError('This is the last claim of the article: there is nothing after it to merge.');
    if (!EDITABLE.includes(next.status)) throw new ActionError('The next claim is in review or approved, so it cannot be merged.');
    const range = mergeRanges(claim, next);
    const text = claim.article.body.slice(range.start, range.end);
    const notes = [claim.notes, next.notes].filter((n) => n.trim()).join('\n\n');
    await tx.evidence.updateMany({ where: { claimId: next.id }, data: { claimId: claim.id } });
    await tx.claim.update({
      where: { id: claim.id },
      data: { ...range, text, notes, ...checkWorthinessFields(text, claim.article.language), version: { increment: 1 } },
    });
    await tx.claim.update({ where: { id: next.id }, data: { archivedAt: new Date(), version: { increment: 1 } } });
    await tx.claim.updateMany({
      where: { articleId: claim.articleId, archivedAt: null, position: { gt: next.position } },
      data: { position: { decrement: 1 } },
    });
    for (const id of [claim.id, next.id]) {
      await recordAudit(tx, {
        teamId: user.teamId,
        actorId: user.id,
        type: 'claim.merged',
        claimId: id,
        articleId: claim.articleId,
        data: { first: claim.text, second: next.text },
      });
    }
    return claim.articleId;
  });
  revalidatePath(`/articles/${articleId}`);
  revalidatePath(`/claims/${claimId}`);
  return 'Merged with the next claim.';
});

/** Checker: the claim "as checked", a neutral restatement kept beside the sentence as stated. */
export const saveAsChecked = authedAction(asCheckedSchema, 'claim.research', async ({ claimId, version, asChecked }, user) => {
  const claim = await db.$transaction(async (tx) => {
    const claim = await loadClaim(tx, user, claimId);
    if (!canResearch(claim, user)) throw new ActionError('Only the assigned checker or an editor can restate the claim while it is being researched.', {}, 403);
    const { count } = await tx.claim.updateMany({
      where: { id: claimId, version },
      data: { asChecked: asChecked || null, version: { increment: 1 } },
    });
    if (count === 0) throw await claimConflict(tx, claimId, ['asChecked']);
    await recordAudit(tx, { teamId: user.teamId, actorId: user.id, type: 'claim.as_checked', claimId, articleId: claim.articleId, data: { asChecked } });
    return claim;
  });
  revalidatePath(`/claims/${claimId}`);
  revalidatePath(`/articles/${claim.articleId}`);
  return 'Saved the claim as checked.';
});

/** After a re-import changed a sentence: someone has compared old and new, so the flag goes. */
export const markChangeReviewed = authedAction(claimRefSchema, 'claim.research', async ({ claimId, version }, user) => {
  const claim = await db.$transaction(async (tx) => {
    const claim = await loadClaim(tx, user, claimId);
    if (!can(user, 'claim.edit') && claim.assigneeId !== user.id) throw new ActionError('Only the assigned checker or an editor can clear this flag.', {}, 403);
    const { count } = await tx.claim.updateMany({ where: { id: claimId, version }, data: { previousText: null, version: { increment: 1 } } });
    if (count === 0) throw new ActionError(CONFLICT_MESSAGE);
    await recordAudit(tx, { teamId: user.teamId, actorId: user.id, type: 'claim.change_reviewed', claimId, articleId: claim.articleId });
    return claim;
  });
  revalidatePath(`/claims/${claimId}`);
  revalidatePath(`/articles/${claim.articleId}`);
  return 'Change marked as reviewed.';
});

/** Editor: mark every open, unassigned claim of an article scoring below a threshold not check-worthy. */
export const excludeLowScoring = authedAction(bulkExcludeSchema, 'claim.edit', async ({ articleId, below, reason }, user) => {
  const count = await db.$transaction(async (tx) => {
    const article = await tx.article.findFirst({ where: { id: articleId, teamId: user.teamId }, select: { id: true } });
    if (!article) throw new ActionError(NOT_FOUND_MESSAGE);
    const claims = await tx.claim.findMany({
      where: { articleId, archivedAt: null, status: 'UNASSIGNED', checkWorthiness: { lt: below } },
      select: { id: true },
    });
    const ids = claims.map((c) => c.id);
    await tx.claim.updateMany({
      where: { id: { in: ids } },
      data: { status: 'NOT_CHECK_WORTHY', statusBeforeExclusion: 'UNASSIGNED', notCheckWorthyReason: reason, version: { increment: 1 } },
    });
    await tx.auditEvent.createMany({
      data: ids.map((claimId) => ({ teamId: user.teamId, actorId: user.id, type: 'claim.excluded', claimId, articleId, data: { reason, bulk: true } })),
    });
    return ids.length;
  });
  revalidatePath(`/articles/${articleId}`);
  return count === 0 ? 'No unassigned claim scores that low.' : `Marked ${count} ${count === 1 ? 'claim' : 'claims'} not check-worthy.`;
});

/**
 * Checker: reuse an approved verdict of the team on a similar claim. Its verdict, rationale
 * and evidence are copied here with a link to the source; the claim stays in research, so the
 * checker still submits it and an editor still reviews it.
 */
export const reuseVerdict = authedAction(reuseVerdictSchema, 'claim.research', async ({ claimId, version, sourceClaimId }, user) => {
  const claim = await db.$transaction(async (tx) => {
    const claim = await loadClaim(tx, user, claimId);
    if (!canResearch(claim, user) || claim.assigneeId !== user.id) throw new ActionError('Only the assigned checker can reuse a verdict, while the claim is being researched.', {}, 403);
    const source = await tx.claim.findFirst({
      where: { id: sourceClaimId, teamId: user.teamId, status: 'APPROVED', archivedAt: null },
      include: { evidence: true, verdictLabel: { select: { name: true } } },
    });
    if (!source) throw new ActionError('That earlier claim is not an approved claim of your team.', {}, 404);
    const { count } = await tx.claim.updateMany({
      where: { id: claimId, version },
      data: { verdictLabelId: source.verdictLabelId, rationale: source.rationale, reusedFromId: source.id, status: 'IN_RESEARCH', version: { increment: 1 } },
    });
    if (count === 0) throw new ActionError(CONFLICT_MESSAGE);
    if (source.evidence.length) {
      await tx.evidence.createMany({
        data: source.evidence.map(({ url, title, publisher, stance, quote, archiveUrl, note }) => ({
          teamId: user.teamId,
          claimId,
          authorId: user.id,
          url,
          title,
          publisher,
          stance,
          quote,
          archiveUrl,
          note,
        })),
      });
    }
    await recordAudit(tx, {
      teamId: user.teamId,
      actorId: user.id,
      type: 'verdict.reused',
      claimId,
      articleId: claim.articleId,
      data: { sourceClaimId: source.id, sourceText: source.text, verdict: source.verdictLabel?.name ?? null, evidence: source.evidence.length },
    });
    return claim;
  });
  revalidatePath(`/claims/${claimId}`);
  revalidatePath(`/articles/${claim.articleId}`);
  return 'Verdict, rationale and evidence copied. Check them, then submit for review.';
});
