import { apiRoute } from '@/lib/api/handler';
import { perform } from '@/lib/operations/operation';
import { presentImportedArticle } from '@/lib/api/present';
import { API_ROUTES } from '@/lib/api/routes';
import { listArticles } from '@/lib/data/articles';
import { importArticleOp } from '@/lib/operations/articles';

export const GET = apiRoute(API_ROUTES.listArticles, async ({ user }) => {
  const articles = await listArticles(user);
  return {
    articles: articles.map((a) => ({ id: a.id, title: a.title, byline: a.byline, outlet: a.outlet, createdAt: a.createdAt.toISOString(), counts: a.counts })),
  };
});

export const POST = apiRoute(API_ROUTES.importArticle, async ({ user, body }) => {
  const { id, reimported } = await perform(importArticleOp, user, body);
  return presentImportedArticle(user, id, reimported);
});
