/**
 * How much a sentence looks like a checkable factual claim, with the reasons an editor can read.
 *
 * A transparent cue-counting model rather than a trained classifier: the desk has to explain every
 * score ("why is this 20%?"), and it runs on every sentence of every import, so it must be fast and
 * must never throw. Each cue fires at most once; the weights in SIGNALS are summed and squashed by a
 * logistic function, with no hidden terms, so the reasons listed are the whole of the score. Word
 * cues are English; numbers, money, years, quotation marks, question marks and capitalised names
 * work in any language that uses them.
 */

export type CheckWorthinessReason = { code: string; label: string; weight: number };
export type CheckWorthiness = { score: number; reasons: CheckWorthinessReason[] };

/** A score at or above this reads as "check-worthy". */
export const CHECK_WORTHY_THRESHOLD = 0.5;

// ---------------------------------------------------------------------------------------------
// The one weight table

const SIGNALS = {
  quantity: { label: 'Contains a number or quantity', weight: 1.6 },
  percentage: { label: 'Gives a percentage', weight: 0.4 },
  money: { label: 'Mentions an amount of money', weight: 0.4 },
  date: { label: 'Names a date or period', weight: 0.6 },
  comparison: { label: 'Makes a comparison or superlative', weight: 1.1 },
  statistical: { label: 'Describes a rate, average or trend', weight: 0.8 },
  causal: { label: 'States a cause or consequence', weight: 0.8 },
  organisation: { label: 'Names an organisation or institution', weight: 0.8 },
  'named-entity': { label: 'Names a specific person, place or body', weight: 0.7 },
  'proper-noun': { label: 'Mentions a proper name', weight: 0.4 },
  attribution: { label: 'Attributes a statement to a source', weight: 0.6 },
  absolute: { label: 'Makes an absolute or negative statement (never, only, not)', weight: 0.5 },
  quotation: { label: 'Contains a direct quotation', weight: 0.2 },
  // Fires only when nothing above did, so that a sentence without cues still says why it scored low.
  'no-specifics': { label: 'No number, name, source or comparison to check', weight: -0.4 },
  opinion: { label: 'Expresses an opinion or a demand (I think, should, must)', weight: -2 },
  evaluative: { label: 'Uses judgemental or emotional language', weight: -1.6 },
  hedge: { label: 'Hedged or speculative (could, may, likely)', weight: -1.4 },
  prediction: { label: 'About the future (will, expects, plans to)', weight: -1.4 },
  vague: { label: 'Vague about who or how many', weight: -1 },
  'forecast-number': { label: 'Its number is a forecast, not a record', weight: -0.8 },
  question: { label: 'Is a question', weight: -3 },
  fragment: { label: 'Too short to state a claim', weight: -2.5 },
  boilerplate: { label: 'Looks like page furniture (caption, byline, link)', weight: -5 },
  empty: { label: 'No text to score', weight: -5 },
} as const satisfies Record<string, { label: string; weight: number }>;

type Signal = keyof typeof SIGNALS;

/** Longer "sentences" are mis-splits or pasted blobs; their first part says enough and keeps the cost bounded. */
const MAX_CHARS = 2000;
/** Fewer words than this cannot say who did what. */
const MIN_WORDS = 5;
/** CJK text has no spaces; a word there averages about one and a half characters. */
const CJK_CHARS_PER_WORD = 1.5;

// ---------------------------------------------------------------------------------------------
// English cues: single words and phrases of up to three words, matched on lower-cased tokens.

type Cue =
  | Exclude<
      Signal,
      'named-entity' | 'proper-noun' | 'organisation' | 'quotation' | 'question' | 'fragment' | 'boilerplate' | 'empty' | 'forecast-number' | 'no-specifics'
    >
  | 'superlative'
  | 'org-word';

const ENGLISH_CUES: Record<Cue, string> = {
  quantity: `two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty
    |seventy|eighty|ninety|hundred|hundreds|thousand|thousands|million|millions|billion|billions|trillion
    |dozen|dozens|half|twice|thrice|quarter|a third|one in|one of every`,
  percentage: `percent|per cent|percentage|percentage points`,
  money: `dollars|euros|pounds sterling|yen|yuan|rupees|roubles|pence|cents`,
  date: `yesterday|last week|last month|last year|last decade|last season|this year|this month|this season
    |first quarter|second quarter|third quarter|fourth quarter|first half|second half`,
  comparison: `than|highest|lowest|largest|biggest|smallest|fastest|slowest|hottest|coldest|warmest|wettest|driest
    |deadliest|busiest|cheapest|costliest|longest|shortest|oldest|youngest|richest|poorest|record|doubled|tripled
    |trebled|quadrupled|halved|compared with|compared to|twice as|outnumber|outnumbered|overtook|overtaken
    |surpassed|exceeded|exceeds|since records began|for the first time|most since|least since|among the`,
  statistical: `rate|rates|average|averaged|median|per capita|proportion|majority|increased|increase|increases
    |decreased|decrease|decline|declined|fell|fallen|rose|risen|dropped|grew|grown|growth|surged|soared|plunged
    |plummeted|slumped|jumped|climbed|total|totals|totalled|totaled|figures|statistics|survey|poll|census|study
    |estimated|estimate|up by|down by|a year|a month|a week|an hour`,
  causal: `because|caused|causing|causes|cause of|led to|leads to|leading to|resulted in|results in|as a result
    |due to|owing to|blamed on|blamed for|linked to|attributed to|made worse by|thanks to|contributed to
    |responsible for|triggered|therefore|driven by|fuelled by|fueled by`,
  attribution: `said|says|according to|reported|announced|claimed|claims|told|confirmed|confirms|stated|testified
    |revealed|admitted|acknowledged|insisted|disclosed|figures show|data show|records show|documents show
    |statistics show|study found|report found|analysis found|survey found|review found|audit found|inquiry found
    |the study found|in a statement|spokesman|spokeswoman|spokesperson`,
  absolute: `never|no|none|nobody|no one|only|every|always|all|not|cannot|can't|doesn't|didn't|hasn't|haven't
    |isn't|wasn't|weren't|aren't|not a single`,
  opinion: `i think|i believe|we believe|i feel|we feel|in my view|in our view|in my opinion|in our opinion|i'm sure
    |should|shouldn't|must|mustn't|ought to|need to|needs to|it is time|it's time|time to|let's|deserve|deserves
    |i hope|we hope|frankly|honestly|personally|of course`,
  evaluative: `beautiful|terrible|terribly|awful|horrible|wonderful|brilliant|amazing|fantastic|excellent|superb
    |magnificent|great|disaster|disastrous|shambles|mess|chaos|chaotic|fiasco|farce|outrageous|outrage|disgrace
    |disgraceful|shameful|scandalous|shocking|appalling|ridiculous|absurd|pathetic|cruel|heartless|heartbroken
    |saddened|devastated|proud|pride|delighted|thrilled|insult|insulting|betrayal|betrayed|triumph|stunning
    |incredible|unacceptable|reckless|incompetent|dark day|lost touch|defining|important|vital|crucial|simply
    |really|deeply|truly|poorly|badly|felt|worried|angry|furious|upset|sad|happy|hopeful|abandoned|tense|lively
    |difficult|surprise|unfair|unjust|wrong|bad|good|nice|sadly|hopefully|fortunately|unfortunately`,
  hedge: `could|might|may|possibly|perhaps|probably|likely|unlikely|potentially|appears to|appear to|seems to
    |seem to|suggests|reportedly`,
  prediction: `will|won't|shall|going to|plans to|plan to|planning to|is set to|are set to|expect|expects|expected
    |expecting|forecast|forecasts|projected|predicts|predicted|hoping|hopes to|aims to|intends to|next week
    |next month|next year|next season|later this|in the coming|warn|warns`,
  vague: `many|some say|some people|some believe|some argue|a lot|lots of|things|something|somehow|various
    |a number of|few|questions remain|remains unclear|unclear`,
  // best/worst rank something: a comparison next to data ("best result since 1998"), praise otherwise.
  superlative: `best|worst|greatest|finest`,
  // Count only when capitalised, so that "the council" alone is not a named body but "Hackney Council" is.
  'org-word': `ministry|department|council|agency|university|college|inc|corp|ltd|plc|llc|party|bank|commission
    |court|committee|parliament|senate|congress|assembly|police|government|authority|board|office|institute
    |foundation|association|union|federation|league|reserve|service|organization|organisation|nations|group
    |company|fund|trust|tribunal|army|navy|force|club|hospital|school|administration|cabinet|bureau`,
};

type Phrase = { rest: string[]; cue: Cue };
/** Single words by themselves; longer phrases under their first word, so most tokens cost one lookup. */
type Lexicon = { words: Map<string, Cue>; phrases: Map<string, Phrase[]> };

const LEXICON: Lexicon = (() => {
  const words = new Map<string, Cue>();
  const phrases = new Map<string, Phrase[]>();
  for (const [cue, list] of Object.entries(ENGLISH_CUES) as [Cue, string][]) {
    for (const chunk of list.split('|')) {
      const [first, ...rest] = chunk.trim().split(/\s+/);
      if (!rest.length) words.set(first, cue);
      else phrases.set(first, [...(phrases.get(first) ?? []), { rest, cue }]);
    }
  }
  return { words, phrases };
})();

// ---------------------------------------------------------------------------------------------
// Patterns that do not depend on language

const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
const YEAR = /^(?:1[89]\d\d|20\d\d)(?:s|'s)?$/;
const CLOCK = /^\d{1,2}[:.]\d\d$/;
const DAY_OF_MONTH = /^(?:[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?$/;

/** Page furniture recognised by how the line starts (lower-cased). */
const BOILERPLATE_START =
  /^(?:read (?:more|next|also)|more on this|related (?:articles|stories|coverage)|share (?:this|on)|subscribe|sign up|click here|follow us|advertisement|sponsored|live updates?|reporting by|additional reporting|editing by|(?:photo|image|picture|video|graphic|caption|credit|source)s?\s*(?:caption)?\s*[:,|]|(?:last )?updated (?:at|on)\b|published (?:at|on)\b|this (?:article|story|page) (?:was|has been) (?:amended|updated|corrected)|copyright\b|©|all rights reserved)/;

/** Capitalised at the start of a clause because they start it, not because they name anything. */
const CLAUSE_STARTERS = new Set(
  `the a an in on at for but and or so yet this that these those there here it its he she his her they their
   we our i my you your after before when while if as according since with without by from to of what who why
   how where is are was were did does do can will could should would has have had not no one some many most
   all each every both meanwhile however still also then now today yesterday last next`.split(/\s+/),
);
const NAME_JOINERS = new Set(['of', 'the', 'for', 'and', '&', 'de', 'la', 'le', 'van', 'von', 'der', 'den', 'al', 'bin', 'du', 'del', 'da', 'di']);
const MONTHS = new Set(
  'January February March April May June July August September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec'.split(' '),
);
const WEEKDAYS = new Set('Monday Tuesday Wednesday Thursday Friday Saturday Sunday'.split(' '));

// ---------------------------------------------------------------------------------------------
// Tokens. The regex engine does the per-character work, so the cost stays low even before the JIT warms up.

type Token = { raw: string; lower: string; capitalised: boolean; upperOnly: boolean; hasDigit: boolean; clauseStart: boolean };

// Inner . , : / ' - & stay when a word character follows (1,850 and 14:32 and U.S. and don't); % may end a token.
const TOKEN = /[\p{L}\p{N}](?:[\p{L}\p{N}\p{M}]|[.,:/'’&-](?=[\p{L}\p{N}]))*%?/gu;
const DIGIT = /\p{N}/u;
const LOWER_LETTER = /\p{Ll}/u;
const OPENS_CLAUSE = new Set([...'"“‘\'«„(:;—–']);

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
    const raw = m[0];
    let before = m.index - 1;
    while (before >= 0 && text.charCodeAt(before) <= 32) before--;
    const first = raw[0];
    const capitalised = first !== first.toLowerCase();
    tokens.push({
      raw,
      lower: raw.includes('’') ? raw.toLowerCase().replace(/’/g, "'") : raw.toLowerCase(),
      capitalised,
      upperOnly: capitalised && !LOWER_LETTER.test(raw),
      hasDigit: DIGIT.test(raw),
      clauseStart: tokens.length === 0 || OPENS_CLAUSE.has(text[before]),
    });
  }
  return tokens;
}

/** Bylines and labels shout; a sentence with an acronym or two does not. */
function isAllCaps(tokens: Token[]): boolean {
  let cased = 0;
  let upper = 0;
  for (const t of tokens) {
    if (t.upperOnly) upper++;
    if (t.upperOnly || t.lower !== t.raw || LOWER_LETTER.test(t.raw)) cased++;
  }
  return upper >= 2 && upper >= 0.9 * cased;
}

const PERCENT = /[%％]/;
const MONEY = /[$£€¥₹₽]/;
const QUOTES = /["“”«»„「」『』]/;
// "?" in "?id=3" is not a question; one before a space, a closing quote or the end is.
const QUESTION = /[?？؟](?:$|[\s"'”’»)\]])|¿/;
const CJK = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/g;
const ACRONYM = /^\p{Lu}[\p{Lu}.&]*\p{Lu}\.?$/u;

const isEnglish = (locale: string | undefined) => !locale || /^(?:en|und)(?:$|[-_])/i.test(locale);
/** German capitalises every noun, so capitals there say nothing about names. */
const capitalsMarkNames = (locale: string | undefined) => !locale || !/^(?:de|lb)(?:$|[-_])/i.test(locale);

// ---------------------------------------------------------------------------------------------
// Scoring

export function scoreCheckWorthiness(sentence: string, locale?: string): CheckWorthiness {
  const text = (typeof sentence === 'string' ? sentence : '').slice(0, MAX_CHARS).replace(ZERO_WIDTH, '').trim();
  const tokens = tokenize(text);
  if (!tokens.length) return { score: 0, reasons: [reason('empty')] };

  const found = new Set<Signal>();
  const english = isEnglish(locale);
  const allCaps = isAllCaps(tokens);

  findNumbers(tokens, found);
  if (PERCENT.test(text)) found.add('percentage');
  if (MONEY.test(text)) found.add('money');
  if (QUOTES.test(text)) found.add('quotation');
  if (QUESTION.test(text)) found.add('question');
  if (allCaps || (english && BOILERPLATE_START.test(text.slice(0, 60).toLowerCase()))) found.add('boilerplate');
  if (tokens.length < MIN_WORDS && tokens.length + (text.match(CJK)?.length ?? 0) / CJK_CHARS_PER_WORD < MIN_WORDS) found.add('fragment');
  if (capitalsMarkNames(locale) && !allCaps) findNames(tokens, english, found);
  if (english) findEnglishCues(tokens, found);
  // A number inside a forecast describes the forecast, not something that can be checked yet.
  if (found.has('quantity') && (found.has('prediction') || found.has('hedge'))) found.add('forecast-number');

  if (![...found].some((s) => SIGNALS[s].weight > 0)) found.add('no-specifics');
  let sum = 0;
  for (const s of found) sum += SIGNALS[s].weight;
  const score = Math.round(100 / (1 + Math.exp(-sum))) / 100;
  const reasons = [...found].map(reason).sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight) || (a.code < b.code ? -1 : 1));
  return { score, reasons };
}

function reason(code: Signal): CheckWorthinessReason {
  return { code, label: SIGNALS[code].label, weight: SIGNALS[code].weight };
}

/** A year, a clock time or a day next to a month dates a sentence; any other number quantifies it. */
function findNumbers(tokens: Token[], found: Set<Signal>) {
  for (let i = 0; i < tokens.length; i++) {
    const { raw, hasDigit } = tokens[i];
    if (!hasDigit) continue;
    const nextToMonth = MONTHS.has(tokens[i - 1]?.raw) || MONTHS.has(tokens[i + 1]?.raw);
    if (YEAR.test(raw) || CLOCK.test(raw) || (nextToMonth && DAY_OF_MONTH.test(raw))) found.add('date');
    else found.add('quantity');
  }
}

/** Runs of capitalised words ("Borussia Dortmund", "Ministry of Defence"), acronyms, and single names. */
function findNames(tokens: Token[], english: boolean, found: Set<Signal>) {
  let run = 0;
  for (let i = 0; i <= tokens.length; i++) {
    const t = tokens[i];
    const startsClauseOnly = t && t.clauseStart && (!english || CLAUSE_STARTERS.has(t.lower));
    const name = t && t.capitalised && !startsClauseOnly && t.raw !== 'I' && !MONTHS.has(t.raw) && !WEEKDAYS.has(t.raw);
    if (name) {
      run++;
      if (t.upperOnly && t.raw.length <= 6 && ACRONYM.test(t.raw)) found.add('named-entity');
      else if (!t.clauseStart) found.add('proper-noun');
      if (english && LEXICON.words.get(t.lower.endsWith('.') ? t.lower.slice(0, -1) : t.lower) === 'org-word') found.add('organisation');
      continue;
    }
    if (t && run > 0 && NAME_JOINERS.has(t.lower) && tokens[i + 1]?.capitalised) continue;
    if (run >= 2) found.add('named-entity');
    run = 0;
  }
  if (found.has('named-entity') || found.has('organisation')) found.delete('proper-noun');
}

function findEnglishCues(tokens: Token[], found: Set<Signal>) {
  const { words, phrases } = LEXICON;
  let superlative = false;
  const add = (cue: Cue) => {
    if (cue === 'superlative') superlative = true;
    else if (cue !== 'org-word') found.add(cue);
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    // Capitalised month and day names date a sentence; "May" opening one is more likely the hedge.
    if ((MONTHS.has(t.raw) && (t.raw !== 'May' || i > 0)) || WEEKDAYS.has(t.raw)) {
      found.add('date');
      continue;
    }
    if (t.lower.endsWith('-fold')) found.add('comparison');
    const cue = words.get(t.lower);
    if (cue) add(cue);
    const candidates = phrases.get(t.lower);
    if (candidates) for (const p of candidates) if (p.rest.every((w, k) => tokens[i + 1 + k]?.lower === w)) add(p.cue);
  }
  if (superlative) found.add(found.has('quantity') || found.has('date') ? 'comparison' : 'evaluative');
}

// ---------------------------------------------------------------------------------------------
// Measuring against labelled sentences

export function precisionRecall(
  items: { text: string; checkWorthy: boolean }[],
  threshold = CHECK_WORTHY_THRESHOLD,
): { precision: number; recall: number; f1: number; tp: number; fp: number; fn: number; tn: number } {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  for (const item of items) {
    const predicted = scoreCheckWorthiness(item.text).score >= threshold;
    if (predicted && item.checkWorthy) tp++;
    else if (predicted) fp++;
    else if (item.checkWorthy) fn++;
    else tn++;
  }
  // With nothing predicted (or nothing to find) the ratio is undefined; 0 keeps a broken scorer from looking perfect.
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, tp, fp, fn, tn };
}
