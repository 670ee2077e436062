/**
 * Turns pasted or uploaded article text into a title, an optional byline and the claims to check.
 * The body is kept as written so that claim offsets point into what the user imported.
 */
import { detectLocale, splitParagraphs, splitSentences } from './segment';

type ParsedClaim = { position: number; paragraph: number; text: string; start: number; end: number };
export type ParsedArticle = { title: string; byline: string | null; body: string; language: string; claims: ParsedClaim[] };

/** Only what storage requires: PostgreSQL text cannot hold NUL, and offsets must not depend on line endings. */
export function normalizeArticleText(raw: string): string {
  return raw
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/\0/g, '');
}

const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF]/g;

function cleanLine(line: string): string {
  return line.replace(ZERO_WIDTH, ' ').trim();
}

function sameHeadline(a: string, b: string): boolean {
  const key = (s: string) => cleanLine(s).replace(/\s+/g, ' ').toLowerCase();
  return key(a) === key(b);
}

const BYLINE_PREFIX = /^(?:by|von|par|por)\s+/i;
const BYLINE_NAME_JOINERS = new Set(['and', '&', 'und', 'et', 'y', 'de', 'del', 'van', 'von', 'der', 'den', 'la', 'le', 'di', 'da', 'dos', 'bin', 'al']);

/**
 * "By Jane Q. Doe | March 3, 2026" or "by NAME and NAME", but not "By 2030, the city will ...":
 * the words after "By" must read as names, and anything after them must follow a separator.
 */
function isByline(line: string): boolean {
  if (line.length > 160 || !BYLINE_PREFIX.test(line)) return false;
  const rest = line.replace(BYLINE_PREFIX, '');
  const sep = /\s*(?:[|•·/—–]|,\s|\s-\s)/.exec(rest);
  const names = (sep ? rest.slice(0, sep.index) : rest).trim().split(/\s+/);
  if (names.length === 0 || names.length > 12) return false;
  const allNames = names.every((w) => BYLINE_NAME_JOINERS.has(w.toLowerCase()) || /^\p{Lu}[\p{L}\p{M}'’.-]*$/u.test(w));
  if (!allNames || !/^\p{Lu}/u.test(names[0])) return false;
  if (!sep) return true;
  // After a comma, only a short role or date may follow ("By Ana Ruiz, Staff Writer").
  const tail = rest.slice(sep.index + sep[0].length);
  return !sep[0].includes(',') || (tail.split(/\s+/).length <= 6 && !/[.!?]$/.test(tail));
}

type LineSpan = { start: number; end: number; text: string };

function linesOf(body: string): LineSpan[] {
  const lines: LineSpan[] = [];
  let start = 0;
  while (start <= body.length) {
    const nl = body.indexOf('\n', start);
    const end = nl === -1 ? body.length : nl;
    lines.push({ start, end, text: body.slice(start, end) });
    if (nl === -1) break;
    start = nl + 1;
  }
  return lines;
}

export function parseArticle(input: { text: string; title?: string | null; locale?: string | null }): ParsedArticle {
  const body = normalizeArticleText(typeof input.text === 'string' ? input.text : '');
  const lines = linesOf(body);
  const givenTitle = cleanLine(input.title ?? '');

  let title = givenTitle;
  let byline: string | null = null;
  let index = 0;
  if (!title) {
    while (index < lines.length && !cleanLine(lines[index].text)) index++;
    title = index < lines.length ? cleanLine(lines[index].text) : '';
    index++;
  }
  // The top of a pasted web page often repeats the headline and carries a byline; neither is a claim.
  for (; index < lines.length; index++) {
    const line = cleanLine(lines[index].text);
    if (!line || (title && sameHeadline(line, title))) continue;
    if (byline === null && isByline(line)) {
      byline = line;
      continue;
    }
    break;
  }

  const contentStart = index < lines.length ? lines[index].start : body.length;
  const language = input.locale?.trim() || detectLocale(body);
  const paragraphs = splitParagraphs(body);
  const paragraphNumbers = new Map<number, number>();
  let p = 0;
  const claims = splitSentences(body.slice(contentStart), language).map((s, i) => {
    const start = s.start + contentStart;
    while (p + 1 < paragraphs.length && paragraphs[p + 1].start <= start) p++;
    if (!paragraphNumbers.has(p)) paragraphNumbers.set(p, paragraphNumbers.size + 1);
    return { position: i + 1, paragraph: paragraphNumbers.get(p)!, text: s.text, start, end: s.end + contentStart };
  });

  return { title, byline, body, language, claims };
}
