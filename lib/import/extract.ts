/**
 * Turns a web page or a Word document into the plain text the import path expects: one
 * paragraph per block, a blank line between paragraphs, and the title, byline, date and source
 * URL found in the document's metadata. Web pages go through Mozilla's Readability (the
 * Firefox reader view) so navigation, ads and footers stay out of the claims.
 *
 * This is the work of an import worker (lib/import/pool.ts): the app calls it through the pool,
 * with a time and memory limit, never on the request thread. Each document is checked against
 * the shape and size limits (lib/import/limits.ts) before jsdom, Readability or mammoth see it.
 */
import { JSDOM, VirtualConsole } from 'jsdom';
import { MAX_YEAR, MIN_YEAR } from '@/lib/validation/fields';
import { Readability } from '@mozilla/readability';
import mammoth from 'mammoth';
import { boundedDocx, NOT_A_DOCX_MESSAGE } from '@/lib/import/docx-zip';
import { ExtractError, NO_TEXT_MESSAGE } from '@/lib/import/extract-error';
import { assertHtmlWithinLimits } from '@/lib/import/html-shape';

export type ExtractedArticle = {
  title?: string;
  byline?: string;
  publishedAt?: Date;
  text: string;
  sourceUrl?: string;
};

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

/**
 * Plain text of an element: a blank line between blocks, `<br>` as a line break, spaces collapsed.
 * Depth-first without recursion, since the document decides how deep it goes; by `firstChild` and
 * `nextSibling` rather than `childNodes`, whose live lists make jsdom's later clean-up quadratic.
 */
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
  /** The elements entered and not yet left, innermost last, with whether each is a block. */
  const open: { node: Node; block: boolean }[] = [];
  let node: Node | null = root;
  while (node) {
    if (node.nodeType === 3) {
      // Line breaks in the markup are only layout; a `<br>` is the one line break kept.
      current += (node.nodeValue ?? '').replace(/\s+/g, ' ');
    } else if (node.nodeType === 1) {
      const element = node as Element;
      const tag = element.tagName.toUpperCase();
      if (SKIPPED_TAGS.has(tag) || element.hasAttribute('hidden')) {
        // Left out with everything inside it.
      } else if (tag === 'BR') {
        current += '\n';
      } else if (tag === 'PRE') {
        flush();
        const lines = (element.textContent ?? '')
          .split('\n')
          .map((l) => l.trimEnd())
          .filter((l) => l.trim());
        if (lines.length) paragraphs.push(lines.join('\n'));
      } else {
        const block = BLOCK_TAGS.has(tag);
        if (block) flush();
        if (tag === 'TD' || tag === 'TH') current += ' ';
        if (element.firstChild) {
          open.push({ node, block });
          node = element.firstChild;
          continue;
        }
        if (block) flush();
      }
    }
    // Next: the following sibling, or the next sibling of the nearest open element that has one.
    while (node) {
      if (node === root) {
        node = null;
      } else if (node.nextSibling) {
        node = node.nextSibling;
        break;
      } else {
        const parent = open.pop()!;
        if (parent.block) flush();
        node = parent.node;
      }
    }
  }
  flush();
  return paragraphs.join('\n\n');
}

function clean(value: string | null | undefined, max: number): string | undefined {
  const text = value?.replace(/\s+/g, ' ').trim();
  return text && text.length <= max ? text : undefined;
}

/** A date the document declares, if it is one the desk accepts: a page dated 0099 or 99999 is not refused for it, its date is just not taken. */
function parseDate(value: string | null | undefined): Date | undefined {
  if (!value?.trim()) return undefined;
  const date = new Date(value.trim());
  if (Number.isNaN(date.getTime())) return undefined;
  const year = date.getUTCFullYear();
  return year >= MIN_YEAR && year <= MAX_YEAR ? date : undefined;
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
  assertHtmlWithinLimits(html);
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
export async function extractFromDocx(file: Buffer): Promise<ExtractedArticle> {
  const bounded = boundedDocx(file);
  let html: string;
  try {
    // Images are dropped on the way (boundedDocx leaves them out): they carry no sentences.
    const result = await mammoth.convertToHtml({ buffer: bounded }, { convertImage: mammoth.images.imgElement(async () => ({ src: '' })) });
    html = result.value;
  } catch {
    throw new ExtractError(NOT_A_DOCX_MESSAGE);
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
