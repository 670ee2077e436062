import type { Page, Request } from '@playwright/test';
import { createApiToken } from '@/lib/api/tokens';
import { createDesk, expect, importFixture, pageAs, prisma, signIn, test, type Member } from './fixtures';
import { followLiveEvents } from './live-events';

/**
 * Passwords, ending a member's access, sign-in limits and cross-site requests. Every test has a
 * desk of its own, so the accounts it locks out are nobody else's.
 */

const NEW_PASSWORD = 'tidal-orchard-lantern-7';
const NO_MATCH = 'That email and password do not match an account.';

/** One sign-in attempt from a fresh sign-in page; returns what the form then says (empty when signed in). */
async function attemptSignIn(page: Page, email: string, password: string): Promise<string> {
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  const articles = page.getByRole('heading', { level: 1, name: 'Articles' });
  const status = page.getByRole('status').filter({ hasText: /\S/ });
  // An account's recent failures make its answer wait up to SIGN_IN_DELAY.maxMs (lib/auth/sign-in-limit.ts).
  await expect(articles.or(status).first()).toBeVisible({ timeout: 20_000 });
  return (await articles.isVisible()) ? '' : (await status.innerText()).trim();
}

/** The counters are fixed 15-minute windows (lib/auth/sign-in-limit.ts): waits for a new one unless `needMs` are left of this one. */
async function inOneSignInWindow(page: Page, needMs: number) {
  const windowMs = 15 * 60_000;
  const left = windowMs - (Date.now() % windowMs);
  if (left < needMs) await page.waitForTimeout(left + 1_000);
}

function memberRow(page: Page, member: Member) {
  return page.getByRole('list', { name: 'Active members' }).getByRole('listitem').filter({ hasText: member.email });
}

/** The next server action the page posts, as sent: its Next-Action header, content type and body. */
function nextActionRequest(page: Page): Promise<Request> {
  return new Promise((resolve) => {
    const seen = (request: Request) => {
      if (request.method() === 'POST' && request.headers()['next-action']) {
        page.off('request', seen);
        resolve(request);
      }
    };
    page.on('request', seen);
  });
}

/** Posts a captured server action again with the page's cookies, from `origin`, optionally with one id swapped. */
async function replay(page: Page, request: Request, origin: string, swap?: [from: string, to: string]) {
  const headers = await request.allHeaders();
  const body = request.postDataBuffer() ?? Buffer.alloc(0);
  const response = await page.request.post(request.url(), {
    headers: { 'next-action': headers['next-action'], 'content-type': headers['content-type'], accept: 'text/x-component', origin },
    data: swap ? Buffer.from(body.toString('utf8').replaceAll(swap[0], swap[1])) : body,
    maxRedirects: 0,
  });
  return { status: response.status(), text: await response.text() };
}

test('a commonly used password is refused when adding a member', async ({ page, desk }) => {
  await signIn(page, desk.admin);
  await page.goto('/settings');
  const add = page.getByRole('form', { name: 'Add a member' });
  const email = `pat.${desk.team.slug}@example.test`;
  await add.getByLabel('Name').fill('Pat Common');
  await add.getByLabel('Email').fill(email);
  // On the list as "password123": the check ignores case.
  await add.getByLabel('Initial password').fill('Password123');
  await add.getByRole('button', { name: 'Add member' }).click();
  await expect(add.getByLabel('Initial password')).toHaveAttribute('aria-invalid', 'true');
  await expect(add.getByText('That password is on a list of commonly used passwords; choose another.').first()).toBeVisible();
  await expect(add.getByLabel('Name')).toHaveValue('Pat Common');
  expect(await prisma.user.count({ where: { email } })).toBe(0);

  await add.getByLabel('Initial password').fill(NEW_PASSWORD);
  await add.getByRole('button', { name: 'Add member' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Pat Common can now sign in as checker.' })).toBeVisible();
});

test('an admin resets one password and removes another member: their open sessions end at once', async ({ page, browser, desk }) => {
  const article = await importFixture(desk);
  const claim = await prisma.claim.findFirstOrThrow({ where: { articleId: article.id, position: 1 } });
  await prisma.claim.update({ where: { id: claim.id }, data: { status: 'IN_RESEARCH', assigneeId: desk.checker2.id } });
  const { token } = await createApiToken(prisma, { userId: desk.checker2.id, teamId: desk.team.id, name: 'laptop', scope: 'read' });
  const api = (t: string) => page.request.get('/api/v1/articles', { headers: { Authorization: `Bearer ${t}` } });
  expect((await api(token)).status()).toBe(200);

  const cara = await pageAs(browser, desk.checker);
  const cole = await pageAs(browser, desk.checker2);
  await signIn(page, desk.admin);
  await page.goto('/settings');
  // No way to lock yourself out from here.
  await expect(memberRow(page, desk.admin).locator('summary')).toHaveCount(0);

  // Reset Cara's password: the rules of a new password, and the box to tick.
  await memberRow(page, desk.checker).locator('summary', { hasText: 'Reset password' }).click();
  const reset = page.getByRole('form', { name: `Reset password of ${desk.checker.name}` });
  await reset.getByLabel(`New password for ${desk.checker.name}`).fill('qwertyuiop');
  await reset.getByRole('button', { name: 'Reset password' }).click();
  await expect(reset.getByText('That password is on a list of commonly used passwords; choose another.').first()).toBeVisible();
  await reset.getByLabel(`New password for ${desk.checker.name}`).fill(NEW_PASSWORD);
  await reset.getByRole('button', { name: 'Reset password' }).click();
  await expect(reset.getByRole('checkbox')).toHaveAttribute('aria-invalid', 'true');
  await expect(reset.getByText('Tick the box to confirm.').first()).toBeVisible();
  await reset.getByLabel(`New password for ${desk.checker.name}`).fill(NEW_PASSWORD);
  await reset.getByRole('checkbox', { name: /I understand/ }).check();
  await reset.getByRole('button', { name: 'Reset password' }).click();
  await expect(reset.getByRole('status')).toContainText(`${desk.checker.name} has a new password and was signed out everywhere.`);

  // Cara's open session ends on its next request; the old password no longer works, the new one does.
  await cara.reload();
  await expect(cara.getByRole('heading', { level: 1, name: 'Sign in to your desk' })).toBeVisible();
  expect(await attemptSignIn(cara, desk.checker.email, 'claimdesk-demo')).toBe(NO_MATCH);
  expect(await attemptSignIn(cara, desk.checker.email, NEW_PASSWORD)).toBe('');

  // Remove Cole, after ticking the box.
  await memberRow(page, desk.checker2).locator('summary', { hasText: 'Remove' }).click();
  const remove = page.getByRole('form', { name: `Remove ${desk.checker2.name}` });
  await remove.getByRole('button', { name: 'Remove' }).click();
  await expect(remove.getByText('Tick the box to confirm.').first()).toBeVisible();
  expect((await prisma.user.findUniqueOrThrow({ where: { id: desk.checker2.id } })).deactivatedAt).toBeNull();
  await remove.getByRole('checkbox', { name: /I understand/ }).check();
  const removal = nextActionRequest(page);
  await remove.getByRole('button', { name: 'Remove' }).click();
  const removed = page.getByRole('list', { name: 'Removed members' });
  await expect(removed.getByRole('listitem').filter({ hasText: desk.checker2.name })).toContainText('1 open claim still assigned');
  await expect(memberRow(page, desk.checker2)).toHaveCount(0);

  // Cole is signed out at once, cannot sign in again, and his token no longer works, even un-revoked.
  await cole.reload();
  await expect(cole.getByRole('heading', { level: 1, name: 'Sign in to your desk' })).toBeVisible();
  expect(await attemptSignIn(cole, desk.checker2.email, 'claimdesk-demo')).toBe(NO_MATCH);
  expect((await api(token)).status()).toBe(401);
  await prisma.apiToken.updateMany({ where: { userId: desk.checker2.id }, data: { revokedAt: null } });
  expect((await api(token)).status()).toBe(401);

  // The row stays: his claim still names him, and history keeps his name.
  expect((await prisma.claim.findUniqueOrThrow({ where: { id: claim.id } })).assigneeId).toBe(desk.checker2.id);
  const events = await prisma.auditEvent.findMany({ where: { teamId: desk.team.id, type: { startsWith: 'team.' } }, orderBy: { createdAt: 'asc' } });
  expect(events.map((e) => [e.type, (e.data as { name?: string }).name])).toEqual([
    ['team.password_reset', desk.checker.name],
    ['team.member_removed', desk.checker2.name],
  ]);

  // The same action, replayed for yourself or for another team's member, is refused and changes nothing.
  const other = await createDesk('Other');
  const captured = await removal;
  const origin = new URL(page.url()).origin;
  const self = await replay(page, captured, origin, [desk.checker2.id, desk.admin.id]);
  expect(self.text).toContain('You cannot remove yourself; ask another admin.');
  const foreign = await replay(page, captured, origin, [desk.checker2.id, other.checker.id]);
  expect(foreign.text).toContain('That item does not exist or is not in your team.');
  const users = await prisma.user.findMany({ where: { id: { in: [desk.admin.id, other.checker.id] } }, select: { deactivatedAt: true, sessionVersion: true } });
  expect(users).toEqual([
    { deactivatedAt: null, sessionVersion: 0 },
    { deactivatedAt: null, sessionVersion: 0 },
  ]);
});

test('signing out ends that session on the server: a copy of its cookie is refused afterwards, another device stays signed in', async ({
  page,
  browser,
  desk,
}) => {
  await signIn(page, desk.editor);
  // Someone copies the cookie (a shared computer, a stolen laptop) and opens the desk with it.
  const copied = await browser.newContext();
  await copied.addCookies(await page.context().cookies());
  const copy = await copied.newPage();
  await copy.goto('/articles');
  await expect(copy.getByRole('heading', { level: 1, name: 'Articles' })).toBeVisible();
  const copyEvents = await followLiveEvents(copy);
  const phone = await pageAs(browser, desk.editor);

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in to your desk' })).toBeVisible();

  // The copy's open stream closes within CLAIMDESK_LIVE_RECHECK_MS (short in tests), and it can open no other.
  await expect.poll(() => copyEvents.state()).toBe('closed');
  expect((await copied.request.get('/api/events', { timeout: 10_000 })).status()).toBe(401);
  expect((await copied.request.get('/api/export/verdicts?format=csv')).status()).toBe(401);
  await copy.goto('/articles');
  await expect(copy.getByRole('heading', { level: 1, name: 'Sign in to your desk' })).toBeVisible();

  // Signing out on one device leaves the member's others alone.
  await phone.reload();
  await expect(phone.getByRole('heading', { level: 1, name: 'Articles' })).toBeVisible();
  await copied.close();
});

test('repeated wrong passwords lock an account with the same message as an unknown email, not other accounts', async ({ page, desk }) => {
  // Up to 150 s waiting for a fresh window, then 13 attempts that wait up to 5 s each.
  test.setTimeout(330_000);
  await inOneSignInWindow(page, 150_000);
  const unknown = `nobody.${desk.team.slug}@example.test`;
  for (let i = 0; i < 5; i++) {
    expect(await attemptSignIn(page, desk.editor.email, `wrong-password-${i}`)).toBe(NO_MATCH);
    expect(await attemptSignIn(page, unknown, `wrong-password-${i}`)).toBe(NO_MATCH);
  }
  // Locked: even the right password is refused, in the words an unknown email gets.
  const locked = await attemptSignIn(page, desk.editor.email, 'claimdesk-demo');
  expect(locked).toMatch(/^Too many failed sign-ins/);
  expect(await attemptSignIn(page, unknown, 'claimdesk-demo')).toBe(locked);
  expect(await attemptSignIn(page, unknown.toUpperCase(), 'claimdesk-demo')).toBe(locked);

  // Another account signs in from the same browser and address.
  await signIn(page, desk.editor2);
});

test('60 failed sign-ins with random emails from one client lock nobody else out: the admin then signs in at once', async ({ page, desk }) => {
  // The e2e server has no CLAIMDESK_TRUST_PROXY, so no sign-in has a known address: there used to be one bucket for all.
  test.setTimeout(240_000);
  await inOneSignInWindow(page, 120_000);
  const { csrfToken } = (await (await page.request.get('/api/auth/csrf')).json()) as { csrfToken: string };
  for (let i = 0; i < 60; i++) {
    const response = await page.request.post('/api/auth/callback/credentials', {
      form: { email: `stranger.${i}.${desk.team.slug}@example.test`, password: `guess-${i}-of-many`, csrfToken },
      maxRedirects: 0,
    });
    // Refused as a wrong password (`code=credentials`), never as too many attempts.
    const refusal = new URL(response.headers()['location'] ?? 'http://no-redirect.invalid/');
    expect([refusal.searchParams.get('error'), refusal.searchParams.get('code')], `attempt ${i + 1}`).toEqual(['CredentialsSignin', 'credentials']);
  }
  await signIn(page, desk.admin);
});

test('a server action posted from another site is refused and changes nothing', async ({ page, desk }) => {
  await signIn(page, desk.admin);
  await page.goto('/settings');
  const roleForm = page.getByRole('form', { name: `Role of ${desk.checker.name}` });
  await roleForm.getByLabel(`Role of ${desk.checker.name}`).selectOption('editor');
  const submission = nextActionRequest(page);
  await roleForm.getByRole('button', { name: 'Change' }).click();
  await expect(roleForm.getByRole('status')).toContainText('Role changed.');
  const captured = await submission;
  const role = async () => (await prisma.user.findUniqueOrThrow({ where: { id: desk.checker.id } })).role;
  await prisma.user.update({ where: { id: desk.checker.id }, data: { role: 'checker' } });

  for (const origin of ['https://evil.example', 'null']) {
    const refused = await replay(page, captured, origin);
    expect(refused.status, `Origin: ${origin}`).toBe(500);
    expect(refused.text).not.toContain('Role changed.');
    expect(await role()).toBe('checker');
  }
  // The very same request from our own origin goes through: the Origin alone made the difference.
  const accepted = await replay(page, captured, new URL(page.url()).origin);
  expect(accepted.status).toBe(200);
  expect(accepted.text).toContain('Role changed.');
  expect(await role()).toBe('editor');
});

test('the REST API ignores the session cookie: a cross-site POST without a token is refused', async ({ page, desk }) => {
  await signIn(page, desk.editor);
  // The page's request context carries the session cookie: the desk lets it in.
  const desktop = await page.request.get('/articles');
  expect(new URL(desktop.url()).pathname).toBe('/articles');

  const attempts = [
    { 'content-type': 'application/json', data: JSON.stringify({ text: 'Forged Article\n\nThe budget rose 4%.' }) },
    // What a plain HTML form on another site can send without a preflight.
    { 'content-type': 'application/x-www-form-urlencoded', data: 'text=Forged+Article' },
    { 'content-type': 'text/plain', data: '{"text":"Forged Article"}' },
  ];
  for (const { data, ...headers } of attempts) {
    const response = await page.request.post('/api/v1/articles', { headers: { ...headers, origin: 'https://evil.example' }, data });
    expect(response.status(), headers['content-type']).toBe(401);
  }
  expect(await prisma.article.count({ where: { teamId: desk.team.id } })).toBe(0);
});
