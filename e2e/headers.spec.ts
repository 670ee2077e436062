import type { APIResponse, Page, Response } from '@playwright/test';
import { expect, importFixture, prisma, signIn, test, type Desk } from './fixtures';

/** Security headers on every kind of response, and pages that still work under the nonce CSP (ADR 0015). */

type Headers = Record<string, string>;

function expectSecurityHeaders(headers: Headers, what: string) {
  expect(headers['referrer-policy'], what).toBe('strict-origin-when-cross-origin');
  expect(headers['x-content-type-options'], what).toBe('nosniff');
  expect(headers['x-frame-options'], what).toBe('DENY');
  const permissions = headers['permissions-policy'] ?? '';
  for (const feature of ['camera', 'microphone', 'geolocation', 'payment', 'usb']) expect(permissions, what).toContain(`${feature}=()`);

  const csp = headers['content-security-policy'];
  expect(csp, `${what}: Content-Security-Policy`).toBeTruthy();
  const directives = new Map(
    csp.split(';').map((d) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name, values] as const;
    }),
  );
  const scripts = directives.get('script-src') ?? [];
  expect(scripts, what).toContain("'strict-dynamic'");
  expect(
    scripts.some((s) => /^'nonce-[A-Za-z0-9+/]{20,}={0,2}'$/.test(s)),
    `${what}: script-src has a nonce`,
  ).toBe(true);
  expect(scripts, what).not.toContain("'unsafe-inline'");
  expect(scripts, what).not.toContain("'unsafe-eval'");
  expect(directives.get('frame-ancestors'), what).toEqual(["'none'"]);
  expect(directives.get('object-src'), what).toEqual(["'none'"]);
  expect(directives.get('base-uri'), what).toEqual(["'self'"]);
  expect(directives.get('form-action'), what).toEqual(["'self'"]);
  return csp;
}

const nonceOf = (csp: string) => /'nonce-([^']+)'/.exec(csp)?.[1];

/** Collects what the browser refused under the CSP: console messages and securitypolicyviolation events. */
async function watchViolations(page: Page) {
  const violations: string[] = [];
  page.on('console', (msg) => {
    if (/Refused to|Content Security Policy/i.test(msg.text())) violations.push(`console: ${msg.text()}`);
  });
  await page.exposeFunction('__reportCspViolation', (v: string) => violations.push(`event: ${v}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __reportCspViolation: (v: string) => void }).__reportCspViolation(
        `${e.violatedDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber}`,
      );
    });
  });
  return violations;
}

/** React has hydrated the document: it keeps its fiber on the DOM nodes it adopted. */
async function expectHydrated(page: Page, what: string) {
  await expect
    .poll(() => page.evaluate(() => Object.keys(document.body).some((k) => k.startsWith('__reactFiber'))), { message: `${what} hydrated` })
    .toBe(true);
}

async function publishedFactCheck(desk: Desk) {
  const article = await importFixture(desk, 'transit-budget');
  const claim = await prisma.claim.findFirstOrThrow({ where: { articleId: article.id, position: 1 } });
  const label = await prisma.verdictLabel.findFirstOrThrow({ where: { teamId: desk.team.id, name: 'Mostly true' } });
  const now = new Date();
  await prisma.claim.update({
    where: { id: claim.id },
    data: {
      status: 'APPROVED',
      assigneeId: desk.checker.id,
      proposedById: desk.checker.id,
      proposedAt: now,
      verdictLabelId: label.id,
      rationale: 'The annual report says so.',
      publishedAt: now,
      firstPublishedAt: now,
    },
  });
  await prisma.article.update({ where: { id: article.id }, data: { reportPublishedAt: now } });
  await prisma.correction.create({
    data: {
      teamId: desk.team.id,
      claimId: claim.id,
      previousVerdict: 'True',
      previousRationale: 'Earlier.',
      newVerdict: 'Mostly true',
      note: 'Rounded figure.',
      createdById: desk.editor.id,
      status: 'APPROVED',
      decidedById: desk.editor2.id,
      decidedAt: now,
    },
  });
  await prisma.notification.create({ data: { teamId: desk.team.id, userId: desk.admin.id, type: 'ASSIGNED', claimId: claim.id, message: 'A claim for you.' } });
  return { article, claim };
}

test('every page, API route and 404 carries the security headers and a fresh nonce, and pages hydrate under the policy', async ({ page, desk, request }) => {
  test.slow(); // twenty-odd pages in a browser
  const { article, claim } = await publishedFactCheck(desk);
  const violations = await watchViolations(page);
  const check = async (path: string, response: Response | null, status = 200) => {
    expect(response, path).toBeTruthy();
    expect(response!.status(), path).toBe(status);
    expectSecurityHeaders(response!.headers(), path);
    if ((response!.headers()['content-type'] ?? '').startsWith('text/html')) await expectHydrated(page, path);
    expect(violations, `CSP violations on ${path}`).toEqual([]);
  };

  // Signed out: the sign-in page, public pages, the API reference, and the redirect of a desk page.
  await check('/login', await page.goto('/login'));
  for (const path of [
    `/t/${desk.team.slug}/fact-checks/${claim.id}`,
    `/t/${desk.team.slug}/corrections`,
    `/t/${desk.team.slug}/reports/${article.id}`,
    '/api-docs',
  ]) {
    await check(path, await page.goto(path));
  }
  await check('/t/no-such-team/corrections (404)', await page.goto('/t/no-such-team/corrections'), 404);
  const redirect = await request.get('/articles', { maxRedirects: 0 });
  expect(redirect.status()).toBe(307);
  expect(redirect.headers().location).toBe('/login?next=%2Farticles');
  expectSecurityHeaders(redirect.headers(), 'the sign-in redirect');

  // Signing in works: the form is a React form, so this needs its scripts to have run.
  await signIn(page, desk.admin);
  const desks = [
    '/articles',
    `/articles/${article.id}`,
    `/articles/${article.id}/read`,
    `/articles/${article.id}/versions`,
    '/articles/new',
    `/claims/${claim.id}`,
    '/claims',
    '/dashboard',
    '/my-claims',
    '/review',
    '/notifications',
    '/settings',
    '/settings/publishing',
    '/settings/webhooks',
    '/settings/tokens',
    '/settings/export',
  ];
  for (const path of desks) await check(path, await page.goto(path));
  await check('/no-such-page (404)', await page.goto('/no-such-page'), 404);
  await check(`/claims/unknown (404)`, await page.goto('/claims/no-such-claim'), 404);

  // The annotated reader's keyboard handling is client code: j moves focus to the first sentence.
  await page.goto(`/articles/${article.id}/read`);
  const first = page.getByRole('button', { name: claim.text });
  await expect(async () => {
    await page.keyboard.press('j');
    await expect(first).toBeFocused({ timeout: 500 });
  }).toPass();
  // Live updates use EventSource to /api/events, which connect-src allows.
  expect(violations).toEqual([]);

  // API routes and the API's 404: JSON, with the same headers.
  const api: [string, APIResponse, number][] = [
    ['/api/health', await request.get('/api/health'), 200],
    ['/api/v1/openapi.json', await request.get('/api/v1/openapi.json'), 200],
    ['/api/v1/claims', await request.get('/api/v1/claims'), 401],
    ['/api/v1/no-such-route', await request.get('/api/v1/no-such-route'), 404],
  ];
  for (const [path, response, status] of api) {
    expect(response.status(), path).toBe(status);
    expectSecurityHeaders(response.headers(), path);
  }
});

test('the nonce is new on every request and is the one on the page’s scripts', async ({ request }) => {
  const nonces = new Set<string>();
  for (let i = 0; i < 3; i++) {
    const response = await request.get('/login');
    const csp = expectSecurityHeaders(response.headers(), '/login');
    const nonce = nonceOf(csp)!;
    nonces.add(nonce);
    const html = await response.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  }
  expect(nonces.size).toBe(3);

  // Static files get the fixed headers too; they need no CSP.
  const chunk = /<script src="(\/_next\/static\/[^"]+\.js)"/.exec(await (await request.get('/login')).text())![1];
  const asset = await request.get(chunk);
  expect(asset.status()).toBe(200);
  expect(asset.headers()['x-content-type-options']).toBe('nosniff');
  expect(asset.headers()['x-frame-options']).toBe('DENY');
  const api = [await request.get('/api/health'), await request.get('/api/health')].map((r) => nonceOf(r.headers()['content-security-policy']));
  expect(api[0]).not.toBe(api[1]);
});

test('an inline script without the nonce is refused by the browser', async ({ page }) => {
  const violations = await watchViolations(page);
  await page.goto('/login');
  await expectHydrated(page, '/login');
  // What an injected <script> would be: inline, without the nonce.
  await page.evaluate(() => {
    const s = document.createElement('div');
    s.innerHTML = '<img src="x" onerror="window.__injected = 1">';
    document.body.append(s);
  });
  await expect.poll(() => violations.length).toBeGreaterThan(0);
  expect(await page.evaluate(() => (window as unknown as { __injected?: number }).__injected)).toBeUndefined();
});
