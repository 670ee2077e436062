'use server';

import { redirect } from 'next/navigation';
import { revalidatePath } from 'next/cache';
import { db } from '@/lib/db';
import { ActionError, authedAction, NOT_FOUND_MESSAGE } from '@/lib/actions/safe-action';
import { reimportArticle } from '@/lib/import/reimport';
import { importArticle } from '@/lib/import/article';
import { importArticleSchema, MAX_ARTICLE_BYTES } from '@/lib/validation/article';

const TEXT_FILE = /\.(txt|md|markdown|text)$/i;

/** An uploaded file replaces the pasted text; it must be UTF-8 text of at most 2 MB. */
async function readUpload(formData: FormData, input: Record<string, unknown>) {
  const file = formData.get('file');
  if (!(file instanceof File) || file.size === 0) return;
  const fail = (msg: string) => new ActionError(msg, { file: [msg] });
  if (!TEXT_FILE.test(file.name)) throw fail('Choose a .txt or .md file.');
  if (file.size > MAX_ARTICLE_BYTES) throw fail('The file is larger than 2 MB. Split it or trim it.');
  try {
    input.text = new TextDecoder('utf-8', { fatal: true }).decode(await file.arrayBuffer());
  } catch {
    throw fail('That file is not plain UTF-8 text. Save it as .txt and try again.');
  }
}

export const importArticleAction = authedAction(
  importArticleSchema,
  'article.import',
  async (input, user) => {
    // A new version of an article on the desk: chosen explicitly, or recognised by its source URL.
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
    redirect(existing ? `/articles/${article.id}/versions` : `/articles/${article.id}`);
  },
  { prepare: readUpload },
);
