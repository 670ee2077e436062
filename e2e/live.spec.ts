import type { ChildProcess } from 'node:child_process';
import type { Browser, Page } from '@playwright/test';
import { freePort, startNext, stopProcessGroup, waitForHttp } from '../scripts/lib/next';
import { createDesk, expect, importFixture, pageAs, prisma, signIn, test, type Member } from './fixtures';

async function assignFirstClaim(editor: Page, articleId: string, checker: Member) {
  await editor.goto(`/articles/${articleId}`);
  await editor.getByRole('checkbox', { name: 'Select claim 1', exact: true }).check();
  await editor.getByLabel('Assign selected to').selectOption({ label: `${checker.name} (checker)` });
  await editor.getByRole('button', { name: 'Assign' }).click();
  await expect(editor.getByRole('status').filter({ hasText: 'Assigned 1 claim' })).toBeVisible();
}

/** Records the live `change` events a signed-in page receives from /api/events. */
async function recordEvents(page: Page) {
  await page.evaluate(() => {
    const w = window as unknown as { received: string[] };
    w.received = [];
    const source = new EventSource('/api/events');
    source.addEventListener('change', (m) => w.received.push((m as MessageEvent<string>).data));
  });
  return () => page.evaluate(() => (window as unknown as { received: string[] }).received);
}

test('an open article page shows another user’s change without a reload, and only to the same team', async ({ browser, desk }) => {
  const article = await importFixture(desk, 'transit-budget');
  const checker = await pageAs(browser, desk.checker);
  await checker.goto(`/articles/${article.id}`);
  await expect(checker.getByText('Live: changes by others appear here')).toBeVisible();
  await expect(checker.getByRole('table').getByText(desk.checker.name)).toHaveCount(0);

  const other = await createDesk('Elsewhere');
  const outsider = await pageAs(browser, other.editor);
  const outsiderEvents = await recordEvents(outsider);

  const editor = await pageAs(browser, desk.editor);
  await assignFirstClaim(editor, article.id, desk.checker);
  await expect(checker.getByRole('table').getByText(desk.checker.name)).toBeVisible();
  await expect(checker.getByRole('list', { name: /claims by status/ })).toContainText('Assigned: 1');

  const leaked = (await outsiderEvents()).map((e) => JSON.parse(e)).filter((e) => e.type !== 'reconnected');
  expect(leaked).toEqual([]);
});

test('a claim page shows who else has it open', async ({ browser, desk }) => {
  const article = await importFixture(desk, 'transit-budget');
  const claim = await prisma.claim.findFirstOrThrow({ where: { articleId: article.id, position: 2 } });
  const editor = await pageAs(browser, desk.editor);
  await editor.goto(`/claims/${claim.id}`);
  await expect(editor.getByText('Nobody else has this claim open.')).toBeVisible();

  const checker = await pageAs(browser, desk.checker);
  await checker.goto(`/claims/${claim.id}`);
  await expect(checker.getByText(`Also here: ${desk.editor.name}`)).toBeVisible();
  await expect(editor.getByText(`Also here: ${desk.checker.name}`)).toBeVisible();

  await checker.close();
  await expect(editor.getByText('Nobody else has this claim open.')).toBeVisible();
});

test.describe('several app instances on one PostgreSQL', () => {
  test.skip(process.env.CLAIMDESK_EMBEDDED === '1', 'the embedded database serves one app instance');
  let second: ChildProcess | undefined;
  let secondUrl = '';

  test.beforeAll(async () => {
    const port = await freePort();
    second = startNext({ DATABASE_URL: process.env.DATABASE_URL!, CLAIMDESK_EMBEDDED: '0', AUTH_SECRET: process.env.AUTH_SECRET! }, port, {
      host: '127.0.0.1',
      stdio: 'pipe',
    });
    secondUrl = `http://127.0.0.1:${port}`;
    await waitForHttp(`${secondUrl}/login`);
  });
  test.afterAll(() => stopProcessGroup(second));

  async function pageOn(browser: Browser, baseURL: string, member: Member) {
    const context = await browser.newContext({ baseURL });
    const page = await context.newPage();
    await signIn(page, member);
    return page;
  }

  test('a change made on one instance reaches a page served by the other', async ({ browser, desk }) => {
    test.slow(); // two servers on two cores
    const article = await importFixture(desk, 'transit-budget');
    const onSecond = await pageOn(browser, secondUrl, desk.checker);
    await onSecond.goto(`/articles/${article.id}`);
    await expect(onSecond.getByText('Live: changes by others appear here')).toBeVisible();
    const editor = await pageAs(browser, desk.editor);
    await assignFirstClaim(editor, article.id, desk.checker);
    await expect(onSecond.getByRole('table').getByText(desk.checker.name)).toBeVisible();
  });
});
