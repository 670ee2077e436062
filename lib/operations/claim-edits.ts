import 'server-only';
import { revalidatePath } from 'next/cache';
import { db } from '@/lib/db';
import { recordAudit } from '@/lib/audit/record';
import { can } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/session';
import { auditEvent } from '@/lib/domain/audit-events';
import { mergeRanges, splitRange } from '@/lib/domain/claim-edit';
import { isOpenForResearch } from '@/lib/domain/invariants';
import { checkWorthinessFields, insertClaims } from '@/lib/import/claim-rows';
import { InvalidInputError, InvalidStateError, NotAllowedError, NotFoundError } from '@/lib/operations/errors';
import { operation } from '@/lib/operations/operation';
import { claimConflict, claimRecordSelect, loadClaim, shiftPositions, step, writeClaim, type ClaimRecord } from '@/lib/operations/claim-writer';
import { assertResearching, revalidateClaim, setAside } from '@/lib/operations/claims';
import { asCheckedSchema, bulkExcludeSchema, claimRefSchema, mergeClaimSchema, reuseVerdictSchema, splitClaimSchema } from '@/lib/validation/claim';
import type { Prisma } from '@/lib/generated/prisma/client';

/**
 * Corrections to how an article was split (split, merge), the claim as checked, the reuse of
 * an earlier verdict, and setting aside the low-scoring claims of an article. The sentence of a
 * claim changes only while it is open for research (lib/domain/invariants.ts).
 */

const actorOf = (user: SessionUser) => ({ id: user.id, teamId: user.teamId });
const NOT_OPEN = 'A claim in review, approved or published cannot be re-split; return or reopen it first.';

/** The claim with its article's text, at the version the editor saw, while its sentence may change. */
async function loadSplittable(tx: Prisma.TransactionClient, user: SessionUser, claimId: string, version: number) {
  const claim = await loadClaim(tx, user, claimId);
  if (claim.version !== version) throw await claimConflict(tx, claim.id, ['text']);
  if (!isOpenForResearch(claim)) throw new InvalidStateError(NOT_OPEN);
  const article = await tx.article.findUniqueOrThrow({ where: { id: claim.articleId }, select: { body: true, language: true } });
  return { claim, article };
}

/** Editor: split a claim in two at a character offset; the first part keeps the work. */
export const splitClaimOp = operation(splitClaimSchema, 'claim.edit', async ({ claimId, version, offset }, user) => {
  const result = await db.$transaction(async (tx) => {
    const { claim, article } = await loadSplittable(tx, user, claimId, version);
    const split = splitRange(article.body, claim, offset);
    if (!split.ok) throw new InvalidInputError(split.message, { offset: [split.message] });
    const first = { ...split.first, text: article.body.slice(split.first.start, split.first.end) };
    const second = { ...split.second, text: article.body.slice(split.second.start, split.second.end) };
    const audit = auditEvent('claim.split', { from: claim.text, first: first.text, second: second.text });
    await shiftPositions(tx, claim.articleId, claim.position, 1);
    await writeClaim(tx, { claim, patch: { ...first, ...checkWorthinessFields(first.text, article.language) }, actor: actorOf(user), audit });
    const [secondId] = await insertClaims(tx, {
      teamId: user.teamId,
      articleId: claim.articleId,
      language: article.language,
      claims: [{ position: claim.position + 1, paragraph: claim.paragraph, ...second }],
    });
    await recordAudit(tx, { teamId: user.teamId, actorId: user.id, claimId: secondId, articleId: claim.articleId, event: audit });
    return { articleId: claim.articleId, secondId };
  });
  revalidatePath(`/articles/${result.articleId}`);
  revalidatePath(`/claims/${claimId}`);
  return { claimId, secondClaimId: result.secondId };
});

/** Editor: merge a claim with the next one; the next one's evidence and notes move over and it is archived. */
export const mergeWithNextOp = operation(mergeClaimSchema, 'claim.edit', async ({ claimId, version }, user) => {
  const articleId = await db.$transaction(async (tx) => {
    const { claim, article } = await loadSplittable(tx, user, claimId, version);
    const next = await tx.claim.findFirst({ where: { articleId: claim.articleId, archivedAt: null, position: claim.position + 1 }, select: claimRecordSelect });
    if (!next) throw new InvalidStateError('This is the last claim of the article: there is nothing after it to merge.');
    if (!isOpenForResearch(next)) throw new InvalidStateError('The next claim is in review, approved or published, so it cannot be merged.');
    const range = mergeRanges(claim, next);
    const text = article.body.slice(range.start, range.end);
    const notes = [claim.notes, next.notes].filter((n) => n.trim()).join('\n\n');
    const audit = auditEvent('claim.merged', { first: claim.text, second: next.text });
    await tx.evidence.updateMany({ where: { claimId: next.id }, data: { claimId: claim.id } });
    await writeClaim(tx, { claim, patch: { ...range, text, notes, ...checkWorthinessFields(text, article.language) }, actor: actorOf(user), audit });
    await writeClaim(tx, { claim: next, patch: { archivedAt: new Date() }, actor: actorOf(user), audit });
    await shiftPositions(tx, claim.articleId, next.position, -1);
    return claim.articleId;
  });
  revalidatePath(`/articles/${articleId}`);
  revalidatePath(`/claims/${claimId}`);
  return { claimId };
});

/** Checker: the claim "as checked", a neutral restatement kept beside the sentence as stated. */
export const saveAsCheckedOp = operation(asCheckedSchema, 'claim.research', async ({ claimId, version, asChecked }, user) => {
  const claim = await db.$transaction(async (tx) => {
    const claim = await loadClaim(tx, user, claimId);
    assertResearching(claim, user, 'restate the claim');
    return writeClaim(tx, {
      claim,
      expectedVersion: version,
      patch: { asChecked: asChecked || null },
      actor: actorOf(user),
      audit: auditEvent('claim.as_checked', { asChecked }),
    });
  });
  revalidateClaim(claimId, claim.articleId);
  return claim;
});

/** After a re-import changed the sentence of a claim in research: someone has compared old and new, so the flag goes. */
export const markChangeReviewedOp = operation(claimRefSchema, 'claim.research', async ({ claimId, version }, user) => {
  const claim = await db.$transaction(async (tx) => {
    const claim = await loadClaim(tx, user, claimId);
    if (!can(user, 'claim.edit') && claim.assigneeId !== user.id) throw new NotAllowedError('Only the assigned checker or an editor can clear this flag.');
    if (!claim.previousText) throw new InvalidStateError('There is no change to the sentence to mark as reviewed.');
    return writeClaim(tx, { claim, expectedVersion: version, patch: { previousText: null }, actor: actorOf(user), audit: auditEvent('claim.change_reviewed') });
  });
  revalidateClaim(claimId, claim.articleId);
  return claim;
});

/** Editor: mark every open, unassigned claim of an article scoring below a threshold not check-worthy. */
export const excludeLowScoringOp = operation(bulkExcludeSchema, 'claim.edit', async ({ articleId, below, reason }, user) => {
  const claims = await db.$transaction(async (tx) => {
    const article = await tx.article.findFirst({ where: { id: articleId, teamId: user.teamId }, select: { id: true } });
    if (!article) throw new NotFoundError();
    return setAside(
      tx,
      user,
      (tx) => tx.claim.findMany({ where: { articleId, archivedAt: null, status: 'UNASSIGNED', checkWorthiness: { lt: below } }, select: claimRecordSelect }),
      reason,
    );
  });
  revalidatePath(`/articles/${articleId}`);
  return { count: claims.length };
});

/**
 * Checker: reuse an approved verdict of the team on a similar claim. Its verdict, rationale
 * and evidence are copied here with a link to the source; the claim stays in research, so the
 * checker still submits it and an editor still reviews it.
 */
export const reuseVerdictOp = operation(reuseVerdictSchema, 'claim.research', async ({ claimId, version, sourceClaimId }, user) => {
  const claim = await db.$transaction(async (tx) => {
    const claim: ClaimRecord = await loadClaim(tx, user, claimId);
    assertResearching(claim, user, 'reuse a verdict');
    if (claim.assigneeId !== user.id) throw new NotAllowedError('Only the assigned checker can reuse a verdict, while the claim is being researched.');
    const source = await tx.claim.findFirst({
      where: { id: sourceClaimId, teamId: user.teamId, status: 'APPROVED', archivedAt: null },
      include: { evidence: true, verdictLabel: { select: { name: true } } },
    });
    if (!source) throw new NotFoundError('That earlier claim is not an approved claim of your team.');
    const status = claim.status === 'IN_RESEARCH' ? claim.status : step(claim, { type: 'startResearch' }, user).status;
    const written = await writeClaim(tx, {
      claim,
      expectedVersion: version,
      patch: { verdictLabelId: source.verdictLabelId, rationale: source.rationale, reusedFromId: source.id, status },
      actor: actorOf(user),
      audit: auditEvent('verdict.reused', {
        sourceClaimId: source.id,
        sourceText: source.text,
        verdict: source.verdictLabel?.name ?? null,
        evidence: source.evidence.length,
      }),
    });
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
    return written;
  });
  revalidateClaim(claimId, claim.articleId);
  return claim;
});
