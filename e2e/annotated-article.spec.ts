import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { createDesk, expect, importFixture, pageAs, prisma, signIn, test, type Desk } from './fixtures';

async function expectNoSeriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
}

/** The transit fixture with claim 1 in review (Mostly true, Cara Checker) and claim 2 approved (False). */
async function articleWithWork(desk: Desk) {
  const article = await importFixture(desk, 'transit-budget');
  const claims = await prisma.claim.findMany({ where: { articleId: article.id }, orderBy: { position: 'asc' } });
  const label = (name: string) => prisma.verdictLabel.findFirstOrThrow({ where: { teamId: desk.team.id, name } });
  await prisma.claim.update({
    where: { id: claims[0].id },
    data: {
      status: 'IN_REVIEW',
      assigneeId: desk.checker.id,
      proposedById: desk.checker.id,
      verdictLabelId: (await label('Mostly true')).id,
      checkWorthiness: 0.82,
    },
  });
  await prisma.claim.update({
    where: { id: claims[1].id },
    data: { status: 'APPROVED', assigneeId: desk.checker2.id, proposedById: desk.checker2.id, verdictLabelId: (await label('False')).id },
  });
  return { article, claims };
}

test('the article as written shows every claim marked with its status in words, and a panel for the chosen one', async ({ page, desk }) => {
  const { article, claims } = await articleWithWork(desk);
  await signIn(page, desk.checker);
  await page.goto(`/articles/${article.id}`);
  await page.getByRole('link', { name: 'Read annotated' }).click();
  await expect(page).toHaveURL(`/articles/${article.id}/read`);
  await expect(page.getByRole('heading', { level: 1, name: article.title })).toBeVisible();

  const text = page.getByRole('article', { name: 'Article text with claims marked' });
  await expect(text.getByRole('button')).toHaveCount(claims.length);
  // Title line and byline are text of the article, but not claims.
  await expect(text.getByText('By Jane Q. Doe | March 3, 2026')).toBeVisible();
  await expect(text.getByRole('button', { name: /Jane Q\. Doe/ })).toHaveCount(0);
  const first = text.getByRole('button', { name: `${claims[0].text} In review · Mostly true` });
  const second = text.getByRole('button', { name: `${claims[1].text} Approved · False` });
  await expect(first).toBeVisible();
  await expect(second).toBeVisible();
  await expect(text.getByRole('button', { name: `${claims[2].text} Unassigned` })).toBeVisible();
  await expect(page.getByText(/Press j for the next sentence and k for the previous one/)).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Colours: claim status' })).toBeVisible();

  // j from nowhere goes to the first claim; Enter opens the panel with focus in it.
  await pressJUntilFocused(page, first);
  await page.keyboard.press('Enter');
  const panel = page.getByRole('region', { name: 'Claim 1' });
  await expect(panel).toBeVisible();
  await expect(panel.getByRole('heading', { name: 'Claim 1' })).toBeFocused();
  await expect(panel.getByRole('blockquote')).toHaveText(claims[0].text);
  await expect(panel).toContainText('In review');
  await expect(panel).toContainText('Mostly true');
  await expect(panel).toContainText(desk.checker.name);
  await expect(panel).toContainText('82%');
  await expect(panel.getByRole('link', { name: 'Open claim page' })).toHaveAttribute('href', `/claims/${claims[0].id}`);
  await expect(first).toHaveAttribute('aria-expanded', 'true');

  // j and k move between sentences; the open panel follows.
  await page.keyboard.press('j');
  await expect(second).toBeFocused();
  await expect(page.getByRole('region', { name: 'Claim 2' })).toContainText(desk.checker2.name);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('region', { name: 'Claim 2' })).toHaveCount(0);
  await expect(second).toBeFocused();
  await page.keyboard.press('k');
  await expect(first).toBeFocused();
  await page.keyboard.press('k');
  await expect(first).toBeFocused();

  // Space opens too, a click opens another, and Close returns focus to the sentence.
  await page.keyboard.press('Space');
  await expect(page.getByRole('region', { name: 'Claim 1' })).toBeVisible();
  await text.getByRole('button', { name: claims[4].text }).click();
  const fifth = page.getByRole('region', { name: 'Claim 5' });
  await expect(fifth).toContainText('Nobody yet');
  await fifth.getByRole('button', { name: 'Close claim 5' }).click();
  await expect(text.getByRole('button', { name: claims[4].text })).toBeFocused();

  await page.getByRole('link', { name: '← Back to article' }).click();
  await expect(page).toHaveURL(`/articles/${article.id}`);
});

test('sentences can be coloured by verdict, still labelled in words', async ({ page, desk }) => {
  const { article, claims } = await articleWithWork(desk);
  await signIn(page, desk.editor);
  await page.goto(`/articles/${article.id}/read`);
  await page.getByRole('navigation', { name: 'Colour sentences by' }).getByRole('link', { name: 'Verdict' }).click();
  await expect(page).toHaveURL(`/articles/${article.id}/read?colour=verdict`);
  await expect(page.getByRole('link', { name: 'Verdict' })).toHaveAttribute('aria-current', 'true');
  await expect(page.getByRole('heading', { name: 'Colours: verdict' })).toBeVisible();
  const legend = page.getByRole('list').filter({ hasText: 'No verdict' });
  await expect(legend).toContainText('Mostly true (1)');
  await expect(legend).toContainText('False (1)');
  await expect(legend).toContainText(`No verdict (${claims.length - 2})`);
  const text = page.getByRole('article', { name: 'Article text with claims marked' });
  await expect(text.getByRole('button', { name: `${claims[0].text} Mostly true · In review` })).toBeVisible();
  await expect(text.getByRole('button', { name: `${claims[2].text} No verdict · Unassigned` })).toBeVisible();

  await page.getByRole('link', { name: 'Status', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Colours: claim status' })).toBeVisible();
});

test('another team gets 404 on the annotated article and never sees its text', async ({ browser, desk }) => {
  const { article, claims } = await articleWithWork(desk);
  const other = await createDesk('Other');
  const outsider = await pageAs(browser, other.editor);
  const response = await outsider.goto(`/articles/${article.id}/read`);
  expect(response?.status()).toBe(404);
  await expect(outsider.getByRole('heading', { name: 'Not found' })).toBeVisible();
  await expect(outsider.getByText(claims[0].text)).toHaveCount(0);
});

test('the annotated article has no serious accessibility violations, with the panel closed and open', async ({ page, desk }) => {
  const { article, claims } = await articleWithWork(desk);
  await signIn(page, desk.editor);
  await page.goto(`/articles/${article.id}/read?colour=verdict`);
  await expectNoSeriousViolations(page);
  await page.getByRole('button', { name: claims[0].text }).press('Enter');
  await expect(page.getByRole('region', { name: 'Claim 1' })).toBeVisible();
  await expectNoSeriousViolations(page);
});

test('on a phone the panel sits over the foot of the screen and j keeps each sentence in view', async ({ page, desk }) => {
  const { article, claims } = await articleWithWork(desk);
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, desk.editor);
  await page.goto(`/articles/${article.id}/read`);
  await pressJUntilFocused(page, page.getByRole('button', { name: claims[0].text }));
  for (let i = 1; i < claims.length; i++) await page.keyboard.press('j');
  const last = page.getByRole('button', { name: claims[claims.length - 1].text });
  await expect(last).toBeFocused();
  await expect(last).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: `Claim ${claims.length}` })).toBeInViewport();
  await expect(last).toBeInViewport();
  await expectNoSeriousViolations(page);
});

/** j works once the page is hydrated: press it from nowhere until the first sentence takes focus. */
async function pressJUntilFocused(page: Page, first: Locator) {
  await expect(async () => {
    await page.keyboard.press('j');
    await expect(first).toBeFocused({ timeout: 500 });
  }).toPass();
}
