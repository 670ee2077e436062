/**
 * The three queries of getArticleWithClaims (lib/data/articles.ts) with the same shapes, run from
 * the bench's own Prisma client. That module is server-only and uses the app's client singleton,
 * so it cannot run outside Next; timing its queries here tells database time from rendering time.
 * Keep the shapes in step with lib/data/articles.ts.
 */
import type { PrismaClient } from '@/lib/db/client';

/** CLAIMS_PER_PAGE in lib/data/articles.ts (not importable here, for the same reason). */
const CLAIMS_PER_PAGE = 250;

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await fn();
  return performance.now() - started;
}

/** Durations of each query for page 1, one after another (the page runs the last two concurrently). */
export async function timeArticlePageQueries(prisma: PrismaClient, teamId: string, articleId: string) {
  return {
    article: await timed(() =>
      prisma.article.findFirst({
        where: { id: articleId, teamId },
        select: { id: true, title: true, byline: true, sourceUrl: true, outlet: true, author: true, publishedAt: true, createdAt: true, createdBy: { select: { name: true } } },
      }),
    ),
    statusCounts: await timed(() => prisma.claim.groupBy({ by: ['status'], where: { articleId }, _count: { _all: true } })),
    claimsPage: await timed(() =>
      prisma.claim.findMany({
        where: { articleId, position: { gt: 0, lte: CLAIMS_PER_PAGE } },
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
    ),
  };
}
