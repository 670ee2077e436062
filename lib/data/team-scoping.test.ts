import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '@/lib/auth/session';
import { createArticle, createTeam, createUser, uniqueSuffix } from '@/lib/testing/factories';
import { hasDatabase, testPrisma } from '@/lib/testing/database';

/** Every read is scoped by the session's team: another team's ids answer "not found". */
describe.skipIf(!hasDatabase)('team scoping of reads', async () => {
  const prisma = hasDatabase ? testPrisma() : (undefined as never);
  const { getArticleWithClaims, listArticles } = await import('@/lib/data/articles');
  const { getClaim, listReviewQueue } = await import('@/lib/data/claims');
  const { getAnnotatedArticle } = await import('@/lib/data/annotated-article');
  let ours: SessionUser;
  let theirs: SessionUser;
  let articleId = '';
  let claimId = '';

  async function member(label: string): Promise<SessionUser> {
    const suffix = uniqueSuffix();
    const team = await createTeam(prisma, { name: `${label} ${suffix}`, slug: `${label.toLowerCase()}-${suffix}` });
    const user = await createUser(prisma, { teamId: team.id, email: `${label.toLowerCase()}.${suffix}@example.test`, name: label, role: 'editor' });
    return { ...user, teamName: team.name };
  }

  beforeAll(async () => {
    ours = await member('Ours');
    theirs = await member('Theirs');
    const article = await createArticle(prisma, { teamId: ours.teamId, actorId: ours.id, text: 'Scoped Title\n\nThe budget rose 4%. It was approved.' });
    articleId = article.id;
    claimId = (await prisma.claim.findFirstOrThrow({ where: { articleId } })).id;
    await prisma.claim.update({ where: { id: claimId }, data: { status: 'IN_REVIEW' } });
  });
  afterAll(() => prisma.$disconnect());

  const notFound = { digest: expect.stringContaining('404') };

  it('the owning team reads its article and claim', async () => {
    expect((await getArticleWithClaims(ours, articleId)).claims).toHaveLength(2);
    expect((await getClaim(ours, claimId)).claim.text).toBe('The budget rose 4%.');
    expect((await listArticles(ours)).map((a) => a.id)).toContain(articleId);
    expect((await listReviewQueue(ours)).map((c) => c.id)).toContain(claimId);
    const annotated = await getAnnotatedArticle(ours, articleId);
    expect(annotated.claims.map((c) => annotated.article.body.slice(c.start, c.end))).toEqual(['The budget rose 4%.', 'It was approved.']);
  });

  it('another team gets not-found for the same ids and sees nothing in its lists', async () => {
    await expect(getArticleWithClaims(theirs, articleId)).rejects.toMatchObject(notFound);
    await expect(getClaim(theirs, claimId)).rejects.toMatchObject(notFound);
    await expect(getAnnotatedArticle(theirs, articleId)).rejects.toMatchObject(notFound);
    expect((await listArticles(theirs)).map((a) => a.id)).not.toContain(articleId);
    expect((await listReviewQueue(theirs)).map((c) => c.id)).not.toContain(claimId);
  });
});
