'use server';

import { redirect } from 'next/navigation';
import { actionFor } from '@/lib/actions/safe-action';
import { InvalidInputError } from '@/lib/operations/errors';
import { importArticleOp } from '@/lib/operations/articles';
import { extractFromUrl, readWebPage, readWordDocument, type ExtractedArticle } from '@/lib/import/documents';
import { ExtractError } from '@/lib/import/extract-error';
import { SafeFetchError } from '@/lib/net/safe-fetch';
import { articleText, MAX_ARTICLE_BYTES, MAX_DOCUMENT_BYTES } from '@/lib/validation/article';

const TEXT_FILE = /\.(txt|md|markdown|text)$/i;
const HTML_FILE = /\.(html?|xhtml)$/i;
const DOCX_FILE = /\.docx$/i;

/** An uploaded .txt or .md file as UTF-8 text; a web page or Word document as the article it holds. */
async function readFile(file: File): Promise<ExtractedArticle> {
  const fail = (msg: string) => new InvalidInputError(msg, { file: [msg] });
  const document = HTML_FILE.test(file.name) || DOCX_FILE.test(file.name);
  if (!document && !TEXT_FILE.test(file.name)) throw fail('Choose a .txt, .md, .html or .docx file.');
  if (!document && file.size > MAX_ARTICLE_BYTES) throw fail('The file is larger than 2 MB. Split it or trim it.');
  if (document && file.size > MAX_DOCUMENT_BYTES) throw fail('The file is larger than 3 MB. Save it without images, or as .txt, and try again.');
  const bytes = Buffer.from(await file.arrayBuffer());
  try {
    if (DOCX_FILE.test(file.name)) return await readWordDocument(bytes);
    if (HTML_FILE.test(file.name)) return await readWebPage(bytes);
  } catch (err) {
    if (err instanceof ExtractError) throw fail(err.message);
    throw err;
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    throw fail('That file is not plain UTF-8 text. Save it as .txt and try again.');
  }
}

/** Fetches on the server; `actionFor` has checked that the user may import before this runs. */
async function readUrl(url: string): Promise<ExtractedArticle> {
  try {
    return await extractFromUrl(url);
  } catch (err) {
    if (err instanceof SafeFetchError || err instanceof ExtractError) throw new InvalidInputError(err.message, { importUrl: [err.message] });
    throw err;
  }
}

/**
 * An uploaded file or a URL to import replaces the pasted text, and what the document says
 * about itself (title, author, date, address) fills the details the editor left empty.
 */
async function readSource(formData: FormData, input: Record<string, unknown>) {
  const file = formData.get('file');
  const hasFile = file instanceof File && file.size > 0;
  const url = typeof input.importUrl === 'string' ? input.importUrl.trim() : '';
  if (hasFile && url) {
    const msg = 'Choose a file or a URL to import, not both.';
    throw new InvalidInputError(msg, { importUrl: [msg], file: [msg] });
  }
  if (!hasFile && !url) return;
  const extracted = hasFile ? await readFile(file) : await readUrl(url);
  const field = hasFile ? 'file' : 'importUrl';
  const checked = articleText.safeParse(extracted.text);
  if (!checked.success) {
    const msg = checked.error.issues[0].message;
    throw new InvalidInputError(msg, { [field]: [msg] });
  }
  input.text = extracted.text;
  const blank = (key: string) => typeof input[key] !== 'string' || !input[key].trim();
  if (extracted.title && blank('title')) input.title = extracted.title;
  if (extracted.byline && blank('author')) input.author = extracted.byline;
  if (extracted.publishedAt && blank('publishedAt')) input.publishedAt = extracted.publishedAt.toISOString();
  if (extracted.sourceUrl && blank('sourceUrl')) input.sourceUrl = extracted.sourceUrl;
}

export const importArticleAction = actionFor(importArticleOp, ({ id, reimported }) => redirect(reimported ? `/articles/${id}/versions` : `/articles/${id}`), {
  prepare: readSource,
});
