/**
 * Turns a web page or a Word document into the plain text the import path expects: one
 * paragraph per block, a blank line between paragraphs, and the title, byline, date and source
 * URL found in the document's metadata. Web pages go through Mozilla's Readability (the
 * Firefox reader view) so navigation, ads and footers stay out of the claims.
 */
import { JSDOM, VirtualConsole } from 'jsdom';
import { Readability } from '@mozilla/readability';
import mammoth from 'mammoth';
import { safeFetch, type SafeFetchOptions } from '@/lib/net/safe-fetch';

export type ExtractedArticle = {
  title?: string;
  byline?: string;
  publishedAt?: Date;
  text: string;
  sourceUrl?: string;
};

/** The document has no article in it, or is not the kind of file it claims to be. */
export class ExtractError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExtractError';
  }
}

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const NO_TEXT_MESSAGE = 'We found no article text on that page.';

/** Elements that end the running paragraph; headings, list items and quotes each become one. */
const BLOCK_TAGS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'DD',
  'DETAILS',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'SUMMARY',
  'TABLE',
  'TBODY',
  'TFOOT',
  'THEAD',
  'TR',
  'UL',
]);
const SKIPPED_TAGS = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'SVG',
  'CANVAS',
  'IFRAME',
  'OBJECT',
  'EMBED',
  'BUTTON',
  'SELECT',
  'TEXTAREA',
  'IMG',
  'VIDEO',
  'AUDIO',
  'MATH',
]);
/** Page furniture, removed only when Readability finds no article and the whole body is used. */
const FURNITURE = 'nav, header, footer, aside, form, [role="navigation"], [role="banner"], [role="contentinfo"], [aria-hidden="true"]';

/** Plain text of an element: a blank line between blocks, `<br>` as a line break, spaces collapsed. */
export function elementToText(root: Node): string {
  const paragraphs: string[] = [];
  let current = '';
  const flush = () => {
    const lines = current
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
    if (lines.length) paragraphs.push(lines.join('\n'));
    current = '';
  };
  const walk = (node: Node) => {
    if (node.nodeType === 3) {
      // Line breaks in the markup are only layout; a `<br>` is the one line break kept.
      current += (node.nodeValue ?? '').replace(/\s+/g, ' ');
      return;
    }
    if (node.nodeType !== 1) return;
    const tag = (node as Element).tagName.toUpperCase();
    if (SKIPPED_TAGS.has(tag) || (node as Element).hasAttribute('hidden')) return;
    if (tag === 'BR') {
      current += '\n';
      return;
    }
    if (tag === 'PRE') {
      flush();
      const lines = (node.textContent ?? '')
        .split('\n')
        .map((l) => l.trimEnd())
        .filter((l) => l.trim());
      if (lines.length) paragraphs.push(lines.join('\n'));
      return;
    }
    const block = BLOCK_TAGS.has(tag);
    if (block) flush();
    if (tag === 'TD' || tag === 'TH') current += ' ';
    for (const child of Array.from(node.childNodes)) walk(child);
    if (block) flush();
  };
  walk(root);
  flush();
  return paragraphs.join('\n\n');
}

function clean(value: string | null | undefined, max: number): string | undefined {
  const text = value?.replace(/\s+/g, ' ').trim();
  return text && text.length <= max ? text : undefined;
}

function parseDate(value: string | null | undefined): Date | undefined {
  if (!value?.trim()) return undefined;
  const date = new Date(value.trim());
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** Meta tags by their name, property or itemprop, lower-cased; the first of each wins. */
function metaTags(document: Document): Map<string, string> {
  const tags = new Map<string, string>();
  for (const meta of Array.from(document.querySelectorAll('meta[content]'))) {
    const content = meta.getAttribute('content') ?? '';
    for (const attr of ['property', 'name', 'itemprop']) {
      const key = meta.getAttribute(attr)?.trim().toLowerCase();
      if (key && !tags.has(key)) tags.set(key, content);
    }
  }
  return tags;
}

const DATE_META = [
  'article:published_time',
  'og:published_time',
  'datepublished',
  'publishdate',
  'pubdate',
  'date',
  'dc.date.issued',
  'dc.date',
  'dcterms.issued',
];

/** The date the page declares in its meta tags or microdata, else that of its first `<time datetime>`. */
function declaredDates(document: Document, meta: Map<string, string>): { declared?: Date; time?: Date } {
  const marked = document.querySelector('[itemprop="datePublished"][datetime], [itemprop="datePublished"][content]');
  const declared = [...DATE_META.map((key) => meta.get(key)), marked?.getAttribute('datetime') ?? marked?.getAttribute('content')].map(parseDate).find(Boolean);
  const time = parseDate((document.querySelector('article time[datetime]') ?? document.querySelector('time[datetime]'))?.getAttribute('datetime'));
  return { declared, time };
}

/** The page's canonical address when it is on the same site; otherwise the address it came from. */
function canonicalUrl(document: Document, meta: Map<string, string>, pageUrl: string | undefined): string | undefined {
  const declared = document.querySelector('link[rel~="canonical"][href]')?.getAttribute('href') ?? meta.get('og:url');
  const base = pageUrl ? new URL(pageUrl) : undefined;
  if (declared) {
    try {
      const url = new URL(declared, base);
      // A page may not claim another site's address: that would make it a new version of that article.
      if ((url.protocol === 'http:' || url.protocol === 'https:') && (!base || url.host === base.host)) return url.href;
    } catch {
      // An unparseable canonical link is ignored.
    }
  }
  return base?.href;
}

function dom(html: string | Uint8Array, url?: string, contentType?: string) {
  // Scripts never run and nothing is loaded; the virtual console swallows CSS parse noise.
  return new JSDOM(typeof html === 'string' ? html : Buffer.from(html), {
    url: url && /^https?:/i.test(url) ? url : undefined,
    contentType: contentType && /html|xml/i.test(contentType) ? contentType.replace(/^application\/xhtml\+xml/i, 'text/html') : 'text/html',
    virtualConsole: new VirtualConsole(),
  });
}

/** Title, byline, date, source URL and body text of a web page. `html` as bytes lets the page's own charset decide. */
export function extractFromHtml(html: string | Uint8Array, url?: string, contentType?: string): ExtractedArticle {
  const { window } = dom(html, url, contentType);
  const document = window.document;
  try {
    const meta = metaTags(document);
    // Readability changes the document it reads, so metadata is read first.
    const sourceUrl = canonicalUrl(document, meta, url);
    const dates = declaredDates(document, meta);
    const article = new Readability<Node>(document, { serializer: (node) => node }).parse();
    let text = article?.content ? elementToText(article.content) : '';
    if (!text) {
      const body = dom(html, url, contentType).window.document.body;
      body.querySelectorAll(FURNITURE).forEach((el) => el.remove());
      text = elementToText(body);
    }
    if (!text) throw new ExtractError(NO_TEXT_MESSAGE);
    return {
      title: clean(article?.title || meta.get('og:title') || document.title, 300),
      byline: clean((article?.byline || meta.get('author'))?.replace(/^\s*(by|von|par|por)\s+/i, ''), 200),
      // Readability's date comes from JSON-LD, which is more deliberate than a <time> in the page.
      publishedAt: dates.declared ?? parseDate(article?.publishedTime) ?? dates.time,
      text,
      sourceUrl,
    };
  } finally {
    window.close();
  }
}

/** Body text of a Word document (.docx). Its headings, paragraphs and list items become paragraphs. */
export async function extractFromDocx(buffer: Buffer): Promise<ExtractedArticle> {
  let html: string;
  try {
    // Images are dropped on the way: they carry no sentences.
    const result = await mammoth.convertToHtml({ buffer }, { convertImage: mammoth.images.imgElement(async () => ({ src: '' })) });
    html = result.value;
  } catch {
    throw new ExtractError('That file is not a Word document we can read. Save it as .docx (Word 2007 or later) and try again.');
  }
  const { window } = dom(`<!doctype html><html><body>${html}</body></html>`);
  try {
    const text = elementToText(window.document.body);
    if (!text) throw new ExtractError('That document has no text in it.');
    return { text };
  } finally {
    window.close();
  }
}

function decodeText(bytes: Buffer, charset = 'utf-8'): string {
  try {
    return new TextDecoder(charset).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

const HTML_TYPE = /^(text\/html|application\/xhtml\+xml)\b/i;
const TEXT_TYPE = /^text\/(plain|markdown)\b/i;

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
    return extractFromHtml(res.body, res.finalUrl, type || undefined);
  }
  if (type.toLowerCase().startsWith(DOCX_TYPE)) return { ...(await extractFromDocx(res.body)), sourceUrl: res.finalUrl };
  if (TEXT_TYPE.test(type)) {
    const text = decodeText(res.body, /charset=([\w-]+)/i.exec(type)?.[1]);
    if (!text.trim()) throw new ExtractError(NO_TEXT_MESSAGE);
    return { text, sourceUrl: res.finalUrl };
  }
  throw new ExtractError(`That address is not a web page or a document we can read (it sends ${type.split(';')[0].trim()}).`);
}
