/**
 * `npm run bench:segment`: is our sentence splitter more accurate than the alternatives, and fast
 * enough? Runs the table of lib/domain/segment.cases.ts (the same cases the unit tests check)
 * through `splitSentences`, `Intl.Segmenter` and `sbd`, prints accuracy per category, then times
 * each splitter over about a megabyte of English news articles (the fixtures and a generated article;
 * the former case-table corpus is timed too, for comparison only), and finally measures the
 * check-worthiness scorer on its labelled sentences. Everything is measured in one run so that the
 * figures are comparable. It prints figures and whether they meet their targets; only an actual
 * error makes it exit non-zero.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import sbd from 'sbd';
import { splitSentences } from '@/lib/domain/segment';
import { SEGMENT_CASES, type SegmentCase } from '@/lib/domain/segment.cases';
import { CHECK_WORTHY_THRESHOLD, precisionRecall } from '@/lib/domain/check-worthiness';
import { LABELLED_SENTENCES } from '@/lib/domain/check-worthiness.data';
import { generateArticle } from './lib/bench-article';

const TARGET = { oursVsSbd: 2, worthiness: 0.8 };
const CORPUS_CHARS = 1_000_000;
/** The first runs pay for JIT compilation and lazily built tables; they are not counted. */
const WARMUPS = 2;
const RUNS = 7;
const ALL_CASES = Object.values(SEGMENT_CASES).flat();

const log = (msg: string) => console.log(`[bench:segment] ${msg}`);
const pct = (n: number) => `${(n * 100).toFixed(1)}%`;

// ---------------------------------------------------------------------------------------------
// The splitters, each reduced to "text in, sentence texts out"

/**
 * The expected texts carry no whitespace or invisible characters at their edges. Strip the same set
 * our splitter strips (zero-width spaces and joiners as well as `trim()`'s whitespace) from every
 * splitter's output, so that nobody loses a case merely for leaving a zero-width space at an edge.
 */
const EDGES = /^[\s\u200B-\u200D\u2060\u180E]+|[\s\u200B-\u200D\u2060\u180E]+$/gu;
const tidy = (texts: string[]) => texts.map((t) => t.replace(EDGES, '')).filter((t) => t.length > 0);

type Splitter = { name: string; split: (text: string, locale?: string) => string[] };

/** Intl.Segmenter is costly to construct; one per locale serves every case in it. */
const segmenters = new Map<string, Intl.Segmenter>();
function intlSegmenter(locale: string): Intl.Segmenter {
  let segmenter = segmenters.get(locale);
  if (!segmenter) segmenters.set(locale, (segmenter = new Intl.Segmenter(locale, { granularity: 'sentence' })));
  return segmenter;
}

/**
 * sbd's options, tried in turn on the case table; sbd is credited with whichever scores best, so the
 * comparison is as kind to it as it can be. `newline_boundaries` makes every line break a boundary
 * (lists and headings split, hard-wrapped lines wrongly too); without it, `preserve_whitespace`
 * keeps line breaks and double spaces inside sentences as the expected texts have them.
 */
const SBD_OPTIONS: sbd.Options[] = [
  { newline_boundaries: true, preserve_whitespace: false },
  { newline_boundaries: false, preserve_whitespace: true },
  { newline_boundaries: false, preserve_whitespace: false },
];

/** The characters after which UAX #29 always ends a sentence (rule SB4: CR, LF, NEL, LS, PS). */
const LINE_BREAKS = /[\r\n\u0085\u2028\u2029]/;

const ours: Splitter = { name: 'ours', split: (text, locale) => splitSentences(text, locale).map((s) => s.text) };
const intlWhole = (text: string, locale?: string) => tidy(Array.from(intlSegmenter(locale ?? 'en').segment(text), (s) => s.segment));
/**
 * Intl.Segmenter gets one line at a time. On a single long string it slows down far worse than
 * linearly in Node 20 (100,000 characters take a fraction of a second, 200,000 take some 20 s, a
 * megabyte does not finish in minutes). It ends a sentence at every line break anyway, so feeding it
 * lines changes none of its sentences (main() checks this on the whole table) and only spares it the slowdown.
 */
const intl: Splitter = { name: 'Intl.Segmenter', split: (text, locale) => text.split(LINE_BREAKS).flatMap((line) => intlWhole(line, locale)) };
const sbdWith = (options: sbd.Options): Splitter => ({ name: 'sbd', split: (text) => tidy(sbd.sentences(text, options)) });

// ---------------------------------------------------------------------------------------------
// Accuracy on the case table

const sameTexts = (a: string[], b: string[]) => a.length === b.length && a.every((t, i) => t === b[i]);

type Score = { correct: number; total: number };
const rate = (s: Score) => (s.total ? s.correct / s.total : 0);

function scoreCases(splitter: Splitter, cases: SegmentCase[]): Score {
  let correct = 0;
  for (const [input, expected, locale] of cases) {
    if (sameTexts(tidy(splitter.split(input, locale)), tidy(expected))) correct++;
  }
  return { correct, total: cases.length };
}

const scoreAll = (splitter: Splitter) => scoreCases(splitter, ALL_CASES);

/** Ours must be strictly ahead of both others; three perfect scores are a tie, not a miss. */
function verdict(scores: Score[]): string {
  const [mine, ...others] = scores.map(rate);
  if (mine === 1 && others.every((r) => r === 1)) return 'tie';
  const notBeaten = [intl.name, 'sbd'].filter((_, i) => others[i] >= mine);
  return notBeaten.length ? `MISS: not above ${notBeaten.join(', ')}` : 'ahead';
}

function printAccuracy(splitters: Splitter[]) {
  const header = ['category', 'cases', ...splitters.map((s) => s.name), 'ours strictly above both'];
  const rows: string[][] = [];
  for (const [category, cases] of Object.entries(SEGMENT_CASES)) {
    const scores = splitters.map((s) => scoreCases(s, cases));
    rows.push([category, String(cases.length), ...scores.map((s) => `${s.correct}/${s.total} ${pct(rate(s))}`), verdict(scores)]);
  }
  const overall = splitters.map(scoreAll);
  rows.push(['OVERALL', String(overall[0].total), ...overall.map((s) => `${s.correct}/${s.total} ${pct(rate(s))}`), verdict(overall)]);
  printTable(header, rows);
}

function printTable(header: string[], rows: string[][]) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
}

// ---------------------------------------------------------------------------------------------
// Throughput

type Corpus = { text: string; megabytes: number; description: string };

function corpus(text: string, what: string): Corpus {
  const megabytes = Buffer.byteLength(text, 'utf8') / 1e6;
  return { text, megabytes, description: `${text.length.toLocaleString('en-US')} characters (${megabytes.toFixed(2)} MB UTF-8) of ${what}` };
}

function readFixtures(): { names: string[]; texts: string[] } {
  const dir = path.resolve(process.cwd(), 'lib/testing/fixtures/articles');
  const names = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort();
  return { names, texts: names.map((f) => readFileSync(path.join(dir, f), 'utf8')) };
}

/**
 * The corpus the target is measured on: real article text, the same on every run. The article
 * fixtures, then the generated news article of scripts/lib/bench-article.ts (headline, byline,
 * paragraphs of five sentences), long enough to bring the whole to CORPUS_CHARS.
 */
function articleCorpus(fixtures: string[]): { text: string; sentences: number } {
  const fixed = fixtures.join('\n\n').length + 2;
  let sentences = 10_000;
  let article = generateArticle(sentences);
  while (fixed + article.length < CORPUS_CHARS) article = generateArticle((sentences += 500));
  return { text: [...fixtures, article].join('\n\n'), sentences };
}

/**
 * The former corpus, printed for comparison only: the fixtures and the English cases of the table,
 * repeated. Mostly tiny paragraphs, so it weighs per-paragraph costs far above real articles.
 */
function caseTableCorpus(fixtures: string[]): string {
  const english = ALL_CASES.filter(([input, , locale]) => (locale ?? 'en') === 'en' && input.trim()).map(([input]) => input);
  const unit = [...fixtures, ...english].join('\n\n');
  return unit.repeat(Math.ceil(CORPUS_CHARS / unit.length));
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Median megabytes per second over RUNS timed runs, after WARMUPS untimed ones. */
function throughput(splitter: Splitter, { text, megabytes }: Corpus): number {
  const times: number[] = [];
  let sentences = 0;
  for (let i = 0; i < WARMUPS + RUNS; i++) {
    const started = performance.now();
    sentences = splitter.split(text, 'en').length;
    const elapsed = performance.now() - started;
    if (i >= WARMUPS) times.push(elapsed);
  }
  const mbps = megabytes / (median(times) / 1000);
  log(
    `${splitter.name}: ${sentences.toLocaleString('en-US')} sentences; runs ${times.map((t) => `${Math.round(t)} ms`).join(', ')} → median ${Math.round(median(times))} ms = ${mbps.toFixed(2)} MB/s`,
  );
  return mbps;
}

function timeAll(splitters: Splitter[], measured: Corpus): number[] {
  console.log(`\nThroughput over ${measured.description}, median of ${RUNS} runs after ${WARMUPS} warm-ups\n`);
  return splitters.map((s) => throughput(s, measured));
}

// ---------------------------------------------------------------------------------------------

function main() {
  log(`Node ${process.version} (ICU ${process.versions.icu}), sbd ${createRequire(import.meta.url)('sbd/package.json').version}`);

  const sbdTrials = SBD_OPTIONS.map((options) => ({ options, score: scoreAll(sbdWith(options)) }));
  const best = sbdTrials.reduce((a, b) => (rate(b.score) > rate(a.score) ? b : a));
  for (const t of sbdTrials) log(`sbd ${JSON.stringify(t.options)}: ${t.score.correct}/${t.score.total}${t === best ? ' ← used below (its best)' : ''}`);
  const lineByLineSame = ALL_CASES.every(([input, , locale]) => sameTexts(intl.split(input, locale), intlWhole(input, locale)));
  log(
    `Intl.Segmenter: granularity 'sentence', the case's locale or 'en', fed line by line (same sentences as whole texts on every case: ${lineByLineSame ? 'yes' : 'NO'})`,
  );
  log(`every splitter's sentences are trimmed (whitespace and zero-width characters) and empty ones dropped`);
  const splitters = [ours, intl, sbdWith(best.options)];

  console.log('\nAccuracy: a case counts only if the sentence texts equal the expected ones exactly (edges trimmed)\n');
  printAccuracy(splitters);

  const fixtures = readFixtures();
  const articles = articleCorpus(fixtures.texts);
  const real = corpus(
    articles.text,
    `English news articles: the fixtures ${fixtures.names.join(' and ')} (lib/testing/fixtures/articles), then generateArticle(${articles.sentences.toLocaleString('en-US')}) from scripts/lib/bench-article.ts`,
  );
  const table = corpus(caseTableCorpus(fixtures.texts), 'the former corpus, for comparison only: the fixtures and the English cases of the table, repeated');
  log(`load average ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores before timing (other processes slow every figure down)`);
  const [oursMbps, intlMbps, sbdMbps] = timeAll(splitters, real);
  const [oursTable, sbdTable] = timeAll([ours, splitters[2]], table);
  const vsSbd = oursMbps / sbdMbps;
  console.log('');
  printTable(
    ['measure (news articles)', 'result', 'target', 'met'],
    [
      ['ours', `${oursMbps.toFixed(2)} MB/s`, '', ''],
      ['Intl.Segmenter', `${intlMbps.toFixed(2)} MB/s`, '', ''],
      ['sbd', `${sbdMbps.toFixed(2)} MB/s`, '', ''],
      ['ours / sbd', `${vsSbd.toFixed(2)}×`, `≥ ${TARGET.oursVsSbd}×`, vsSbd >= TARGET.oursVsSbd ? 'yes' : 'NO'],
      ['ours / Intl.Segmenter', `${(oursMbps / intlMbps).toFixed(2)}×`, '', ''],
      ['ours / sbd on the former case-table corpus', `${(oursTable / sbdTable).toFixed(2)}×`, '(no target)', ''],
    ],
  );

  const pr = precisionRecall(LABELLED_SENTENCES);
  console.log(
    `\nCheck-worthiness on ${LABELLED_SENTENCES.length} labelled sentences at threshold ${CHECK_WORTHY_THRESHOLD} (tp ${pr.tp}, fp ${pr.fp}, fn ${pr.fn}, tn ${pr.tn})\n`,
  );
  printTable(
    ['measure', 'result', 'target', 'met'],
    (['precision', 'recall', 'f1'] as const).map((m) => [m, pr[m].toFixed(3), `≥ ${TARGET.worthiness}`, pr[m] >= TARGET.worthiness ? 'yes' : 'NO']),
  );
}

main();
