import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '@/lib/auth/session';
import { createArticle, createTeam, createUser, uniqueSuffix } from '@/lib/testing/factories';
import { hasDatabase, testPrisma } from '@/lib/testing/database';
import { CLAIMS_LIST_PAGE_SIZE, CLAIM_LIST_SORTS, parseClaimListQuery, type ClaimListQuery, type RawSearchParams } from '@/lib/validation/claims-list';

/** The team-wide claims list: full-text search, filters, keyset pages, and nothing of another team. */
describe.skipIf(!hasDatabase)('listTeamClaims', async () => {
  const prisma = hasDatabase ? testPrisma() : (undefined as never);
  const { listTeamClaims, teamHasClaims } = await import('@/lib/data/claims-list');
  const now = new Date('2026-06-15T12:00:00.000Z');
  const day = 24 * 60 * 60 * 1000;
  let ours: SessionUser;
  let theirs: SessionUser;
  let checkerId = '';
  let searchArticleId = '';
  let bulkArticleId = '';
  let theirArticleId = '';
  const byText = new Map<string, string>();

  async function member(label: string): Promise<SessionUser> {
    const suffix = uniqueSuffix();
    const team = await createTeam(prisma, { name: `${label} ${suffix}`, slug: `${label.toLowerCase()}-${suffix}` });
    const user = await createUser(prisma, { teamId: team.id, email: `${label.toLowerCase()}.${suffix}@example.test`, name: label, role: 'editor' });
    return { ...user, teamName: team.name };
  }

  const SEARCH_TEXT = [
    'Search Desk Title',
    '',
    'The ferry, the ferry and again the ferry carried 300 passengers across the harbour in 2024.',
    'One ferry crossed the river in 2023, the port authority said.',
    'Council spending on libraries fell by 12% last year.',
    'The mayor opened a new bridge over the canal on Monday.',
  ].join('\n');

  /** Every claim of a page after page, following the cursor to the end. */
  async function allPages(user: SessionUser, query: ClaimListQuery) {
    const ids: string[] = [];
    let cursor = query.cursor;
    for (let pages = 0; pages < 20; pages++) {
      const page = await listTeamClaims(user, { ...query, cursor }, now);
      expect(page.claims.length).toBeLessThanOrEqual(CLAIMS_LIST_PAGE_SIZE);
      ids.push(...page.claims.map((c) => c.id));
      if (!page.nextCursor) return ids;
      expect(page.claims).toHaveLength(CLAIMS_LIST_PAGE_SIZE);
      cursor = page.nextCursor;
    }
    throw new Error('more pages than expected');
  }

  const list = (search: RawSearchParams) => listTeamClaims(ours, parseClaimListQuery(search), now);
  const texts = async (search: RawSearchParams) => (await list(search)).claims.map((c) => c.text);

  beforeAll(async () => {
    ours = await member('Ours');
    theirs = await member('Theirs');
    checkerId = (await createUser(prisma, { teamId: ours.teamId, email: `checker.${uniqueSuffix()}@example.test`, name: 'Cara', role: 'checker' })).id;

    const search = await createArticle(prisma, { teamId: ours.teamId, actorId: ours.id, text: SEARCH_TEXT });
    searchArticleId = search.id;
    for (const c of await prisma.claim.findMany({ where: { articleId: search.id } })) byText.set(c.text, c.id);
    const libraries = byText.get('Council spending on libraries fell by 12% last year.')!;
    const bridge = byText.get('The mayor opened a new bridge over the canal on Monday.')!;
    await prisma.claim.update({ where: { id: libraries }, data: { notes: 'Budget office confirms: quokka fund cut.' } });
    await prisma.evidence.create({
      data: {
        teamId: ours.teamId,
        claimId: bridge,
        authorId: ours.id,
        url: 'https://example.org/w',
        title: 'Wombat engineering annual report',
        stance: 'SUPPORTS',
      },
    });

    // 120 claims with ties on every sort key, to page through.
    const sentences = Array.from({ length: 120 }, (_, i) => `Tally entry ${i + 1} counts ${'tally '.repeat((i % 4) + 1).trim()} items in 2025.`);
    const bulk = await createArticle(prisma, { teamId: ours.teamId, actorId: ours.id, text: `Bulk Desk Title\n\n${sentences.join(' ')}` });
    bulkArticleId = bulk.id;
    const bulkClaims = await prisma.claim.findMany({ where: { articleId: bulk.id }, orderBy: { position: 'asc' } });
    expect(bulkClaims).toHaveLength(120);
    for (const [i, c] of bulkClaims.entries()) {
      const dueAt = i % 3 === 0 ? null : i % 3 === 1 ? new Date('2026-07-01T00:00:00.000Z') : new Date(now.getTime() + (i - 60) * day);
      await prisma.claim.update({
        where: { id: c.id },
        data: {
          dueAt,
          checkWorthiness: [0.2, 0.5, 0.8][i % 3],
          ...(i % 5 === 0 ? { status: 'ASSIGNED', assigneeId: checkerId } : {}),
          // Same updatedAt for runs of ten claims, so that ties need the id to page right.
          updatedAt: new Date(now.getTime() - Math.floor(i / 10) * 60_000),
        },
      });
    }
    // An archived claim is never listed.
    await prisma.claim.update({ where: { id: bulkClaims[1].id }, data: { archivedAt: now } });

    const other = await createArticle(prisma, { teamId: theirs.teamId, actorId: theirs.id, text: `${SEARCH_TEXT}\nTally entry counts tally items.` });
    theirArticleId = other.id;
    const theirClaim = await prisma.claim.findFirstOrThrow({ where: { articleId: other.id } });
    await prisma.claim.update({ where: { id: theirClaim.id }, data: { notes: 'quokka fund' } });
    await prisma.evidence.create({
      data: {
        teamId: theirs.teamId,
        claimId: theirClaim.id,
        authorId: theirs.id,
        url: 'https://example.org/t',
        title: 'Wombat engineering',
        stance: 'REFUTES',
      },
    });
  }, 120_000);
  afterAll(() => prisma.$disconnect());

  it('finds claims by their text, their notes and their evidence titles', async () => {
    expect(await texts({ q: 'libraries' })).toEqual(['Council spending on libraries fell by 12% last year.']);
    expect(await texts({ q: 'quokka' })).toEqual(['Council spending on libraries fell by 12% last year.']);
    expect(await texts({ q: 'wombat engineering' })).toEqual(['The mayor opened a new bridge over the canal on Monday.']);
    expect(await texts({ q: '"engineering wombat"' })).toEqual([]);
    expect(await texts({ q: 'ferry -passengers' })).toEqual(['One ferry crossed the river in 2023, the port authority said.']);
  });

  it('ranks the claim that says it most first', async () => {
    const page = await list({ q: 'ferry' });
    expect(page.claims.map((c) => c.id)).toEqual([
      byText.get('The ferry, the ferry and again the ferry carried 300 passengers across the harbour in 2024.'),
      byText.get('One ferry crossed the river in 2023, the port authority said.'),
    ]);
    expect(page.claims[0].rank).toBeGreaterThan(page.claims[1].rank);
  });

  it('combines filters', async () => {
    const rows = (await list({ article: bulkArticleId, status: 'ASSIGNED', assignee: checkerId, worthiness: 'worthy' })).claims;
    // i % 5 === 0 is assigned; worthy is 0.5 or 0.8, so i % 3 !== 0: 0..119 has 24 assigned, 16 of them worthy.
    expect(rows).toHaveLength(16);
    for (const r of rows) {
      expect(r).toMatchObject({ status: 'ASSIGNED', assigneeId: checkerId, assigneeName: 'Cara', articleId: bulkArticleId, articleTitle: 'Bulk Desk Title' });
      expect(r.checkWorthiness).toBeGreaterThanOrEqual(0.5);
    }
    const unassignedLow = (await list({ article: bulkArticleId, assignee: 'unassigned', worthiness: 'low', q: 'tally' })).claims;
    expect(unassignedLow.length).toBeGreaterThan(0);
    for (const r of unassignedLow) expect(r).toMatchObject({ assigneeId: null, checkWorthiness: 0.2 });
    expect(await texts({ article: searchArticleId, status: 'APPROVED' })).toEqual([]);
  });

  it('filters by due date: overdue open claims, due within a week, none', async () => {
    const overdue = (await list({ due: 'overdue' })).claims;
    expect(overdue.length).toBeGreaterThan(0);
    for (const r of overdue) expect(r.dueAt!.getTime()).toBeLessThan(now.getTime());
    const week = (await list({ due: 'week' })).claims;
    expect(week.length).toBeGreaterThan(0);
    for (const r of week) {
      expect(r.dueAt!.getTime()).toBeGreaterThanOrEqual(now.getTime());
      expect(r.dueAt!.getTime()).toBeLessThan(now.getTime() + 7 * day);
    }
    const none = await allPages(ours, parseClaimListQuery({ due: 'none', article: bulkArticleId }));
    expect(none).toHaveLength(40); // i % 3 === 0
  });

  it.each(CLAIM_LIST_SORTS)('pages by keyset through every active claim exactly once, sorted by %s', async (sort) => {
    const active = await prisma.claim.findMany({ where: { articleId: bulkArticleId, archivedAt: null }, select: { id: true } });
    const ids = await allPages(ours, parseClaimListQuery({ article: bulkArticleId, sort, q: sort === 'relevance' ? 'tally' : '' }));
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(ids)).toEqual(new Set(active.map((c) => c.id)));
  });

  it('orders each sort as labelled', async () => {
    const byDue = (await list({ article: bulkArticleId, sort: 'due' })).claims;
    const dues = byDue.map((c) => c.dueAt!.getTime());
    expect(dues).toEqual([...dues].sort((a, b) => a - b));
    const all = await allPages(ours, parseClaimListQuery({ article: bulkArticleId, sort: 'due' }));
    const tail = await prisma.claim.findMany({ where: { id: { in: all.slice(-10) } }, select: { dueAt: true } });
    expect(tail.every((c) => c.dueAt === null)).toBe(true);
    const byScore = (await list({ article: bulkArticleId, sort: 'worthiness' })).claims.map((c) => c.checkWorthiness);
    expect(byScore).toEqual([...byScore].sort((a, b) => b - a));
    const byUpdate = (await list({})).claims.map((c) => c.updatedAt.getTime());
    expect(byUpdate).toEqual([...byUpdate].sort((a, b) => b - a));
    const byRank = (await list({ article: bulkArticleId, q: 'tally' })).claims.map((c) => c.rank);
    expect(byRank).toEqual([...byRank].sort((a, b) => b - a));
    expect(byRank[0]).toBeGreaterThan(byRank.at(-1)!);
  });

  it('never shows another team’s claims, whatever is searched or filtered', async () => {
    for (const search of [{}, { q: 'quokka' }, { q: 'wombat' }, { q: 'ferry' }, { q: 'tally' }, { article: theirArticleId }, { sort: 'worthiness' }]) {
      const ids = await allPages(ours, parseClaimListQuery(search));
      const foreign = await prisma.claim.count({ where: { id: { in: ids }, teamId: { not: ours.teamId } } });
      expect(foreign).toBe(0);
    }
    expect((await listTeamClaims(ours, parseClaimListQuery({ article: theirArticleId }), now)).claims).toEqual([]);
    const theirs_ = (await listTeamClaims(theirs, parseClaimListQuery({ q: 'quokka' }), now)).claims;
    expect(theirs_).toHaveLength(1);
    expect(theirs_[0].articleId).toBe(theirArticleId);
  });

  it('tells an empty team from an empty result', async () => {
    expect(await teamHasClaims(ours)).toBe(true);
    const empty = await member('Empty');
    expect(await teamHasClaims(empty)).toBe(false);
    expect((await listTeamClaims(empty, parseClaimListQuery({}), now)).claims).toEqual([]);
  });
});
