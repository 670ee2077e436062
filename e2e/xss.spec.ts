import { randomBytes } from 'node:crypto';
import type { Browser, Page } from '@playwright/test';
import { createArticle, DEMO_PASSWORD } from '@/lib/testing/factories';
import { createDesk, expect, prisma, signIn, test, type Desk, type Member } from './fixtures';
import { ALL_TEXT_PAYLOADS, LONG_PAYLOAD, MARKUP_PAYLOADS, NUL_PAYLOAD, URL_PAYLOADS, joined, nth } from './xss-payloads';

/**
 * Hostile text in every field the desk and the public pages show. The browser runs with the CSP
 * bypassed: these tests prove the markup itself never carries a payload, so that the CSP
 * (headers.spec.ts) is a second wall, not the only one.
 */

const byName = (name: string) => [...MARKUP_PAYLOADS, ...URL_PAYLOADS].find((x) => x.name === name)!.text;

// Names and titles that a test looks for on the page.
const TEAM_NAME = `Desk ${byName('img onerror')}`;
const CHECKER_NAME = `Cara ${byName('svg onload')}`;
const EDITOR_NAME = `Erin ${byName('attribute breakout')}`;
const ARTICLE_TITLE = `Headline ${byName('close the JSON-LD script')}`;
const LABEL_NAME = `Pants on fire ${byName('close the JSON-LD script, upper case')}`;
const ORG_NAME = `Org ${byName('single-quote breakout')}`;
const REVIEW_COMMENT = `Fix this ${byName('details ontoggle')}`;
const NOTIFICATION = `You have ${byName('input autofocus onfocus')}`;
const TOKEN_NAME = `token ${byName('anchor javascript href')}`;
const CORRECTION_NOTE = `We erred ${byName('mutation XSS')}`;

type Hostile = Awaited<ReturnType<typeof hostileDesk>>;

/** A team whose every shown field holds a payload; stored URLs are script and data URLs. */
async function hostileDesk() {
  const desk = await createDesk('Hostile');
  await prisma.team.update({
    where: { id: desk.team.id },
    data: { name: TEAM_NAME, orgName: ORG_NAME, orgUrl: URL_PAYLOADS[0].text, orgLogoUrl: URL_PAYLOADS[3].text },
  });
  await prisma.user.update({ where: { id: desk.checker.id }, data: { name: CHECKER_NAME } });
  await prisma.user.update({ where: { id: desk.editor.id }, data: { name: EDITOR_NAME } });
  // Each payload its own paragraph, so each is (part of) a claim.
  const body = ALL_TEXT_PAYLOADS.map((x) => `${x.text} is what the minister said in 2024.`).join('\n\n');
  const article = await createArticle(prisma, { teamId: desk.team.id, actorId: desk.editor.id, title: ARTICLE_TITLE, text: body });
  const now = new Date();
  await prisma.article.update({
    where: { id: article.id },
    data: { outlet: byName('script tag'), author: byName('body onload'), byline: byName('style url'), sourceUrl: URL_PAYLOADS[0].text, reportPublishedAt: now },
  });
  const claims = await prisma.claim.findMany({ where: { articleId: article.id }, orderBy: { position: 'asc' } });
  const [research, published, inReview] = claims;
  const label = await prisma.verdictLabel.create({ data: { teamId: desk.team.id, name: LABEL_NAME, position: 7 } });

  await prisma.claim.update({
    where: { id: research.id },
    data: {
      status: 'RETURNED',
      assigneeId: desk.checker.id,
      dueAt: new Date(Date.now() - 86_400_000),
      notes: joined(ALL_TEXT_PAYLOADS),
      asChecked: byName('svg script'),
    },
  });
  await prisma.claim.update({
    where: { id: published.id },
    data: {
      status: 'APPROVED',
      assigneeId: desk.checker.id,
      proposedById: desk.checker.id,
      proposedAt: now,
      verdictLabelId: label.id,
      rationale: joined(ALL_TEXT_PAYLOADS),
      publishedAt: now,
      firstPublishedAt: now,
    },
  });
  await prisma.claim.update({
    where: { id: inReview.id },
    data: {
      status: 'IN_REVIEW',
      assigneeId: desk.checker.id,
      proposedById: desk.checker.id,
      proposedAt: now,
      verdictLabelId: label.id,
      rationale: joined(MARKUP_PAYLOADS.slice(0, 10)),
    },
  });

  // Evidence: every URL payload as the link and the archived copy, a markup payload in every text field.
  for (const claim of [research, published]) {
    for (const [i, url] of URL_PAYLOADS.entries()) {
      await prisma.evidence.create({
        data: {
          teamId: desk.team.id,
          claimId: claim.id,
          authorId: desk.checker.id,
          stance: 'REFUTES',
          url: url.text,
          archiveUrl: URL_PAYLOADS[(i + 1) % URL_PAYLOADS.length].text,
          title: `Evidence ${i} ${nth(i)}`,
          publisher: nth(i + 5),
          quote: nth(i + 10),
          note: nth(i + 15),
        },
      });
    }
    await prisma.evidence.create({
      data: {
        teamId: desk.team.id,
        claimId: claim.id,
        authorId: desk.checker.id,
        stance: 'SUPPORTS',
        url: 'https://example.org/report?q=<script>',
        title: `Linked ${nth(20)}`,
        quote: LONG_PAYLOAD.text,
      },
    });
  }

  await prisma.review.create({
    data: { teamId: desk.team.id, claimId: research.id, reviewerId: desk.editor.id, decision: 'RETURNED', comment: REVIEW_COMMENT },
  });
  await prisma.auditEvent.createMany({
    data: [
      { teamId: desk.team.id, actorId: desk.editor.id, articleId: article.id, claimId: research.id, type: 'claim.returned', data: { comment: REVIEW_COMMENT } },
      { teamId: desk.team.id, actorId: desk.checker.id, articleId: article.id, claimId: research.id, type: 'evidence.added', data: { title: nth(25) } },
      { teamId: desk.team.id, actorId: desk.checker.id, articleId: article.id, claimId: research.id, type: 'claim.excluded', data: { reason: nth(26) } },
      {
        teamId: desk.team.id,
        actorId: desk.editor.id,
        articleId: article.id,
        claimId: published.id,
        type: 'verdict.corrected',
        data: { from: nth(27), to: LABEL_NAME, note: CORRECTION_NOTE },
      },
    ],
  });
  await prisma.correction.create({
    data: {
      teamId: desk.team.id,
      claimId: published.id,
      previousVerdict: nth(28),
      previousRationale: joined(MARKUP_PAYLOADS.slice(20)),
      newVerdict: LABEL_NAME,
      note: CORRECTION_NOTE,
      createdById: desk.editor.id,
      status: 'APPROVED',
      decidedById: desk.editor2.id,
      decidedAt: new Date(),
    },
  });
  for (const user of [desk.checker, desk.admin]) {
    await prisma.notification.create({ data: { teamId: desk.team.id, userId: user.id, type: 'RETURNED', claimId: research.id, message: NOTIFICATION } });
  }
  const hook = await prisma.webhook.create({ data: { teamId: desk.team.id, url: URL_PAYLOADS[0].text, secret: 'whsec_test', events: ['claim.approved'] } });
  await prisma.webhook.create({
    data: { teamId: desk.team.id, url: `https://hooks.example/${byName('script tag')}`, secret: 'whsec_test2', events: ['claim.approved'] },
  });
  await prisma.webhookDelivery.create({
    data: { webhookId: hook.id, teamId: desk.team.id, event: 'claim.approved', payload: {}, status: 'FAILED', attempts: 3, lastError: nth(30) },
  });
  await prisma.apiToken.create({
    data: { teamId: desk.team.id, userId: desk.admin.id, name: TOKEN_NAME, tokenHash: randomBytes(32).toString('hex'), prefix: 'cdk_x55x', scope: 'read' },
  });
  return { desk, article, research, published, inReview };
}

type Watched = { page: Page; dialogs: string[] };

async function watchedPage(browser: Browser, member?: Member): Promise<Watched> {
  const context = await browser.newContext({ bypassCSP: true });
  const page = await context.newPage();
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    // The desk's own "leave with unsaved changes?" (a refused save keeps its draft): leave, it is no script.
    if (d.type() === 'beforeunload') return void d.accept();
    dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  if (member) await signIn(page, member);
  return { page, dialogs };
}

/** Markup that can run script: what no page of ours may ever contain. */
function dangerousMarkup() {
  const found: string[] = [];
  const scriptUrl = /^\s*(javascript|vbscript|data):/i;
  for (const el of document.querySelectorAll('*')) {
    for (const attr of el.attributes) {
      if (/^on/i.test(attr.name)) found.push(`<${el.localName} ${attr.name}="${attr.value}">`);
      if (['href', 'src', 'data', 'srcdoc', 'formaction', 'xlink:href'].includes(attr.name) && (attr.name === 'srcdoc' || scriptUrl.test(attr.value))) {
        found.push(`<${el.localName} ${attr.name}="${attr.value.slice(0, 80)}">`);
      }
    }
    if (el.localName === 'form' && /__xss|alert/.test(el.getAttribute('action') ?? '')) found.push(`<form action="${el.getAttribute('action')}">`);
    if (['iframe', 'object', 'embed', 'base', 'meta'].includes(el.localName) && el.closest('body')) found.push(`<${el.localName}> in the body`);
    if (el instanceof HTMLScriptElement && !el.src && el.type !== 'application/ld+json' && !el.nonce)
      found.push(`inline <script> without the nonce: ${el.text.slice(0, 80)}`);
  }
  return found;
}

async function expectInert({ page, dialogs }: Watched, path: string) {
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(200);
  const html = (await response?.text()) ?? '';
  for (const raw of ['<script>window.__xss', '<img src=x', '<svg onload', '<iframe src="javascript', '<details open ontoggle', '</script><script>']) {
    expect(html.includes(raw), `${path} serves raw ${raw}`).toBe(false);
  }
  // Hydrated: React has adopted the document, so any client-rendered text is in as well.
  await expect.poll(() => page.evaluate(() => Object.keys(document.body).some((k) => k.startsWith('__reactFiber')))).toBe(true);
  expect(await page.evaluate(dangerousMarkup), path).toEqual([]);
  expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss), path).toBeUndefined();
  expect(dialogs, path).toEqual([]);
}

test.describe('stored payloads', () => {
  let hostile: Hostile;
  test.beforeAll(async () => {
    hostile = await hostileDesk();
  });

  test('desk pages show every payload as text and run none of them', async ({ browser }) => {
    test.slow(); // twenty pages in a browser
    const { desk, article, research, published, inReview } = hostile;
    const admin = await watchedPage(browser, desk.admin);
    const paths = [
      '/articles',
      `/articles/${article.id}`,
      `/articles/${article.id}?sort=worthiness`,
      `/articles/${article.id}/read`,
      `/articles/${article.id}/read?colour=verdict`,
      `/articles/${article.id}/versions`,
      `/claims/${research.id}`,
      `/claims/${published.id}`,
      `/claims/${inReview.id}`,
      '/claims',
      '/claims?status=APPROVED',
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
    for (const path of paths) await expectInert(admin, path);

    // Literally shown, where the names appear.
    const { page } = admin;
    await page.goto('/settings');
    await expect(page.getByText(`${TEAM_NAME} · admin`)).toBeVisible();
    await expect(page.getByText(CHECKER_NAME).first()).toBeVisible();
    await page.goto('/settings/tokens');
    await expect(page.getByRole('cell', { name: TOKEN_NAME, exact: true })).toBeVisible();
    await page.goto('/settings/webhooks');
    await expect(page.getByText(URL_PAYLOADS[0].text).first()).toBeVisible();
    await expect(page.getByText(nth(30))).toBeVisible();
    await page.goto('/notifications');
    await expect(page.getByText(NOTIFICATION)).toBeVisible();
    await page.goto(`/articles/${article.id}`);
    await expect(page.getByRole('heading', { level: 1, name: ARTICLE_TITLE })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Source' })).toHaveCount(0);

    await page.goto(`/claims/${research.id}`);
    await expect(page.getByText(REVIEW_COMMENT).first()).toBeVisible();
    await expect(page.getByText(byName('svg script')).first()).toBeVisible();
    await expect(page.getByText(LONG_PAYLOAD.text.slice(-80)).first()).toBeVisible();
    // Evidence with a script or data URL: the title as text, no link; the http one is a link.
    await expect(page.getByText(`Evidence 0 ${nth(0)}`, { exact: true })).toBeVisible();
    await expect(page.getByRole('link', { name: `Evidence 0 ${nth(0)}` })).toHaveCount(0);
    await expect(page.getByRole('link', { name: 'Archived copy' })).toHaveCount(0);
    await expect(page.getByRole('link', { name: `Linked ${nth(20)}` })).toHaveAttribute('href', 'https://example.org/report?q=<script>');

    // The annotated reader renders the panel on the client: open it on a hostile sentence.
    await page.goto(`/articles/${article.id}/read`);
    const first = page.getByRole('button', { name: research.text });
    await expect(async () => {
      await page.keyboard.press('j');
      await expect(first).toBeFocused({ timeout: 500 });
    }).toPass();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('region', { name: 'Claim 1' })).toContainText(CHECKER_NAME);
    expect(await page.evaluate(dangerousMarkup)).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();

    // The checker's own pages.
    const checker = await watchedPage(browser, desk.checker);
    for (const path of ['/my-claims', '/notifications', `/claims/${research.id}`, '/articles', '/claims?q=minister']) await expectInert(checker, path);
    await expect(checker.page.getByText(`${TEAM_NAME} · checker`)).toBeVisible();
    expect([...admin.dialogs, ...checker.dialogs]).toEqual([]);
  });

  test('public pages and their ClaimReview JSON-LD show the payloads as text, with no script links', async ({ browser, request }) => {
    const { desk, article, published } = hostile;
    const reader = await watchedPage(browser);
    const factCheck = `/t/${desk.team.slug}/fact-checks/${published.id}`;
    for (const path of [factCheck, `/t/${desk.team.slug}/corrections`, `/t/${desk.team.slug}/reports/${article.id}`]) await expectInert(reader, path);

    const { page } = reader;
    await page.goto(factCheck);
    await expect(page.getByRole('region', { name: 'Our verdict' })).toContainText(LABEL_NAME);
    await expect(page.getByText(ORG_NAME).first()).toBeVisible();
    await expect(page.getByText(CORRECTION_NOTE)).toBeVisible();
    await expect(page.getByText(`Evidence 1 ${nth(1)}`, { exact: true })).toBeVisible();
    await expect(page.getByRole('link', { name: ARTICLE_TITLE })).toHaveCount(0);
    await expect(page.getByRole('link', { name: /^Archived copy/ })).toHaveCount(0);
    await expect(page.getByRole('link', { name: `Linked ${nth(20)}` })).toHaveAttribute('href', 'https://example.org/report?q=<script>');

    // The JSON-LD block ends where it should and says exactly what was stored; script URLs are left out.
    const html = await (await request.get(factCheck)).text();
    const blocks = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)];
    expect(blocks).toHaveLength(1);
    const ld = JSON.parse(blocks[0][1]);
    expect(ld.claimReviewed).toBe(published.text);
    expect(ld.reviewRating.alternateName).toBe(LABEL_NAME);
    expect(ld.author).toEqual({ '@type': 'Organization', name: ORG_NAME });
    expect(ld.itemReviewed.appearance).toBeUndefined();
    expect(ld.itemReviewed.author).toEqual({ '@type': 'Person', name: byName('body onload') });
    expect(JSON.stringify(ld)).not.toMatch(/javascript:|data:text/i);
  });
});

test('forms store hostile text as text and refuse script URLs and null bytes', async ({ browser }) => {
  const desk: Desk = await createDesk('Forms');
  const article = await createArticle(prisma, { teamId: desk.team.id, actorId: desk.editor.id, text: 'Forms\n\nThe bridge cost 12 million euros in 2023.' });
  const claim = await prisma.claim.findFirstOrThrow({ where: { articleId: article.id } });
  await prisma.claim.update({ where: { id: claim.id }, data: { status: 'IN_RESEARCH', assigneeId: desk.checker.id } });
  const checker = await watchedPage(browser, desk.checker);
  const { page } = checker;
  await page.goto(`/claims/${claim.id}`);

  // Notes: kept exactly, shown as typed.
  const notes = joined(MARKUP_PAYLOADS.slice(0, 12));
  await page.getByRole('textbox', { name: 'Notes' }).fill(notes);
  await page.getByRole('button', { name: 'Save notes' }).click();
  // (A textarea submits its line breaks as CRLF.)
  const storedNotes = async () => (await prisma.claim.findUniqueOrThrow({ where: { id: claim.id } })).notes.replace(/\r\n/g, '\n');
  await expect.poll(storedNotes).toBe(notes);
  await expectInert(checker, `/claims/${claim.id}`);
  await expect(page.getByRole('textbox', { name: 'Notes' })).toHaveValue(notes);

  // A null byte (PostgreSQL text cannot hold one): refused with a message or stripped, never stored, never an error page.
  await page.getByRole('textbox', { name: 'Notes' }).fill(NUL_PAYLOAD.text);
  await page.getByRole('button', { name: 'Save notes' }).click();
  await expect(page.getByRole('heading', { name: 'Something went wrong' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Save notes' })).toBeEnabled();
  const afterNul = await storedNotes();
  expect(afterNul).not.toContain('\u0000');
  expect([notes, NUL_PAYLOAD.text.replace('\u0000', '')]).toContain(afterNul);

  // Evidence: a javascript: URL is refused; a hostile title on an http URL is stored and shown as text.
  await page.locator('summary', { hasText: 'Add evidence' }).click();
  const form = page.getByRole('form', { name: 'Add evidence' });
  for (const url of [URL_PAYLOADS[0].text, URL_PAYLOADS[3].text]) {
    await form.getByLabel('URL', { exact: true }).fill(url);
    await form.getByLabel('Title').fill('Script link');
    await form.getByLabel('What it shows').selectOption('REFUTES');
    await form.getByRole('button', { name: 'Add evidence' }).click();
    await expect(form.getByText('URL must be a web address starting with http:// or https://.', { exact: true })).toBeVisible();
  }
  expect(await prisma.evidence.count({ where: { claimId: claim.id } })).toBe(0);
  const title = byName('iframe srcdoc');
  await form.getByLabel('URL', { exact: true }).fill('https://example.org/source');
  await form.getByLabel('Title').fill(title);
  await form.getByRole('button', { name: 'Add evidence' }).click();
  await expect(page.getByRole('link', { name: title })).toHaveAttribute('href', 'https://example.org/source');
  await expectInert(checker, `/claims/${claim.id}`);
});

test('reflected input: search terms and the sign-in return address run nothing and lead nowhere else', async ({ browser, baseURL }) => {
  const desk = await createDesk('Reflected');
  const editor = await watchedPage(browser, desk.editor);
  for (const payload of [byName('attribute breakout'), byName('script tag'), byName('close the JSON-LD script')]) {
    await expectInert(editor, `/claims?q=${encodeURIComponent(payload)}`);
    await expect(editor.page.getByRole('searchbox', { name: 'Search claims, notes and evidence titles' })).toHaveValue(payload);
    await expectInert(editor, `/dashboard?from=${encodeURIComponent(payload)}`);
  }

  for (const next of [URL_PAYLOADS[0].text, '//evil.example/', '/\\evil.example/', 'https://evil.example/']) {
    const visitor = await watchedPage(browser);
    await expectInert(visitor, `/login?next=${encodeURIComponent(next)}`);
    await visitor.page.getByLabel('Email').fill(desk.editor.email);
    await visitor.page.getByLabel('Password').fill(DEMO_PASSWORD);
    await visitor.page.getByRole('button', { name: 'Sign in' }).click();
    await visitor.page.waitForURL((url) => url.pathname !== '/login');
    expect(new URL(visitor.page.url()).origin, next).toBe(new URL(baseURL!).origin);
    expect(visitor.dialogs).toEqual([]);
    expect(await visitor.page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
    await visitor.page.context().close();
  }
});
