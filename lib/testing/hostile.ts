/**
 * Hostile input for the tests that send it through the desk's real entry points (the REST API's
 * route handlers and the form actions): the values, how to call a handler or an action with
 * them, and a fingerprint of a team's rows to show that a refused request changed nothing.
 */
import fc from 'fast-check';
import { z } from 'zod';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import type { FormState } from '@/lib/actions/form-state';
import type { ApiRouteDef } from '@/lib/api/routes';

export const NUL = '\u0000';
export const HIGH_SURROGATE = '\ud800';
export const LOW_SURROGATE = '\udfff';
export const INT4_OVERFLOW = 2 ** 31;

const nested = (depth: number): unknown => Array.from({ length: depth }).reduce<unknown>((inner) => [inner], 'deep');

/** Strings nobody types that PostgreSQL refuses, and strings on or past a field's limit. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '\t\r\n',
    NUL,
    `a${NUL}b`,
    HIGH_SURROGATE,
    `x${LOW_SURROGATE}`,
    `${LOW_SURROGATE}${HIGH_SURROGATE}`,
    '\ufeff\u202e',
    '\\u0000',
    '%00',
    `'; DROP TABLE "Claim"; --`,
    '<script>alert(1)</script>',
    '__proto__',
  ),
  fc.string({ unit: fc.constantFrom(NUL, HIGH_SURROGATE, LOW_SURROGATE, 'a', ' ', 'é', '😀', '\r\n'), maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.constantFrom(65, 201, 301, 2_049, 5_001, 20_001, 100_001).map((n) => 'x'.repeat(n)),
  // Past the 8 KB that the binary-file check reads.
  fc.constant(`${'x'.repeat(9_000)}${NUL}`),
);

/** Numbers as a form sends them: past int4, not numbers at all, or numbers in disguise. */
export const hostileNumberText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('2147483648', '2147483647', '-1', '-2147483649', '1e400', '-1e400', 'NaN', 'Infinity', '0x10', '1.5', '9'.repeat(400), ' 3 ', '٣', '1e3'),
  fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }).map(String),
);

/** Dates past what the desk or the database takes: year 99999, before year 0, year 0, impossible days. */
export const hostileDateText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '99999-01-01',
    '+099999-01-01',
    '-000001-01-01',
    '0000-01-01',
    '0001-01-01',
    '1899-12-31',
    '2201-01-01',
    '+275760-09-13',
    '2020-02-30',
    'tomorrow',
    '9999-12-31T23:59:59Z',
  ),
  fc.integer({ min: -8.64e15, max: 8.64e15 }).map((t) => new Date(t).toISOString()),
);

/** What a form field can carry: text, and a field sent many times over. */
export const hostileFormValue: fc.Arbitrary<string | string[]> = fc.oneof(
  { weight: 6, arbitrary: hostileString },
  { weight: 2, arbitrary: hostileNumberText },
  { weight: 2, arbitrary: hostileDateText },
  { weight: 1, arbitrary: fc.constant(Array.from({ length: 10_001 }, (_, i) => `c${i}`)) },
);

/** What a JSON body can carry besides: numbers past every limit and every wrong type. */
export const hostileJsonValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: hostileFormValue },
  {
    weight: 2,
    arbitrary: fc.constantFrom(INT4_OVERFLOW, -1, 1.5, Number.MAX_VALUE, -Number.MAX_VALUE, Number.MAX_SAFE_INTEGER + 2, 0, -0),
  },
  { weight: 2, arbitrary: fc.constantFrom(null, true, false, [], {}, { $gt: '' }, ['x'], JSON.parse('{"__proto__":{"admin":true}}')) },
  { weight: 1, arbitrary: fc.constant(nested(2_000)) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
);

/** Raw JSON text for a value JSON.stringify cannot write: 1e400 parses as Infinity. */
export const hostileJsonText: fc.Arbitrary<string> = fc.constantFrom(
  '1e400',
  '-1e400',
  '2147483648',
  `1${'0'.repeat(400)}`,
  '"\\u0000"',
  '"a\\u0000b"',
  '"\\ud800"',
  '"\\udfff x"',
);

/** The keys of an object schema's input, through pipes (a preprocessed form). */
export function inputKeys(schema: z.ZodType | undefined): string[] {
  if (!schema) return [];
  if (schema instanceof z.ZodObject) return Object.keys(schema.shape);
  if (schema instanceof z.ZodPipe) return [...new Set([...inputKeys(schema.in as z.ZodType), ...inputKeys(schema.out as z.ZodType)])];
  return [];
}

export type RouteHandler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
export type RouteCall = { params?: Record<string, unknown>; query?: Record<string, unknown>; body?: unknown; rawBody?: string };

/** One request through a route handler, as Next.js calls it; the answer's status and JSON. */
export async function callRoute(handler: RouteHandler, def: ApiRouteDef, token: string, call: RouteCall) {
  // The handler reads its ids from the params it is given, not from the path, which need not hold them.
  const url = new URL(`http://desk.test/api/v1${def.path}`);
  for (const [key, value] of Object.entries(call.query ?? {})) url.searchParams.set(key, String(value));
  const response = await handler(
    new Request(url, {
      method: def.method.toUpperCase(),
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: def.method === 'post' ? (call.rawBody ?? JSON.stringify(call.body ?? {})) : undefined,
    }),
    { params: Promise.resolve((call.params ?? {}) as Record<string, string>) },
  );
  const text = await response.text();
  let json: { error?: { status?: number; message?: string; fieldErrors?: Record<string, string[]> } } = {};
  try {
    json = JSON.parse(text);
  } catch {
    // Asserted by the caller: every answer of the API is JSON.
  }
  return { status: response.status, json, text };
}

export type FormValues = Record<string, string | string[] | File>;
export type Action = (prev: FormState, formData: FormData) => Promise<FormState>;

export function formData(values: FormValues): FormData {
  const form = new FormData();
  for (const [key, value] of Object.entries(values)) for (const one of Array.isArray(value) ? value : [value]) form.append(key, one);
  return form;
}

/** One submission of a form action; a redirect (what a form does on success) reads as 'redirect'. */
export async function callAction(action: Action, values: FormValues, prev: FormState): Promise<FormState | 'redirect'> {
  try {
    return await action(prev, formData(values));
  } catch (err) {
    if (err instanceof Error && (err as { digest?: string }).digest?.startsWith('NEXT_REDIRECT')) return 'redirect';
    throw err;
  }
}

/** Tables that hold no team's rows: the migrations' own, and the rate limits (counted before any input is read). */
const NOT_TEAM_DATA = new Set(['_prisma_migrations', 'RateLimit']);
/** Columns written on every request whatever its input: a token's last use (to the minute). */
const BOOKKEEPING = { ApiToken: ['lastUsedAt'] } as Record<string, string[]>;

/**
 * A digest of every row that belongs to the team, in every table (through its article for the
 * tables without a team column). Fails when a table is neither: a new table must say how it
 * belongs to a team before the hostile-input tests can promise that a refusal left it alone.
 */
export async function teamFingerprint(prisma: PrismaClient, teamId: string): Promise<string> {
  const columns = await prisma.$queryRaw<{ table_name: string; column_name: string }[]>`
    SELECT table_name, column_name FROM information_schema.columns
     WHERE table_schema = current_schema() AND column_name IN ('teamId', 'articleId', 'userId')`;
  const tables = await prisma.$queryRaw<{ table_name: string }[]>`
    SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`;
  const has = (table: string, column: string) => columns.some((c) => c.table_name === table && c.column_name === column);
  const parts: string[] = [];
  for (const { table_name: table } of tables) {
    if (NOT_TEAM_DATA.has(table)) continue;
    const row = `'${table}' || (to_jsonb(t)${(BOOKKEEPING[table] ?? []).map((c) => ` - '${c}'`).join('')})::text AS r`;
    if (table === 'Team') parts.push(`SELECT ${row} FROM "Team" t WHERE t.id = $1`);
    else if (has(table, 'teamId')) parts.push(`SELECT ${row} FROM "${table}" t WHERE t."teamId" = $1`);
    else if (has(table, 'articleId')) parts.push(`SELECT ${row} FROM "${table}" t JOIN "Article" a ON a.id = t."articleId" WHERE a."teamId" = $1`);
    else if (has(table, 'userId')) parts.push(`SELECT ${row} FROM "${table}" t JOIN "User" u ON u.id = t."userId" WHERE u."teamId" = $1`);
    else throw new Error(`teamFingerprint: how do the rows of "${table}" belong to a team?`);
  }
  const [{ digest }] = await prisma.$queryRawUnsafe<{ digest: string }[]>(
    `SELECT md5(coalesce(string_agg(r, E'\\n' ORDER BY r), '')) AS digest FROM (${parts.join(' UNION ALL ')}) rows`,
    teamId,
  );
  return digest;
}
