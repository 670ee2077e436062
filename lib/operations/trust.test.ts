import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { z } from 'zod';
import type { SessionUser } from '@/lib/auth/session';
import { createArticle, createTeam, createUser, uniqueSuffix } from '@/lib/testing/factories';
import { hasDatabase, testPrisma } from '@/lib/testing/database';
import { perform, type Operation } from '@/lib/operations/operation';
import { ConflictError, InvalidStateError, NotAllowedError } from '@/lib/operations/errors';

/**
 * The findings of issue 11, each reproduced against the real database through the operations
 * the forms and the API share: what a newsroom publishes never changes without a second person.
 */
vi.mock('next/cache', () => ({ revalidatePath: () => {} }));

describe.skipIf(!hasDatabase)('trust: published findings change only with a second pair of eyes', async () => {
  const prisma = hasDatabase ? testPrisma() : (undefined as never);
  const { importArticleOp } = await import('@/lib/operations/articles');
  const { assignClaimsOp, excludeClaimOp, includeClaimOp, reviewClaimOp, submitVerdictOp, startResearchOp } = await import('@/lib/operations/claims');
  const { excludeLowScoringOp, mergeWithNextOp, reuseVerdictOp, splitClaimOp } = await import('@/lib/operations/claim-edits');
  const { decideCorrectionOp, decideSourceChangeOp, proposeCorrectionOp, publishClaimOp } = await import('@/lib/operations/publishing');
  const { getPublishedClaim, listPublicCorrections } = await import('@/lib/data/public');
  const { loadClaim, writeClaim } = await import('@/lib/operations/claim-writer');
  const { auditEvent } = await import('@/lib/domain/audit-events');

  let team: { id: string; slug: string; name: string };
  let editor: SessionUser;
  let editor2: SessionUser;
  let checker: SessionUser;

  const run = <S extends z.ZodType, R>(op: Operation<S, R>, user: SessionUser, input: z.input<S>) => perform(op, user, op.schema.parse(input));
  const claimOf = (id: string) => prisma.claim.findUniqueOrThrow({ where: { id } });
  const label = (name: string) => prisma.verdictLabel.findFirstOrThrow({ where: { teamId: team.id, name } });

  beforeAll(async () => {
    const suffix = uniqueSuffix();
    team = await createTeam(prisma, { name: `Trust ${suffix}`, slug: `trust-${suffix}` });
    const member = async (role: 'editor' | 'checker', name: string) => ({
      ...(await createUser(prisma, { teamId: team.id, role, name, email: `${name.toLowerCase().replace(/\W/g, '')}.${suffix}@example.test` })),
      teamName: team.name,
    });
    editor = await member('editor', 'Eda Editor');
    editor2 = await member('editor', 'Ezra Editor');
    checker = await member('checker', 'Cas Checker');
  });
  afterAll(() => prisma.$disconnect());

  const V1 = 'Transit Budget\n\nRidership fell 40% last year. The council approved the plan. Fares rose to $3.';

  /** An article whose first claim went through the whole desk and is published. */
  async function publishedArticle(text = V1) {
    const { id: articleId } = await run(importArticleOp, editor, { text, sourceUrl: `https://news.example/${uniqueSuffix()}` });
    const [first] = await prisma.claim.findMany({ where: { articleId }, orderBy: { position: 'asc' } });
    await run(assignClaimsOp, editor, { claimIds: [first.id], assigneeId: checker.id });
    let c = await claimOf(first.id);
    await run(startResearchOp, checker, { claimId: c.id, version: c.version });
    c = await claimOf(first.id);
    await run(submitVerdictOp, checker, {
      claimId: c.id,
      version: c.version,
      verdictLabelId: (await label('True')).id,
      rationale: 'The annual report says 40%.',
    });
    c = await claimOf(first.id);
    await run(reviewClaimOp, editor, { claimId: c.id, version: c.version, decision: 'approve' });
    c = await claimOf(first.id);
    await run(publishClaimOp, editor, { claimId: c.id, version: c.version });
    const article = await prisma.article.findUniqueOrThrow({ where: { id: articleId } });
    return { articleId, sourceUrl: article.sourceUrl!, claimId: first.id };
  }

  it('re-importing a changed sentence leaves a published claim and its public page as checked, flagged Source changed; reopening needs a second editor', async () => {
    const { claimId, sourceUrl } = await publishedArticle();
    const changed = 'Transit Budget\n\nRidership fell 40.5% last year. The council approved the plan. Fares rose to $3.';
    await run(importArticleOp, editor, { text: changed, sourceUrl });

    const claim = await claimOf(claimId);
    expect(claim).toMatchObject({
      text: 'Ridership fell 40% last year.',
      status: 'APPROVED',
      sourceChange: 'CHANGED',
      sourceText: 'Ridership fell 40.5% last year.',
    });
    expect(claim.publishedAt).not.toBeNull();
    const page = await getPublishedClaim(team.slug, claimId);
    expect(page?.claim.text).toBe('Ridership fell 40% last year.');

    // Reopening a published claim is a proposal: nothing changes until another editor approves it.
    await expect(
      run(decideSourceChangeOp, editor, { claimId, version: claim.version, decision: 'reopen', comment: 'The figure changed.' }),
    ).resolves.toMatchObject({ outcome: 'proposed' });
    expect((await getPublishedClaim(team.slug, claimId))?.claim.text).toBe('Ridership fell 40% last year.');
    const proposal = await prisma.correction.findFirstOrThrow({ where: { claimId, status: 'PROPOSED' } });
    await expect(run(decideCorrectionOp, editor, { claimId, correctionId: proposal.id, decision: 'approve' })).rejects.toBeInstanceOf(NotAllowedError);
    await run(decideCorrectionOp, editor2, { claimId, correctionId: proposal.id, decision: 'approve' });

    const reopened = await claimOf(claimId);
    expect(reopened).toMatchObject({
      text: 'Ridership fell 40.5% last year.',
      status: 'RETURNED',
      publishedAt: null,
      sourceChange: null,
      previousText: 'Ridership fell 40% last year.',
    });
    expect(await getPublishedClaim(team.slug, claimId)).toBeNull();
    const corrections = await listPublicCorrections(team.slug);
    expect(corrections?.corrections.find((c) => c.claim.id === claimId)).toMatchObject({ kind: 'REOPEN', note: 'The figure changed.', public: false });
  });

  it('a sentence removed from the source leaves its published claim public and its corrections listed, flagged Removed from source', async () => {
    const { claimId, sourceUrl } = await publishedArticle();
    let claim = await claimOf(claimId);
    await run(proposeCorrectionOp, editor, {
      claimId,
      version: claim.version,
      kind: 'verdict',
      verdictLabelId: (await label('Mostly true')).id,
      rationale: 'Closer to 39.6%.',
      note: 'Rounded.',
    });
    const proposal = await prisma.correction.findFirstOrThrow({ where: { claimId, status: 'PROPOSED' } });
    await run(decideCorrectionOp, editor2, { claimId, correctionId: proposal.id, decision: 'approve' });

    await run(importArticleOp, editor, { text: 'Transit Budget\n\nThe council approved the plan. Fares rose to $3.', sourceUrl });
    claim = await claimOf(claimId);
    expect(claim).toMatchObject({ archivedAt: null, sourceChange: 'REMOVED', status: 'APPROVED', text: 'Ridership fell 40% last year.' });
    expect((await getPublishedClaim(team.slug, claimId))?.claim.text).toBe('Ridership fell 40% last year.');
    expect((await listPublicCorrections(team.slug))?.corrections.some((c) => c.claim.id === claimId && c.newVerdict === 'Mostly true')).toBe(true);

    // Kept as checked: it leaves the article's claims, and stays public.
    await run(decideSourceChangeOp, editor, { claimId, version: claim.version, decision: 'keep' });
    claim = await claimOf(claimId);
    expect(claim.archivedAt).not.toBeNull();
    expect(claim.sourceChange).toBeNull();
    expect((await getPublishedClaim(team.slug, claimId))?.claim.text).toBe('Ridership fell 40% last year.');
  });

  it('a claim in review keeps the text the reviewer reads when the source changes', async () => {
    const { id: articleId } = await run(importArticleOp, editor, { text: V1, sourceUrl: `https://news.example/${uniqueSuffix()}` });
    const [first] = await prisma.claim.findMany({ where: { articleId }, orderBy: { position: 'asc' } });
    await prisma.claim.update({
      where: { id: first.id },
      data: { status: 'IN_REVIEW', assigneeId: checker.id, proposedById: checker.id, verdictLabelId: (await label('True')).id, rationale: 'R.' },
    });
    await run(importArticleOp, editor, { articleId, text: V1.replace('40%', '41%') });
    const claim = await claimOf(first.id);
    expect(claim).toMatchObject({
      text: 'Ridership fell 40% last year.',
      status: 'IN_REVIEW',
      sourceChange: 'CHANGED',
      sourceText: 'Ridership fell 41% last year.',
    });
    // Approving it now would approve a sentence the source no longer has: decide first.
    await expect(run(reviewClaimOp, editor, { claimId: claim.id, version: claim.version, decision: 'approve' })).rejects.toBeInstanceOf(InvalidStateError);
  });

  it('set aside from review, then merge, then bring back: the merge is refused and the reviewed text stands', async () => {
    const article = await createArticle(prisma, { teamId: team.id, actorId: editor.id, text: 'Merge trap\n\nTaxes rose 2%. Spending fell 3%.' });
    const [first, second] = await prisma.claim.findMany({ where: { articleId: article.id }, orderBy: { position: 'asc' } });
    await prisma.claim.update({
      where: { id: first.id },
      data: { status: 'IN_REVIEW', assigneeId: checker.id, proposedById: checker.id, verdictLabelId: (await label('True')).id, rationale: 'R.' },
    });
    let claim = await claimOf(first.id);
    await run(excludeClaimOp, editor, { claimId: claim.id, version: claim.version, reason: 'Parked.' });
    claim = await claimOf(first.id);
    await expect(run(mergeWithNextOp, editor, { claimId: claim.id, version: claim.version })).rejects.toBeInstanceOf(InvalidStateError);
    await expect(run(splitClaimOp, editor, { claimId: claim.id, version: claim.version, offset: 6 })).rejects.toBeInstanceOf(InvalidStateError);
    await run(includeClaimOp, editor, { claimId: claim.id, version: claim.version });
    expect(await claimOf(first.id)).toMatchObject({ status: 'IN_REVIEW', text: 'Taxes rose 2%.' });
    expect(await claimOf(second.id)).toMatchObject({ archivedAt: null });
  });

  it('a correction is public only once a second editor approves it, and the self-approval is refused', async () => {
    const { claimId } = await publishedArticle();
    const claim = await claimOf(claimId);
    const same = {
      claimId,
      version: claim.version,
      kind: 'verdict' as const,
      verdictLabelId: claim.verdictLabelId!,
      rationale: claim.rationale!,
      note: 'No change.',
    };
    await expect(run(proposeCorrectionOp, editor, same)).rejects.toThrow(/change the verdict, the rationale or both/);
    await run(proposeCorrectionOp, editor, {
      ...same,
      verdictLabelId: (await label('False')).id,
      rationale: 'The report was revised to 14%.',
      note: 'The source revised its figure.',
    });
    expect((await getPublishedClaim(team.slug, claimId))?.claim.verdictLabel?.name).toBe('True');
    const proposal = await prisma.correction.findFirstOrThrow({ where: { claimId, status: 'PROPOSED' } });
    await expect(run(decideCorrectionOp, editor, { claimId, correctionId: proposal.id, decision: 'approve' })).rejects.toBeInstanceOf(NotAllowedError);
    expect((await getPublishedClaim(team.slug, claimId))?.claim.verdictLabel?.name).toBe('True');
    await run(decideCorrectionOp, editor2, { claimId, correctionId: proposal.id, decision: 'approve' });
    const page = await getPublishedClaim(team.slug, claimId);
    expect(page?.claim).toMatchObject({ rationale: 'The report was revised to 14%.', verdictLabel: { name: 'False' } });
    expect(page?.claim.corrections[0]).toMatchObject({ previousVerdict: 'True', newVerdict: 'False', note: 'The source revised its figure.' });
    const history = await prisma.auditEvent.findMany({
      where: { claimId, type: { in: ['correction.proposed', 'correction.approved'] } },
      orderBy: { createdAt: 'asc' },
    });
    expect(history.map((h) => [h.type, h.actorId])).toEqual([
      ['correction.proposed', editor.id],
      ['correction.approved', editor2.id],
    ]);
    expect(history[1].data).toMatchObject({ proposedBy: 'Eda Editor' });
  });

  it('unpublishing is a proposal too: the page stays up until another editor approves', async () => {
    const { claimId } = await publishedArticle();
    const claim = await claimOf(claimId);
    await run(proposeCorrectionOp, editor, { claimId, version: claim.version, kind: 'unpublish', note: 'The quote was misattributed.' });
    expect(await getPublishedClaim(team.slug, claimId)).not.toBeNull();
    const proposal = await prisma.correction.findFirstOrThrow({ where: { claimId, status: 'PROPOSED' } });
    await run(decideCorrectionOp, editor2, { claimId, correctionId: proposal.id, decision: 'approve' });
    expect(await getPublishedClaim(team.slug, claimId)).toBeNull();
    expect((await listPublicCorrections(team.slug))?.corrections.find((c) => c.claim.id === claimId)).toMatchObject({
      kind: 'UNPUBLISH',
      note: 'The quote was misattributed.',
    });
  });

  it('split, merge, set aside and reuse refuse a stale version with their version of the claim', async () => {
    const article = await createArticle(prisma, {
      teamId: team.id,
      actorId: editor.id,
      text: 'Stale\n\nTaxes rose 2% in 2025. Spending fell 3%. Rents doubled.',
    });
    const [a, b] = await prisma.claim.findMany({ where: { articleId: article.id }, orderBy: { position: 'asc' } });
    await prisma.claim.update({ where: { id: a.id }, data: { notes: 'Someone else wrote this.', version: { increment: 1 } } });
    for (const attempt of [
      () => run(splitClaimOp, editor, { claimId: a.id, version: a.version, offset: 6 }),
      () => run(mergeWithNextOp, editor, { claimId: a.id, version: a.version }),
    ]) {
      const err = await attempt().catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ConflictError);
      expect((err as ConflictError).conflict.theirs.length).toBeGreaterThan(0);
      expect((err as ConflictError).conflict.version).toBe(a.version + 1);
    }
    // Set aside low-scoring claims races an assignment: the stale write is refused, not overwritten.
    const stale = await prisma.$transaction((tx) => loadClaim(tx, editor, b.id));
    await run(assignClaimsOp, editor, { claimIds: [b.id], assigneeId: checker.id });
    const raced = await prisma
      .$transaction((tx) =>
        writeClaim(tx, {
          claim: stale,
          patch: { status: 'NOT_CHECK_WORTHY', statusBeforeExclusion: 'UNASSIGNED' },
          actor: { id: editor.id, teamId: team.id },
          audit: auditEvent('claim.excluded', { reason: 'x' }),
        }),
      )
      .catch((e: unknown) => e);
    expect(raced).toBeInstanceOf(ConflictError);
    expect(await claimOf(b.id)).toMatchObject({ status: 'ASSIGNED', assigneeId: checker.id });
    // …and through the workflow: an assigned claim is not "unassigned, low-scoring", and each set-aside is in the history.
    await run(excludeLowScoringOp, editor, { articleId: article.id, below: 1, reason: 'Filler.' });
    expect(await claimOf(b.id)).toMatchObject({ status: 'ASSIGNED' });
    const setAside = await prisma.claim.findMany({ where: { articleId: article.id, status: 'NOT_CHECK_WORTHY' }, select: { id: true } });
    expect(await prisma.auditEvent.count({ where: { claimId: { in: setAside.map((c) => c.id) }, type: 'claim.excluded' } })).toBe(setAside.length);

    // Reuse of an earlier verdict with a stale version.
    const { claimId: sourceId } = await publishedArticle();
    await prisma.claim.update({ where: { id: b.id }, data: { status: 'IN_RESEARCH' } });
    const researching = await claimOf(b.id);
    await prisma.claim.update({ where: { id: b.id }, data: { notes: 'Changed meanwhile.', version: { increment: 1 } } });
    const reuse = await run(reuseVerdictOp, checker, { claimId: b.id, version: researching.version, sourceClaimId: sourceId }).catch((e: unknown) => e);
    expect(reuse).toBeInstanceOf(ConflictError);
    expect((reuse as ConflictError).conflict.theirs.map((t) => t.field)).toContain('verdictLabelId');
  });

  it('submitting for review saves the notes typed with it', async () => {
    const article = await createArticle(prisma, { teamId: team.id, actorId: editor.id, text: 'Notes\n\nTaxes rose 2% in 2025.' });
    const [a] = await prisma.claim.findMany({ where: { articleId: article.id } });
    await prisma.claim.update({ where: { id: a.id }, data: { status: 'IN_RESEARCH', assigneeId: checker.id } });
    const c = await claimOf(a.id);
    await run(submitVerdictOp, checker, {
      claimId: a.id,
      version: c.version,
      verdictLabelId: (await label('True')).id,
      rationale: 'Budget book p. 4.',
      notes: 'Called the treasury.',
    });
    expect(await claimOf(a.id)).toMatchObject({ status: 'IN_REVIEW', notes: 'Called the treasury.' });
  });
});
