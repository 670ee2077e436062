import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SessionUser } from '@/lib/auth/session';
import { initialFormState, type FormState } from '@/lib/actions/form-state';
import { createApiToken } from '@/lib/api/tokens';
import { API_ROUTES, type ApiRouteDef, type ApiRouteName } from '@/lib/api/routes';
import type { Operation } from '@/lib/operations/operation';
import { exportTeam } from '@/lib/export/team';
import { hashPassword } from '@/lib/auth/password';
import { createArticle, createTeam, DEMO_PASSWORD, uniqueSuffix } from '@/lib/testing/factories';
import { hasDatabase, testPrisma } from '@/lib/testing/database';
import {
  callAction,
  callRoute,
  HIGH_SURROGATE,
  hostileFormValue,
  hostileJsonText,
  hostileJsonValue,
  inputKeys,
  INT4_OVERFLOW,
  NUL,
  teamFingerprint,
  type Action,
  type FormValues,
  type RouteCall,
  type RouteHandler,
} from '@/lib/testing/hostile';

/**
 * Every way in, sent what nobody types (ADR 0024): NUL, half a surrogate pair, year 99999,
 * dates before year 0, numbers past an `integer` column, huge and deeply nested values, wrong
 * types. Through the real route handlers (with a real token) and the real form actions (with a
 * mocked session), against the real database. Whatever comes in, the answer is never a 500,
 * and a refused request leaves the team's rows exactly as they were.
 *
 * Seeded: CLAIMDESK_FUZZ_SEED (default below) and CLAIMDESK_FUZZ_RUNS cases per route and
 * action. A failure prints the seed and the case; run again with that seed to replay it.
 */

let acting: SessionUser | null = null;
vi.mock('@/lib/auth/session', () => ({
  currentUser: async () => acting,
  requireUser: async () => acting,
}));
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));
vi.mock('@/lib/auth/config', () => ({ auth: async () => null, signIn: async () => {}, signOut: async () => {} }));
vi.mock('next-auth', () => ({ AuthError: class AuthError extends Error {} }));

const ACTION_MODULES = import.meta.glob<Record<string, unknown>>(['../actions/*.ts', '!../actions/*.test.ts']);
const OPERATION_MODULES = import.meta.glob<Record<string, unknown>>(['../operations/*.ts', '!../operations/*.test.ts']);
const ROUTE_MODULES = import.meta.glob<Record<string, RouteHandler>>('../../app/api/v1/**/route.ts');

const SEED = Number(process.env.CLAIMDESK_FUZZ_SEED ?? 20_261_125);
const RUNS = Number(process.env.CLAIMDESK_FUZZ_RUNS ?? 8);

type AnyOperation = Operation<never, unknown>;
type DeskAction = Action & { operation?: AnyOperation };
type Member = SessionUser;
type Desk = { team: { id: string; name: string; slug: string }; admin: Member; editor: Member; checker: Member; token: string };

describe.skipIf(!hasDatabase)('hostile input', async () => {
  const prisma = hasDatabase ? testPrisma() : (undefined as never);

  const actions: Record<string, DeskAction> = {};
  for (const [file, load] of Object.entries(ACTION_MODULES)) {
    const name = file.replace(/^.*\/|\.ts$/g, '');
    for (const [key, value] of Object.entries(await load())) if (typeof value === 'function') actions[`${name}.${key}`] = value as DeskAction;
  }
  const operations = new Map<AnyOperation, string>();
  for (const load of Object.values(OPERATION_MODULES)) {
    for (const [key, value] of Object.entries(await load()))
      if (key.endsWith('Op') && value && typeof value === 'object' && 'schema' in value) operations.set(value as AnyOperation, key);
  }
  const routeHandler = async (def: ApiRouteDef) => {
    const file = `../../app/api/v1${def.path.replace(/\{(\w+)\}/g, '[$1]')}/route.ts`;
    return (await ROUTE_MODULES[file]())[def.method.toUpperCase()];
  };

  // ---- a desk of its own for each route and action, and the resources their inputs name ----

  // A desk per route and action, and one per team import: hashed once, not three times a desk.
  const passwordHash = hasDatabase ? await hashPassword(DEMO_PASSWORD) : '';
  async function makeDesk(label: string): Promise<Desk> {
    const suffix = uniqueSuffix();
    const team = await createTeam(prisma, { name: `Fuzz ${label} ${suffix}`, slug: `fuzz-${suffix}` });
    const member = async (role: 'admin' | 'editor' | 'checker') => ({
      ...(await prisma.user.create({
        data: { teamId: team.id, email: `${role}.${suffix}@example.test`, name: `Fuzz ${role}`, role, passwordHash },
        select: { id: true, email: true, name: true, role: true, teamId: true },
      })),
      teamName: team.name,
    });
    const [admin, editor, checker] = [await member('admin'), await member('editor'), await member('checker')];
    const { token, record } = await createApiToken(prisma, { userId: admin.id, teamId: team.id, name: 'fuzz', scope: 'write' });
    // Hundreds of requests a minute from one token: the rate limit is tested elsewhere.
    await prisma.apiToken.update({ where: { id: record.id }, data: { rateLimitPerMinute: 1_000_000 } });
    return { team, admin, editor, checker, token };
  }

  let articles = 0;
  async function article(d: Desk) {
    articles += 1;
    const made = await createArticle(prisma, {
      teamId: d.team.id,
      actorId: d.editor.id,
      text: `Fuzz article ${articles}\n\nThe council spent $4.5 million in 2025. Ridership rose 12% last year. Fares will stay the same.`,
    });
    return { id: made.id, claims: await prisma.claim.findMany({ where: { articleId: made.id }, orderBy: { position: 'asc' } }) };
  }
  const claim = async (d: Desk, data: Record<string, unknown> = {}) => prisma.claim.update({ where: { id: (await article(d)).claims[0].id }, data });
  const label = (d: Desk, name = 'True') => prisma.verdictLabel.findFirstOrThrow({ where: { teamId: d.team.id, name } });
  const newLabel = (d: Desk) => prisma.verdictLabel.create({ data: { teamId: d.team.id, name: `Temp ${uniqueSuffix()}`, position: 99 } });
  const researching = (d: Desk, data: Record<string, unknown> = {}) => claim(d, { status: 'IN_RESEARCH', assigneeId: d.admin.id, ...data });
  const approved = async (d: Desk, data: Record<string, unknown> = {}) =>
    claim(d, { status: 'APPROVED', assigneeId: d.checker.id, proposedById: d.checker.id, verdictLabelId: (await label(d)).id, rationale: 'Because.', ...data });
  const published = (d: Desk) => approved(d, { publishedAt: new Date(), firstPublishedAt: new Date() });
  const ref = (c: { id: string; version: number }) => ({ claimId: c.id, version: String(c.version) });
  const evidence = async (d: Desk) => {
    const c = await researching(d);
    return prisma.evidence.create({
      data: { teamId: d.team.id, claimId: c.id, authorId: d.admin.id, url: 'https://example.org/a', title: 'Source', stance: 'SUPPORTS' },
    });
  };
  const member = (d: Desk) =>
    prisma.user.create({
      data: { teamId: d.team.id, email: `m.${uniqueSuffix()}@example.test`, name: 'Member', role: 'checker', passwordHash },
      select: { id: true },
    });
  // Subscribed to an event nothing here raises: no deliveries for the webhook worker's tests to trip on.
  const webhook = (d: Desk) =>
    prisma.webhook.create({ data: { teamId: d.team.id, url: 'https://hooks.example/x', secret: 's'.repeat(32), events: ['claim.returned'] } });
  const evidenceFields = {
    url: 'https://example.org/report',
    title: 'Annual report',
    publisher: 'Ministry',
    stance: 'SUPPORTS',
    quote: 'Spending rose.',
    archiveUrl: 'https://archive.example/report',
    note: 'Page 4.',
  };

  /** A team export that imports into an empty team: its members get new emails, so none has an account elsewhere. */
  async function teamExportFile(): Promise<File> {
    const source = await makeDesk('export');
    const c = await researching(source, { notes: 'Called the ministry.' });
    await prisma.evidence.create({
      data: { teamId: source.team.id, claimId: c.id, authorId: source.admin.id, url: 'https://example.org/a', title: 'Source', stance: 'SUPPORTS' },
    });
    const doc = JSON.parse(JSON.stringify(await exportTeam(prisma, source.team.id))) as { members: { email: string }[] };
    for (const m of doc.members) m.email = `moved.${uniqueSuffix()}.${m.email}`;
    return new File([JSON.stringify(doc)], 'team.json', { type: 'application/json' });
  }

  /** Valid input for each operation, as its form sends it, naming resources made for it in the desk. */
  const OPERATION_INPUTS: Record<string, (d: Desk) => Promise<FormValues>> = {
    importArticleOp: async () => ({
      text: 'Fuzz import\n\nThe council spent $4.5 million in 2025. Ridership rose 12% last year.',
      title: 'Fuzz import',
      sourceUrl: `https://news.example/${uniqueSuffix()}`,
      outlet: 'News',
      author: 'A. Writer',
      publishedAt: '2025-05-01',
      language: 'en',
    }),
    splitClaimOp: async (d) => ({ ...ref(await claim(d)), offset: '4' }),
    mergeWithNextOp: async (d) => ref(await claim(d)),
    saveAsCheckedOp: async (d) => ({ ...ref(await researching(d)), asChecked: 'Spending was $4.5m.' }),
    markChangeReviewedOp: async (d) => ref(await researching(d, { previousText: 'Old text.' })),
    excludeLowScoringOp: async (d) => ({ articleId: (await article(d)).id, below: '0.5', reason: 'Low score.' }),
    reuseVerdictOp: async (d) => ({ ...ref(await researching(d)), sourceClaimId: (await approved(d)).id }),
    assignClaimsOp: async (d) => ({ claimIds: [(await claim(d)).id], assigneeId: d.checker.id, dueAt: '2030-01-01' }),
    takeClaimOp: async (d) => ref(await claim(d)),
    startResearchOp: async (d) => ref(await claim(d, { status: 'ASSIGNED', assigneeId: d.admin.id })),
    saveNotesOp: async (d) => ({ ...ref(await researching(d)), notes: 'Called the ministry.' }),
    submitVerdictOp: async (d) => ({ ...ref(await researching(d)), verdictLabelId: (await label(d)).id, rationale: 'Ministry data.', notes: 'Called.' }),
    reviewClaimOp: async (d) => ({
      ...ref(
        await claim(d, { status: 'IN_REVIEW', assigneeId: d.checker.id, proposedById: d.checker.id, verdictLabelId: (await label(d)).id, rationale: 'Data.' }),
      ),
      decision: 'return',
      comment: 'Check the date.',
    }),
    excludeClaimOp: async (d) => ({ ...ref(await researching(d)), reason: 'An opinion.' }),
    includeClaimOp: async (d) => ref(await claim(d, { status: 'NOT_CHECK_WORTHY', statusBeforeExclusion: 'UNASSIGNED' })),
    setDueDateOp: async (d) => ({ claimIds: [(await claim(d)).id], dueAt: '2030-01-01' }),
    excludeClaimsOp: async (d) => ({ claimIds: [(await claim(d)).id], reason: 'Opinion.' }),
    addEvidenceOp: async (d) => ({ claimId: (await researching(d)).id, ...evidenceFields }),
    updateEvidenceOp: async (d) => {
      const e = await evidence(d);
      return { evidenceId: e.id, claimId: e.claimId, version: String(e.version), ...evidenceFields };
    },
    removeEvidenceOp: async (d) => ({ evidenceId: (await evidence(d)).id }),
    markNotificationsReadOp: async (d) => ({
      notificationId: (
        await prisma.notification.create({ data: { teamId: d.team.id, userId: d.admin.id, type: 'ASSIGNED', claimId: (await claim(d)).id, message: 'Yours' } })
      ).id,
    }),
    publishClaimOp: async (d) => ref(await approved(d)),
    proposeCorrectionOp: async (d) => ({
      ...ref(await published(d)),
      kind: 'verdict',
      verdictLabelId: (await label(d, 'False')).id,
      rationale: 'Revised figures.',
      note: 'The figure was revised.',
    }),
    decideCorrectionOp: async (d) => {
      const c = await published(d);
      const correction = await prisma.correction.create({
        data: {
          teamId: d.team.id,
          claimId: c.id,
          kind: 'UNPUBLISH',
          status: 'PROPOSED',
          claimVersion: c.version,
          previousVerdict: 'True',
          previousRationale: 'Because.',
          note: 'Withdrawn.',
          createdById: d.editor.id,
        },
      });
      return { claimId: c.id, correctionId: correction.id, decision: 'approve', comment: 'Agreed.' };
    },
    decideSourceChangeOp: async (d) => ({
      ...ref(await approved(d, { sourceChange: 'CHANGED', sourceText: 'The council spent $4.6 million in 2025.' })),
      decision: 'keep',
      comment: 'Same finding.',
    }),
    publishReportOp: async (d) => ({ articleId: (await article(d)).id, publish: '1' }),
    updatePublisherOp: async () => ({ orgName: 'Desk Fact Check', orgUrl: 'https://desk.example', orgLogoUrl: 'https://desk.example/logo.png' }),
    importTeamExportOp: async () => ({ file: await teamExportFile() }),
    addMemberOp: async () => ({ name: 'New Member', email: `new.${uniqueSuffix()}@example.test`, role: 'checker', password: 'a-long-unusual-passphrase-42' }),
    changeRoleOp: async (d) => ({ userId: (await member(d)).id, role: 'editor' }),
    resetPasswordOp: async (d) => ({ userId: (await member(d)).id, password: 'a-long-unusual-passphrase-42', confirm: 'on' }),
    removeMemberOp: async (d) => ({ userId: (await member(d)).id, confirm: 'on' }),
    addVerdictLabelOp: async () => ({ name: `Label ${uniqueSuffix()}` }),
    renameVerdictLabelOp: async (d) => ({ labelId: (await newLabel(d)).id, name: `Renamed ${uniqueSuffix()}` }),
    moveVerdictLabelOp: async (d) => ({ labelId: (await label(d, 'Mostly true')).id, direction: 'down' }),
    toggleRetireVerdictLabelOp: async (d) => ({ labelId: (await newLabel(d)).id }),
    createTokenOp: async () => ({ name: 'Fuzz token', scope: 'read' }),
    revokeTokenOp: async (d) => ({ tokenId: (await createApiToken(prisma, { userId: d.admin.id, teamId: d.team.id, name: 'x', scope: 'read' })).record.id }),
    createWebhookOp: async () => ({ url: 'https://hooks.example/new', 'event:claim.returned': 'on' }),
    rotateWebhookSecretOp: async (d) => ({ webhookId: (await webhook(d)).id }),
    toggleWebhookOp: async (d) => ({ webhookId: (await webhook(d)).id }),
    deleteWebhookOp: async (d) => ({ webhookId: (await webhook(d)).id }),
  };
  /** Form actions that are no operation's: the bulk form dispatches to three of them by its `intent`. */
  const OTHER_ACTIONS: Record<string, (d: Desk) => Promise<FormValues>> = {
    'bulk.applyBulkAction': async (d) => ({ intent: 'due', ...(await OPERATION_INPUTS.setDueDateOp(d)) }),
  };
  /** Sign-in and sign-out run before there is a session; their input is Auth.js's (lib/auth). */
  const NOT_FUZZED = new Set(['auth.login', 'auth.logout', 'form-state.initialFormState', 'safe-action.actionFor']);

  /** A route's call from its operation's form input: the path's ids become params, the rest the JSON body. */
  const fromOperation =
    (op: string, params: string[] = [], adapt: (v: FormValues) => FormValues = (v) => v) =>
    async (d: Desk): Promise<RouteCall> => {
      const values = adapt(await OPERATION_INPUTS[op](d));
      return {
        params: Object.fromEntries(params.map((k) => [k, values[k]])),
        body: Object.fromEntries(Object.entries(values).filter(([k]) => !params.includes(k))),
      };
    };
  const oneClaim = ({ claimIds, ...rest }: FormValues) => ({ ...rest, claimId: (claimIds as string[])[0] });
  const ROUTE_INPUTS: Record<ApiRouteName, (d: Desk) => Promise<RouteCall>> = {
    listArticles: async () => ({}),
    importArticle: fromOperation('importArticleOp'),
    listClaims: async (d) => ({
      query: { q: 'council', status: 'UNASSIGNED', article: (await article(d)).id, due: 'none', worthiness: 'worthy', sort: 'due' },
    }),
    getClaim: async (d) => ({ params: { claimId: (await claim(d)).id } }),
    listVerdictLabels: async () => ({}),
    assignClaim: fromOperation('assignClaimsOp', ['claimId'], oneClaim),
    addEvidence: fromOperation('addEvidenceOp', ['claimId']),
    proposeVerdict: fromOperation('submitVerdictOp', ['claimId']),
    reviewVerdict: fromOperation('reviewClaimOp', ['claimId']),
    saveNotes: fromOperation('saveNotesOp', ['claimId']),
    takeClaim: fromOperation('takeClaimOp', ['claimId']),
    startResearch: fromOperation('startResearchOp', ['claimId']),
    saveAsChecked: fromOperation('saveAsCheckedOp', ['claimId']),
    setDueDate: fromOperation('setDueDateOp', ['claimId'], oneClaim),
    setAside: fromOperation('excludeClaimOp', ['claimId']),
    bringBack: fromOperation('includeClaimOp', ['claimId']),
    splitClaim: fromOperation('splitClaimOp', ['claimId']),
    mergeWithNext: fromOperation('mergeWithNextOp', ['claimId']),
    reuseVerdict: fromOperation('reuseVerdictOp', ['claimId']),
    publishClaim: fromOperation('publishClaimOp', ['claimId']),
    proposeCorrection: fromOperation('proposeCorrectionOp', ['claimId']),
    decideCorrection: fromOperation('decideCorrectionOp', ['claimId', 'correctionId']),
    decideSourceChange: fromOperation('decideSourceChangeOp', ['claimId']),
    markChangeReviewed: fromOperation('markChangeReviewedOp', ['claimId']),
    updateEvidence: fromOperation('updateEvidenceOp', ['evidenceId']),
    removeEvidence: fromOperation('removeEvidenceOp', ['evidenceId']),
    setAsideLowScoring: fromOperation('excludeLowScoringOp', ['articleId']),
    publishReport: fromOperation('publishReportOp', ['articleId']),
    listMembers: async () => ({}),
    addMember: fromOperation('addMemberOp'),
    changeRole: fromOperation('changeRoleOp', ['userId']),
    removeMember: fromOperation('removeMemberOp', ['userId']),
  };

  const actionInputs = (key: string) => {
    const op = actions[key].operation;
    return op ? OPERATION_INPUTS[operations.get(op)!] : OTHER_ACTIONS[key];
  };
  /** Fields a form sends beside its operation's input (an import's URL, read before validation). */
  const FORM_ONLY_FIELDS: Record<string, string[]> = { 'articles.importArticleAction': ['importUrl'] };
  const fuzzedActions = Object.keys(actions)
    .filter((key) => !NOT_FUZZED.has(key))
    .sort();

  afterAll(async () => {
    await prisma.$disconnect();
  });

  it('has valid input for every operation, form action and API route', () => {
    expect([...operations.values()].sort()).toEqual(Object.keys(OPERATION_INPUTS).sort());
    for (const key of fuzzedActions) expect(actionInputs(key), `no input for the action ${key}`).toBeTypeOf('function');
    expect(Object.keys(ROUTE_INPUTS).sort()).toEqual(Object.keys(API_ROUTES).sort());
  });

  // ---- the findings: each was a 500, each is a 422 naming the field ----

  async function routeAnswer(name: ApiRouteName, patch: (call: RouteCall) => RouteCall) {
    const d = await makeDesk(name);
    const def: ApiRouteDef = API_ROUTES[name];
    const call = patch(await ROUTE_INPUTS[name](d));
    const before = await teamFingerprint(prisma, d.team.id);
    const answer = await callRoute(await routeHandler(def), def, d.token, call);
    return { ...answer, unchanged: (await teamFingerprint(prisma, d.team.id)) === before };
  }

  async function actionAnswer(key: string, patch: Record<string, string>) {
    const d = await makeDesk(key);
    const values = { ...(await actionInputs(key)(d)), ...patch };
    const before = await teamFingerprint(prisma, d.team.id);
    acting = d.admin;
    try {
      const state = await callAction(actions[key], values, initialFormState);
      return { state, unchanged: (await teamFingerprint(prisma, d.team.id)) === before };
    } finally {
      acting = null;
    }
  }

  // A form cannot carry half a surrogate pair: FormData holds well-formed strings (USVString) and
  // turns one into U+FFFD on the way in, so that finding is the API's alone.
  const FINDINGS = [
    { finding: 'a NUL in a text field', route: 'addEvidence', action: 'evidence.addEvidence', field: 'title', value: `Annual${NUL}report` },
    { finding: 'a NUL in a text field', route: 'setAside', action: 'claims.excludeClaim', field: 'reason', value: `An${NUL}opinion` },
    { finding: 'a lone surrogate in a text field', route: 'addEvidence', action: null, field: 'title', value: `Annual ${HIGH_SURROGATE}report` },
    { finding: 'a lone surrogate in a text field', route: 'setAside', action: null, field: 'reason', value: `An opinion ${HIGH_SURROGATE}` },
    { finding: 'a NUL in an id', route: 'reuseVerdict', action: 'claim-edits.reuseVerdict', field: 'sourceClaimId', value: `c${NUL}` },
    { finding: 'a due date in the year 99999', route: 'assignClaim', action: 'claims.assignClaims', field: 'dueAt', value: '99999-01-01' },
    { finding: 'a due date in the year 99999 (bulk)', route: 'setDueDate', action: 'bulk.setDueDate', field: 'dueAt', value: '99999-01-01' },
    {
      finding: 'a publication date before year 0',
      route: 'importArticle',
      action: 'articles.importArticleAction',
      field: 'publishedAt',
      value: '-000001-01-01',
    },
    { finding: 'a split offset of 2^31', route: 'splitClaim', action: 'claim-edits.splitClaim', field: 'offset', value: String(INT4_OVERFLOW) },
    { finding: 'a claim version of 2^31', route: 'saveNotes', action: 'claims.saveNotes', field: 'version', value: String(INT4_OVERFLOW) },
    { finding: 'an evidence version of 2^31', route: 'updateEvidence', action: 'evidence.updateEvidence', field: 'version', value: String(INT4_OVERFLOW) },
  ] as const;

  for (const { finding, route, action, field, value } of FINDINGS) {
    it(`API ${route}: ${finding} is a 422 naming ${field}, and nothing is saved`, async () => {
      const answer = await routeAnswer(route, (call) => ({ ...call, body: { ...(call.body as object), [field]: value } }));
      expect(answer.status, answer.text).toBe(422);
      expect(answer.json.error?.fieldErrors?.[field]?.length, answer.text).toBeGreaterThan(0);
      expect(answer.unchanged).toBe(true);
    });

    if (!action) continue;
    it(`form ${action}: ${finding} is refused (422) next to ${field}, and nothing is saved`, async () => {
      const { state, unchanged } = await actionAnswer(action, { [field]: value });
      expect(state).not.toBe('redirect');
      const refused = state as FormState;
      expect(refused.ok, refused.message).toBe(false);
      expect(refused.status, refused.message).toBe(422);
      expect(refused.fieldErrors[field]?.length, refused.message).toBeGreaterThan(0);
      expect(unchanged).toBe(true);
    });
  }

  describe('a team export', () => {
    type Doc = {
      articles: { title: string; version: number; claims: { notes: string; version: number; dueAt: string | null }[] }[];
      auditEvents: { data: unknown }[];
    };
    let exported: Doc;
    const DEEP = '(nested 100,000 deep)';
    beforeAll(async () => {
      exported = JSON.parse(await (await teamExportFile()).text()) as Doc;
    });
    it.each([
      ['a NUL in an article title', (doc: Doc) => (doc.articles[0].title = `Fuzz${NUL}`)],
      ['half a surrogate pair in a claim’s notes', (doc: Doc) => (doc.articles[0].claims[0].notes = `Called ${HIGH_SURROGATE}`)],
      ['a NUL inside an audit event’s data', (doc: Doc) => (doc.auditEvents[0].data = { note: `a${NUL}b` })],
      ['a claim version of 2^31', (doc: Doc) => (doc.articles[0].claims[0].version = INT4_OVERFLOW)],
      ['a due date in the year 0', (doc: Doc) => (doc.articles[0].claims[0].dueAt = '0000-01-01T00:00:00.000Z')],
      // Deeper than JSON.stringify can write: the file's text is spliced in below.
      ['audit data nested 100,000 deep', (doc: Doc) => (doc.auditEvents[0].data = { deep: DEEP })],
    ])('with %s is refused (422) and imports nothing', async (_what, mutate) => {
      const doc = structuredClone(exported);
      mutate(doc);
      const d = await makeDesk('team-import');
      const before = await teamFingerprint(prisma, d.team.id);
      acting = d.admin;
      try {
        const text = JSON.stringify(doc).replace(JSON.stringify(DEEP), `${'['.repeat(100_000)}0${']'.repeat(100_000)}`);
        const state = await callAction(actions['team-export.importTeamExport'], { file: new File([text], 'team.json') }, initialFormState);
        expect(state).not.toBe('redirect');
        expect((state as FormState).status, (state as FormState).message).toBe(422);
      } finally {
        acting = null;
      }
      expect(await teamFingerprint(prisma, d.team.id)).toBe(before);
    });
  });

  it('a version or offset that JSON carries as 1e400 (Infinity) is a 422', async () => {
    for (const [route, field] of [
      ['saveNotes', 'version'],
      ['splitClaim', 'offset'],
    ] as const) {
      const answer = await routeAnswer(route, (call) => ({ ...call, rawBody: `${JSON.stringify(call.body).slice(0, -1)},"${field}":1e400}` }));
      expect(answer.status, answer.text).toBe(422);
      expect(answer.json.error?.fieldErrors?.[field]?.length, answer.text).toBeGreaterThan(0);
    }
  });

  // ---- the fuzz: arbitrary and hostile values in every field of every route and action ----

  /** A changed request: some fields replaced (or added), or the whole body, or raw JSON that JSON.stringify cannot write. */
  type Edit = { slot: string; value: unknown };
  type RouteCase = { edits: Edit[]; body?: unknown; raw?: { slot: string; json: string } };

  function routeCase(def: ApiRouteDef, base: RouteCall): fc.Arbitrary<RouteCase> {
    const slots = [
      ...new Set([
        ...Object.keys(base.params ?? {}).map((k) => `params.${k}`),
        ...[...inputKeys(def.query), ...Object.keys(base.query ?? {})].map((k) => `query.${k}`),
        ...[...inputKeys(def.body), ...Object.keys((base.body as object) ?? {})].map((k) => `body.${k}`),
        ...(def.method === 'post' ? ['body.unexpected'] : ['query.unexpected']),
      ]),
    ];
    const edits = fc.array(fc.record({ slot: fc.constantFrom(...slots), value: hostileJsonValue }), { minLength: 1, maxLength: 3 });
    const bodySlots = slots.filter((s) => s.startsWith('body.'));
    return fc.oneof(
      { weight: 8, arbitrary: edits.map((e) => ({ edits: e })) },
      ...(def.method === 'post'
        ? [
            { weight: 1, arbitrary: hostileJsonValue.map((body) => ({ edits: [], body })) },
            { weight: 2, arbitrary: fc.record({ slot: fc.constantFrom(...bodySlots), json: hostileJsonText }).map((raw) => ({ edits: [], raw })) },
          ]
        : []),
    );
  }

  function applyRouteCase(base: RouteCall, c: RouteCase): RouteCall {
    const call = { params: { ...base.params }, query: { ...base.query }, body: c.body ?? { ...(base.body as object) } } as Required<
      Omit<RouteCall, 'rawBody'>
    > &
      RouteCall;
    for (const { slot, value } of c.edits) {
      const [where, key] = [slot.slice(0, slot.indexOf('.')), slot.slice(slot.indexOf('.') + 1)] as ['params' | 'query' | 'body', string];
      if (where !== 'body' && typeof value !== 'string') continue; // a path and a query string hold text only
      (call[where] as Record<string, unknown>)[key] = value;
    }
    if (c.raw) call.rawBody = `${JSON.stringify({ ...(base.body as object), [c.raw.slot.slice(5)]: 0 }).slice(0, -1)},"${c.raw.slot.slice(5)}":${c.raw.json}}`;
    return call;
  }

  const describeCase = (c: unknown) =>
    JSON.stringify(c, (_k, v: unknown) => (typeof v === 'string' && v.length > 80 ? `${v.slice(0, 40)}… (${v.length} chars)` : v));
  const seedOf = (name: string) => [...name].reduce((h, ch) => (h * 31 + ch.charCodeAt(0)) | 0, SEED);
  const fuzzOptions = <T>(name: string): fc.Parameters<T> => ({
    seed: seedOf(name),
    numRuns: RUNS,
    endOnFailure: process.env.CLAIMDESK_FUZZ_SHRINK !== '1',
    reporter: (details: fc.RunDetails<T>) => {
      if (details.failed)
        throw new Error(
          `${name}: ${details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance)}\n` +
            `Case: ${describeCase(details.counterexample)}\nReplay: CLAIMDESK_FUZZ_SEED=${SEED} (seed of this target ${details.seed}, path ${details.counterexamplePath})`,
        );
    },
  });

  /** The input a target starts from, made again after a case that succeeded (the resource has moved on). */
  function baseline<T>(make: (d: Desk) => Promise<T>, d: Desk) {
    let current: { input: T; fingerprint: string } | undefined;
    return {
      get: async () => (current ??= { input: await make(d), fingerprint: await teamFingerprint(prisma, d.team.id) }),
      consumed: () => (current = undefined),
    };
  }

  const ALLOWED_API_STATUSES = [200, 201, 400, 403, 404, 409, 422];

  for (const name of Object.keys(API_ROUTES) as ApiRouteName[]) {
    it(`fuzz: API ${name}`, async () => {
      const def: ApiRouteDef = API_ROUTES[name];
      const handler = await routeHandler(def);
      const d = await makeDesk(name);
      const base = baseline(ROUTE_INPUTS[name], d);
      const shape = (await base.get()).input;
      await fc.assert(
        fc.asyncProperty(routeCase(def, shape), async (c) => {
          const { input, fingerprint } = await base.get();
          const answer = await callRoute(handler, def, d.token, applyRouteCase(input, c));
          expect(ALLOWED_API_STATUSES, `${answer.status}: ${answer.text.slice(0, 500)}`).toContain(answer.status);
          expect(answer.json.error?.status ?? answer.status, 'every answer is JSON').toBe(answer.status);
          if (answer.status < 300) base.consumed();
          else expect(await teamFingerprint(prisma, d.team.id), `refused with ${answer.status} but changed the team's rows`).toBe(fingerprint);
        }),
        fuzzOptions(`API ${name}`),
      );
    });
  }

  type ActionCase = { edits: { field: string; value: string | string[] }[] };

  for (const key of fuzzedActions) {
    it(`fuzz: form ${key}`, async () => {
      const action = actions[key];
      const d = await makeDesk(key);
      const base = baseline(actionInputs(key), d);
      const fields = [
        ...new Set([...Object.keys((await base.get()).input), ...inputKeys(action.operation?.schema), ...(FORM_ONLY_FIELDS[key] ?? []), 'unexpected']),
      ].filter((f) => f !== 'file');
      const cases: fc.Arbitrary<ActionCase> = fc.record({
        edits: fc.array(fc.record({ field: fc.constantFrom(...fields), value: hostileFormValue }), { minLength: 1, maxLength: 3 }),
      });
      await fc.assert(
        fc.asyncProperty(cases, async (c) => {
          const { input, fingerprint } = await base.get();
          const values: FormValues = { ...input };
          for (const { field, value } of c.edits) values[field] = value;
          acting = d.admin;
          let state: FormState | 'redirect';
          try {
            state = await callAction(action, values, initialFormState);
          } finally {
            acting = null;
          }
          if (state === 'redirect' || state.ok) return base.consumed();
          expect([403, 404, 409, 422], `${state.status}: ${state.message}`).toContain(state.status);
          expect(await teamFingerprint(prisma, d.team.id), `refused (${state.message}) but changed the team's rows`).toBe(fingerprint);
        }),
        fuzzOptions(`form ${key}`),
      );
    });
  }

  // An import takes files too: text with what PostgreSQL refuses past the first 8 KB, bytes that are not UTF-8, and a team export with a hostile value anywhere in it.
  it('fuzz: files sent to the import forms', async () => {
    const d = await makeDesk('files');
    const importDesk = { action: actions['articles.importArticleAction'], base: baseline(OPERATION_INPUTS.importArticleOp, d) };
    const bytes = (...parts: (string | number[])[]) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : Buffer.from(p))));
    const articleFiles = fc.constantFrom(
      new File([bytes('Title\n\n', 'x. '.repeat(3_000), '\u0000 tail.')], 'nul.txt'),
      new File([bytes('Title\n\nBroken ', [0xed, 0xa0, 0x80], ' surrogate.')], 'cesu.txt'),
      new File([bytes('<html><body><h1>T</h1><p>A \u0000 b.</p></body></html>')], 'nul.html'),
      new File([bytes([0x50, 0x4b, 0x03, 0x04], 'not really a docx')], 'fake.docx'),
      new File([bytes('x'.repeat(2 * 1024 * 1024 + 1))], 'big.txt'),
    );
    await fc.assert(
      fc.asyncProperty(articleFiles, async (file) => {
        const { input, fingerprint } = await importDesk.base.get();
        acting = d.admin;
        let state: FormState | 'redirect';
        try {
          state = await callAction(importDesk.action, { ...input, text: '', file }, initialFormState);
        } finally {
          acting = null;
        }
        if (state === 'redirect' || state.ok) return importDesk.base.consumed();
        expect(state.status, state.message).toBe(422);
        expect(await teamFingerprint(prisma, d.team.id)).toBe(fingerprint);
      }),
      { ...fuzzOptions('import files'), numRuns: 10 },
    );

    const exported = JSON.parse(await (await teamExportFile()).text()) as unknown;
    const leaves: (string | number)[][] = [];
    const walk = (value: unknown, at: (string | number)[]) => {
      if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, [...at, Array.isArray(value) ? Number(k) : k]);
      else leaves.push(at);
    };
    walk(exported, []);
    const withValueAt = (at: (string | number)[], value: unknown) => {
      const doc = structuredClone(exported) as Record<string | number, unknown>;
      let node = doc;
      for (const k of at.slice(0, -1)) node = node[k] as Record<string | number, unknown>;
      node[at[at.length - 1]] = value;
      return doc;
    };
    const teamImport = actions['team-export.importTeamExport'];
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: leaves.length - 1 }), hostileJsonValue, async (leaf, value) => {
        const target = await makeDesk('team-import');
        const fingerprint = await teamFingerprint(prisma, target.team.id);
        acting = target.admin;
        let state: FormState | 'redirect';
        try {
          const file = new File([JSON.stringify(withValueAt(leaves[leaf], value))], 'team.json');
          state = await callAction(teamImport, { file }, initialFormState);
        } finally {
          acting = null;
        }
        if (state === 'redirect' || state.ok) return;
        expect(state.status, `${leaves[leaf].join('.')}: ${state.message}`).toBe(422);
        expect(await teamFingerprint(prisma, target.team.id)).toBe(fingerprint);
      }),
      { ...fuzzOptions('team import'), numRuns: RUNS * 2 },
    );
  });

  beforeAll(() => {
    console.log(`hostile input: seed ${SEED}, ${RUNS} cases per route and action (CLAIMDESK_FUZZ_SEED, CLAIMDESK_FUZZ_RUNS)`);
  });
});
