import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { createArticle } from '@/lib/testing/factories';
import { expect, importFixture, pageAs, prisma, signIn, test, type Desk } from './fixtures';

async function expectNoSeriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${page.url()} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
}

function rows(page: Page) {
  return page.getByRole('table').getByRole('row');
}

async function select(page: Page, texts: string[]) {
  for (const text of texts) await page.getByRole('checkbox', { name: text, exact: true }).check();
}

async function importTransit(desk: Desk) {
  const article = await importFixture(desk, 'transit-budget');
  const claims = await prisma.claim.findMany({ where: { articleId: article.id }, orderBy: { position: 'asc' } });
  return { article, claims };
}

test('the claims list searches text, notes and evidence, filters from the URL and pages on', async ({ page, desk }) => {
  await signIn(page, desk.editor);
  await page.goto('/claims');
  await expect(page.getByText('No claims yet')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Import an article' })).toHaveAttribute('href', '/articles/new');

  const { claims } = await importTransit(desk);
  await prisma.claim.update({ where: { id: claims[1].id }, data: { notes: 'Chair interview transcript pending.' } });
  await prisma.evidence.create({
    data: {
      teamId: desk.team.id,
      claimId: claims[8].id,
      authorId: desk.checker.id,
      url: 'https://transit.example.gov/stations',
      title: 'Station inventory spreadsheet',
      stance: 'SUPPORTS',
    },
  });

  await page.goto('/claims');
  await expect(rows(page)).toHaveCount(claims.length + 1);

  const search = page.getByLabel('Search claims, notes and evidence titles');
  await search.fill('ridership');
  await page.getByRole('button', { name: 'Search' }).click();
  await expect(page).toHaveURL(/[?&]q=ridership/);
  await expect(rows(page)).toHaveCount(2);
  await expect(page.getByRole('link', { name: claims[0].text })).toBeVisible();

  for (const [words, claim] of [
    ['transcript', claims[1]],
    ['inventory spreadsheet', claims[8]],
  ] as const) {
    await page.getByLabel('Search claims, notes and evidence titles').fill(words);
    await page.getByRole('button', { name: 'Search' }).click();
    await expect(rows(page)).toHaveCount(2);
    await expect(page.getByRole('link', { name: claim.text })).toBeVisible();
  }

  await prisma.claim.update({ where: { id: claims[2].id }, data: { status: 'ASSIGNED', assigneeId: desk.checker.id } });
  await page.goto(`/claims?assignee=${desk.checker.id}`);
  await expect(page.getByLabel('Assignee')).toHaveValue(desk.checker.id);
  await expect(rows(page)).toHaveCount(2);
  await expect(page.getByRole('table')).toContainText(claims[2].text);
  await expect(page.getByRole('table')).toContainText(desk.checker.name);

  await page.goto('/claims?status=APPROVED&worthiness=worthy');
  await expect(page.getByText('No claims match')).toBeVisible();
  await page.getByRole('main').getByRole('link', { name: 'Clear filters' }).last().click();
  await expect(page).toHaveURL(/\/claims$/);
  await expect(rows(page)).toHaveCount(claims.length + 1);

  // A value the list does not know falls back to its default instead of failing.
  await page.goto('/claims?status=DONE&sort=sideways&cursor=nonsense');
  await expect(rows(page)).toHaveCount(claims.length + 1);

  // 60 more claims: 70 in all, 50 a page.
  const sentences = Array.from({ length: 60 }, (_, i) => `Depot ${i + 1} stored ${i + 2} buses in 2025.`).join(' ');
  await createArticle(prisma, { teamId: desk.team.id, actorId: desk.editor.id, text: `Depot Survey\n\n${sentences}` });
  await page.goto('/claims');
  await expect(rows(page)).toHaveCount(51);
  await page.getByRole('link', { name: 'Next page' }).click();
  await expect(page).toHaveURL(/cursor=/);
  await expect(rows(page)).toHaveCount(21);
  await expect(page.getByRole('link', { name: 'Next page' })).toHaveCount(0);
  await page.getByRole('link', { name: 'First page' }).click();
  await expect(rows(page)).toHaveCount(51);
});

test('an editor sets a due date, sets claims aside and assigns them in bulk', async ({ page, desk }) => {
  const { claims } = await importTransit(desk);
  await signIn(page, desk.editor);
  await page.goto('/claims');
  const status = page.getByRole('form', { name: 'Selected claims' }).getByRole('status');

  await select(page, [claims[0].text, claims[1].text]);
  await page.getByLabel('Due date').fill('2099-03-01');
  await page.getByRole('button', { name: 'Set due date' }).click();
  await expect(status).toHaveText('Set the due date of 2 claims to 2099-03-01.');
  for (const c of [claims[0], claims[1]]) {
    expect((await prisma.claim.findUniqueOrThrow({ where: { id: c.id } })).dueAt?.toISOString()).toBe('2099-03-01T00:00:00.000Z');
  }
  expect(await prisma.auditEvent.count({ where: { type: 'claim.due_changed', claimId: { in: [claims[0].id, claims[1].id] } } })).toBe(2);
  await page.goto('/claims?due=none');
  await expect(rows(page)).toHaveCount(claims.length - 1);

  await page.goto('/claims');
  await select(page, [claims[5].text, claims[6].text]);
  await page.getByRole('button', { name: 'Mark not check-worthy' }).click();
  await expect(status).toContainText('Reason is required.');
  await select(page, [claims[5].text, claims[6].text]);
  await page.getByLabel('Reason not check-worthy').fill('An opinion and a rhetorical question.');
  await page.getByRole('button', { name: 'Mark not check-worthy' }).click();
  await expect(status).toHaveText('Marked 2 claims not check-worthy.');
  for (const c of [claims[5], claims[6]]) {
    const after = await prisma.claim.findUniqueOrThrow({ where: { id: c.id } });
    expect(after).toMatchObject({ status: 'NOT_CHECK_WORTHY', notCheckWorthyReason: 'An opinion and a rhetorical question.' });
  }
  await page.goto('/claims?status=NOT_CHECK_WORTHY');
  await expect(rows(page)).toHaveCount(3);

  // All or nothing: an approved claim cannot be set aside, so neither is the other one.
  await prisma.claim.update({ where: { id: claims[7].id }, data: { status: 'APPROVED' } });
  await page.goto('/claims');
  await select(page, [claims[7].text, claims[9].text]);
  await page.getByLabel('Reason not check-worthy').fill('Not checkable.');
  await page.getByRole('button', { name: 'Mark not check-worthy' }).click();
  await expect(status).toContainText('Nothing was changed.');
  expect((await prisma.claim.findUniqueOrThrow({ where: { id: claims[9].id } })).status).toBe('UNASSIGNED');

  await page.goto('/claims');
  await select(page, [claims[3].text, claims[4].text]);
  await page.getByLabel('Checker').selectOption({ label: `${desk.checker.name} (checker)` });
  await page.getByRole('button', { name: 'Assign', exact: true }).click();
  await expect(status).toHaveText(`Assigned 2 claims to ${desk.checker.name}.`);
  await page.goto(`/claims?assignee=${desk.checker.id}&status=ASSIGNED`);
  await expect(rows(page)).toHaveCount(3);

  await page.goto(`/claims/${claims[0].id}`);
  await expect(page.getByRole('list', { name: 'History, newest first' }).getByRole('listitem').first()).toContainText(
    `${desk.editor.name} set the due date to 2099-03-01`,
  );
});

test('a checker sees no bulk controls, and the server refuses them to a demoted editor', async ({ page, browser, desk }) => {
  const { claims } = await importTransit(desk);
  const checker = await pageAs(browser, desk.checker);
  await checker.goto('/claims');
  await expect(rows(checker)).toHaveCount(claims.length + 1);
  await expect(checker.getByRole('checkbox')).toHaveCount(0);
  await expect(checker.getByRole('button', { name: 'Set due date' })).toHaveCount(0);
  await expect(checker.getByRole('button', { name: 'Mark not check-worthy' })).toHaveCount(0);

  await signIn(page, desk.editor);
  await page.goto('/claims');
  await select(page, [claims[0].text]);
  await page.getByLabel('Due date').fill('2099-03-01');
  await prisma.user.update({ where: { id: desk.editor.id }, data: { role: 'checker' } });
  await page.getByRole('button', { name: 'Set due date' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Your role does not allow this' })).toBeVisible();
  expect((await prisma.claim.findUniqueOrThrow({ where: { id: claims[0].id } })).dueAt).toBeNull();
});

test('the claims list has no serious accessibility violations, on a laptop and a phone', async ({ page, desk }) => {
  // Four axe scans: on a loaded machine they take most of the default minute.
  test.slow();
  await importTransit(desk);
  await signIn(page, desk.editor);
  for (const url of ['/claims', '/claims?q=ridership', '/claims?status=APPROVED']) {
    await page.goto(url);
    await expectNoSeriousViolations(page);
  }
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/claims');
  await expectNoSeriousViolations(page);
  await expect(page.getByRole('button', { name: 'Search' })).toBeInViewport();
});
