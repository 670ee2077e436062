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

/** Character sets as UTF-16 code units (every member is in the BMP), so that a scan needs no strings. */
const codes = (chars: string) => new Set(Array.from(chars, (ch) => ch.charCodeAt(0)));

/** Always end a sentence, even with no space after: CJK full stops, Indic dandas, Arabic ؟ ۔ */
const HARD_TERMINALS = codes('。！？｡．︒।॥؟۔።፧');
/** End a sentence only when followed by whitespace and a plausible sentence start. */
const SOFT_TERMINALS = codes('.…?!‼⁇⁈⁉‽');
const STRONG_SOFT = codes('?!‼⁇⁈⁉‽');
/** May follow a terminal and still belong to the sentence it ends. */
// “ and ‘ close German quotes („…“ ‚…‘).
const CLOSERS = codes('"\'”’“‘»›)]}」』】〉》）〕］｝');
/** May precede the first letter of a sentence. */
const OPENERS = codes('"\'“‘„‚«‹([{¿¡「『【〈《（〔［｛');

/** The one test run on every character: only ".", "?" and "!" among ASCII can end a sentence. */
function isTerminalCode(c: number): boolean {
  if (c < 0x80) return c === 46 || c === 63 || c === 33;
  return SOFT_TERMINALS.has(c) || HARD_TERMINALS.has(c);
}

// ASCII first: nearly every character we test is ASCII, and the general tests build a string.
function isLetterCp(cp: number): boolean {
  if (cp < 0x80) return (cp >= 65 && cp <= 90) || (cp >= 97 && cp <= 122);
  const ch = String.fromCodePoint(cp);
  return ch.toLowerCase() !== ch.toUpperCase() || /\p{L}/u.test(ch);
}
function isUpperCp(cp: number): boolean {
  if (cp < 0x80) return cp >= 65 && cp <= 90;
  const ch = String.fromCodePoint(cp);
  return ch !== ch.toLowerCase();
}
function isLowerCp(cp: number): boolean {
  if (cp < 0x80) return cp >= 97 && cp <= 122;
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
 * endable: often ends a sentence (etc., Jr.); ends one before a capitalised word.
 * company: a company suffix (Inc., Corp.); like endable, except before a role or a ticker, which
 *   continue the name ("Acme Corp. Chief Executive Jane Doe", "Apple Inc. (AAPL.O) said").
 * starter: precedes proper nouns more often than it ends a sentence (U.S. Department); ends one
 *   only before a typical sentence opener.
 * time: a.m./p.m.; ends a sentence before a capitalised word that is not a time zone or weekday.
 */
type Abbr = 'never' | 'title' | 'numeric' | 'endable' | 'company' | 'starter' | 'time';

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
   abs bd str pág pag núm num cap ext lb lbs oz sq mi yd hrs min max rs ver
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
  `etc jr al ph.d m.d b.a m.a usw j.-c o.ä u.ä jh
   т.д т.п гг вв руб коп др пр`,
);
addAbbr('company', `inc corp ltd co llc plc`);
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

/** Capitalised words that continue a company name as the holder's role ("Acme Corp. Chief Executive …"). */
const COMPANY_ROLES = new Set(
  `chief chairman chairwoman chair president ceo cfo coo cto founder co-founder cofounder spokesman
   spokeswoman spokesperson executive director`.split(/\s+/),
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
//
// One pass over the text finds the lines; the lines of the paragraph at hand sit in arrays that
// are reused from paragraph to paragraph, so that a long article costs no objects per line.

const LINE_BREAK = /[\n\r\u0085\u2028\u2029]/g;

const STRONG = 1; // a bullet or marker that cannot be mistaken for prose
const WEAK = 2; // "1." "a." "iv." "II.", which could also be a wrapped number or abbreviation
const HEADING = 4; // "# Title"

/** The non-blank lines of one paragraph: offsets of each line, its content and its list marker. */
type Lines = { count: number; start: number[]; end: number[]; contentStart: number[]; markerEnd: number[]; marker: number[] };

const newLines = (): Lines => ({ count: 0, start: [], end: [], contentStart: [], markerEnd: [], marker: [] });

/** Calls `visit` with each paragraph: a run of non-blank lines ended by a blank line or U+2029. */
function forEachParagraph(text: string, visit: (lines: Lines) => void) {
  const lines = newLines();
  const flush = () => {
    if (lines.count) visit(lines);
    lines.count = 0;
  };
  let start = 0;
  for (;;) {
    LINE_BREAK.lastIndex = start;
    const found = LINE_BREAK.test(text);
    const end = found ? LINE_BREAK.lastIndex - 1 : text.length;
    let content = start;
    while (content < end && isSpaceAt(text, content)) content++;
    if (content === end) flush();
    else {
      const k = lines.count++;
      lines.start[k] = start;
      lines.end[k] = end;
      lines.contentStart[k] = content;
      if (text.charCodeAt(end) === 0x2029) flush();
    }
    if (!found) break;
    start = end + 1;
    if (text.charCodeAt(end) === 13 && text.charCodeAt(start) === 10) start++;
  }
  flush();
}

/**
 * Blank-line-separated paragraphs (trimmed spans). Sentences never cross a paragraph boundary,
 * so callers can group sentences by the paragraph that holds their start.
 */
export function splitParagraphs(text: string): Span[] {
  if (typeof text !== 'string') return [];
  const spans: Span[] = [];
  forEachParagraph(text, (lines) => {
    const span = trimSpan(text, lines.contentStart[0], lines.end[lines.count - 1]);
    if (span) spans.push(span);
  });
  return spans;
}

// Bullets and markers that cannot be mistaken for prose. Matched in place (sticky) on the whole
// text; no marker is long enough to reach past its line, and `$` (multiline) ends it at a break.
const STRONG_MARKER =
  /(?:[-*+•·‣◦▪▫■□●○–—]|#{1,6}|\d{1,3}\)|\(\d{1,3}\)|\([a-zA-Z]{1,4}\)|[a-zA-Z]\)|[ivxlcdm]{1,6}\)|[IVXLCDM]{1,6}\))(?=[ \t\u00a0\u0085]|$)/my;
// "1." "a." "iv." "II." could also be a wrapped number or abbreviation, so they only start a block
// where a list can plausibly begin.
const WEAK_MARKER = /(?:\d{1,3}|[a-z]|[ivxlcdm]{2,6}|[IVXLCDM]{2,6}|I)\.(?=[ \t\u00a0\u0085]|$)/my;

function readMarker(text: string, lines: Lines, k: number) {
  const p = lines.contentStart[k];
  let marker = 0;
  let markerEnd = p;
  STRONG_MARKER.lastIndex = p;
  WEAK_MARKER.lastIndex = p;
  if (STRONG_MARKER.test(text)) {
    marker = STRONG | (text.charCodeAt(p) === 35 ? HEADING : 0); // '#'
    markerEnd = STRONG_MARKER.lastIndex;
  } else if (WEAK_MARKER.test(text)) {
    marker = WEAK;
    markerEnd = WEAK_MARKER.lastIndex;
  }
  lines.marker[k] = marker;
  lines.markerEnd[k] = markerEnd;
}

const LINE_END_PUNCT = codes('.!?…。！？｡．।॥؟۔:;,"\'”’»)]」』');
const CLAUSE_END = codes('.!?…:;。！？');
const CLAUSE_END_CLOSERS = codes('"\'”’»)]');
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
  while (p < to && OPENERS.has(text.charCodeAt(p))) p++;
  return p < to ? (text.codePointAt(p) ?? null) : null;
}

/** End of line k's content without trailing whitespace (lines are non-blank, so after contentStart). */
function contentEnd(text: string, lines: Lines, k: number): number {
  let e = lines.end[k];
  while (e > lines.contentStart[k] && isSpaceAt(text, e - 1)) e--;
  return e;
}

/**
 * A short unpunctuated line followed by a capitalised line reads as a heading ("Key findings"),
 * whereas a line of a hard-wrapped paragraph is about as long as the next one or ends mid-phrase.
 */
function looksLikeHeading(text: string, lines: Lines, k: number, prevEnd: number): boolean {
  const from = lines.contentStart[k - 1];
  if (prevEnd - from > 120 || LINE_END_PUNCT.has(text.charCodeAt(prevEnd - 1))) return false;
  const first = text.codePointAt(from)!;
  if (!(isUpperCp(first) || isDigitCode(first))) return false;
  const nextFirst = firstCodePoint(text, lines.contentStart[k], lines.end[k]);
  if (nextFirst === null || !(isUpperCp(nextFirst) || isDigitCode(nextFirst))) return false;
  const content = text.slice(from, prevEnd);
  if (FUNCTION_WORDS.has(lastWord(content))) return false;
  const nextLength = contentEnd(text, lines, k) - lines.contentStart[k];
  const words = content.split(/\s+/);
  const allCaps = content === content.toUpperCase() && content !== content.toLowerCase();
  const titleCase = words.length <= 12 && words.every((w) => w.length <= 3 || !isLowerCp(w.codePointAt(0)!));
  return allCaps || titleCase || content.length <= nextLength * 0.6;
}

/** Whether line k of a paragraph starts a new run of lines that may share sentences. */
function startsBlock(text: string, lines: Lines, k: number): boolean {
  const prevMarker = lines.marker[k - 1];
  const marker = lines.marker[k];
  const prevEnd = contentEnd(text, lines, k - 1);
  let p = prevEnd - 1;
  while (p > lines.contentStart[k - 1] && CLAUSE_END_CLOSERS.has(text.charCodeAt(p))) p--;
  const prevEndsClause = CLAUSE_END.has(text.charCodeAt(p));
  const prevIsItem = (prevMarker & (STRONG | WEAK)) !== 0;
  if (marker & STRONG || (marker & WEAK && (prevEndsClause || prevIsItem))) return true;
  if (prevMarker & HEADING) return true;
  if (prevIsItem) {
    const indented = lines.contentStart[k] > lines.start[k];
    const cp = firstCodePoint(text, lines.contentStart[k], lines.end[k]);
    return !prevEndsClause && !indented && !LINE_END_PUNCT.has(text.charCodeAt(prevEnd - 1)) && cp !== null && isUpperCp(cp);
  }
  return looksLikeHeading(text, lines, k, prevEnd);
}

/** Calls `visit` with each block of a paragraph: its content span and where its prose starts. */
function forEachBlock(text: string, lines: Lines, visit: (start: number, end: number, markerEnd: number) => void) {
  for (let k = 0; k < lines.count; k++) readMarker(text, lines, k);
  let first = 0;
  for (let k = 1; k <= lines.count; k++) {
    if (k < lines.count && !startsBlock(text, lines, k)) continue;
    visit(lines.contentStart[first], lines.end[k - 1], lines.marker[first] & (STRONG | WEAK) ? lines.markerEnd[first] : lines.contentStart[first]);
    first = k;
  }
}

// ---------------------------------------------------------------------------------------------
// Deciding whether a run of terminal punctuation ends a sentence

/**
 * The state of one splitSentences call: the block being scanned (up to `end`), the sentences so
 * far, and what follows the boundary candidate at hand (the first letter-ish character after it,
 * and the word it starts, read only when a rule asks for it).
 */
type Context = {
  text: string;
  ordinals: boolean;
  sentences: Sentence[];
  end: number;
  /** First character after the candidate, past whitespace and up to four opening quotes or brackets. */
  nextAt: number;
  nextCp: number | null;
  afterOpener: boolean;
  /** The lowercased word at nextAt, and where it ends in the text; null until asked for. */
  word: string | null;
  wordEnd: number;
};

function readFollowing(ctx: Context, from: number) {
  const { text, end } = ctx;
  let p = from;
  while (p < end && isSpaceAt(text, p)) p++;
  let openers = 0;
  while (p < end && openers < 4 && OPENERS.has(text.charCodeAt(p))) {
    p++;
    openers++;
  }
  ctx.nextAt = p;
  ctx.nextCp = p < end ? text.codePointAt(p)! : null;
  ctx.afterOpener = openers > 0;
  ctx.word = null;
}

const WORD = /[\p{L}\p{M}'’-]{1,24}/uy;

function nextWord(ctx: Context): string {
  if (ctx.word === null) {
    WORD.lastIndex = ctx.nextAt;
    const found = ctx.nextCp !== null && WORD.test(ctx.text);
    ctx.wordEnd = found ? WORD.lastIndex : ctx.nextAt;
    ctx.word = found ? ctx.text.slice(ctx.nextAt, ctx.wordEnd).toLowerCase() : '';
  }
  return ctx.word;
}

/** The next word is a lone letter with a period ("J. A. Smith"), so "A" is no article. */
function nextIsInitial(ctx: Context): boolean {
  const word = nextWord(ctx);
  return word.length > 0 && word.length === (word.codePointAt(0)! > 0xffff ? 2 : 1) && ctx.text.charCodeAt(ctx.wordEnd) === 46;
}

/** The next word opens a sentence ("U.S. The …"), unless it is an initial ("U.S. A. Smith"). */
function nextStartsSentence(ctx: Context): boolean {
  return ctx.afterOpener || (SENTENCE_STARTERS.has(nextWord(ctx)) && !nextIsInitial(ctx));
}

/** A stock ticker or exchange in brackets after a company ("Apple Inc. (AAPL.O)", "(NYSE: ACME)"). */
function nextIsTicker(ctx: Context): boolean {
  if (!ctx.afterOpener) return false;
  const { text, end, nextAt } = ctx;
  let p = nextAt;
  while (p < end && text.charCodeAt(p) >= 65 && text.charCodeAt(p) <= 90) p++;
  return p - nextAt >= 2 && !(p < end && isLetterCp(text.codePointAt(p)!));
}

/** Edge punctuation that is not part of a token: /^[\p{Ps}\p{Pi}\p{Pf}"'¿¡—–]+|[\p{Pe}\p{Pi}\p{Pf}"']+$/ */
const LEADING_EDGE = /[\p{Ps}\p{Pi}\p{Pf}"'¿¡—–]/u;
const TRAILING_EDGE = /[\p{Pe}\p{Pi}\p{Pf}"']/u;
const isEdge = (re: RegExp, c: number) => !(isLetterCp(c) || isDigitCode(c)) && re.test(String.fromCharCode(c));

/** A token's offsets in the text, so that ordinary words need no string of their own. */
type Token = { start: number; end: number };

/**
 * The word immediately before position `at`, back to a space, an opening quote or bracket, or a CJK
 * character (CJK text has no spaces), without edge punctuation. Empty (start === end) when longer
 * than 40 characters: long tokens are never abbreviations, and the look-behind stays bounded.
 */
function tokenBefore(text: string, at: number, limit: number): Token {
  let p = at;
  while (p > limit) {
    const c = text.charCodeAt(p - 1);
    if (isSpaceCode(c) || OPENERS.has(c) || isCjkCp(c)) break;
    if (at - p >= 40) return { start: p, end: p };
    p--;
  }
  let e = at;
  while (p < e && isEdge(LEADING_EDGE, text.charCodeAt(p))) p++;
  while (e > p && isEdge(TRAILING_EDGE, text.charCodeAt(e - 1))) e--;
  return { start: p, end: e };
}

const MAX_ABBREVIATION = Math.max(...Array.from(ABBREVIATIONS.keys(), (k) => k.length));
const PARTY_TAG = /^[DRI]-[A-Z][A-Za-z.]{0,6}$/; // (D-Md.), R-Texas
const DOTTED = /^(?:\p{L}\.)+\p{L}$/u; // U.S, J.R.R

function classify(text: string, token: Token, limit: number): Abbr | 'initial' | 'ordinal' | null {
  const { start } = token;
  const length = token.end - start;
  if (length === 0) return null;
  const first = text.codePointAt(start)!;
  // Spaced abbreviations: "z. B.", "т. д.", "p. ej.", "e. g."
  if (length <= 3 && start - 2 > limit && text.charCodeAt(start - 1) === 32 && text.charCodeAt(start - 2) === 46) {
    const prev = tokenBefore(text, start - 2, limit);
    if (prev.end - prev.start <= 3) {
      const pair = ABBREVIATIONS.get(`${text.slice(prev.start, prev.end)}.${text.slice(start, token.end)}`.toLowerCase());
      if (pair !== undefined) return pair;
    }
  }
  const singleLetter = length === (first > 0xffff ? 2 : 1) && isLetterCp(first);
  // A capital on its own is an initial ("John P. Smith"), whatever the same letter abbreviates in lowercase.
  if (length <= MAX_ABBREVIATION && !(singleLetter && isUpperCp(first))) {
    const known = ABBREVIATIONS.get(text.slice(start, token.end).toLowerCase());
    if (known !== undefined) {
      // "Ft. Worth" is a title, "5 ft. 3 in." a unit before a number
      if (known === 'title' && !isUpperCp(first)) return 'numeric';
      return known;
    }
  }
  if (length <= 9 && text.charCodeAt(start + 1) === 45 && PARTY_TAG.test(text.slice(start, token.end))) return 'endable';
  // German street names: Goethestr. 12
  if (
    length > 4 &&
    (text.charCodeAt(token.end - 3) | 32) === 115 &&
    (text.charCodeAt(token.end - 2) | 32) === 116 &&
    (text.charCodeAt(token.end - 1) | 32) === 114
  )
    return 'numeric';
  if (singleLetter) return length === 1 && first === 73 ? null : 'initial'; // "I" is a word
  if (length >= 3 && (text.charCodeAt(token.end - 2) === 46 || text.charCodeAt(token.end - 3) === 46) && DOTTED.test(text.slice(start, token.end)))
    return 'starter';
  if (length <= 3 && isDigitCode(first) && isDigitCode(text.charCodeAt(token.end - 1)) && (length < 3 || isDigitCode(text.charCodeAt(start + 1))))
    return 'ordinal';
  return null;
}

function periodEndsSentence(ctx: Context, dot: number, limit: number): boolean {
  const cp = ctx.nextCp;
  if (cp === null) return true;
  // Before a lowercase letter no rule ends a sentence, so the word before the period does not matter.
  if (isLowerCp(cp)) return false;
  const { text } = ctx;
  const token = tokenBefore(text, dot, limit);
  const kind = classify(text, token, limit);
  const upper = isUpperCp(cp);
  switch (kind) {
    case 'never':
    case 'title':
      return false;
    case 'numeric':
    case 'endable':
      return upper;
    case 'company':
      return upper && !COMPANY_ROLES.has(nextWord(ctx)) && !nextIsTicker(ctx);
    case 'time':
      return upper && !TIME_CONTINUATIONS.has(nextWord(ctx));
    case 'starter':
      return upper && nextStartsSentence(ctx);
    case 'initial':
      // Lowercase single letters are abbreviations (z. B., т. е.); capitals are initials (J. R. R.).
      return upper && isUpperCp(text.codePointAt(token.start)!) && nextStartsSentence(ctx);
    case 'ordinal':
      if (ctx.ordinals) {
        if (isDigitCode(cp) || ORDINAL_FOLLOWERS.has(nextWord(ctx))) return false;
        const before = tokenBefore(text, token.start - 1, limit);
        if (token.start - 1 > limit && ORDINAL_PRECEDERS.has(text.slice(before.start, before.end).toLowerCase())) return false;
      }
      return true;
    default:
      return true;
  }
}

/** Adds the sentence text[from, to) to ctx.sentences, trimmed; nothing if it is only whitespace. */
function addSentence(ctx: Context, from: number, to: number) {
  const { text } = ctx;
  while (from < to && isSpaceAt(text, from)) from++;
  while (to > from && isSpaceAt(text, to - 1)) to--;
  if (from < to) ctx.sentences.push({ text: text.slice(from, to), start: from, end: to });
}

/** Splits the block text[start, ctx.end) into sentences, looking for boundaries from scanFrom on. */
function splitBlock(ctx: Context, start: number, scanFrom: number) {
  const { text, end } = ctx;
  let from = start;
  let i = scanFrom;
  while (i < end) {
    if (!isTerminalCode(text.charCodeAt(i))) {
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
      const c = text.charCodeAt(j);
      if (HARD_TERMINALS.has(c)) hardRun = true;
      else if (c === 46) dots++;
      else if (c === 0x2026) ellipsis = true;
      else if (STRONG_SOFT.has(c)) strong = true;
      else if (CLOSERS.has(c)) {
        // an apostrophe glued to a letter is part of the next word, not a closing quote
        if ((c === 39 || c === 0x2019) && j + 1 < end && isLetterCp(text.codePointAt(j + 1)!)) break;
      } else if (lastWasDot && c === 32 && text.charCodeAt(j + 1) === 46 && dots < 8) {
        j++; // spaced ellipsis ". . ."
        continue;
      } else if ((c === 32 || c === 0xa0 || c === 0x202f) && (text.charCodeAt(j + 1) === 0xbb || text.charCodeAt(j + 1) === 0x203a)) {
        j++; // French spacing before a closing guillemet » ›
        continue;
      } else break;
      lastWasDot = c === 46;
      j++;
    }
    let ends: boolean;
    if (hardRun) {
      // 「…。」と言った: the quote is embedded in a longer Japanese sentence.
      const last = text.charCodeAt(j - 1);
      const after = text.charCodeAt(j);
      ends = !((last === 0x300d || last === 0x300f) && (after === 0x3068 || after === 0x3063)); // 」』 then と っ
    } else if (j < end && !isSpaceAt(text, j)) {
      // "U.S", "3.5", "example.gov", "Yahoo!News" — except half-width "?" in CJK text
      ends = strong && isCjkCp(text.codePointAt(j)!);
    } else {
      readFollowing(ctx, j);
      if (strong || ellipsis || dots > 1) ends = !(ctx.nextCp !== null && isLowerCp(ctx.nextCp));
      else ends = periodEndsSentence(ctx, i, start);
    }
    if (ends) {
      addSentence(ctx, from, j);
      from = j;
    }
    i = j;
  }
  addSentence(ctx, from, end);
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
  const ctx: Context = {
    text,
    ordinals: ORDINAL_LOCALES.has(baseLanguage(locale)),
    sentences: [],
    end: 0,
    nextAt: 0,
    nextCp: null,
    afterOpener: false,
    word: null,
    wordEnd: 0,
  };
  const block = (start: number, end: number, markerEnd: number) => {
    ctx.end = end;
    splitBlock(ctx, start, markerEnd);
  };
  forEachParagraph(text, (lines) => forEachBlock(text, lines, block));
  return ctx.sentences;
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
