import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, importFixture, prisma, signIn, test } from './fixtures';

async function expectNoSeriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
}

test('sign-in, articles, article, claim and review pages have no serious accessibility violations', async ({ page, desk }) => {
  test.slow(); // eight pages, each analysed by axe
  const article = await importFixture(desk, 'transit-budget');
  const claim = await prisma.claim.findFirstOrThrow({ where: { articleId: article.id, position: 1 } });
  const label = await prisma.verdictLabel.findFirstOrThrow({ where: { teamId: desk.team.id, name: 'Half true' } });
  await prisma.claim.update({
    where: { id: claim.id },
    data: {
      status: 'IN_REVIEW',
      assigneeId: desk.checker.id,
      proposedById: desk.checker.id,
      verdictLabelId: label.id,
      rationale: 'Ridership rose, but by 9%.',
    },
  });

  await page.goto('/login');
  await expectNoSeriousViolations(page);
  await signIn(page, desk.editor);
  await expectNoSeriousViolations(page);
  for (const url of [`/articles/${article.id}`, `/claims/${claim.id}`, '/review', '/my-claims', '/articles/new']) {
    await page.goto(url);
    await expectNoSeriousViolations(page);
  }
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/claims/${claim.id}`);
  await expectNoSeriousViolations(page);
});

test('the desk can be worked with the keyboard alone', async ({ page, desk }) => {
  await importFixture(desk, 'transit-budget');
  await page.goto('/login');
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Email')).toBeFocused();
  await page.keyboard.type(desk.editor.email);
  await page.keyboard.press('Tab');
  await page.keyboard.type('claimdesk-demo');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Articles' })).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
});
