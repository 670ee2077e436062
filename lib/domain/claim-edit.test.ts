import { describe, expect, it } from 'vitest';
import { matchClaims, mergeRanges, similarity, splitRange } from '@/lib/domain/claim-edit';

describe('splitRange', () => {
  const body = 'Title\n\nThe budget rose 4% and the mayor resigned. Next.';
  const claim = { start: 7, end: 50 };

  it('splits at a point and trims both parts', () => {
    const offset = 'The budget rose 4% and'.length;
    const result = splitRange(body, claim, offset);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(body.slice(result.first.start, result.first.end)).toBe('The budget rose 4% and');
    expect(body.slice(result.second.start, result.second.end)).toBe('the mayor resigned.');
  });

  it.each([0, -1, 43, 100, 2.5])('refuses the split point %s', (offset) => {
    expect(splitRange(body, claim, offset)).toMatchObject({ ok: false });
  });

  it('refuses a split that leaves only spaces on one side', () => {
    const spaced = 'A.   B.';
    expect(splitRange(spaced, { start: 0, end: 7 }, 3)).toMatchObject({ ok: true });
    expect(splitRange('x    ', { start: 0, end: 5 }, 1)).toMatchObject({ ok: false });
  });
});

describe('mergeRanges', () => {
  it('covers both claims and what lies between', () => {
    expect(mergeRanges({ start: 10, end: 20 }, { start: 21, end: 40 })).toEqual({ start: 10, end: 40 });
  });
});

describe('similarity', () => {
  it.each([
    ['The budget rose 4%.', 'The budget rose 4%.', 1],
    ['The budget rose 4%.', 'The budget rose 5%.', 0.6],
    ['Alpha beta.', 'Gamma delta.', 0],
  ])('%s ~ %s', (a, b, expected) => {
    expect(similarity(a, b)).toBeCloseTo(expected, 2);
  });
});

describe('matchClaims', () => {
  const old = [
    { id: 'a', text: 'Ridership rose 12% in 2025.' },
    { id: 'b', text: 'The mayor disagreed.' },
    { id: 'c', text: 'Costs could reach $1.2 billion.' },
    { id: 'd', text: 'Construction began in 2019.' },
  ];

  it('keeps unchanged sentences in place', () => {
    expect(
      matchClaims(
        old,
        old.map((c) => c.text),
      ),
    ).toEqual({
      matches: old.map((c, i) => ({ kind: 'kept', id: c.id, newIndex: i, moved: false })),
      added: [],
      removed: [],
    });
  });

  it('finds changed, added, removed and moved sentences', () => {
    const diff = matchClaims(old, [
      'Construction began in 2019.',
      'Ridership rose 12% in 2025.',
      'The mayor strongly disagreed.',
      'A new sentence about something else entirely.',
    ]);
    expect(diff.matches).toEqual([
      { kind: 'kept', id: 'd', newIndex: 0, moved: true },
      { kind: 'kept', id: 'a', newIndex: 1, moved: false },
      { kind: 'changed', id: 'b', newIndex: 2, oldText: 'The mayor disagreed.' },
    ]);
    expect(diff.added).toEqual([3]);
    expect(diff.removed).toEqual(['c']);
  });

  it('matches repeated sentences one to one, in order', () => {
    const diff = matchClaims(
      [
        { id: 'x1', text: 'Yes.' },
        { id: 'x2', text: 'Yes.' },
      ],
      ['Yes.', 'No.', 'Yes.'],
    );
    expect(diff.matches.filter((m) => m.kind === 'kept').map((m) => m.id)).toEqual(['x1', 'x2']);
    expect(diff.added).toEqual([1]);
  });

  it('handles empty sides', () => {
    expect(matchClaims([], ['A.'])).toEqual({ matches: [], added: [0], removed: [] });
    expect(matchClaims(old, [])).toEqual({ matches: [], added: [], removed: ['a', 'b', 'c', 'd'] });
  });

  it('matches 10,000 claims with edits everywhere', () => {
    const many = Array.from({ length: 10_000 }, (_, i) => ({ id: `c${i}`, text: `Officials counted ${i} ballots in ward ${i % 40}.` }));
    const next = many.map((c, i) => (i % 10 === 0 ? c.text.replace('counted', 'recounted') : c.text));
    const diff = matchClaims(many, next);
    expect(diff.matches.filter((m) => m.kind === 'changed')).toHaveLength(1_000);
    expect(diff.added).toEqual([]);
    expect(diff.removed).toEqual([]);
  });
});
