import 'server-only';
import { notFound } from 'next/navigation';
import { db } from '@/lib/db';
import type { SessionUser } from '@/lib/auth/session';
import { CLAIM_STATUSES, type ClaimStatus } from '@/lib/domain/claim-status';

export type StatusCounts = Record<ClaimStatus, number>;

const emptyCounts = (): StatusCounts => Object.fromEntries(CLAIM_STATUSES.map((s) => [s, 0])) as StatusCounts;

export async function listArticles(user: SessionUser) {
  const articles = await db.article.findMany({
    where: { teamId: user.teamId },
    orderBy: { createdAt: 'desc' },
    take: 200,
    select: { id: true, title: true, outlet: true, byline: true, createdAt: true, createdBy: { select: { name: true } } },
  });
  const counts = await db.claim.groupBy({
    by: ['articleId', 'status'],
    where: { teamId: user.teamId, articleId: { in: articles.map((a) => a.id) } },
    _count: { _all: true },
  });
  const byArticle = new Map<string, StatusCounts>();
  for (const row of counts) {
    const c = byArticle.get(row.articleId) ?? emptyCounts();
    c[row.status] = row._count._all;
    byArticle.set(row.articleId, c);
  }
  return articles.map((a) => ({ ...a, counts: byArticle.get(a.id) ?? emptyCounts() }));
}

export const CLAIMS_PER_PAGE = 250;

/**
 * The article, its claim counts by status, and one page of its claims in order (positions
 * are dense from 1, so a page is a position range on the unique index). Another team's
 * article is a 404.
 */
export async function getArticleWithClaims(user: SessionUser, articleId: string, page = 1) {
  const article = await db.article.findFirst({
    where: { id: articleId, teamId: user.teamId },
    select: {
      id: true,
      title: true,
      byline: true,
      sourceUrl: true,
      outlet: true,
      author: true,
      publishedAt: true,
      createdAt: true,
      createdBy: { select: { name: true } },
    },
  });
  if (!article) notFound();
  const [grouped, claims] = await Promise.all([
    db.claim.groupBy({ by: ['status'], where: { articleId: article.id }, _count: { _all: true } }),
    db.claim.findMany({
      where: { articleId: article.id, position: { gt: (page - 1) * CLAIMS_PER_PAGE, lte: page * CLAIMS_PER_PAGE } },
      orderBy: { position: 'asc' },
      select: {
        id: true,
        position: true,
        paragraph: true,
        text: true,
        status: true,
        dueAt: true,
        version: true,
        assignee: { select: { id: true, name: true } },
        verdictLabel: { select: { name: true } },
      },
    }),
  ]);
  const counts = emptyCounts();
  for (const row of grouped) counts[row.status] = row._count._all;
  const total = CLAIM_STATUSES.reduce((sum, s) => sum + counts[s], 0);
  return { article, claims, counts, total, page, pages: Math.max(1, Math.ceil(total / CLAIMS_PER_PAGE)) };
}
