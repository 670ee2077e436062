import { z } from 'zod';
import { hasNul, hasUnpairedSurrogate, optionalDate, optionalText, optionalWebUrl, storableString } from '@/lib/validation/fields';

export const MAX_ARTICLE_BYTES = 2 * 1024 * 1024;
/** An uploaded web page or Word document; it must fit in one server action request (next.config.ts). */
export const MAX_DOCUMENT_BYTES = 3 * 1024 * 1024;

/** Plain text an editor pasted or uploaded; rejects binary files posing as text. */
export const articleText = z
  .string({ error: 'Paste the article text or choose a .txt or .md file.' })
  .refine((v) => Buffer.byteLength(v, 'utf8') <= MAX_ARTICLE_BYTES, 'The article is larger than 2 MB. Split it or trim it.')
  .refine((v) => v.trim().length > 0, 'The article is empty. Paste its text or choose a .txt or .md file.')
  .refine((v) => !looksBinary(v), { error: 'That file is not plain text. Use a .txt or .md file.', abort: true })
  // looksBinary reads the start only; what PostgreSQL cannot store is refused wherever it is.
  .refine((v) => !hasNul(v), 'The article contains a NUL character, which cannot be stored. Remove it.')
  .refine((v) => !hasUnpairedSurrogate(v), 'The article contains a broken character (half of a surrogate pair). Remove it.');

export const importArticleSchema = z.object({
  text: articleText,
  title: optionalText(300, 'Title'),
  sourceUrl: optionalWebUrl('Source URL'),
  outlet: optionalText(200, 'Outlet'),
  author: optionalText(200, 'Author'),
  publishedAt: optionalDate('Publication date'),
  /** A language code such as "en" or "de"; detected from the text when not given. */
  language: z
    .string()
    .trim()
    .regex(/^([a-z]{2,3})?$/, 'Choose a language from the list.')
    .optional()
    .transform((v) => (v ? v : undefined)),
  /** Re-import into this article instead of creating a new one. */
  articleId: storableString('Article')
    .trim()
    .max(64)
    .optional()
    .transform((v) => (v ? v : undefined)),
});

export type ImportArticleInput = z.infer<typeof importArticleSchema>;

/** Control characters (other than tab and line breaks) or U+FFFD decode failures in quantity mean binary. */
export function looksBinary(text: string): boolean {
  const sample = text.slice(0, 8192);
  if (sample.includes('\u0000')) return true;
  let odd = 0;
  for (const ch of sample) {
    const c = ch.codePointAt(0)!;
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffd) odd++;
  }
  return sample.length > 0 && odd / sample.length > 0.02;
}
