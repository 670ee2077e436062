/**
 * A long newsroom article for `npm run bench`, the same text on every run: a seeded generator
 * rather than a fixture file, so that the benchmark can ask for any number of sentences.
 * Sentences carry what real copy carries (figures, money, percentages, dates, titles such as
 * "Dr.", quotations ending inside quote marks, questions) and are laid out five to a paragraph.
 * They avoid an abbreviation at the end of a sentence, the one case where the segmenter has to
 * guess, so that the text splits into exactly the number of claims asked for.
 */

/** mulberry32: a tiny seeded PRNG, enough to make the text varied yet identical on every run. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = [
  'Ana',
  'James',
  'Priya',
  'Tomasz',
  'Fatima',
  'Daniel',
  'Mei',
  'Olusegun',
  'Claire',
  'Rafael',
  'Ingrid',
  'Kwame',
  'Sofia',
  'Hiroshi',
  'Leila',
  'Marcus',
];
const LAST = [
  'Ruiz',
  'Okafor',
  'Lindqvist',
  'Novak',
  'Haddad',
  'Brennan',
  'Chen',
  'Adeyemi',
  'Moreau',
  'Castillo',
  'Berg',
  'Mensah',
  'Rossi',
  'Tanaka',
  'Karimi',
  'Whitfield',
];
const TITLES = ['Dr.', 'Mr.', 'Ms.', 'Sen.', 'Gov.', 'Prof.'];
const ROLES = [
  'the finance minister',
  'a spokeswoman for the council',
  'the city treasurer',
  'an economist at the central bank',
  'the head of the transit authority',
  'a senior police official',
];
const ORGS = [
  'the National Statistics Office',
  'the Ministry of Health',
  'the city council',
  'the regional transit authority',
  'the Electoral Commission',
  'the Housing Agency',
  'the central bank',
  'the audit office',
];
const PLACES = ['Riverside', 'the northern district', 'Port Alden', 'the capital', 'Eastgate', 'the coastal provinces', 'Millbrook', 'the old town'];
const THINGS = [
  'housing programme',
  'bridge repair',
  'school meals scheme',
  'tram extension',
  'flood barrier',
  'hospital wing',
  'tax rebate',
  'broadband rollout',
];
const GROUPS = ['households', 'small businesses', 'nurses', 'first-time buyers', 'pensioners', 'commuters', 'farmers', 'students'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'];
const QUOTES = [
  'We will not balance the budget on the backs of working families',
  'The numbers speak for themselves',
  'Nobody was consulted before the decision was taken',
  'This is the largest investment in a generation',
  'Crime is down in every single neighbourhood',
  'We inherited a deficit that was twice as large as we were told',
];

type Pick = <T>(items: readonly T[]) => T;

function sentenceMakers(pick: Pick, int: (min: number, max: number) => number) {
  const name = () => `${pick(FIRST)} ${pick(LAST)}`;
  const thousands = () => int(1_000, 250_000).toLocaleString('en-US');
  const money = () => `$${int(1, 99)}.${int(1, 9)} ${pick(['million', 'billion'])}`;
  const pct = () => `${int(1, 89)}.${int(0, 9)}`;
  const year = () => int(1998, 2025);
  return [
    () => `${name()}, ${pick(ROLES)}, said the ${pick(THINGS)} would cost ${money()} over ${int(2, 12)} years.`,
    () => `"${pick(QUOTES)}," ${name()} told reporters on ${pick(DAYS)}.`,
    () => `According to ${pick(ORGS)}, ${pct()} percent of ${pick(GROUPS)} in ${pick(PLACES)} reported higher costs in ${year()}.`,
    () => `The number of ${pick(GROUPS)} waiting for support rose by ${pct()}% to ${thousands()} in ${pick(MONTHS)}, the highest level since ${year()}.`,
    () => `${pick(TITLES)} ${pick(LAST)} said the figures published by ${pick(ORGS)} were "${pick(['misleading', 'incomplete', 'accurate', 'out of date'])}."`,
    () => `Officials expect ${thousands()} visitors in ${pick(PLACES)} by ${pick(MONTHS)} ${int(1, 28)}, up from ${thousands()} a year earlier.`,
    () => `Is it true that ${pick(GROUPS)} now pay ${pct()}% more for energy than they did in ${year()}?`,
    () => `The council voted ${int(5, 12)} to ${int(0, 4)} on ${pick(DAYS)} to approve the ${pick(THINGS)}, which had been delayed since ${year()}.`,
    () => `${thousands()} people signed a petition against the ${pick(THINGS)} within ${int(2, 30)} days, organisers said.`,
    () => `${pick(ORGS).replace(/^the /, 'The ')} spent ${money()} on consultants last year, ${pct()}% more than it had budgeted.`,
    () => `In ${pick(PLACES)}, average rents reached $${int(900, 3_400).toLocaleString('en-US')} a month, while wages grew by only ${pct()}%.`,
    () => `${name()} said the claim that unemployment had halved since ${year()} "does not survive contact with the data."`,
  ];
}

/**
 * `sentences` sentences under a headline and a byline (neither of which is a claim), in
 * paragraphs of five separated by blank lines, as pasted from a news site.
 */
export function generateArticle(sentences: number, seed = 2026): string {
  const random = seededRandom(seed);
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const pick: Pick = (items) => items[Math.floor(random() * items.length)];
  const makers = sentenceMakers(pick, int);
  const paragraphs: string[] = [];
  for (let written = 0; written < sentences; written += 5) {
    const count = Math.min(5, sentences - written);
    paragraphs.push(Array.from({ length: count }, () => pick(makers)()).join(' '));
  }
  return ['City Budget Under Scrutiny as Costs of Flagship Projects Climb', 'By Ana Ruiz and Daniel Brennan | March 3, 2026', ...paragraphs].join('\n\n');
}
