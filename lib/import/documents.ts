/**
 * Web pages and Word documents into article text, for the import form, the REST API and the
 * CLI: the reading itself happens in the import worker pool (lib/import/pool.ts), so a hostile
 * or merely huge document costs a worker its time and memory limits, never the request thread.
 * A URL is fetched here (`safeFetch`: public addresses, 10 s, 5 MB) and its body handed over.
 */
import { ExtractError, NO_TEXT_MESSAGE } from '@/lib/import/extract-error';
import type { ExtractedArticle } from '@/lib/import/extract';
import { importPool } from '@/lib/import/pool';
import { safeFetch, type SafeFetchOptions } from '@/lib/net/safe-fetch';

export type { ExtractedArticle };

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const HTML_TYPE = /^(text\/html|application\/xhtml\+xml)\b/i;
const TEXT_TYPE = /^text\/(plain|markdown)\b/i;

/** Title, byline, date, source URL and body text of a web page. `html` as bytes lets the page's own charset decide. */
export function readWebPage(html: string | Uint8Array, url?: string, contentType?: string): Promise<ExtractedArticle> {
  return importPool().run('html', { html, url, contentType });
}

/** Body text of a Word document (.docx). */
export function readWordDocument(docx: Uint8Array): Promise<ExtractedArticle> {
  return importPool().run('docx', { docx });
}

function decodeText(bytes: Buffer, charset = 'utf-8'): string {
  try {
    return new TextDecoder(charset).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

/**
 * Fetch a page through `safeFetch` and extract its article. The answer must be a success and
 * a web page, plain text or a Word document; anything else is an `ExtractError`.
 */
export async function extractFromUrl(url: string, opts: Pick<SafeFetchOptions, 'allowPrivate' | 'timeoutMs' | 'maxBytes'> = {}): Promise<ExtractedArticle> {
  const res = await safeFetch(url, {
    ...opts,
    headers: {
      accept: 'text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8,*/*;q=0.5',
      'user-agent': 'Claimdesk/1.0 (article import)',
    },
  });
  if (res.status < 200 || res.status > 299) {
    throw new ExtractError(
      res.status === 404 || res.status === 410
        ? 'That page does not exist (the site answered “not found”). Check the address.'
        : `The site refused the page (it answered with status ${res.status}).`,
    );
  }
  const type = res.headers['content-type'] ?? '';
  if (HTML_TYPE.test(type) || (!type && /^\s*</.test(res.body.subarray(0, 512).toString('latin1')))) {
    return readWebPage(res.body, res.finalUrl, type || undefined);
  }
  if (type.toLowerCase().startsWith(DOCX_TYPE)) return { ...(await readWordDocument(res.body)), sourceUrl: res.finalUrl };
  if (TEXT_TYPE.test(type)) {
    const text = decodeText(res.body, /charset=([\w-]+)/i.exec(type)?.[1]);
    if (!text.trim()) throw new ExtractError(NO_TEXT_MESSAGE);
    return { text, sourceUrl: res.finalUrl };
  }
  throw new ExtractError(`That address is not a web page or a document we can read (it sends ${type.split(';')[0].trim()}).`);
}
