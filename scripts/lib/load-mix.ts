/**
 * The work of one simulated checker for `npm run bench:load`, as a cycle of autocannon
 * `requests` (one checker does one thing at a time):
 *
 *   1. My claims                            page, session cookie
 *   2. the claim they work on               page
 *   3. its article                          page
 *   4. the team's claims list               page (every other time with a search)
 *   5. POST /api/v1/claims/{id}/evidence    API, the checker's write token
 *   6. the claim again                      page
 *   every other cycle, then:
 *   7. GET /api/v1/claims/{id}              API: reads the claim's `version`
 *   8. POST /api/v1/claims/{id}/verdict     API, with that version: the claim goes to review
 *
 * The checker works through their claims soonest due first: two pieces of evidence, then a
 * verdict, then the next claim. When they have none left to research, a cycle is reads only.
 * A `setupRequest` that returns nothing restarts the cycle (autocannon's documented way to
 * skip the rest of it). Per cycle that is ~71% page reads, ~7% API reads, ~21% writes.
 *
 * Two ways to drive it (ADR 0017). `runCheckers`: each checker pauses a think time before every
 * request, as a person reads a page before the next click; this is the run the targets are
 * for. `runSaturation`: no pause at all, every checker's next request leaves as soon as the last
 * is answered: it measures what the server can take at most (its capacity). In the latter every
 * checker is its own autocannon instance (connections: 1), so that each keeps its own cookie,
 * token and claim; the former walks the same request objects itself (autocannon has no think
 * time: its `connectionRate` releases every connection's requests at the same instant each
 * second). Latency and status are recorded per kind of request here rather
 * than taken from autocannon's summary, which leaves non-2xx responses out of its latencies:
 * `onResponse` notes which request was answered, and the instance's `response` event, which
 * autocannon emits synchronously right after it, adds the response time.
 */
import autocannon from 'autocannon';
import type { LoadChecker, LoadClaim } from './load-desk';

export const KINDS = {
  myClaims: { label: 'My claims page', write: false },
  claimPage: { label: 'Claim page', write: false },
  articlePage: { label: 'Article page', write: false },
  claimsList: { label: 'Claims list page', write: false },
  addEvidence: { label: 'POST evidence (API)', write: true },
  readClaimApi: { label: 'GET claim (API)', write: false },
  proposeVerdict: { label: 'POST verdict (API)', write: true },
} as const;
export type Kind = keyof typeof KINDS;

const EXPECTED: Record<Kind, number> = {
  myClaims: 200,
  claimPage: 200,
  articlePage: 200,
  claimsList: 200,
  addEvidence: 201,
  readClaimApi: 200,
  proposeVerdict: 200,
};

/** The text of app/error.tsx: a page that failed while streaming still answers 200. */
const ERROR_PAGE_MARKER = 'The desk could not load this page';
const SEARCH_TERMS = ['council', 'percent', 'budget', 'housing', 'transit', 'million'];
const STANCES = ['SUPPORTS', 'REFUTES', 'CONTEXT'] as const;
const VERDICT_EVERY = 2;

export type CheckerState = {
  checker: LoadChecker;
  cookie: string;
  /** Claims still to research, soonest due first; the first one is being worked on. */
  todo: LoadClaim[];
  cycle: number;
  claim: LoadClaim;
  researching: boolean;
  version: number | undefined;
};

export function checkerState(checker: LoadChecker, cookie: string): CheckerState {
  return { checker, cookie, todo: [...checker.claims], cycle: 0, claim: checker.claims[0], researching: false, version: undefined };
}

type KindStats = { latencies: number[]; statuses: Map<number, number>; ok: number; conflicts: number; errors: number; errorPages: number; sent: number };

export class LoadStats {
  readonly byKind = new Map<Kind, KindStats>();
  /** Cycles in which the checker had no claim left to research. */
  readCyclesOnly = 0;
  unmatchedResponses = 0;

  kind(kind: Kind): KindStats {
    let s = this.byKind.get(kind);
    if (!s) this.byKind.set(kind, (s = { latencies: [], statuses: new Map(), ok: 0, conflicts: 0, errors: 0, errorPages: 0, sent: 0 }));
    return s;
  }

  record(kind: Kind, status: number, ms: number, errorPage: boolean): void {
    const s = this.kind(kind);
    s.latencies.push(ms);
    s.statuses.set(status, (s.statuses.get(status) ?? 0) + 1);
    if (status === EXPECTED[kind] && !errorPage) s.ok++;
    else if (status === 409 && KINDS[kind].write) s.conflicts++;
    else {
      s.errors++;
      if (errorPage) s.errorPages++;
    }
  }
}

export type LoadRun = {
  wallSeconds: number;
  /** Summed over the checkers: every request sent, errors without an answer (timeouts among them). */
  client: { requests: number; errors: number; timeouts: number; resets: number; non2xx: number };
};

const RESTART = undefined as unknown as autocannon.Request;

/** One request of the cycle, in autocannon's shape; both drivers call it the same way. */
type Step = autocannon.Request & {
  setupRequest: (req: autocannon.Request, context: object) => autocannon.Request;
  onResponse: (status: number, body: string) => void;
};

function checkerRequests(
  state: CheckerState,
  verdictLabelIds: string[],
  stats: LoadStats,
  answered: (p: { kind: Kind; status: number; errorPage: boolean }) => void,
): Step[] {
  const { cookie, checker } = state;
  const pageHeaders = { cookie, accept: 'text/html' };
  const apiHeaders = { authorization: `Bearer ${checker.token}`, accept: 'application/json' };
  const jsonHeaders = { ...apiHeaders, 'content-type': 'application/json' };

  const step = (
    kind: Kind,
    build: () => Pick<autocannon.Request, 'method' | 'path' | 'headers' | 'body'> | undefined,
    after?: (status: number, body: string) => void,
  ): Step => ({
    setupRequest: (req) => {
      const r = build();
      if (!r) return RESTART;
      stats.kind(kind).sent++;
      return { ...req, ...r };
    },
    onResponse: (status: number, body: string) => {
      answered({ kind, status, errorPage: status === 200 && !KINDS[kind].write && kind !== 'readClaimApi' && body.includes(ERROR_PAGE_MARKER) });
      after?.(status, body);
    },
  });
  const page = (path: string) => ({ method: 'GET' as const, path, headers: pageHeaders });

  return [
    step('myClaims', () => {
      state.cycle++;
      state.version = undefined;
      state.researching = state.todo.length > 0;
      if (state.researching) state.claim = state.todo[0];
      else stats.readCyclesOnly++;
      return page('/my-claims');
    }),
    step('claimPage', () => page(`/claims/${state.claim.id}`)),
    step('articlePage', () => page(`/articles/${state.claim.articleId}`)),
    step('claimsList', () => page(state.cycle % 2 ? `/claims?q=${SEARCH_TERMS[state.cycle % SEARCH_TERMS.length]}` : '/claims')),
    step('addEvidence', () =>
      state.researching
        ? {
            method: 'POST',
            path: `/api/v1/claims/${state.claim.id}/evidence`,
            headers: jsonHeaders,
            body: JSON.stringify({
              url: `https://statistics.example.org/releases/${state.cycle}`,
              title: `Official release, table ${state.cycle}`,
              publisher: 'National Statistics Office',
              stance: STANCES[state.cycle % STANCES.length],
              quote: state.claim.text.slice(0, 200),
              note: 'Checked against the published table.',
            }),
          }
        : undefined,
    ),
    step('claimPage', () => page(`/claims/${state.claim.id}`)),
    step(
      'readClaimApi',
      () =>
        state.researching && state.cycle % VERDICT_EVERY === 0 ? { method: 'GET', path: `/api/v1/claims/${state.claim.id}`, headers: apiHeaders } : undefined,
      (status, body) => {
        if (status !== 200) return;
        try {
          state.version = (JSON.parse(body) as { version: number }).version;
        } catch {
          /* not JSON: the version stays unknown and this cycle proposes no verdict */
        }
      },
    ),
    step(
      'proposeVerdict',
      () =>
        state.version === undefined
          ? undefined
          : {
              method: 'POST',
              path: `/api/v1/claims/${state.claim.id}/verdict`,
              headers: jsonHeaders,
              body: JSON.stringify({
                version: state.version,
                verdictLabelId: verdictLabelIds[state.cycle % verdictLabelIds.length],
                rationale: `The published table does not match the claim (${state.cycle}).`,
              }),
            },
      (status) => {
        // A 409 means someone changed the claim since it was read: try again next time.
        if (status !== 409 && state.todo[0] === state.claim) state.todo.shift();
      },
    ),
  ];
}

type RunOptions = {
  baseUrl: string;
  states: CheckerState[];
  verdictLabelIds: string[];
  seconds: number;
  timeoutSeconds: number;
  stats: LoadStats;
};

/** A think time in milliseconds, uniform between the bounds. */
export type ThinkTime = { minMs: number; maxMs: number };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Every checker at once for `seconds`, each one request at a time with a think time before
 * each: a closed loop of people. A request that has not answered after `timeoutSeconds` counts
 * as a timeout. Connections are kept alive (fetch's pool), as a browser keeps them.
 */
export async function runCheckers({
  baseUrl,
  states,
  verdictLabelIds,
  seconds,
  timeoutSeconds,
  stats,
  think,
}: RunOptions & { think: ThinkTime }): Promise<LoadRun> {
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const totals = { requests: 0, errors: 0, timeouts: 0, resets: 0, non2xx: 0 };
  const base = { method: 'GET', path: '/', headers: {} } as autocannon.Request;

  await Promise.all(
    states.map(async (state) => {
      let sent = 0;
      // Called from onResponse once the whole body is in: the response time is taken then.
      const steps = checkerRequests(state, verdictLabelIds, stats, (p) => stats.record(p.kind, p.status, performance.now() - sent, p.errorPage));
      // Spread the checkers' first requests over one think time, as people do not start in step.
      await sleep(Math.random() * think.maxMs);
      for (let i = 0; performance.now() < deadline; i = (i + 1) % steps.length) {
        const step = steps[i];
        const req = step.setupRequest({ ...base }, {});
        if (req === RESTART) {
          i = -1;
          continue;
        }
        await sleep(think.minMs + Math.random() * (think.maxMs - think.minMs));
        if (performance.now() >= deadline) break;
        sent = performance.now();
        try {
          const res = await fetch(`${baseUrl}${req.path}`, {
            method: req.method,
            headers: req.headers as Record<string, string>,
            body: req.body as string | undefined,
            redirect: 'manual',
            signal: AbortSignal.timeout(timeoutSeconds * 1000),
          });
          const body = await res.text();
          totals.requests++;
          if (res.status >= 300) totals.non2xx++;
          step.onResponse(res.status, body);
        } catch (err) {
          totals.errors++;
          if ((err as Error).name === 'TimeoutError') totals.timeouts++;
        }
      }
    }),
  );
  return { wallSeconds: (performance.now() - started) / 1000, client: totals };
}

/** Runs every checker's cycle for `seconds` with no pause, each on its own autocannon connection, all at once. */
export function runSaturation({
  baseUrl,
  states,
  verdictLabelIds,
  seconds,
  timeoutSeconds,
  stats,
  onInstance,
}: RunOptions & {
  /** Called with each running instance, so that an interrupted run can stop them. */
  onInstance?: (instance: autocannon.Instance) => void;
}): Promise<LoadRun> {
  const started = performance.now();
  const runs = states.map(
    (state) =>
      new Promise<autocannon.Result>((resolve, reject) => {
        let pending: { kind: Kind; status: number; errorPage: boolean } | undefined;
        const instance = autocannon(
          {
            url: baseUrl,
            connections: 1,
            pipelining: 1,
            duration: seconds,
            timeout: timeoutSeconds,
            requests: checkerRequests(state, verdictLabelIds, stats, (p) => (pending = p)),
          },
          (err, result) => (err ? reject(err) : resolve(result)),
        );
        instance.on('response', (_client, statusCode, _bytes, responseTime) => {
          const p = pending;
          pending = undefined;
          if (!p || p.status !== statusCode) {
            stats.unmatchedResponses++;
            return;
          }
          stats.record(p.kind, p.status, responseTime, p.errorPage);
        });
        onInstance?.(instance);
      }),
  );
  return Promise.all(runs).then((results) => ({
    wallSeconds: (performance.now() - started) / 1000,
    client: results.reduce(
      (sum, r) => ({
        requests: sum.requests + r.requests.total,
        errors: sum.errors + r.errors,
        timeouts: sum.timeouts + r.timeouts,
        resets: sum.resets + r.resets,
        non2xx: sum.non2xx + r.non2xx,
      }),
      { requests: 0, errors: 0, timeouts: 0, resets: 0, non2xx: 0 },
    ),
  }));
}
