import type { APIRequestContext, APIResponse } from '@playwright/test';
import type { z } from 'zod';
import { API_ROUTES, type ApiRouteDef, type ApiRouteName } from '@/lib/api/routes';
import { errorResponse } from '@/lib/api/schemas';
import { createApiToken } from '@/lib/api/tokens';
import { createDesk, expect, fixtureExpected, fixtureText, importFixture, prisma, signIn, test, type Member } from './fixtures';

/**
 * The REST API against the running app: tokens, scopes, the same role and team rules as the
 * desk, versions, rate limits, and the contract: every answer has a status its route documents
 * and a body its documented schema accepts.
 */
const seen = new Set<string>(); // "operationId status" of every answer checked

async function token(member: Member, scope: 'read' | 'write' = 'write', rateLimitPerMinute?: number) {
  const { token, record } = await createApiToken(prisma, { userId: member.id, teamId: member.teamId, name: 'e2e', scope });
  if (rateLimitPerMinute) await prisma.apiToken.update({ where: { id: record.id }, data: { rateLimitPerMinute } });
  return token;
}

function url(def: ApiRouteDef, params: Record<string, string> = {}, query: Record<string, string> = {}) {
  const path = def.path.replace(/\{(\w+)\}/g, (_, k: string) => encodeURIComponent(params[k]));
  const qs = new URLSearchParams(query).toString();
  return `/api/v1${path}${qs ? `?${qs}` : ''}`;
}

/** Calls a route and checks the answer against the route's documented responses. */
async function call<N extends ApiRouteName>(
  request: APIRequestContext,
  name: N,
  opts: { token?: string; params?: Record<string, string>; query?: Record<string, string>; body?: unknown; rawBody?: string } = {},
): Promise<{ status: number; body: z.output<(typeof API_ROUTES)[N]['success']['schema']> & z.output<typeof errorResponse>; response: APIResponse }> {
  const def: ApiRouteDef = API_ROUTES[name];
  const response = await request.fetch(url(def, opts.params, opts.query), {
    method: def.method.toUpperCase(),
    headers: { ...(opts.token ? { Authorization: `Bearer ${opts.token}` } : {}), ...(def.body ? { 'Content-Type': 'application/json' } : {}) },
    data: opts.rawBody ?? (def.body ? JSON.stringify(opts.body ?? {}) : undefined),
  });
  const status = response.status();
  const body = await response.json();
  const documented = [def.success.status, ...def.errors] as number[];
  expect(documented, `${name} answered ${status}, which its route does not document`).toContain(status);
  const schema = status === def.success.status ? def.success.schema : errorResponse;
  const parsed = schema.safeParse(body);
  expect(parsed.success, `${name} ${status}: ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
  if (status !== def.success.status) expect(body.error.status).toBe(status);
  seen.add(`${name} ${status}`);
  return { status, body, response };
}

test('a desk works through the API with the same rules as the desk itself', async ({ request, desk }) => {
  const editor = await token(desk.editor);
  const checker = await token(desk.checker);
  const reader = await token(desk.checker2, 'read');

  // No token, or a wrong one: 401.
  expect((await call(request, 'listArticles')).status).toBe(401);
  expect((await call(request, 'listArticles', { token: 'cdk_not-a-token' })).status).toBe(401);

  // Import through the API: the same split as the form, exactly.
  const expected = fixtureExpected('transit-budget');
  const imported = await call(request, 'importArticle', { token: editor, body: { text: fixtureText('transit-budget'), outlet: 'Metro Post' } });
  expect(imported.status).toBe(201);
  expect(imported.body.title).toBe(expected.title);
  expect(imported.body.claims.map((c) => c.text)).toEqual(expected.claims);
  const articleId = imported.body.id;

  // A checker may not import; a read token may not write at all; bad input is a 422 with the field.
  expect((await call(request, 'importArticle', { token: checker, body: { text: 'A sentence.' } })).status).toBe(403);
  expect((await call(request, 'importArticle', { token: reader, body: { text: 'A sentence.' } })).status).toBe(403);
  const empty = await call(request, 'importArticle', { token: editor, body: { text: '   ' } });
  expect(empty.status).toBe(422);
  expect(empty.body.error.fieldErrors?.text?.[0]).toContain('empty');
  expect((await call(request, 'importArticle', { token: editor, rawBody: '{not json' })).status).toBe(400);

  const articles = await call(request, 'listArticles', { token: reader });
  expect(articles.status).toBe(200);
  expect(articles.body.articles.map((a) => a.id)).toEqual([articleId]);
  expect(articles.body.articles[0].counts.UNASSIGNED).toBe(expected.claims.length);

  const list = await call(request, 'listClaims', { token: reader, query: { article: articleId, sort: 'updated' } });
  expect(list.status).toBe(200);
  expect(list.body.claims).toHaveLength(expected.claims.length);
  expect((await call(request, 'listClaims', { token: reader, query: { status: 'DONE' } })).status).toBe(422);
  const found = await call(request, 'listClaims', { token: reader, query: { q: 'stations' } });
  expect(found.body.claims.length).toBeGreaterThan(0);
  expect(found.body.claims.every((c) => /stations/i.test(c.text))).toBe(true);

  const first = await prisma.claim.findFirstOrThrow({ where: { articleId, position: 1 } });
  const claimParams = { claimId: first.id };

  // Assign: editors only; then the checker researches and proposes.
  expect((await call(request, 'assignClaim', { token: checker, params: claimParams, body: { assigneeId: desk.checker.id } })).status).toBe(403);
  const assigned = await call(request, 'assignClaim', { token: editor, params: claimParams, body: { assigneeId: desk.checker.id, dueAt: '2030-01-31' } });
  expect(assigned.status).toBe(200);
  expect(assigned.body.claim).toMatchObject({ status: 'ASSIGNED', assignee: { id: desk.checker.id } });

  const badLink = await call(request, 'addEvidence', {
    token: checker,
    params: claimParams,
    body: { url: 'javascript:alert(1)', title: 'x', stance: 'SUPPORTS' },
  });
  expect(badLink.status).toBe(422);
  expect(badLink.body.error.fieldErrors?.url).toBeTruthy();
  const evidence = await call(request, 'addEvidence', {
    token: checker,
    params: claimParams,
    body: { url: 'https://example.org/budget.pdf', title: 'City budget 2026', stance: 'SUPPORTS', quote: 'Fares rise 5%.' },
  });
  expect(evidence.status).toBe(201);
  expect(evidence.body).toMatchObject({ url: 'https://example.org/budget.pdf', author: { id: desk.checker.id } });

  const labels = await call(request, 'listVerdictLabels', { token: checker });
  const mostlyTrue = labels.body.labels.find((l) => l.name === 'Mostly true')!;
  const claim = await call(request, 'getClaim', { token: checker, params: claimParams });
  expect(claim.body.status).toBe('IN_RESEARCH');
  expect(claim.body.evidence).toHaveLength(1);
  expect(claim.body.history.map((h) => h.type)).toEqual(expect.arrayContaining(['evidence.added', 'claim.assigned']));

  const stale = await call(request, 'proposeVerdict', {
    token: checker,
    params: claimParams,
    body: { version: claim.body.version - 1, verdictLabelId: mostlyTrue.id, rationale: 'Budget p. 4.' },
  });
  expect(stale.status).toBe(409);
  const proposed = await call(request, 'proposeVerdict', {
    token: checker,
    params: claimParams,
    body: { version: claim.body.version, verdictLabelId: mostlyTrue.id, rationale: 'Budget p. 4.' },
  });
  expect(proposed.status).toBe(200);
  expect(proposed.body.claim).toMatchObject({ status: 'IN_REVIEW', verdict: { name: 'Mostly true' }, rationale: 'Budget p. 4.' });

  // Review: a checker may not; the editor approves.
  const version = proposed.body.claim.version;
  expect((await call(request, 'reviewVerdict', { token: checker, params: claimParams, body: { version, decision: 'approve' } })).status).toBe(403);
  const approved = await call(request, 'reviewVerdict', { token: editor, params: claimParams, body: { version, decision: 'approve' } });
  expect(approved.status).toBe(200);
  expect(approved.body.claim.status).toBe('APPROVED');

  // Another team's token sees none of it: its claim is a 404, its lists are empty.
  const other = await createDesk('Other');
  const outsider = await token(other.editor);
  expect((await call(request, 'getClaim', { token: outsider, params: claimParams })).status).toBe(404);
  expect((await call(request, 'assignClaim', { token: outsider, params: claimParams, body: { assigneeId: desk.checker.id } })).status).toBe(404);
  expect((await call(request, 'listClaims', { token: outsider, query: { article: articleId } })).body.claims).toEqual([]);
  expect((await call(request, 'listArticles', { token: outsider })).body.articles).toEqual([]);
});

test('everything the desk’s forms do, the API does: research, split and merge, publishing, corrections by a second editor, source changes, members', async ({
  request,
  desk,
}) => {
  const [editor, editor2, checker, admin] = await Promise.all([token(desk.editor), token(desk.editor2), token(desk.checker), token(desk.admin)]);
  const { body: article } = await call(request, 'importArticle', {
    token: editor,
    body: {
      text: 'API desk\n\nRidership fell 40% last year. The council spent $4.5 million. Fares rose to $3 in March.',
      sourceUrl: 'https://news.example/api-desk',
    },
  });
  const claims = await prisma.claim.findMany({ where: { articleId: article.id }, orderBy: { position: 'asc' } });
  const at = (i: number) => ({ claimId: claims[i].id });
  const now = async (i: number) => (await call(request, 'getClaim', { token: checker, params: at(i) })).body;

  // A checker takes a claim, researches it, restates it and reuses nothing yet.
  expect((await call(request, 'takeClaim', { token: checker, params: at(0), body: { version: (await now(0)).version } })).body.claim.status).toBe('ASSIGNED');
  expect((await call(request, 'startResearch', { token: checker, params: at(0), body: { version: (await now(0)).version } })).body.claim.status).toBe(
    'IN_RESEARCH',
  );
  const noted = await call(request, 'saveNotes', {
    token: checker,
    params: at(0),
    body: { version: (await now(0)).version, notes: 'Called the transit office.' },
  });
  expect(noted.body.claim.notes).toBe('Called the transit office.');
  const stale = await call(request, 'saveNotes', { token: checker, params: at(0), body: { version: noted.body.claim.version - 1, notes: 'Older.' } });
  expect(stale.status).toBe(409);
  expect(stale.body.error.conflict).toMatchObject({
    version: noted.body.claim.version,
    theirs: expect.arrayContaining([{ field: 'notes', label: 'Research notes', value: 'Called the transit office.' }]),
  });
  expect(
    (
      await call(request, 'saveAsChecked', {
        token: checker,
        params: at(0),
        body: { version: noted.body.claim.version, asChecked: 'Ridership fell 40% in 2025.' },
      })
    ).body.claim.asChecked,
  ).toBe('Ridership fell 40% in 2025.');
  const added = await call(request, 'addEvidence', {
    token: checker,
    params: at(0),
    body: { url: 'https://example.org/report', title: 'Report', stance: 'SUPPORTS' },
  });
  const evidenceId = added.body.id;
  const edited = await call(request, 'updateEvidence', {
    token: checker,
    params: { evidenceId },
    body: { version: 0, url: 'https://example.org/report', title: 'Annual report', stance: 'SUPPORTS' },
  });
  expect(edited.body.claim.evidence[0].title).toBe('Annual report');
  const spare = await call(request, 'addEvidence', {
    token: checker,
    params: at(0),
    body: { url: 'https://example.org/spare', title: 'Spare', stance: 'CONTEXT' },
  });
  expect((await call(request, 'removeEvidence', { token: checker, params: { evidenceId: spare.body.id }, body: {} })).body.claim.evidence).toHaveLength(1);

  // Editors: due dates, set aside and back, split and merge.
  expect((await call(request, 'setDueDate', { token: editor, params: at(1), body: { dueAt: '2030-02-01' } })).body.claim.dueAt).toContain('2030-02-01');
  expect(
    (await call(request, 'setAside', { token: editor, params: at(1), body: { version: (await now(1)).version, reason: 'An aside.' } })).body.claim.status,
  ).toBe('NOT_CHECK_WORTHY');
  expect((await call(request, 'bringBack', { token: editor, params: at(1), body: { version: (await now(1)).version } })).body.claim.status).toBe('UNASSIGNED');
  const split = await call(request, 'splitClaim', { token: editor, params: at(1), body: { version: (await now(1)).version, offset: 11 } });
  expect(split.body.claim.text).toBe('The council');
  const merged = await call(request, 'mergeWithNext', { token: editor, params: at(1), body: { version: split.body.claim.version } });
  expect(merged.body.claim.text).toBe('The council spent $4.5 million.');
  expect(
    (await call(request, 'setAsideLowScoring', { token: editor, params: { articleId: article.id }, body: { below: 0.01, reason: 'Filler.' } })).body,
  ).toEqual({ count: 0 });

  // The verdict, approved by an editor, published; the public address comes with the claim.
  const labels = (await call(request, 'listVerdictLabels', { token: checker })).body.labels;
  const label = (name: string) => labels.find((l) => l.name === name)!.id;
  await call(request, 'proposeVerdict', {
    token: checker,
    params: at(0),
    body: { version: (await now(0)).version, verdictLabelId: label('True'), rationale: 'The annual report.' },
  });
  await call(request, 'reviewVerdict', { token: editor, params: at(0), body: { version: (await now(0)).version, decision: 'approve' } });
  const published = await call(request, 'publishClaim', { token: editor, params: at(0), body: { version: (await now(0)).version } });
  expect(published.body.claim.publicUrl).toMatch(new RegExp(`/t/${desk.team.slug}/fact-checks/${claims[0].id}$`));
  expect((await call(request, 'publishReport', { token: editor, params: { articleId: article.id }, body: { publish: '1' } })).body).toEqual({
    published: true,
  });

  // A correction: proposed by one editor, refused to its proposer, approved by another.
  const proposal = await call(request, 'proposeCorrection', {
    token: editor,
    params: at(0),
    body: {
      version: published.body.claim.version,
      kind: 'verdict',
      verdictLabelId: label('Mostly true'),
      rationale: 'Revised to 39.6%.',
      note: 'The figure was revised.',
    },
  });
  const pending = proposal.body.claim.pendingCorrection!;
  expect(pending).toMatchObject({ kind: 'VERDICT', newVerdict: 'Mostly true', proposedBy: desk.editor.name });
  expect(
    (await call(request, 'decideCorrection', { token: editor, params: { ...at(0), correctionId: pending.id }, body: { decision: 'approve' } })).status,
  ).toBe(403);
  const decided = await call(request, 'decideCorrection', { token: editor2, params: { ...at(0), correctionId: pending.id }, body: { decision: 'approve' } });
  expect(decided.body.claim).toMatchObject({ verdict: { name: 'Mostly true' }, rationale: 'Revised to 39.6%.', pendingCorrection: null });

  // The source changes: the published claim is flagged, not changed; the editor keeps it as checked.
  await call(request, 'importArticle', {
    token: editor,
    body: {
      text: 'API desk\n\nRidership fell 41% last year. The council spent $4.5 million. Fares rose to $4 in March.',
      sourceUrl: 'https://news.example/api-desk',
    },
  });
  const flagged = await now(0);
  expect(flagged).toMatchObject({ text: 'Ridership fell 40% last year.', sourceChange: { kind: 'CHANGED', sourceText: 'Ridership fell 41% last year.' } });
  expect(
    (await call(request, 'decideSourceChange', { token: editor, params: at(0), body: { version: flagged.version, decision: 'keep' } })).body.claim.sourceChange,
  ).toBeNull();
  // An open claim follows the source, flagged for its checker to look at.
  const fares = claims.findIndex((c) => c.text.startsWith('Fares'));
  expect((await now(fares)).text).toBe('Fares rose to $4 in March.');
  expect((await call(request, 'markChangeReviewed', { token: editor, params: at(fares), body: { version: (await now(fares)).version } })).status).toBe(200);

  // Reuse of the approved verdict on another claim in research.
  await call(request, 'assignClaim', { token: editor, params: at(fares), body: { assigneeId: desk.checker.id } });
  const reused = await call(request, 'reuseVerdict', {
    token: checker,
    params: at(fares),
    body: { version: (await now(fares)).version, sourceClaimId: claims[0].id },
  });
  expect(reused.body.claim).toMatchObject({ status: 'IN_RESEARCH', verdict: { name: 'Mostly true' } });

  // Members: anyone lists them (emails for admins only); admins add, change roles and remove.
  const members = (await call(request, 'listMembers', { token: checker })).body.members;
  expect(members.map((m) => m.name)).toContain(desk.editor.name);
  expect(members.every((m) => m.email === undefined)).toBe(true);
  expect(
    (
      await call(request, 'addMember', {
        token: editor,
        body: { name: 'Nia New', email: `nia.${desk.team.slug}@example.test`, role: 'checker', password: 'a-long-unusual-passphrase-42' },
      })
    ).status,
  ).toBe(403);
  const nia = await call(request, 'addMember', {
    token: admin,
    body: { name: 'Nia New', email: `nia.${desk.team.slug}@example.test`, role: 'checker', password: 'a-long-unusual-passphrase-42' },
  });
  expect(nia.body).toMatchObject({ name: 'Nia New', role: 'checker', email: `nia.${desk.team.slug}@example.test` });
  expect((await call(request, 'changeRole', { token: admin, params: { userId: nia.body.id }, body: { role: 'editor' } })).body.role).toBe('editor');
  expect((await call(request, 'removeMember', { token: admin, params: { userId: nia.body.id }, body: { confirm: 'on' } })).body.removedAt).not.toBeNull();

  // With the journey before it (same worker, in order): every route's success answer was seen, and checked against its schema.
  for (const def of Object.values(API_ROUTES) as ApiRouteDef[]) expect([...seen]).toContain(`${def.operationId} ${def.success.status}`);
});

test('a token is limited per minute, with Retry-After, counted in the database', async ({ request, desk }) => {
  const limited = await token(desk.editor, 'read', 3);
  for (let i = 0; i < 3; i++) expect((await call(request, 'listArticles', { token: limited })).status).toBe(200);
  const refused = await call(request, 'listArticles', { token: limited });
  expect(refused.status).toBe(429);
  expect(Number(refused.response.headers()['retry-after'])).toBeGreaterThanOrEqual(1);
  const [row] = await prisma.rateLimit.findMany({ where: { key: { startsWith: 'token:' } }, orderBy: { count: 'desc' }, take: 1 });
  expect(row.count).toBeGreaterThanOrEqual(4);
  // Another token of the same member has its own allowance.
  expect((await call(request, 'listArticles', { token: await token(desk.editor, 'read') })).status).toBe(200);
});

test('the OpenAPI document lists every route with exactly the answers it may give', async ({ request }) => {
  const doc = await (await request.get('/api/v1/openapi.json')).json();
  expect(doc.openapi).toBe('3.1.0');
  for (const def of Object.values(API_ROUTES) as ApiRouteDef[]) {
    const op = doc.paths[def.path]?.[def.method];
    expect(op, `${def.method} ${def.path}`).toBeTruthy();
    expect(Object.keys(op.responses).map(Number).sort()).toEqual([def.success.status, ...def.errors].sort());
  }
});

test('a member makes a token in settings, sees it once, uses it and revokes it', async ({ page, request, desk }) => {
  await importFixture(desk, 'transit-budget');
  await signIn(page, desk.checker);
  await page.goto('/settings/tokens');
  await expect(page.getByText('No tokens yet')).toBeVisible();
  const form = page.getByRole('form', { name: 'Make a token' });
  await form.getByLabel('Name').fill('Spreadsheet');
  await form.getByLabel('Access').selectOption('read');
  await form.getByRole('button', { name: 'Make token' }).click();
  const shown = form.getByRole('status');
  await expect(shown).toContainText('Copy it now');
  const made = /cdk_[A-Za-z0-9_-]+/.exec((await shown.textContent()) ?? '')![0];
  expect((await call(request, 'listArticles', { token: made })).body.articles).toHaveLength(1);

  await page.reload();
  await expect(page.getByText(made)).toHaveCount(0);
  const row = page.getByRole('row', { name: /Spreadsheet/ });
  await expect(row).toContainText('Read only');
  await row.getByRole('button', { name: 'Revoke Spreadsheet' }).click();
  await expect(page.getByRole('row', { name: /Spreadsheet/ })).toContainText('Revoked');
  expect((await call(request, 'listArticles', { token: made })).status).toBe(401);
});

test('the API reference is public and lists every route', async ({ page }) => {
  await page.goto('/api-docs');
  await expect(page.getByRole('heading', { level: 1, name: 'Claimdesk API' })).toBeVisible();
  for (const def of Object.values(API_ROUTES) as ApiRouteDef[]) {
    await expect(page.getByRole('heading', { level: 2, name: `${def.method.toUpperCase()} /api/v1${def.path}`, exact: true })).toBeVisible();
  }
});
