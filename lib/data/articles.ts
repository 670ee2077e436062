import 'server-only';
import { notFound } from 'next/navigation';
import { db } from '@/lib/db';
import type { SessionUser } from '@/lib/auth/session';
import { CLAIM_STATUSES, type ClaimStatus } from '@/lib/domain/claim-status';
import { CHECK_WORTHY_THRESHOLD } from '@/lib/domain/check-worthiness';

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
    where: { teamId: user.teamId, articleId: { in: articles.map((a) => a.id) }, archivedAt: null },
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

const CLAIMS_PER_PAGE = 100;

export type ClaimView = {
  page: number;
  /** 'position': as written; 'worthiness': most check-worthy first. */
  sort: 'position' | 'worthiness';
  /** 'worthy': at or above the threshold; 'low': below it. */
  worthiness: 'all' | 'worthy' | 'low';
};

/**
 * The article, its claim counts by status, and one page of its active claims. In article
 * order with no filter a page is a position range on the index (positions are dense from 1);
 * sorted or filtered views page by offset. Another team's article is a 404.
 */
export async function getArticleWithClaims(user: SessionUser, articleId: string, view: ClaimView = { page: 1, sort: 'position', worthiness: 'all' }) {
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
      language: true,
      version: true,
      reportPublishedAt: true,
      team: { select: { slug: true } },
      createdAt: true,
      createdBy: { select: { name: true } },
    },
  });
  if (!article) notFound();
  const active = { articleId: article.id, archivedAt: null };
  const scoreFilter =
    view.worthiness === 'worthy'
      ? { checkWorthiness: { gte: CHECK_WORTHY_THRESHOLD } }
      : view.worthiness === 'low'
        ? { checkWorthiness: { lt: CHECK_WORTHY_THRESHOLD } }
        : {};
  const byRange = view.sort === 'position' && view.worthiness === 'all';
  const { page } = view;
  const [grouped, claims, filtered] = await Promise.all([
    db.claim.groupBy({ by: ['status'], where: active, _count: { _all: true } }),
    db.claim.findMany({
      where: byRange ? { ...active, position: { gt: (page - 1) * CLAIMS_PER_PAGE, lte: page * CLAIMS_PER_PAGE } } : { ...active, ...scoreFilter },
      orderBy: view.sort === 'worthiness' ? [{ checkWorthiness: 'desc' }, { position: 'asc' }] : { position: 'asc' },
      ...(byRange ? {} : { skip: (page - 1) * CLAIMS_PER_PAGE, take: CLAIMS_PER_PAGE }),
      select: {
        id: true,
        position: true,
        paragraph: true,
        text: true,
        status: true,
        dueAt: true,
        version: true,
        checkWorthiness: true,
        checkWorthinessReasons: true,
        previousText: true,
        assignee: { select: { id: true, name: true } },
        verdictLabel: { select: { name: true } },
      },
    }),
    view.worthiness === 'all' ? Promise.resolve(null) : db.claim.count({ where: { ...active, ...scoreFilter } }),
  ]);
  const counts = emptyCounts();
  for (const row of grouped) counts[row.status] = row._count._all;
  const total = CLAIM_STATUSES.reduce((sum, s) => sum + counts[s], 0);
  const shown = filtered ?? total;
  return { article, claims, counts, total, shown, pages: Math.max(1, Math.ceil(shown / CLAIMS_PER_PAGE)) };
}

/** Title and version of an article of the team, for pages about it; a 404 otherwise. */
export async function getArticleSummary(user: SessionUser, articleId: string) {
  const article = await db.article.findFirst({ where: { id: articleId, teamId: user.teamId }, select: { id: true, title: true, version: true } });
  if (!article) notFound();
  return article;
}

/** Earlier versions of an article, newest first, each with what the next import changed. */
export async function listArticleVersions(user: SessionUser, articleId: string) {
  const article = await getArticleSummary(user, articleId);
  const versions = await db.articleVersion.findMany({
    where: { articleId: article.id },
    orderBy: { version: 'desc' },
    select: { id: true, version: true, title: true, body: true, changes: true, createdAt: true },
  });
  return { article, versions };
}
