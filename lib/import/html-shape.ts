/**
 * A look at a page's tags before anything parses it: how many elements it has and how deeply
 * they nest. Readability's time grows with both (400 nested `<div>`s took it 16 s, 5,000 overflowed
 * the stack), so a page beyond the limits is refused in milliseconds instead. One pass, no
 * recursion, no DOM: a small tokenizer that follows the HTML parser closely enough for counting
 * (comments, raw text such as scripts, void and self-closing elements, and the end tags a parser
 * implies: a new `<p>`, `<li>` or `<td>` closes the open one). Where it is unsure it counts high.
 */
import { ExtractError } from '@/lib/import/extract-error';
import { MAX_HTML_BYTES, MAX_HTML_DEPTH, MAX_HTML_ELEMENTS, megabytes } from '@/lib/import/limits';

export type HtmlShape = { elements: number; depth: number };

const VOID = new Set([
  'area',
  'base',
  'basefont',
  'bgsound',
  'br',
  'col',
  'embed',
  'frame',
  'hr',
  'img',
  'input',
  'keygen',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);
/** Their content is text up to their own end tag, whatever it looks like. */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes']);
/** Not counted as nesting: the parser has exactly one of each. */
const DOCUMENT = new Set(['html', 'head', 'body']);
/** Where a search for an open element to close stops (the parser's "scope" boundaries). */
const SCOPE = new Set(['applet', 'caption', 'html', 'table', 'td', 'th', 'marquee', 'object', 'template', 'button', 'svg', 'math']);
/** Start tags that close an open `<p>`. */
const CLOSES_P = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'center',
  'dd',
  'details',
  'dialog',
  'dir',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'li',
  'listing',
  'main',
  'menu',
  'nav',
  'ol',
  'p',
  'pre',
  'search',
  'section',
  'summary',
  'table',
  'ul',
]);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

type Implied = { closes: Set<string>; stopAt: Set<string> };
const TABLE_SCOPE = new Set(['table', 'template', 'html']);
const rule = (closes: string[], stopAt: Iterable<string>): Implied => ({ closes: new Set(closes), stopAt: new Set(stopAt) });
/** For a start tag: the open elements it closes first, and where the search for them stops. */
const IMPLIED = new Map<string, Implied>([
  ['li', rule(['li'], [...SCOPE, 'ul', 'ol', 'menu'])],
  ['dd', rule(['dd', 'dt'], [...SCOPE, 'dl'])],
  ['dt', rule(['dd', 'dt'], [...SCOPE, 'dl'])],
  ['tr', rule(['tr'], TABLE_SCOPE)],
  ['td', rule(['td', 'th'], ['tr', ...TABLE_SCOPE])],
  ['th', rule(['td', 'th'], ['tr', ...TABLE_SCOPE])],
  ['thead', rule(['thead', 'tbody', 'tfoot'], TABLE_SCOPE)],
  ['tbody', rule(['thead', 'tbody', 'tfoot'], TABLE_SCOPE)],
  ['tfoot', rule(['thead', 'tbody', 'tfoot'], TABLE_SCOPE)],
  ['option', rule(['option'], ['select', ...SCOPE])],
  ['optgroup', rule(['option', 'optgroup'], ['select', ...SCOPE])],
  ['a', rule(['a'], SCOPE)],
  ['button', rule(['button'], SCOPE)],
  ['nobr', rule(['nobr'], SCOPE)],
]);
const CLOSE_P = rule(['p'], SCOPE);

const isAsciiAlpha = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 12 || c === 13;

/** The index just past a tag's closing `>`, skipping quoted attribute values; and whether it ended with `/>`. */
function tagEnd(html: string, from: number): { end: number; selfClosing: boolean } {
  let i = from;
  while (i < html.length) {
    const c = html.charCodeAt(i);
    if (c === 62) return { end: i + 1, selfClosing: html.charCodeAt(i - 1) === 47 };
    if (c === 61) {
      i++;
      while (i < html.length && isSpace(html.charCodeAt(i))) i++;
      const q = html.charCodeAt(i);
      if (q === 34 || q === 39) {
        const close = html.indexOf(q === 34 ? '"' : "'", i + 1);
        if (close === -1) return { end: html.length, selfClosing: false };
        i = close + 1;
        continue;
      }
      continue;
    }
    i++;
  }
  return { end: html.length, selfClosing: false };
}

const rawTextEnds = new Map<string, RegExp>();
function rawTextEnd(name: string): RegExp {
  let re = rawTextEnds.get(name);
  if (!re) rawTextEnds.set(name, (re = new RegExp(`</${name}[\\s/>]`, 'ig')));
  return re;
}

/**
 * Counts the start tags of a page and the deepest nesting of its elements (inside `<body>`).
 * Stops early once a limit is passed: the answer is then only known to be over it. With `xml`,
 * the markup is XML (a Word document's parts): no implied end tags, and `/>` always closes.
 */
export function measureMarkup(
  html: string,
  { limits = { elements: MAX_HTML_ELEMENTS, depth: MAX_HTML_DEPTH }, xml = false }: { limits?: HtmlShape; xml?: boolean } = {},
): HtmlShape {
  const stack: string[] = [];
  let foreign = 0;
  let elements = 0;
  let depth = 0;
  const popTo = (index: number) => {
    for (const name of stack.splice(index)) if (name === 'svg' || name === 'math') foreign--;
  };
  const close = ({ closes, stopAt }: Implied) => {
    for (let k = stack.length - 1; k >= 0; k--) {
      if (closes.has(stack[k])) return popTo(k);
      if (stopAt.has(stack[k])) return;
    }
  };
  let i = 0;
  while (elements <= limits.elements && depth <= limits.depth) {
    const lt = html.indexOf('<', i);
    if (lt === -1) break;
    if (html.startsWith('!--', lt + 1)) {
      const end = html.indexOf('-->', lt + 4);
      i = end === -1 ? html.length : end + 3;
      continue;
    }
    if (html.startsWith('![CDATA[', lt + 1)) {
      const end = html.indexOf(']]>', lt + 9);
      i = end === -1 ? html.length : end + 3;
      continue;
    }
    const next = html.charCodeAt(lt + 1);
    if (next === 33 || next === 63) {
      // <!DOCTYPE …> and <?…>: no element.
      const end = html.indexOf('>', lt + 2);
      i = end === -1 ? html.length : end + 1;
      continue;
    }
    const closing = next === 47;
    const nameStart = closing ? lt + 2 : lt + 1;
    if (!isAsciiAlpha(html.charCodeAt(nameStart))) {
      i = lt + 1;
      continue;
    }
    let j = nameStart + 1;
    while (j < html.length) {
      const c = html.charCodeAt(j);
      if (isSpace(c) || c === 47 || c === 62) break;
      j++;
    }
    const name = xml ? html.slice(nameStart, j) : html.slice(nameStart, j).toLowerCase();
    const { end, selfClosing } = tagEnd(html, j);
    i = end;
    if (closing) {
      const k = stack.lastIndexOf(name);
      if (k !== -1) popTo(k);
      continue;
    }
    elements++;
    if (xml) {
      depth = Math.max(depth, stack.length + 1);
      if (!selfClosing) stack.push(name);
      continue;
    }
    if (DOCUMENT.has(name)) continue;
    if (name === 'plaintext') break;
    if (foreign === 0) {
      if (CLOSES_P.has(name)) close(CLOSE_P);
      if (HEADINGS.has(name) && HEADINGS.has(stack[stack.length - 1])) stack.pop();
      const implied = IMPLIED.get(name);
      if (implied) close(implied);
      // A row straight inside a table gets the <tbody> the parser puts around it.
      if (name === 'tr' && stack[stack.length - 1] === 'table') stack.push('tbody');
      depth = Math.max(depth, stack.length + 1);
      if (VOID.has(name)) continue;
      if (RAW_TEXT.has(name)) {
        const re = rawTextEnd(name);
        re.lastIndex = i;
        const found = re.exec(html);
        i = found ? found.index : html.length;
        continue;
      }
    } else {
      depth = Math.max(depth, stack.length + 1);
      if (selfClosing) continue;
    }
    stack.push(name);
    if (name === 'svg' || name === 'math') foreign++;
  }
  return { elements, depth };
}

/** The page's markup for counting: tags are ASCII in every charset a page may declare but UTF-16. */
function markup(html: string | Uint8Array): string {
  if (typeof html === 'string') return html;
  const bom = (html[0] << 8) | html[1];
  if (bom === 0xfffe || bom === 0xfeff) return new TextDecoder(bom === 0xfffe ? 'utf-16le' : 'utf-16be').decode(html);
  return Buffer.from(html.buffer, html.byteOffset, html.byteLength).toString('latin1');
}

/** Refuses a page that is too large, has too many elements or nests them too deeply: before jsdom or Readability see it. */
export function assertHtmlWithinLimits(page: string | Uint8Array): void {
  const size = typeof page === 'string' ? Buffer.byteLength(page) : page.byteLength;
  if (size > MAX_HTML_BYTES) throw new ExtractError(`That page is larger than ${megabytes(MAX_HTML_BYTES)}. Save the article's text as .txt, or paste it.`);
  const shape = measureMarkup(markup(page));
  if (shape.elements > MAX_HTML_ELEMENTS) {
    throw new ExtractError(
      `That page has more than ${MAX_HTML_ELEMENTS.toLocaleString('en-US')} elements (a long news article has a few thousand), too many to read safely. Paste the article's text instead.`,
    );
  }
  if (shape.depth > MAX_HTML_DEPTH) {
    throw new ExtractError(
      `That page nests its elements more than ${MAX_HTML_DEPTH} deep (real pages stay under 40), too deep to read safely. Paste the article's text instead.`,
    );
  }
}
