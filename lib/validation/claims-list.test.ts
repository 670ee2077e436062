import { describe, expect, it } from 'vitest';
import { claimListHref, decodeCursor, encodeCursor, hasFilters, parseClaimListQuery, type ClaimListCursor } from '@/lib/validation/claims-list';

describe('claim list cursor', () => {
  const cursors: ClaimListCursor[] = [
    { sort: 'updated', key: new Date('2026-03-04T05:06:07.089Z'), id: 'c1' },
    { sort: 'due', key: new Date('2026-12-01T00:00:00.000Z'), id: 'c2' },
    { sort: 'due', key: null, id: 'c3' },
    { sort: 'worthiness', key: 0.7310585786300049, id: 'c4' },
    { sort: 'relevance', key: 0.0607927106320858, id: 'c5' },
    { sort: 'relevance', key: 0, id: 'c6' },
  ];

  it.each(cursors)('round-trips a $sort cursor exactly', (cursor) => {
    const encoded = encodeCursor(cursor);
    expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(encoded, cursor.sort)).toEqual(cursor);
  });

  it.each([
    ['not base64 JSON', 'not-a-cursor'],
    ['JSON of the wrong shape', Buffer.from('{"s":"updated","k":42,"id":"x"}').toString('base64url')],
    ['a null key where one is required', Buffer.from('{"s":"updated","k":null,"id":"x"}').toString('base64url')],
    ['an empty id', Buffer.from('{"s":"worthiness","k":0.5,"id":""}').toString('base64url')],
    ['an empty string', ''],
  ])('rejects %s', (_name, value) => {
    expect(decodeCursor(value, 'updated')).toBeUndefined();
    expect(decodeCursor(value, 'worthiness')).toBeUndefined();
  });

  it('ignores a cursor made for another sort', () => {
    const encoded = encodeCursor({ sort: 'worthiness', key: 0.5, id: 'c1' });
    expect(decodeCursor(encoded, 'relevance')).toBeUndefined();
    expect(decodeCursor(encoded, 'worthiness')).toEqual({ sort: 'worthiness', key: 0.5, id: 'c1' });
  });
});

describe('parseClaimListQuery', () => {
  it('defaults to every claim, most recently updated first', () => {
    expect(parseClaimListQuery({})).toEqual({ q: '', sort: 'updated' });
  });

  it('reads every filter', () => {
    expect(
      parseClaimListQuery({
        q: '  budget  ',
        status: 'IN_REVIEW',
        verdict: 'v1',
        assignee: 'unassigned',
        article: 'a1',
        due: 'week',
        worthiness: 'low',
        sort: 'due',
      }),
    ).toEqual({ q: 'budget', status: 'IN_REVIEW', verdict: 'v1', assignee: 'unassigned', article: 'a1', due: 'week', worthiness: 'low', sort: 'due' });
  });

  it('drops each invalid value on its own and keeps the valid ones', () => {
    expect(parseClaimListQuery({ status: 'DONE', due: 'tomorrow', worthiness: 'high', sort: 'random', article: 'a1', verdict: 'x'.repeat(65) })).toEqual({
      q: '',
      article: 'a1',
      sort: 'updated',
    });
  });

  it('treats empty parameters (as a GET form sends them) as absent', () => {
    expect(parseClaimListQuery({ q: '', status: '', assignee: '', sort: '', cursor: '' })).toEqual({ q: '', sort: 'updated' });
  });

  it('takes the first of a repeated parameter', () => {
    expect(parseClaimListQuery({ status: ['APPROVED', 'RETURNED'] }).status).toBe('APPROVED');
  });

  it('ranks by relevance when searching unless another sort is chosen, and never without a search', () => {
    expect(parseClaimListQuery({ q: 'budget' }).sort).toBe('relevance');
    expect(parseClaimListQuery({ q: 'budget', sort: 'worthiness' }).sort).toBe('worthiness');
    expect(parseClaimListQuery({ sort: 'relevance' }).sort).toBe('updated');
  });

  it('keeps a cursor only when it belongs to the sort', () => {
    const cursor: ClaimListCursor = { sort: 'due', key: null, id: 'c9' };
    expect(parseClaimListQuery({ sort: 'due', cursor: encodeCursor(cursor) }).cursor).toEqual(cursor);
    expect(parseClaimListQuery({ cursor: encodeCursor(cursor) }).cursor).toBeUndefined();
    expect(parseClaimListQuery({ cursor: 'garbage' })).toEqual({ q: '', sort: 'updated' });
  });
});

describe('claimListHref', () => {
  it('is /claims for the default view', () => {
    expect(claimListHref(parseClaimListQuery({}))).toBe('/claims');
  });

  it('writes filters, a non-default sort and a cursor, and parses back to the same query', () => {
    const query = parseClaimListQuery({ q: 'rail fares', assignee: 'unassigned', worthiness: 'worthy', sort: 'due' });
    const cursor: ClaimListCursor = { sort: 'due', key: new Date('2026-01-02T00:00:00.000Z'), id: 'c7' };
    const href = claimListHref(query, { cursor });
    expect(href).toMatch(/^\/claims\?q=rail\+fares&assignee=unassigned&worthiness=worthy&sort=due&cursor=/);
    const back = parseClaimListQuery(Object.fromEntries(new URL(href, 'http://x').searchParams));
    expect(back).toEqual({ ...query, cursor });
  });

  it('drops the cursor when the view changes', () => {
    const query = { ...parseClaimListQuery({ status: 'ASSIGNED' }), cursor: { sort: 'updated', key: new Date(0), id: 'c1' } as const };
    expect(claimListHref(query, { status: 'APPROVED' })).toBe('/claims?status=APPROVED');
  });

  it('leaves out the sort when it is the default for the query', () => {
    expect(claimListHref(parseClaimListQuery({ q: 'x', sort: 'relevance' }))).toBe('/claims?q=x');
    expect(claimListHref(parseClaimListQuery({ q: 'x', sort: 'updated' }))).toBe('/claims?q=x&sort=updated');
  });
});

describe('hasFilters', () => {
  it('is false for the default view, whatever the sort or page', () => {
    expect(hasFilters(parseClaimListQuery({ sort: 'due' }))).toBe(false);
    expect(hasFilters(parseClaimListQuery({ due: 'none' }))).toBe(true);
    expect(hasFilters(parseClaimListQuery({ q: 'x' }))).toBe(true);
  });
});
