/**
 * The scale part of `npm run bench`: the claims list (a search, a filter, a far keyset page) and
 * the dashboard of a team with 100,000 claims, each timed three ways in the same run:
 *
 * - page: GET of the production page as a signed-in editor, to the last byte of the response;
 * - in process: the page's data function itself (listTeamClaims, getDashboard) through Prisma;
 * - raw SQL: the very statements that function sent (captured at the `pg` pool under Prisma's
 *   adapter, text and parameters as sent), replayed over plain `pg` in the same order and with
 *   the same concurrency (a statement waits for those that had finished before it started).
 *
 * The page / raw ratio is the cost of everything above the database: Prisma, auth, rendering.
 */
import { register } from 'node:module';
import pg from 'pg';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/lib/generated/prisma/client';
import type { SessionUser } from '@/lib/auth/session';
import type { ScaleTeam } from './bench-scale-data';

export type CapturedQuery = { text: string; values: unknown[]; start: number; end: number };

/**
 * A Prisma client whose pool records every statement while `capturing` is on. Prisma's pg
 * adapter sends each query as `pool.query({ text, values, rowMode, types })`.
 */
export function capturingPrisma(url: string, embedded: boolean) {
  const pool = new pg.Pool({ connectionString: url, max: embedded ? 1 : 10, connectionTimeoutMillis: 10_000 });
  const state = { capturing: false, queries: [] as CapturedQuery[] };
  const original = pool.query.bind(pool) as (config: pg.QueryConfig) => Promise<pg.QueryResult>;
  (pool as unknown as { query: (config: pg.QueryConfig) => Promise<pg.QueryResult> }).query = (config) => {
    if (!state.capturing || typeof config !== 'object') return original(config);
    const record: CapturedQuery = { text: config.text, values: [...(config.values ?? [])], start: performance.now(), end: Infinity };
    state.queries.push(record);
    return original(config).finally(() => {
      record.end = performance.now();
    });
  };
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  return {
    prisma,
    /** The statements `fn` sends, in the order it sent them. */
    async capture(fn: () => Promise<unknown>): Promise<CapturedQuery[]> {
      state.queries = [];
      state.capturing = true;
      try {
        await fn();
      } finally {
        state.capturing = false;
      }
      return state.queries;
    },
    close: () => prisma.$disconnect().then(() => pool.end()),
  };
}

/**
 * Replays captured statements: each starts once every statement that had finished before it
 * started (in the capture) has finished here, so dependent queries wait and independent ones
 * run side by side, as many at once as the pool allows.
 */
export async function replay(pool: pg.Pool, queries: CapturedQuery[]): Promise<void> {
  const done: Promise<unknown>[] = [];
  for (const [i, q] of queries.entries()) {
    const before = queries.slice(0, i).flatMap((p, j) => (p.end <= q.start ? [done[j]] : []));
    done.push(Promise.all(before).then(() => pool.query({ text: q.text, values: q.values })));
  }
  await Promise.all(done);
}

/**
 * The app's data modules import 'server-only', which throws outside React's server condition
 * (vitest stubs it the same way): resolve it to nothing in this process, then load them.
 */
let dataModules:
  | Promise<{
      claimsList: typeof import('@/lib/data/claims-list');
      dashboard: typeof import('@/lib/data/dashboard');
      listQuery: typeof import('@/lib/validation/claims-list');
      dashboardQuery: typeof import('@/lib/validation/dashboard');
    }>
  | undefined;

function loadDataModules(prisma: PrismaClient) {
  // lib/db creates its client on first use unless one is already there.
  (globalThis as unknown as { prisma?: PrismaClient }).prisma = prisma;
  dataModules ??= (async () => {
    register(
      `data:text/javascript,${encodeURIComponent(
        `export async function resolve(specifier, context, next) { return specifier === 'server-only' ? { url: 'data:text/javascript,export{}', shortCircuit: true } : next(specifier, context); }`,
      )}`,
    );
    const [claimsList, dashboard, listQuery, dashboardQuery] = await Promise.all([
      import('@/lib/data/claims-list'),
      import('@/lib/data/dashboard'),
      import('@/lib/validation/claims-list'),
      import('@/lib/validation/dashboard'),
    ]);
    return { claimsList, dashboard, listQuery, dashboardQuery };
  })();
  return dataModules;
}

export type ScaleCase = {
  /** Short name for the tables. */
  name: string;
  /** Path and query string of the page. */
  path: string;
  /** The page's main data function, as the page calls it; its statements are the raw SQL. */
  run: (now: Date) => Promise<unknown>;
  /** The page's other data calls (filter options): shown apart, not part of the ratio. */
  extra?: (now: Date) => Promise<unknown>;
  /** Shown for comparison only, without targets. */
  reference?: boolean;
};

/** The four pages measured, for the seeded team. */
export async function scaleCases(team: ScaleTeam, sql: pg.Client, searchWord: string, prisma: PrismaClient): Promise<ScaleCase[]> {
  const { claimsList, dashboard, listQuery, dashboardQuery } = await loadDataModules(prisma);
  const user: SessionUser = {
    id: team.editor.id,
    name: team.editor.name,
    email: team.editor.email,
    role: 'editor',
    teamId: team.teamId,
    teamName: team.teamName,
  };
  // The cursor of the 10,000th claim in the default order (most recently updated first).
  const far = 10_000;
  const { rows } = await sql.query<{ key: string; id: string }>(
    `SELECT to_char("updatedAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS key, id FROM "Claim"
     WHERE "teamId" = $1 AND "archivedAt" IS NULL ORDER BY "updatedAt" DESC, id ASC OFFSET $2 LIMIT 1`,
    [team.teamId, far - 1],
  );
  const cursor = listQuery.encodeCursor({ sort: 'updated', key: new Date(rows[0].key), id: rows[0].id });
  const list = (name: string, search: Record<string, string>): ScaleCase => {
    const query = listQuery.parseClaimListQuery(search);
    return {
      name,
      path: listQuery.claimListHref(query, { cursor: query.cursor }),
      run: (now) => claimsList.listTeamClaims(user, query, now),
      extra: () => claimsList.getClaimListOptions(user, query.article),
    };
  };
  const filters = dashboardQuery.parseDashboardFilters({});
  return [
    list(`claims, search "${searchWord}"`, { q: searchWord }),
    list('claims, filter status + worthiness', { status: 'IN_RESEARCH', worthiness: 'worthy' }),
    list(`claims, keyset page after ${far.toLocaleString('en-US')}`, { cursor }),
    { name: 'dashboard', path: '/dashboard', run: (now) => dashboard.getDashboard(user, filters, now) },
    // What a list page costs with next to no query: sign-in check, filter options, layout.
    { ...list('(reference) claims, search matching nothing', { q: 'zzqxjv' }), reference: true },
  ];
}

/** The topic word whose claims (text, notes or evidence) come closest to 1% of the team's claims. */
export async function pickSearchWord(
  sql: pg.Client,
  teamId: string,
  candidates: readonly string[],
  claims: number,
): Promise<{ word: string; matches: number }> {
  let best = { word: candidates[0], matches: -1 };
  for (const word of candidates) {
    const { rows } = await sql.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM (
         SELECT id FROM "Claim" WHERE "searchVector" @@ websearch_to_tsquery('simple', $2) AND "teamId" = $1
         UNION
         SELECT "claimId" FROM "Evidence" WHERE to_tsvector('simple', "title") @@ websearch_to_tsquery('simple', $2) AND "teamId" = $1) m`,
      [teamId, word],
    );
    if (best.matches < 0 || Math.abs(rows[0].n - claims / 100) < Math.abs(best.matches - claims / 100)) best = { word, matches: rows[0].n };
  }
  return best;
}

/** EXPLAIN ANALYZE of a captured statement, with its own parameters. */
export async function explain(sql: pg.Client, q: CapturedQuery): Promise<string> {
  const { rows } = await sql.query<{ 'QUERY PLAN': string }>({ text: `EXPLAIN (ANALYZE, BUFFERS) ${q.text}`, values: q.values });
  return rows.map((r) => r['QUERY PLAN']).join('\n');
}
