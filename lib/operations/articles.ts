import 'server-only';
import { revalidatePath } from 'next/cache';
import { db } from '@/lib/db';
import { ActionError, NOT_FOUND_MESSAGE, operation } from '@/lib/actions/safe-action';
import { importArticle } from '@/lib/import/article';
import { reimportArticle } from '@/lib/import/reimport';
import { importArticleSchema } from '@/lib/validation/article';

/**
 * Editor: import an article. A new version of an article already on the desk (chosen
 * explicitly, or recognised by its source URL) keeps the work of every unchanged sentence.
 */
export const importArticleOp = operation(importArticleSchema, 'article.import', async (input, user) => {
  const existing = input.articleId
    ? await db.article.findFirst({ where: { id: input.articleId, teamId: user.teamId }, select: { id: true } })
    : input.sourceUrl
      ? await db.article.findFirst({ where: { teamId: user.teamId, sourceUrl: input.sourceUrl }, orderBy: { createdAt: 'desc' }, select: { id: true } })
      : null;
  if (input.articleId && !existing) throw new ActionError(NOT_FOUND_MESSAGE);
  const article = existing
    ? await reimportArticle(db, { teamId: user.teamId, actorId: user.id, articleId: existing.id, input })
    : await importArticle(db, { teamId: user.teamId, actorId: user.id, input });
  revalidatePath('/articles');
  revalidatePath(`/articles/${article.id}`);
  return { id: article.id, reimported: Boolean(existing) };
});
