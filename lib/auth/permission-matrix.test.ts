import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SessionUser } from '@/lib/auth/session';
import { can, PERMISSIONS, type Permission, type Role } from '@/lib/auth/permissions';
import type { FormState } from '@/lib/actions/form-state';
import { initialFormState } from '@/lib/actions/form-state';
import { createApiToken } from '@/lib/api/tokens';
import { API_ROUTES, type ApiRouteDef, type ApiRouteName } from '@/lib/api/routes';
import { createArticle, createTeam, createUser, uniqueSuffix } from '@/lib/testing/factories';
import { hasDatabase, testPrisma } from '@/lib/testing/database';

/**
 * The permission matrix: every server action and every API route, for each of anonymous,
 * checker, editor and admin, on a resource of their own team and of another team. The expected
 * outcome of each cell is computed from the one permission table (lib/auth/permissions.ts),
 * read off the action itself (authedAction attaches its permission) or the route table:
 *   anonymous                        → sign-in (401)
 *   a role the permission leaves out → 403
 *   allowed, another team's resource → 404
 *   allowed, own team's resource     → allowed
 * An action or route without a setup here fails the test, so a new one cannot slip through.
 */

let acting: SessionUser | null = null;
vi.mock('@/lib/auth/session', () => ({
  currentUser: async () => acting,
  requireUser: async () => acting,
}));
vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));
// Sign-in itself is next-auth's; the actions here only ever see the (mocked) session user.
vi.mock('@/lib/auth/config', () => ({ auth: async () => null, signIn: async () => {}, signOut: async () => {} }));
vi.mock('next-auth', () => ({ AuthError: class AuthError extends Error {} }));

const ACTION_MODULES = import.meta.glob<Record<string, unknown>>(['../actions/*.ts', '!../actions/*.test.ts']);
const ROUTE_MODULES = import.meta.glob<Record<string, (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>>>(
  '../../app/api/v1/**/route.ts',
);

type Action = ((prev: FormState, formData: FormData) => Promise<FormState>) & { permission?: Permission | null };
type Outcome = 'allowed' | 'sign-in' | 403 | 404;
type Team = { id: string; name: string; slug: string; members: Record<Role, SessionUser> };
/** Makes the resource in `owner` (created fresh for each cell) and returns the form the actor sends. */
type Setup = (owner: Team, actor: SessionUser) => Promise<Record<string, string | string[]>>;

const ROLES_AND_ANONYMOUS = ['anonymous', 'checker', 'editor', 'admin'] as const;

describe.skipIf(!hasDatabase)('permission matrix', async () => {
  const prisma = hasDatabase ? testPrisma() : (undefined as never);
  const modules: Record<string, Record<string, unknown>> = {};
  for (const [file, load] of Object.entries(ACTION_MODULES)) modules[path.basename(file, '.ts')] = await load();

  let own: Team;
  let other: Team;
  let cells = 0;

  async function makeTeam(label: string): Promise<Team> {
    const suffix = uniqueSuffix();
    const team = await createTeam(prisma, { name: `${label} ${suffix}`, slug: `${label.toLowerCase()}-${suffix}` });
    const members = {} as Record<Role, SessionUser>;
    for (const role of ['admin', 'editor', 'checker'] as const) {
      const user = await createUser(prisma, { teamId: team.id, email: `${role}.${suffix}@example.test`, name: `${label} ${role}`, role });
      members[role] = { ...user, teamName: team.name };
    }
    return { ...team, members };
  }

  // ---- resources, made fresh for every cell ----
  let n = 0;
  async function article(owner: Team) {
    n += 1;
    const made = await createArticle(prisma, {
      teamId: owner.id,
      actorId: owner.members.editor.id,
      text: `Matrix article ${n}\n\nThe council spent $4.5 million in 2025. Ridership rose 12% last year. Fares will stay the same.`,
    });
    return prisma.claim.findMany({ where: { articleId: made.id }, orderBy: { position: 'asc' } }).then((claims) => ({ id: made.id, claims }));
  }
  async function claim(owner: Team, data: Record<string, unknown> = {}) {
    const { claims } = await article(owner);
    return prisma.claim.update({ where: { id: claims[0].id }, data });
  }
  const label = (owner: Team, name = 'True') => prisma.verdictLabel.findFirstOrThrow({ where: { teamId: owner.id, name } });
  /** A claim the actor is researching (assigned to them when they are in its team). */
  const researching = (owner: Team, actor: SessionUser) =>
    claim(owner, { status: 'IN_RESEARCH', assigneeId: actor.teamId === owner.id ? actor.id : owner.members.checker.id });
  /** A claim in review, proposed by somebody other than the actor. */
  async function inReview(owner: Team) {
    const l = await label(owner);
    const proposer = await createUser(prisma, { teamId: owner.id, email: `p.${uniqueSuffix()}@example.test`, name: 'Proposer', role: 'checker' });
    return claim(owner, {
      status: 'IN_REVIEW',
      assigneeId: proposer.id,
      proposedById: proposer.id,
      verdictLabelId: l.id,
      rationale: 'Because.',
      proposedAt: new Date(),
    });
  }
  async function approved(owner: Team, data: Record<string, unknown> = {}) {
    const l = await label(owner);
    return claim(owner, {
      status: 'APPROVED',
      assigneeId: owner.members.checker.id,
      proposedById: owner.members.checker.id,
      verdictLabelId: l.id,
      rationale: 'Because.',
      ...data,
    });
  }
  const ref = (c: { id: string; version: number }) => ({ claimId: c.id, version: String(c.version) });
  async function evidenceBy(owner: Team, actor: SessionUser) {
    const c = await researching(owner, actor);
    const author = actor.teamId === owner.id ? actor.id : owner.members.checker.id;
    return prisma.evidence.create({
      data: { teamId: owner.id, claimId: c.id, authorId: author, url: 'https://example.org/a', title: 'Source', stance: 'SUPPORTS' },
    });
  }
  // Subscribed to an event no cell here raises: the matrix queues no deliveries for the webhook worker's tests to trip on.
  const webhook = (owner: Team) =>
    prisma.webhook.create({ data: { teamId: owner.id, url: 'https://hooks.example/x', secret: 's'.repeat(32), events: ['claim.returned'] } });
  const member = (owner: Team) => createUser(prisma, { teamId: owner.id, email: `m.${uniqueSuffix()}@example.test`, name: 'Member', role: 'checker' });
  const evidenceFields = { url: 'https://example.org/report', title: 'Report', stance: 'SUPPORTS' };

  /** How each action is called. `team` actions take the team from the session: no other-team cell. */
  const ACTIONS: Record<string, { setup: Setup; scope?: 'team'; permission?: Permission; allowedMay?: 'be-refused-for-input' }> = {
    'articles.importArticleAction': {
      setup: async (owner, actor): Promise<Record<string, string>> =>
        owner.id === actor.teamId ? { text: 'New article\n\nIt rained 3 mm.' } : { text: 'New version.\n\nIt rained.', articleId: (await article(owner)).id },
    },
    'bulk.setDueDate': { setup: async (owner) => ({ claimIds: [(await claim(owner)).id], dueAt: '2030-01-01' }) },
    'bulk.excludeClaims': { setup: async (owner) => ({ claimIds: [(await claim(owner)).id], reason: 'Opinion.' }) },
    'bulk.applyBulkAction': {
      permission: 'claim.assign',
      setup: async (owner) => ({ intent: 'due', claimIds: [(await claim(owner)).id], dueAt: '2030-01-01' }),
    },
    'claim-edits.splitClaim': { setup: async (owner) => ({ ...ref(await claim(owner)), offset: '4' }) },
    'claim-edits.mergeWithNext': { setup: async (owner) => ({ ...ref(await claim(owner)) }) },
    'claim-edits.saveAsChecked': { setup: async (owner, actor) => ({ ...ref(await researching(owner, actor)), asChecked: 'Spending was $4.5m.' }) },
    'claim-edits.markChangeReviewed': {
      setup: async (owner, actor) => ({
        ...ref(await claim(owner, { previousText: 'Old text.', status: 'IN_RESEARCH', assigneeId: actor.teamId === owner.id ? actor.id : null })),
      }),
    },
    'claim-edits.excludeLowScoring': { setup: async (owner) => ({ articleId: (await article(owner)).id, below: '0.5', reason: 'Low score.' }) },
    'claim-edits.reuseVerdict': {
      setup: async (owner, actor) => {
        const source = await approved(owner);
        return { ...ref(await researching(owner, actor)), sourceClaimId: source.id };
      },
    },
    'claims.assignClaims': {
      setup: async (owner, actor) => ({ claimIds: [(await claim(owner)).id], assigneeId: (owner.id === actor.teamId ? owner : own).members.checker.id }),
    },
    'claims.submitVerdict': {
      setup: async (owner, actor) => ({ ...ref(await researching(owner, actor)), verdictLabelId: (await label(owner)).id, rationale: 'Ministry data.' }),
    },
    'claims.reviewClaim': { setup: async (owner) => ({ ...ref(await inReview(owner)), decision: 'approve' }) },
    'claims.takeClaim': { setup: async (owner) => ({ ...ref(await claim(owner)) }) },
    'claims.startResearch': {
      setup: async (owner, actor) => ({
        ...ref(await claim(owner, { status: 'ASSIGNED', assigneeId: actor.teamId === owner.id ? actor.id : owner.members.checker.id })),
      }),
    },
    'claims.saveNotes': { setup: async (owner, actor) => ({ ...ref(await researching(owner, actor)), notes: 'Called the ministry.' }) },
    'claims.excludeClaim': { setup: async (owner, actor) => ({ ...ref(await researching(owner, actor)), reason: 'An opinion.' }) },
    'claims.includeClaim': {
      setup: async (owner, actor) => ({
        ...ref(await claim(owner, { status: 'NOT_CHECK_WORTHY', statusBeforeExclusion: 'ASSIGNED', assigneeId: actor.teamId === owner.id ? actor.id : null })),
      }),
    },
    'evidence.addEvidence': { setup: async (owner, actor) => ({ claimId: (await researching(owner, actor)).id, ...evidenceFields }) },
    'evidence.updateEvidence': {
      setup: async (owner, actor) => {
        const e = await evidenceBy(owner, actor);
        return { evidenceId: e.id, claimId: e.claimId, version: String(e.version), ...evidenceFields };
      },
    },
    'evidence.removeEvidence': { setup: async (owner, actor) => ({ evidenceId: (await evidenceBy(owner, actor)).id }) },
    'notifications.markNotificationsRead': { scope: 'team', setup: async () => ({}) },
    'publishing.publishClaim': { setup: async (owner) => ({ ...ref(await approved(owner)) }) },
    'publishing.proposeCorrection': {
      setup: async (owner) => ({
        ...ref(await approved(owner, { publishedAt: new Date(), firstPublishedAt: new Date() })),
        kind: 'verdict',
        verdictLabelId: (await label(owner, 'False')).id,
        rationale: 'Revised figures.',
        note: 'The figure was revised.',
      }),
    },
    'publishing.decideCorrection': {
      setup: async (owner) => {
        const c = await approved(owner, { publishedAt: new Date(), firstPublishedAt: new Date() });
        const proposer = await createUser(prisma, { teamId: owner.id, email: `pc.${uniqueSuffix()}@example.test`, name: 'Proposer', role: 'editor' });
        const correction = await prisma.correction.create({
          data: {
            teamId: owner.id,
            claimId: c.id,
            kind: 'UNPUBLISH',
            status: 'PROPOSED',
            claimVersion: c.version,
            previousVerdict: 'True',
            previousRationale: 'Because.',
            note: 'Withdrawn.',
            createdById: proposer.id,
          },
        });
        return { claimId: c.id, correctionId: correction.id, decision: 'approve' };
      },
    },
    'publishing.decideSourceChange': {
      setup: async (owner) => ({
        ...ref(await approved(owner, { sourceChange: 'CHANGED', sourceText: 'The council spent $4.6 million in 2025.' })),
        decision: 'keep',
      }),
    },
    'publishing.publishReport': { setup: async (owner) => ({ articleId: (await article(owner)).id, publish: '1' }) },
    'publishing.updatePublisher': { scope: 'team', setup: async () => ({ orgName: 'Desk Fact Check' }) },
    'team-export.importTeamExport': { scope: 'team', allowedMay: 'be-refused-for-input', setup: async () => ({}) },
    'team.addMember': {
      scope: 'team',
      setup: async () => ({ name: 'New Member', email: `new.${uniqueSuffix()}@example.test`, role: 'checker', password: 'a-long-unusual-passphrase-42' }),
    },
    'team.changeRole': { setup: async (owner) => ({ userId: (await member(owner)).id, role: 'editor' }) },
    'team.resetPassword': { setup: async (owner) => ({ userId: (await member(owner)).id, password: 'a-long-unusual-passphrase-42', confirm: 'on' }) },
    'team.removeMember': { setup: async (owner) => ({ userId: (await member(owner)).id, confirm: 'on' }) },
    'team.addVerdictLabel': { scope: 'team', setup: async () => ({ name: `Label ${uniqueSuffix()}` }) },
    'team.renameVerdictLabel': { setup: async (owner) => ({ labelId: (await label(owner, 'Half true')).id, name: `Half true ${uniqueSuffix()}` }) },
    'team.moveVerdictLabel': { setup: async (owner) => ({ labelId: (await label(owner, 'Mostly true')).id, direction: 'down' }) },
    'team.toggleRetireVerdictLabel': {
      setup: async (owner) => ({
        labelId: (await prisma.verdictLabel.create({ data: { teamId: owner.id, name: `Temp ${uniqueSuffix()}`, position: 99 } })).id,
      }),
    },
    'tokens.createToken': { scope: 'team', setup: async () => ({ name: 'Matrix', scope: 'read' }) },
    'tokens.revokeToken': {
      setup: async (owner, actor) => {
        const holder = owner.id === actor.teamId ? actor : owner.members.editor;
        return { tokenId: (await createApiToken(prisma, { userId: holder.id, teamId: owner.id, name: 'x', scope: 'read' })).record.id };
      },
    },
    'webhooks.createWebhook': { scope: 'team', setup: async () => ({ url: 'https://hooks.example/new', 'event:claim.returned': 'on' }) },
    'webhooks.rotateWebhookSecret': { setup: async (owner) => ({ webhookId: (await webhook(owner)).id }) },
    'webhooks.toggleWebhook': { setup: async (owner) => ({ webhookId: (await webhook(owner)).id }) },
    'webhooks.deleteWebhook': { setup: async (owner) => ({ webhookId: (await webhook(owner)).id }) },
  };
  /** Not behind a session: signing in and out. */
  const PUBLIC_ACTIONS = new Set(['auth.login', 'auth.logout']);
  /** Helpers exported by action modules that are not form actions. */
  const NOT_ACTIONS = new Set(['form-state.initialFormState', 'safe-action.actionFor']);

  const exported = Object.entries(modules).flatMap(([file, mod]) => Object.entries(mod).map(([name, value]) => ({ key: `${file}.${name}`, value })));

  function form(values: Record<string, string | string[]>) {
    const fd = new FormData();
    for (const [k, v] of Object.entries(values)) for (const one of Array.isArray(v) ? v : [v]) fd.append(k, one);
    return fd;
  }

  function outcomeOf(state: FormState | 'redirect'): Outcome | string {
    if (state === 'redirect' || state.ok) return 'allowed';
    if (state.status === 401) return 'sign-in';
    if (state.status === 403 || state.status === 404) return state.status;
    return `refused ${state.status}: ${state.message}`;
  }

  async function call(action: Action, values: Record<string, string | string[]>): Promise<FormState | 'redirect'> {
    try {
      return await action(initialFormState, form(values));
    } catch (err) {
      if (err instanceof Error && (err as { digest?: string }).digest?.startsWith('NEXT_REDIRECT')) return 'redirect';
      throw err;
    }
  }

  function expected(permission: Permission | null, who: (typeof ROLES_AND_ANONYMOUS)[number], sameTeam: boolean): Outcome {
    if (who === 'anonymous') return 'sign-in';
    if (permission && !can({ role: who }, permission)) return 403;
    return sameTeam ? 'allowed' : 404;
  }

  beforeAll(async () => {
    own = await makeTeam('Own');
    other = await makeTeam('Other');
  });
  afterAll(async () => {
    console.log(`permission matrix: ${cells} cells checked (server actions and API routes × anonymous, checker, editor, admin × own team, other team)`);
    await prisma.$disconnect();
  });

  it('has a setup for every exported server action, and only for those', () => {
    const actions = exported.filter((e) => typeof e.value === 'function' && !NOT_ACTIONS.has(e.key) && !PUBLIC_ACTIONS.has(e.key)).map((e) => e.key);
    expect(actions.sort()).toEqual(Object.keys(ACTIONS).sort());
    for (const [key, entry] of Object.entries(ACTIONS)) {
      const action = exported.find((e) => e.key === key)!.value as Action;
      // The permission read off the action is one of the table's (or none: any signed-in member).
      const permission = entry.permission ?? action.permission;
      expect(permission === null || (permission !== undefined && permission in PERMISSIONS), key).toBe(true);
    }
  });

  for (const key of Object.keys(ACTIONS)) {
    it(`server action ${key}`, async () => {
      const entry = ACTIONS[key];
      const action = exported.find((e) => e.key === key)!.value as Action;
      const permission = entry.permission ?? action.permission ?? null;
      for (const who of ROLES_AND_ANONYMOUS) {
        for (const sameTeam of entry.scope === 'team' ? [true] : [true, false]) {
          const actor = who === 'anonymous' ? own.members.editor : own.members[who];
          const values = await entry.setup(sameTeam ? own : other, actor);
          acting = who === 'anonymous' ? null : actor;
          const got = outcomeOf(await call(action, values));
          acting = null;
          const want = expected(permission, who, sameTeam);
          const cell = `${key} as ${who} on ${sameTeam ? 'own' : 'other'} team`;
          if (want === 'allowed' && entry.allowedMay === 'be-refused-for-input') expect([401, 403, 404].includes(got as number), cell).toBe(false);
          else expect(got, cell).toBe(want);
          cells += 1;
        }
      }
    });
  }

  // ---- API routes, through their handlers with real tokens ----
  const ROUTE_FILES: Record<ApiRouteName, string> = {
    listArticles: 'articles',
    importArticle: 'articles',
    listClaims: 'claims',
    getClaim: 'claims/[claimId]',
    listVerdictLabels: 'verdict-labels',
    assignClaim: 'claims/[claimId]/assign',
    addEvidence: 'claims/[claimId]/evidence',
    proposeVerdict: 'claims/[claimId]/verdict',
    reviewVerdict: 'claims/[claimId]/review',
    saveNotes: 'claims/[claimId]/notes',
    takeClaim: 'claims/[claimId]/take',
    startResearch: 'claims/[claimId]/start-research',
    saveAsChecked: 'claims/[claimId]/as-checked',
    setDueDate: 'claims/[claimId]/due-date',
    setAside: 'claims/[claimId]/set-aside',
    bringBack: 'claims/[claimId]/bring-back',
    splitClaim: 'claims/[claimId]/split',
    mergeWithNext: 'claims/[claimId]/merge-with-next',
    reuseVerdict: 'claims/[claimId]/reuse',
    publishClaim: 'claims/[claimId]/publish',
    proposeCorrection: 'claims/[claimId]/corrections',
    decideCorrection: 'claims/[claimId]/corrections/[correctionId]/decision',
    decideSourceChange: 'claims/[claimId]/source-change',
    markChangeReviewed: 'claims/[claimId]/change-reviewed',
    updateEvidence: 'evidence/[evidenceId]',
    removeEvidence: 'evidence/[evidenceId]/remove',
    setAsideLowScoring: 'articles/[articleId]/set-aside-low-scoring',
    publishReport: 'articles/[articleId]/report',
    listMembers: 'members',
    addMember: 'members',
    changeRole: 'members/[userId]/role',
    removeMember: 'members/[userId]/remove',
  };
  /**
   * A route that does what a form action does is called with that action's setup: the form's
   * values become the path's ids and the JSON body (the API's schemas coerce numbers as forms do).
   */
  function fromAction(action: string, pathKeys: string[], adapt: (v: Record<string, string | string[]>) => Record<string, string | string[]> = (v) => v) {
    const entry = ACTIONS[action];
    return {
      ...(entry.scope ? { scope: entry.scope } : {}),
      setup: async (owner: Team, actor: SessionUser): Promise<RouteCall> => {
        const values = adapt(await entry.setup(owner, actor));
        const params = Object.fromEntries(pathKeys.map((k) => [k, String(values[k])]));
        const body = Object.fromEntries(Object.entries(values).filter(([k]) => !pathKeys.includes(k)));
        return { params, body };
      },
    };
  }
  const firstClaim = (v: Record<string, string | string[]>) => {
    const { claimIds, ...rest } = v;
    return { ...rest, claimId: (claimIds as string[])[0] };
  };
  type RouteCall = { params?: Record<string, string>; body?: Record<string, unknown> };
  const ROUTES: Record<ApiRouteName, { setup: (owner: Team, actor: SessionUser) => Promise<RouteCall>; scope?: 'team' }> = {
    listArticles: { scope: 'team', setup: async () => ({}) },
    importArticle: { scope: 'team', setup: async () => ({ body: { text: 'API article\n\nIt rained 3 mm.' } }) },
    listClaims: { scope: 'team', setup: async () => ({}) },
    listVerdictLabels: { scope: 'team', setup: async () => ({}) },
    getClaim: { setup: async (owner) => ({ params: { claimId: (await claim(owner)).id } }) },
    assignClaim: {
      setup: async (owner, actor) => ({
        params: { claimId: (await claim(owner)).id },
        body: { assigneeId: (owner.id === actor.teamId ? owner : own).members.checker.id },
      }),
    },
    addEvidence: { setup: async (owner, actor) => ({ params: { claimId: (await researching(owner, actor)).id }, body: evidenceFields }) },
    proposeVerdict: {
      setup: async (owner, actor) => {
        const c = await researching(owner, actor);
        return { params: { claimId: c.id }, body: { version: c.version, verdictLabelId: (await label(owner)).id, rationale: 'Data.' } };
      },
    },
    reviewVerdict: {
      setup: async (owner) => {
        const c = await inReview(owner);
        return { params: { claimId: c.id }, body: { version: c.version, decision: 'approve' } };
      },
    },
    saveNotes: fromAction('claims.saveNotes', ['claimId']),
    takeClaim: fromAction('claims.takeClaim', ['claimId']),
    startResearch: fromAction('claims.startResearch', ['claimId']),
    saveAsChecked: fromAction('claim-edits.saveAsChecked', ['claimId']),
    setDueDate: fromAction('bulk.setDueDate', ['claimId'], firstClaim),
    setAside: fromAction('claims.excludeClaim', ['claimId']),
    bringBack: fromAction('claims.includeClaim', ['claimId']),
    splitClaim: fromAction('claim-edits.splitClaim', ['claimId']),
    mergeWithNext: fromAction('claim-edits.mergeWithNext', ['claimId']),
    reuseVerdict: fromAction('claim-edits.reuseVerdict', ['claimId']),
    publishClaim: fromAction('publishing.publishClaim', ['claimId']),
    proposeCorrection: fromAction('publishing.proposeCorrection', ['claimId']),
    decideCorrection: fromAction('publishing.decideCorrection', ['claimId', 'correctionId']),
    decideSourceChange: fromAction('publishing.decideSourceChange', ['claimId']),
    markChangeReviewed: fromAction('claim-edits.markChangeReviewed', ['claimId']),
    updateEvidence: fromAction('evidence.updateEvidence', ['evidenceId']),
    removeEvidence: fromAction('evidence.removeEvidence', ['evidenceId']),
    setAsideLowScoring: fromAction('claim-edits.excludeLowScoring', ['articleId']),
    publishReport: fromAction('publishing.publishReport', ['articleId']),
    listMembers: { scope: 'team', setup: async () => ({}) },
    addMember: fromAction('team.addMember', []),
    changeRole: fromAction('team.changeRole', ['userId']),
    removeMember: fromAction('team.removeMember', ['userId']),
  };

  it('has a setup for every API route', () => {
    expect(Object.keys(ROUTES).sort()).toEqual(Object.keys(API_ROUTES).sort());
  });

  for (const name of Object.keys(API_ROUTES) as ApiRouteName[]) {
    it(`API route ${name}`, async () => {
      const def: ApiRouteDef = API_ROUTES[name];
      const mod = await ROUTE_MODULES[`../../app/api/v1/${ROUTE_FILES[name]}/route.ts`]();
      const handler = mod[def.method.toUpperCase()];
      for (const who of ROLES_AND_ANONYMOUS) {
        for (const sameTeam of ROUTES[name].scope === 'team' ? [true] : [true, false]) {
          const actor = who === 'anonymous' ? own.members.editor : own.members[who];
          const { params = {}, body } = await ROUTES[name].setup(sameTeam ? own : other, actor);
          const token =
            who === 'anonymous' ? null : (await createApiToken(prisma, { userId: actor.id, teamId: actor.teamId, name: 'm', scope: 'write' })).token;
          const url = `http://desk.test/api/v1${def.path.replace(/\{(\w+)\}/g, (_, k: string) => params[k])}`;
          const response = await handler(
            new Request(url, {
              method: def.method.toUpperCase(),
              headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), 'content-type': 'application/json' },
              body: def.method === 'post' ? JSON.stringify(body ?? {}) : undefined,
            }),
            { params: Promise.resolve(params) },
          );
          const got: Outcome | number =
            response.status === 401
              ? 'sign-in'
              : response.status === 403 || response.status === 404
                ? response.status
                : response.ok
                  ? 'allowed'
                  : response.status;
          expect(got, `${name} as ${who} on ${sameTeam ? 'own' : 'other'} team: ${response.ok ? '' : await response.text()}`).toBe(
            expected(def.permission, who, sameTeam),
          );
          cells += 1;
        }
      }
    });
  }
});
