/**
 * Sentence segmentation for turning an article into claims.
 *
 * No library splits every language we import correctly (see STACK.md), so this is a small
 * rule-based splitter: one left-to-right pass that looks at each run of terminal punctuation,
 * the word before it and the word after it. Every loop is bounded by the input length and every
 * look-behind/look-ahead by a small constant, so time is linear and nothing can backtrack.
 */

export type Sentence = { text: string; start: number; end: number };
export type Span = { start: number; end: number };

// ---------------------------------------------------------------------------------------------
// Characters

function isSpaceCode(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0x85) return false;
  return (
    c === 0x85 ||
    c === 0xa0 ||
    c === 0x1680 ||
    c === 0x180e ||
    (c >= 0x2000 && c <= 0x200d) || // typographic spaces and zero-width space/joiners
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x2060 ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

const isSpaceAt = (text: string, i: number) => isSpaceCode(text.charCodeAt(i));

/** Always end a sentence, even with no space after: CJK full stops, Indic dandas, Arabic ؟ ۔ */
const HARD_TERMINALS = new Set([...'。！？｡．︒।॥؟۔።፧']);
/** End a sentence only when followed by whitespace and a plausible sentence start. */
const SOFT_TERMINALS = new Set([...'.…?!‼⁇⁈⁉‽']);
const STRONG_SOFT = new Set([...'?!‼⁇⁈⁉‽']);
/** May follow a terminal and still belong to the sentence it ends. */
// “ and ‘ close German quotes („…“ ‚…‘).
const CLOSERS = new Set([...'"\'”’“‘»›)]}」』】〉》）〕］｝']);
/** May precede the first letter of a sentence. */
const OPENERS = new Set([...'"\'“‘„‚«‹([{¿¡「『【〈《（〔［｛']);

function isLetterCp(cp: number): boolean {
  const ch = String.fromCodePoint(cp);
  return ch.toLowerCase() !== ch.toUpperCase() || /\p{L}/u.test(ch);
}
function isUpperCp(cp: number): boolean {
  const ch = String.fromCodePoint(cp);
  return ch !== ch.toLowerCase();
}
function isLowerCp(cp: number): boolean {
  const ch = String.fromCodePoint(cp);
  return ch !== ch.toUpperCase() && ch === ch.toLowerCase();
}
const isDigitCode = (c: number) => c >= 48 && c <= 57;

function isCjkCp(cp: number): boolean {
  return (
    (cp >= 0x3040 && cp <= 0x30ff) || // kana
    (cp >= 0x3400 && cp <= 0x9fff) || // CJK ideographs
    (cp >= 0xac00 && cp <= 0xd7af) || // hangul
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0x20000 && cp <= 0x2fa1f)
  );
}

// ---------------------------------------------------------------------------------------------
// Abbreviations: what a period after a known word means depends on what usually follows it.

/**
 * never: never ends a sentence (e.g., i.e., z. B.).
 * title: precedes a name (Mr., Sen.), so never ends a sentence when capitalised.
 * numeric: precedes a number (No. 5, p. 14, Jan. 5); ends a sentence only before a capitalised word.
 * endable: often ends a sentence (etc., Inc.); ends one before a capitalised word.
 * starter: precedes proper nouns more often than it ends a sentence (U.S. Department); ends one
 *   only before a typical sentence opener.
 * time: a.m./p.m.; ends a sentence before a capitalised word that is not a time zone or weekday.
 */
type Abbr = 'never' | 'title' | 'numeric' | 'endable' | 'starter' | 'time';

const ABBREVIATIONS = new Map<string, Abbr>();
function addAbbr(kind: Abbr, words: string) {
  for (const w of words.split(/\s+/)) if (w) ABBREVIATIONS.set(w, kind);
}
addAbbr(
  'title',
  `mr mrs ms messrs mmes dr drs prof sen sens rep reps gov gen col lt st sgt cpl pvt capt cmdr cdr adm
   maj brig supt det insp hon rev fr pres amb atty mt ft pt sr sra srta dra lic ing arq
   mm mme mlle mgr hr hrn frl
   проф акад св ген г-н г-жа
   डॉ`,
);
addAbbr(
  'numeric',
  `no nos nr nrn p pp fig figs vol vols art arts ch chap sec secs para paras ed eds op tel est ex
   jan feb mar apr jun jul aug sep sept oct nov dec
   abs bd str pág pag núm num cap ext lb lbs oz sq mi yd hrs min max
   стр рис гл ст янв фев февр мар апр авг сен сент окт ноя нояб дек`,
);
addAbbr(
  'never',
  `e.g i.e cf viz vs v approx ca resp incl esp dept a.k.a aka
   z.b d.h u.a v.a z.t bzw vgl ggf evtl inkl sog bspw zzgl gem geb mio mrd tsd med rer nat phil jur dipl
   p.ej p.ex env av aprox ud uds vd vds ee
   т.е т.к и.о им ул см тыс млн млрд напр прим`,
);
addAbbr(
  'endable',
  `etc inc corp ltd co llc plc jr al ph.d m.d b.a m.a usw j.-c o.ä u.ä jh
   т.д т.п гг вв руб коп др пр`,
);
addAbbr('starter', `u.s u.k u.n e.u d.c n.y l.a u.s.a ee.uu calif fla ill mass mich minn penn tenn wash wis`);
addAbbr('time', `a.m p.m`);

/** Words that open sentences, so that "U.S. The" ends a sentence but "U.S. Department" does not. */
const SENTENCE_STARTERS = new Set(
  `the a an he she it they we i you this that these those there here but and or so yet in on at for
   after before when while if as its his her their our my however meanwhile still also then now
   some many most all no not one what who why how where both each other such since because although
   though despite during by from with without according last next today yesterday tomorrow
   der die das er sie es wir ich ein eine aber und im am le la les il elle ils nous je un une mais
   el los las ella ellos nosotros yo pero en он она они мы я это но в на`.split(/\s+/),
);

/** Capitalised words that continue a time ("9 a.m. Eastern", "5 p.m. Monday"). */
const TIME_CONTINUATIONS = new Set(
  `et est edt ct cst cdt mt mst mdt pt pst pdt gmt utc bst cet cest ist jst aest eastern central
   mountain pacific standard daylight local monday tuesday wednesday thursday friday saturday sunday
   january february march april may june july august september october november december jan feb mar
   apr jun jul aug sep sept oct nov dec`.split(/\s+/),
);

/** Languages that write ordinals as "3." ("am 3. Oktober"). */
const ORDINAL_LOCALES = new Set(['de', 'da', 'nb', 'no', 'nn', 'fi', 'cs', 'sk', 'pl', 'hu', 'sl', 'hr', 'sr', 'bs', 'et', 'lv', 'is']);
const ORDINAL_FOLLOWERS = new Set(
  `januar jänner februar märz april mai juni juli august september oktober november dezember
   jahrhundert jahrtausend jahrestag jahrgang mal platz stock stockwerk klasse liga bundesliga auflage
   runde spieltag etage geburtstag sitzung kapitel absatz artikel juli`.split(/\s+/),
);
const ORDINAL_PRECEDERS = new Set(`am vom zum bis den dem der die das im ab seit zur beim ihrem seinem ihren seinen`.split(/\s+/));

// ---------------------------------------------------------------------------------------------
// Lines, paragraphs and blocks

type Line = { start: number; end: number; blank: boolean; paragraphEnd: boolean };

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  let blank = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const isBreak = c === 10 || c === 13 || c === 0x85 || c === 0x2028 || c === 0x2029;
    if (!isBreak) {
      if (blank && !isSpaceCode(c)) blank = false;
      continue;
    }
    lines.push({ start, end: i, blank, paragraphEnd: c === 0x2029 });
    if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
    start = i + 1;
    blank = true;
  }
  lines.push({ start, end: text.length, blank, paragraphEnd: false });
  return lines;
}

function groupParagraphs(lines: Line[]): Line[][] {
  const paragraphs: Line[][] = [];
  let current: Line[] = [];
  for (const line of lines) {
    if (line.blank) {
      if (current.length) paragraphs.push(current);
      current = [];
      continue;
    }
    current.push(line);
    if (line.paragraphEnd) {
      paragraphs.push(current);
      current = [];
    }
  }
  if (current.length) paragraphs.push(current);
  return paragraphs;
}

/**
 * Blank-line-separated paragraphs (trimmed spans). Sentences never cross a paragraph boundary,
 * so callers can group sentences by the paragraph that holds their start.
 */
export function splitParagraphs(text: string): Span[] {
  if (typeof text !== 'string') return [];
  const spans: Span[] = [];
  for (const paragraph of groupParagraphs(splitLines(text))) {
    const span = trimSpan(text, paragraph[0].start, paragraph[paragraph.length - 1].end);
    if (span) spans.push(span);
  }
  return spans;
}

// Bullets and markers that cannot be mistaken for prose.
const STRONG_MARKER = /(?:[-*+•·‣◦▪▫■□●○–—]|#{1,6}|\d{1,3}\)|\(\d{1,3}\)|\([a-zA-Z]{1,4}\)|[a-zA-Z]\)|[ivxlcdm]{1,6}\)|[IVXLCDM]{1,6}\))(?=[ \t\u00a0]|$)/y;
// "1." "a." "iv." "II." could also be a wrapped number or abbreviation, so they only start a block
// where a list can plausibly begin.
const WEAK_MARKER = /(?:\d{1,3}|[a-z]|[ivxlcdm]{2,6}|[IVXLCDM]{2,6}|I)\.(?=[ \t\u00a0]|$)/y;

type LineShape = { contentStart: number; markerEnd: number; strong: boolean; weak: boolean; heading: boolean };

function lineShape(text: string, line: Line): LineShape {
  let p = line.start;
  while (p < line.end && isSpaceAt(text, p)) p++;
  const shape: LineShape = { contentStart: p, markerEnd: p, strong: false, weak: false, heading: false };
  const head = text.slice(p, Math.min(line.end, p + 12));
  for (const [re, key] of [
    [STRONG_MARKER, 'strong'],
    [WEAK_MARKER, 'weak'],
  ] as const) {
    re.lastIndex = 0;
    const m = re.exec(head);
    if (m) {
      shape[key] = true;
      shape.markerEnd = p + m[0].length;
      shape.heading = m[0].startsWith('#');
      break;
    }
  }
  return shape;
}

const LINE_END_PUNCT = /[.!?…。！？｡．।॥؟۔:;,"'”’»)\]」』]$/u;
const FUNCTION_WORDS = new Set(
  `a an the of and or to in on for with by at from as that which who is are was were be
   der die das und oder zu von mit le la les de des du et ou à el los las y o del con`.split(/\s+/),
);

function lastWord(s: string): string {
  const m = /[\p{L}\p{N}'’-]+$/u.exec(s.slice(-40));
  return m ? m[0].toLowerCase() : '';
}

function firstCodePoint(text: string, from: number, to: number): number | null {
  let p = from;
  while (p < to && OPENERS.has(text[p])) p++;
  return p < to ? (text.codePointAt(p) ?? null) : null;
}

/**
 * A short unpunctuated line followed by a capitalised line reads as a heading ("Key findings"),
 * whereas a line of a hard-wrapped paragraph is about as long as the next one or ends mid-phrase.
 */
function looksLikeHeading(text: string, line: Line, shape: LineShape, next: Line, nextShape: LineShape): boolean {
  const content = text.slice(shape.contentStart, line.end).trimEnd();
  if (!content || content.length > 120 || LINE_END_PUNCT.test(content)) return false;
  const first = content.codePointAt(0)!;
  const nextFirst = firstCodePoint(text, nextShape.contentStart, next.end);
  if (nextFirst === null || !(isUpperCp(nextFirst) || isDigitCode(nextFirst))) return false;
  if (!(isUpperCp(first) || isDigitCode(first))) return false;
  if (FUNCTION_WORDS.has(lastWord(content))) return false;
  const nextLength = text.slice(nextShape.contentStart, next.end).trimEnd().length;
  const words = content.split(/\s+/);
  const allCaps = content === content.toUpperCase() && content !== content.toLowerCase();
  const titleCase = words.length <= 12 && words.every((w) => w.length <= 3 || !isLowerCp(w.codePointAt(0)!));
  return allCaps || titleCase || content.length <= nextLength * 0.6;
}

/** Splits a paragraph into runs of lines that may share sentences. */
function splitBlocks(text: string, paragraph: Line[]): { start: number; end: number; markerEnd: number }[] {
  const shapes = paragraph.map((line) => lineShape(text, line));
  const blocks: { start: number; end: number; markerEnd: number }[] = [];
  let blockStart = 0;
  for (let k = 1; k <= paragraph.length; k++) {
    let boundary = k === paragraph.length;
    if (!boundary) {
      const prev = paragraph[k - 1];
      const prevShape = shapes[k - 1];
      const shape = shapes[k];
      const prevText = text.slice(prevShape.contentStart, prev.end).trimEnd();
      const prevEndsClause = /[.!?…:;。！？]["'”’»)\]]*$/u.test(prevText);
      const prevIsItem = prevShape.strong || prevShape.weak;
      const startsBlock = shape.strong || (shape.weak && (prevEndsClause || prevIsItem));
      const indented = shape.contentStart > paragraph[k].start;
      const endsBlock =
        prevShape.heading ||
        (prevIsItem && !prevEndsClause && !indented && !LINE_END_PUNCT.test(prevText) && startsCapitalised(text, shape, paragraph[k])) ||
        (!prevIsItem && looksLikeHeading(text, prev, prevShape, paragraph[k], shape));
      boundary = startsBlock || endsBlock;
    }
    if (boundary) {
      const first = shapes[blockStart];
      blocks.push({ start: first.contentStart, end: paragraph[k - 1].end, markerEnd: first.strong || first.weak ? first.markerEnd : first.contentStart });
      blockStart = k;
    }
  }
  return blocks;
}

function startsCapitalised(text: string, shape: LineShape, line: Line): boolean {
  const cp = firstCodePoint(text, shape.contentStart, line.end);
  return cp !== null && isUpperCp(cp);
}

// ---------------------------------------------------------------------------------------------
// Deciding whether a run of terminal punctuation ends a sentence

type Context = { text: string; end: number; ordinals: boolean };

/** `initial`: the next word is a lone letter with a period ("J. A. Smith"), so "A" is no article. */
type Following = { cp: number | null; word: string; afterOpener: boolean; initial: boolean };

/** The first letter-ish character after a boundary candidate and the word it starts. */
function following(ctx: Context, from: number): Following {
  const { text, end } = ctx;
  let p = from;
  while (p < end && isSpaceAt(text, p)) p++;
  let openers = 0;
  while (p < end && openers < 4 && OPENERS.has(text[p])) {
    p++;
    openers++;
  }
  if (p >= end) return { cp: null, word: '', afterOpener: openers > 0, initial: false };
  const cp = text.codePointAt(p)!;
  const m = /^[\p{L}\p{M}'’-]{1,24}/u.exec(text.slice(p, p + 24));
  const word = m ? m[0].toLowerCase() : '';
  return { cp, word, afterOpener: openers > 0, initial: [...word].length === 1 && text[p + m![0].length] === '.' };
}

const TOKEN_EDGE = /^[\p{Ps}\p{Pi}\p{Pf}"'¿¡—–]+|[\p{Pe}\p{Pi}\p{Pf}"']+$/gu;

/** The word immediately before position `at` (bounded; long tokens are never abbreviations). */
function tokenBefore(text: string, at: number, limit: number): { token: string; start: number } {
  let p = at;
  while (p > limit && at - p < 40 && !isSpaceAt(text, p - 1)) p--;
  if (p > limit && !isSpaceAt(text, p - 1)) return { token: '', start: p };
  return { token: text.slice(p, at).replace(TOKEN_EDGE, ''), start: p };
}

function classify(text: string, tokenStart: number, token: string, limit: number): Abbr | 'initial' | 'ordinal' | null {
  const lower = token.toLowerCase();
  // Spaced abbreviations: "z. B.", "т. д.", "p. ej.", "e. g."
  if (token.length <= 3 && tokenStart - 2 > limit && text[tokenStart - 1] === ' ' && text[tokenStart - 2] === '.') {
    const prev = tokenBefore(text, tokenStart - 2, limit).token;
    const pair = ABBREVIATIONS.get(`${prev.toLowerCase()}.${lower}`);
    if (pair !== undefined && prev.length <= 3) return pair;
  }
  const cps = [...token];
  const singleLetter = cps.length === 1 && isLetterCp(token.codePointAt(0)!);
  // A capital on its own is an initial ("John P. Smith"), whatever the same letter abbreviates in lowercase.
  const known = singleLetter && isUpperCp(token.codePointAt(0)!) ? undefined : ABBREVIATIONS.get(lower);
  if (known !== undefined) {
    // "Ft. Worth" is a title, "5 ft. 3 in." a unit before a number
    if (known === 'title' && !isUpperCp(token.codePointAt(0)!)) return 'numeric';
    return known;
  }
  if (/^[DRI]-[A-Z][A-Za-z.]{0,6}$/.test(token)) return 'endable'; // party-state tags: (D-Md.)
  if (lower.length > 4 && lower.endsWith('str')) return 'numeric'; // German street names: Goethestr. 12
  if (singleLetter) return token === 'I' ? null : 'initial';
  if (/^(?:\p{L}\.)+\p{L}$/u.test(token)) return 'starter';
  if (/^\d{1,3}$/.test(token)) return 'ordinal';
  return null;
}

function periodEndsSentence(ctx: Context, dot: number, limit: number, next: Following): boolean {
  const { text } = ctx;
  const { token, start } = tokenBefore(text, dot, limit);
  const kind = token ? classify(text, start, token, limit) : null;
  const cp = next.cp;
  if (cp === null) return true;
  const upper = isUpperCp(cp);
  const lower = isLowerCp(cp);
  switch (kind) {
    case 'never':
    case 'title':
      return false;
    case 'numeric':
    case 'endable':
      return upper;
    case 'time':
      return upper && !TIME_CONTINUATIONS.has(next.word);
    case 'starter':
      return upper && (next.afterOpener || (SENTENCE_STARTERS.has(next.word) && !next.initial));
    case 'initial':
      // Lowercase single letters are abbreviations (z. B., т. е.); capitals are initials (J. R. R.).
      return upper && isUpperCp(token.codePointAt(0)!) && (next.afterOpener || (SENTENCE_STARTERS.has(next.word) && !next.initial));
    case 'ordinal':
      if (ctx.ordinals) {
        if (lower || isDigitCode(cp) || ORDINAL_FOLLOWERS.has(next.word)) return false;
        const before = tokenBefore(text, start - 1, limit).token.toLowerCase();
        if (start - 1 > limit && ORDINAL_PRECEDERS.has(before)) return false;
      }
      return !lower;
    default:
      return !lower;
  }
}

/** Sentence boundaries inside one block, as end offsets (exclusive). */
function blockBoundaries(ctx: Context, start: number, scanFrom: number, out: number[]) {
  const { text, end } = ctx;
  let i = scanFrom;
  while (i < end) {
    const ch = text[i];
    const hard = HARD_TERMINALS.has(ch);
    if (!hard && !SOFT_TERMINALS.has(ch)) {
      i++;
      continue;
    }
    // Consume the whole run: "?!", "...", ". . .", '."', '?")', '. »'
    let j = i;
    let dots = 0;
    let ellipsis = false;
    let strong = false;
    let hardRun = false;
    let lastWasDot = false;
    while (j < end) {
      const c = text[j];
      if (HARD_TERMINALS.has(c)) hardRun = true;
      else if (c === '.') dots++;
      else if (c === '…') ellipsis = true;
      else if (STRONG_SOFT.has(c)) strong = true;
      else if (CLOSERS.has(c)) {
        // an apostrophe glued to a letter is part of the next word, not a closing quote
        if ((c === "'" || c === '’') && j + 1 < end && isLetterCp(text.codePointAt(j + 1)!)) break;
      } else if (lastWasDot && c === ' ' && text[j + 1] === '.' && dots < 8) {
        j++; // spaced ellipsis ". . ."
        continue;
      } else if ((c === ' ' || c === '\u00a0' || c === '\u202f') && (text[j + 1] === '»' || text[j + 1] === '›')) {
        j++; // French spacing before a closing guillemet
        continue;
      } else break;
      lastWasDot = c === '.';
      j++;
    }
    let ends: boolean;
    if (hardRun) {
      // 「…。」と言った: the quote is embedded in a longer Japanese sentence.
      const lastChar = text[j - 1];
      ends = !((lastChar === '」' || lastChar === '』') && (text[j] === 'と' || text[j] === 'っ'));
    } else if (j < end && !isSpaceAt(text, j)) {
      // "U.S", "3.5", "example.gov", "Yahoo!News" — except half-width "?" in CJK text
      ends = strong && isCjkCp(text.codePointAt(j)!);
    } else {
      const next = following(ctx, j);
      const lowerNext = next.cp !== null && isLowerCp(next.cp);
      if (strong || ellipsis || dots > 1) ends = !lowerNext;
      else ends = periodEndsSentence(ctx, i, start, next);
    }
    if (ends) out.push(j);
    i = j;
  }
}

function trimSpan(text: string, start: number, end: number): Span | null {
  while (start < end && isSpaceAt(text, start)) start++;
  while (end > start && isSpaceAt(text, end - 1)) end--;
  return start < end ? { start, end } : null;
}

function baseLanguage(locale: string | undefined): string {
  return (locale ?? '').toLowerCase().split(/[-_]/)[0];
}

/**
 * Splits text into sentences. Offsets index into `text`; blank lines always separate sentences,
 * single line breaks (hard-wrapped prose) do not, list items and headings stand alone.
 */
export function splitSentences(text: string, locale?: string): Sentence[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  const ordinals = ORDINAL_LOCALES.has(baseLanguage(locale));
  const sentences: Sentence[] = [];
  for (const paragraph of groupParagraphs(splitLines(text))) {
    for (const block of splitBlocks(text, paragraph)) {
      const ends: number[] = [];
      blockBoundaries({ text, end: block.end, ordinals }, block.start, block.markerEnd, ends);
      let from = block.start;
      for (const to of [...ends, block.end]) {
        const span = trimSpan(text, from, to);
        if (span) sentences.push({ text: text.slice(span.start, span.end), ...span });
        from = to;
      }
    }
  }
  return sentences;
}

// ---------------------------------------------------------------------------------------------
// Language guess

const STOPWORDS: Record<string, Set<string>> = {
  en: new Set('the and of to is that in it was for with on said are be has have by from this'.split(' ')),
  de: new Set('der die das und ist nicht mit den ein eine zu von auf sich dem im für wird sind auch'.split(' ')),
  fr: new Set('le les et est des une un du dans que pour pas sur au avec qui sont aux ce'.split(' ')),
  es: new Set('el los las y es que del un una por con para se al no como más pero su'.split(' ')),
};

/** A cheap guess from the writing system, then from common words for Latin-script text. */
export function detectLocale(text: string): string {
  if (typeof text !== 'string') return 'en';
  const sample = text.slice(0, 20000);
  const counts = { han: 0, kana: 0, hangul: 0, cyrillic: 0, arabic: 0, persian: 0, devanagari: 0, greek: 0, hebrew: 0, thai: 0, latin: 0 };
  for (const ch of sample) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) {
      if ((cp | 32) >= 97 && (cp | 32) <= 122) counts.latin++;
    } else if (cp >= 0x3040 && cp <= 0x30ff) counts.kana++;
    else if ((cp >= 0x3400 && cp <= 0x9fff) || (cp >= 0x20000 && cp <= 0x2fa1f)) counts.han++;
    else if (cp >= 0xac00 && cp <= 0xd7af) counts.hangul++;
    else if (cp >= 0x0400 && cp <= 0x04ff) counts.cyrillic++;
    else if (cp >= 0x0600 && cp <= 0x06ff) {
      counts.arabic++;
      // پ چ ژ گ ک ی are Persian letters absent from Arabic
      if (cp === 0x067e || cp === 0x0686 || cp === 0x0698 || cp === 0x06af || cp === 0x06a9 || cp === 0x06cc) counts.persian++;
    } else if (cp >= 0x0900 && cp <= 0x097f) counts.devanagari++;
    else if (cp >= 0x0370 && cp <= 0x03ff) counts.greek++;
    else if (cp >= 0x0590 && cp <= 0x05ff) counts.hebrew++;
    else if (cp >= 0x0e00 && cp <= 0x0e7f) counts.thai++;
    else if (cp <= 0x024f && /\p{L}/u.test(ch)) counts.latin++;
  }
  const scripts: [string, number][] = [
    [counts.kana > 0 && counts.kana * 10 >= counts.han ? 'ja' : 'zh', counts.han + counts.kana],
    ['ko', counts.hangul],
    ['ru', counts.cyrillic],
    [counts.persian * 50 >= counts.arabic && counts.persian > 0 ? 'fa' : 'ar', counts.arabic],
    ['hi', counts.devanagari],
    ['el', counts.greek],
    ['he', counts.hebrew],
    ['th', counts.thai],
  ];
  const [script, count] = scripts.reduce((best, s) => (s[1] > best[1] ? s : best));
  // CJK packs a word into one or two characters, so weigh it up against alphabetic letters.
  const weight = script === 'zh' || script === 'ja' || script === 'ko' ? 3 : 1;
  if (count * weight > counts.latin) return script;

  const scores: Record<string, number> = { en: 0, de: 0, fr: 0, es: 0 };
  const words = sample.toLowerCase().match(/\p{L}+/gu) ?? [];
  for (const word of words.slice(0, 3000)) {
    for (const lang in STOPWORDS) if (STOPWORDS[lang].has(word)) scores[lang]++;
  }
  let best = 'en';
  for (const lang in scores) if (scores[lang] > scores[best]) best = lang;
  return best;
}
