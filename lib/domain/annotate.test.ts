import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { annotate, type AnnotationClaim, type Annotation } from './annotate';
import { parseArticle } from './article-text';

/** The body again, from an annotation. */
function join(annotation: Annotation): string {
  return annotation.paragraphs.map((p) => p.segments.map((s) => s.text).join('') + p.separator).join('');
}

/** Paragraphs as arrays of [text, claimId?] pairs, easy to read in a table. */
function shape(annotation: Annotation) {
  return annotation.paragraphs.map((p) => p.segments.map((s) => (s.claimId ? [s.text, s.claimId] : [s.text])));
}

/** A claim on the first occurrence of `text` in `body`. */
function on(body: string, id: string, text: string, from = 0): AnnotationClaim {
  const start = body.indexOf(text, from);
  if (start < 0) throw new Error(`"${text}" is not in the body`);
  return { id, start, end: start + text.length, text };
}

type Case = { name: string; body: string; claims: (body: string) => AnnotationClaim[]; paragraphs: string[][][]; unplaced?: string[] };

const CASES: Case[] = [
  { name: 'empty body', body: '', claims: () => [], paragraphs: [[]] },
  { name: 'no claims: one plain paragraph', body: 'Just text.', claims: () => [], paragraphs: [[['Just text.']]] },
  {
    name: 'title and byline stay plain; text between claims is kept exactly',
    body: 'Budget Passes\n\nBy Ana Ruiz\n\nIt rose 4%.  Critics  objected.\n',
    claims: (b) => [on(b, 'a', 'It rose 4%.'), on(b, 'b', 'Critics  objected.')],
    paragraphs: [[['Budget Passes']], [['By Ana Ruiz']], [['It rose 4%.', 'a'], ['  '], ['Critics  objected.', 'b'], ['\n']]],
  },
  {
    name: 'adjacent claims with nothing between them',
    body: 'One.Two.',
    claims: (b) => [on(b, 'a', 'One.'), on(b, 'b', 'Two.')],
    paragraphs: [
      [
        ['One.', 'a'],
        ['Two.', 'b'],
      ],
    ],
  },
  {
    name: 'claims given out of order are placed in body order',
    body: 'First. Second.\n\nThird.',
    claims: (b) => [on(b, 'c', 'Third.'), on(b, 'a', 'First.'), on(b, 'b', 'Second.')],
    paragraphs: [[['First.', 'a'], [' '], ['Second.', 'b']], [['Third.', 'c']]],
  },
  {
    name: 'a single line break stays inside the paragraph; a claim across it is one segment',
    body: 'Line one\ncontinues. Next.',
    claims: (b) => [on(b, 'a', 'Line one\ncontinues.'), on(b, 'b', 'Next.')],
    paragraphs: [[['Line one\ncontinues.', 'a'], [' '], ['Next.', 'b']]],
  },
  {
    name: 'blank lines holding spaces or tabs separate paragraphs',
    body: 'A.\n \t\n\nB.',
    claims: (b) => [on(b, 'a', 'A.'), on(b, 'b', 'B.')],
    paragraphs: [[['A.', 'a']], [['B.', 'b']]],
  },
  {
    name: 'leading blank lines make an empty first paragraph',
    body: '\n\nA.',
    claims: (b) => [on(b, 'a', 'A.')],
    paragraphs: [[], [['A.', 'a']]],
  },
  {
    name: 'overlapping claims: the later one is marked from where the earlier ends',
    body: 'Alpha beta gamma.',
    claims: () => [
      { id: 'b', start: 6, end: 17 },
      { id: 'a', start: 0, end: 10 },
    ],
    paragraphs: [
      [
        ['Alpha beta', 'a'],
        [' gamma.', 'b'],
      ],
    ],
  },
  {
    name: 'a claim inside another, an empty one and one out of range are unplaced',
    body: 'Alpha beta gamma.',
    claims: () => [
      { id: 'outer', start: 0, end: 17 },
      { id: 'inner', start: 6, end: 10 },
      { id: 'empty', start: 3, end: 3 },
      { id: 'beyond', start: 10, end: 99 },
      { id: 'negative', start: -1, end: 2 },
    ],
    paragraphs: [[['Alpha beta gamma.', 'outer']]],
    unplaced: ['empty', 'beyond', 'negative', 'inner'],
  },
  {
    name: 'a claim whose text no longer matches the body is unplaced',
    body: 'Prices rose. Wages fell.',
    claims: () => [
      { id: 'stale', start: 0, end: 12, text: 'Prices fell.' },
      { id: 'ok', start: 13, end: 24, text: 'Wages fell.' },
    ],
    paragraphs: [[['Prices rose. '], ['Wages fell.', 'ok']]],
    unplaced: ['stale'],
  },
  {
    name: 'a claim running over a paragraph break is marked in both paragraphs',
    body: 'Start here\n\nand end here. After.',
    claims: (b) => [{ id: 'a', start: 0, end: b.indexOf(' After') }, on(b, 'b', 'After.')],
    paragraphs: [[['Start here', 'a']], [['and end here.', 'a'], [' '], ['After.', 'b']]],
  },
  {
    name: 'a claim lying wholly within blank lines has nothing to mark',
    body: 'A.\n\n\nB.',
    claims: () => [{ id: 'gap', start: 3, end: 4 }],
    paragraphs: [[['A.']], [['B.']]],
    unplaced: ['gap'],
  },
];

describe('annotate', () => {
  it.each(CASES)('$name', ({ body, claims, paragraphs, unplaced = [] }) => {
    const result = annotate(body, claims(body));
    expect(shape(result)).toEqual(paragraphs);
    expect(result.unplaced).toEqual(unplaced);
    expect(join(result)).toBe(body);
  });

  it('gives each paragraph its offset and the separator as written', () => {
    const body = 'Title\n\nBody one.\n  \nBody two.';
    const { paragraphs } = annotate(body, []);
    expect(paragraphs.map((p) => [p.start, p.separator])).toEqual([
      [0, '\n\n'],
      [7, '\n  \n'],
      [20, ''],
    ]);
    for (const p of paragraphs) expect(body.startsWith(p.segments[0].text, p.start)).toBe(true);
  });

  it('marks every claim the splitter made on a fixture exactly once, with its text, leaving title and byline plain', () => {
    const text = readFileSync(path.resolve(process.cwd(), 'lib/testing/fixtures/articles/transit-budget.txt'), 'utf8');
    const article = parseArticle({ text });
    const claims = article.claims.map((c) => ({ id: `c${c.position}`, start: c.start, end: c.end, text: c.text }));
    const result = annotate(article.body, claims);
    expect(join(result)).toBe(article.body);
    expect(result.unplaced).toEqual([]);
    const marked = result.paragraphs.flatMap((p) => p.segments.filter((s) => s.claimId));
    expect(marked.map((s) => [s.claimId, s.text])).toEqual(claims.map((c) => [c.id, c.text]));
    const plain = result.paragraphs.flatMap((p) => p.segments.filter((s) => !s.claimId).map((s) => s.text));
    expect(plain).toContain(article.title);
  });

  it('reproduces any body and never marks a character twice, whatever the claims', () => {
    const bodies = fc.string({ unit: fc.constantFrom('a', 'b', ' ', '.', '\n', '\t'), maxLength: 60 });
    fc.assert(
      fc.property(
        bodies.chain((body) =>
          fc.tuple(
            fc.constant(body),
            fc.array(fc.record({ start: fc.integer({ min: -2, max: body.length + 2 }), length: fc.integer({ min: -1, max: 20 }) }), { maxLength: 8 }),
          ),
        ),
        ([body, spans]) => {
          const claims = spans.map((s, i) => ({ id: `c${i}`, start: s.start, end: s.start + s.length }));
          const result = annotate(body, claims);
          expect(join(result)).toBe(body);
          // Every claim is either marked or reported, never both.
          const marked = new Set(result.paragraphs.flatMap((p) => p.segments.flatMap((s) => (s.claimId ? [s.claimId] : []))));
          expect([...marked, ...result.unplaced].sort()).toEqual(claims.map((c) => c.id).sort());
          // Marked text lies within the claim's own range.
          let offset = 0;
          for (const p of result.paragraphs) {
            for (const s of p.segments) {
              if (s.claimId) {
                const c = claims.find((x) => x.id === s.claimId)!;
                expect(offset).toBeGreaterThanOrEqual(c.start);
                expect(offset + s.text.length).toBeLessThanOrEqual(c.end);
              }
              expect(s.text.length).toBeGreaterThan(0);
              offset += s.text.length;
            }
            offset += p.separator.length;
          }
        },
      ),
    );
  });
});
