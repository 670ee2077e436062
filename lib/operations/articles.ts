import 'server-only';
import { revalidatePath } from 'next/cache';
import { db } from '@/lib/db';
import { importArticle } from '@/lib/import/article';
import { reimportArticle } from '@/lib/import/reimport';
import { ExtractError } from '@/lib/import/extract-error';
import { InvalidInputError, NotFoundError } from '@/lib/operations/errors';
import { operation } from '@/lib/operations/operation';
import { importArticleSchema } from '@/lib/validation/article';

/**
 * Editor: import an article. A new version of an article already on the desk (chosen
 * explicitly, or recognised by its source URL) keeps the work of every unchanged sentence
 * and never changes a checked claim (lib/import/reimport.ts).
 */
export const importArticleOp = operation(importArticleSchema, 'article.import', async (input, user) => {
  const existing = input.articleId
    ? await db.article.findFirst({ where: { id: input.articleId, teamId: user.teamId }, select: { id: true } })
    : input.sourceUrl
      ? await db.article.findFirst({ where: { teamId: user.teamId, sourceUrl: input.sourceUrl }, orderBy: { createdAt: 'desc' }, select: { id: true } })
      : null;
  if (input.articleId && !existing) throw new NotFoundError();
  const article = await (
    existing
      ? reimportArticle(db, { teamId: user.teamId, actorId: user.id, articleId: existing.id, input })
      : importArticle(db, { teamId: user.teamId, actorId: user.id, input })
  ).catch((err) => {
    // A text too long or too complex for the worker pool's limits, or the pool is full.
    if (err instanceof ExtractError) throw new InvalidInputError(err.message, { text: [err.message] });
    throw err;
  });
  revalidatePath('/articles');
  revalidatePath(`/articles/${article.id}`);
  return { id: article.id, reimported: Boolean(existing), changes: 'changes' in article ? article.changes : null };
});
