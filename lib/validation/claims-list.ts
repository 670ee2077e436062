/**
 * The team-wide claims list at /claims: its URL (search, filters, sort, keyset cursor) parsed
 * into one query object, and back. Every parameter falls back to its default on its own, so a
 * mistyped or stale link still shows a list rather than an error.
 */
import { z } from 'zod';
import { CLAIM_STATUSES } from '@/lib/domain/claim-status';
import { id, storableIsoDate, storableString } from '@/lib/validation/fields';

export const CLAIMS_LIST_PAGE_SIZE = 50;

export const CLAIM_LIST_SORTS = ['updated', 'due', 'worthiness', 'relevance'] as const;
export type ClaimListSort = (typeof CLAIM_LIST_SORTS)[number];

const DUE_FILTERS = ['overdue', 'week', 'none'] as const;
const WORTHINESS_FILTERS = ['worthy', 'low'] as const;
export const UNASSIGNED = 'unassigned';

/** Where the previous page ended: the last row's sort key and id, for the sort it was made for. */
export type ClaimListCursor =
  { sort: 'updated'; key: Date; id: string } | { sort: 'due'; key: Date | null; id: string } | { sort: 'worthiness' | 'relevance'; key: number; id: string };

export type ClaimListQuery = {
  q: string;
  status?: (typeof CLAIM_STATUSES)[number];
  verdict?: string;
  /** A member's id, or 'unassigned'. */
  assignee?: string;
  article?: string;
  due?: (typeof DUE_FILTERS)[number];
  worthiness?: (typeof WORTHINESS_FILTERS)[number];
  sort: ClaimListSort;
  cursor?: ClaimListCursor;
};

const cursorJson = z.discriminatedUnion('s', [
  z.object({ s: z.literal('updated'), k: storableIsoDate, id }),
  z.object({ s: z.literal('due'), k: storableIsoDate.nullable(), id }),
  z.object({ s: z.enum(['worthiness', 'relevance']), k: z.number().finite(), id }),
]);

export function encodeCursor(cursor: ClaimListCursor): string {
  const k = cursor.key instanceof Date ? cursor.key.toISOString() : cursor.key;
  return Buffer.from(JSON.stringify({ s: cursor.sort, k, id: cursor.id })).toString('base64url');
}

/** The cursor, or undefined when it is not one of ours (edited, truncated, from another sort). */
export function decodeCursor(value: string, sort: ClaimListSort): ClaimListCursor | undefined {
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  const parsed = cursorJson.safeParse(json);
  if (!parsed.success || parsed.data.s !== sort) return undefined;
  const c = parsed.data;
  if (c.s === 'updated') return { sort: c.s, key: new Date(c.k), id: c.id };
  if (c.s === 'due') return { sort: c.s, key: c.k === null ? null : new Date(c.k), id: c.id };
  return { sort: c.s, key: c.k, id: c.id };
}

/** The list's query parameters, each optional; the REST API refuses a bad one with a 422. */
const CLAIM_LIST_PARAMS = {
  q: storableString('The search').trim().max(200),
  status: z.enum(CLAIM_STATUSES),
  verdict: id,
  assignee: id,
  article: id,
  due: z.enum(DUE_FILTERS),
  worthiness: z.enum(WORTHINESS_FILTERS),
  sort: z.enum(CLAIM_LIST_SORTS),
  cursor: storableString('The cursor').max(500),
};

export const claimListParamsSchema = z.object(CLAIM_LIST_PARAMS).partial();

/** On the page a bad parameter is dropped (its default applies) rather than refused. */
const param = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);
const P = CLAIM_LIST_PARAMS;
const searchSchema = z.object({
  q: param(P.q),
  status: param(P.status),
  verdict: param(P.verdict),
  assignee: param(P.assignee),
  article: param(P.article),
  due: param(P.due),
  worthiness: param(P.worthiness),
  sort: param(P.sort),
  cursor: param(P.cursor),
});

export type RawSearchParams = Record<string, string | string[] | undefined>;

/**
 * Parses the page's searchParams. A repeated parameter counts once (the first); an empty one is
 * absent. Searching sorts by relevance unless another sort is asked for; relevance without a
 * search falls back to most recently updated.
 */
export function parseClaimListQuery(search: RawSearchParams): ClaimListQuery {
  const single = Object.fromEntries(
    Object.entries(search)
      .map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])
      .filter(([, v]) => v !== undefined && v !== ''),
  );
  const p = searchSchema.parse(single);
  const q = p.q ?? '';
  const sort: ClaimListSort = p.sort === 'relevance' && !q ? 'updated' : (p.sort ?? defaultSort(q));
  return {
    q,
    status: p.status,
    verdict: p.verdict,
    assignee: p.assignee,
    article: p.article,
    due: p.due,
    worthiness: p.worthiness,
    sort,
    cursor: p.cursor ? decodeCursor(p.cursor, sort) : undefined,
  };
}

/** Searching ranks by relevance; otherwise the latest updated claims come first. */
export const defaultSort = (q: string): ClaimListSort => (q ? 'relevance' : 'updated');

export function hasFilters(query: ClaimListQuery): boolean {
  return Boolean(query.q || query.status || query.verdict || query.assignee || query.article || query.due || query.worthiness);
}

/** The /claims URL of a query; the sort is left out when it is the default for that query. */
export function claimListHref(query: ClaimListQuery, patch: Partial<ClaimListQuery> = {}): string {
  const next = { ...query, cursor: undefined, ...patch };
  const params = new URLSearchParams();
  for (const key of ['q', 'status', 'verdict', 'assignee', 'article', 'due', 'worthiness'] as const) {
    const value = next[key];
    if (value) params.set(key, value);
  }
  if (next.sort !== defaultSort(next.q)) params.set('sort', next.sort);
  if (next.cursor) params.set('cursor', encodeCursor(next.cursor));
  const search = params.toString();
  return `/claims${search ? `?${search}` : ''}`;
}
