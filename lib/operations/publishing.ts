import 'server-only';
import { revalidatePath } from 'next/cache';
import { db } from '@/lib/db';
import { recordAudit } from '@/lib/audit/record';
import { ActionError, NOT_FOUND_MESSAGE, operation } from '@/lib/actions/safe-action';
import { loadClaim, updateClaimChecked } from '@/lib/actions/claim-mutation';
import { revalidateClaim } from '@/lib/operations/claims';
import { articleReportSchema, correctVerdictSchema, publishClaimSchema, publisherSchema } from '@/lib/validation/publishing';

/**
 * Publishing approved fact-checks to the public pages under /t/[team] (ADR 0012). Only an
 * approved verdict can be public; a published one changes only through a dated correction.
 */

async function loadPublishable(tx: Parameters<typeof loadClaim>[0], user: Parameters<typeof loadClaim>[1], claimId: string) {
  const claim = await loadClaim(tx, user, claimId);
  if (claim.status !== 'APPROVED') throw new ActionError('Only an approved verdict can be published.', {}, 409);
  return tx.claim.findUniqueOrThrow({
    where: { id: claim.id },
    select: { id: true, articleId: true, publishedAt: true, firstPublishedAt: true, rationale: true, verdictLabel: { select: { name: true } } },
  });
}

function revalidatePublic(teamSlug: string | undefined, claimId: string, articleId: string) {
  revalidateClaim(claimId, articleId);
  if (!teamSlug) return;
  revalidatePath(`/t/${teamSlug}/fact-checks/${claimId}`);
  revalidatePath(`/t/${teamSlug}/reports/${articleId}`);
  revalidatePath(`/t/${teamSlug}/corrections`);
}

async function teamSlug(teamId: string) {
  return (await db.team.findUnique({ where: { id: teamId }, select: { slug: true } }))?.slug;
}

export const publishClaimOp = operation(publishClaimSchema, 'claim.publish', async ({ claimId, version }, user) => {
  const claim = await db.$transaction(async (tx) => {
    const claim = await loadPublishable(tx, user, claimId);
    if (claim.publishedAt) throw new ActionError('This fact-check is already published.', {}, 409);
    const now = new Date();
    await updateClaimChecked(tx, claim, version, { publishedAt: now, firstPublishedAt: claim.firstPublishedAt ?? now });
    await recordAudit(tx, { teamId: user.teamId, actorId: user.id, type: 'claim.published', claimId, articleId: claim.articleId, data: { verdict: claim.verdictLabel?.name ?? null } });
    return claim;
  });
  revalidatePublic(await teamSlug(user.teamId), claimId, claim.articleId);
  return { claimId };
});

export const unpublishClaimOp = operation(publishClaimSchema, 'claim.publish', async ({ claimId, version }, user) => {
  const claim = await db.$transaction(async (tx) => {
    const claim = await loadClaim(tx, user, claimId);
    const current = await tx.claim.findUniqueOrThrow({ where: { id: claim.id }, select: { publishedAt: true } });
    if (!current.publishedAt) throw new ActionError('This fact-check is not published.', {}, 409);
    await updateClaimChecked(tx, claim, version, { publishedAt: null });
    await recordAudit(tx, { teamId: user.teamId, actorId: user.id, type: 'claim.unpublished', claimId, articleId: claim.articleId });
    return claim;
  });
  revalidatePublic(await teamSlug(user.teamId), claimId, claim.articleId);
  return { claimId };
});

/** Editor: change a published verdict; the public page then shows the dated correction and what it replaced. */
export const correctVerdictOp = operation(correctVerdictSchema, 'claim.publish', async ({ claimId, version, verdictLabelId, rationale, note }, user) => {
  const claim = await db.$transaction(async (tx) => {
    const claim = await loadPublishable(tx, user, claimId);
    if (!claim.publishedAt) throw new ActionError('Only a published verdict is corrected this way. Reopen an unpublished one for review instead.', {}, 409);
    const label = await tx.verdictLabel.findFirst({ where: { id: verdictLabelId, teamId: user.teamId, retiredAt: null }, select: { id: true, name: true } });
    if (!label) throw new ActionError('Choose a verdict from your team’s scale.', { verdictLabelId: ['Choose a verdict from your team’s scale.'] });
    const previousVerdict = claim.verdictLabel?.name ?? '';
    await updateClaimChecked(tx, claim, version, { verdictLabelId: label.id, rationale });
    await tx.correction.create({
      data: { teamId: user.teamId, claimId, previousVerdict, previousRationale: claim.rationale ?? '', newVerdict: label.name, note, createdById: user.id },
    });
    await recordAudit(tx, {
      teamId: user.teamId,
      actorId: user.id,
      type: 'verdict.corrected',
      claimId,
      articleId: claim.articleId,
      data: { from: previousVerdict, to: label.name, note },
    });
    return claim;
  });
  revalidatePublic(await teamSlug(user.teamId), claimId, claim.articleId);
  return { claimId };
});

/** Editor: make the article's report (its published fact-checks together) public, or hide it again. */
export const publishReportOp = operation(articleReportSchema, 'claim.publish', async ({ articleId, publish }, user) => {
  await db.$transaction(async (tx) => {
    const { count } = await tx.article.updateMany({
      where: { id: articleId, teamId: user.teamId },
      data: { reportPublishedAt: publish === '1' ? new Date() : null },
    });
    if (count === 0) throw new ActionError(NOT_FOUND_MESSAGE);
    await recordAudit(tx, { teamId: user.teamId, actorId: user.id, type: publish === '1' ? 'report.published' : 'report.unpublished', articleId });
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
    await recordAudit(tx, { teamId: user.teamId, actorId: user.id, type: 'team.publisher_changed', data: { orgName: orgName ?? null, orgUrl: orgUrl ?? null } });
  });
  revalidatePath('/settings/publishing');
  return {};
});
