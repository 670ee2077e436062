import { expect, fixtureText, importFixture, prisma, signIn, test } from './fixtures';

test('an editor splits a claim and merges it back, with exact offsets and history', async ({ page, desk }) => {
  const article = await importFixture(desk, 'transit-budget');
  const claim = await prisma.claim.findFirstOrThrow({ where: { articleId: article.id, position: 8 } });
  expect(claim.text).toBe('The report (see p. 14) says costs could reach $1.2 billion, i.e. twice the estimate.');
  await signIn(page, desk.editor);
  await page.goto(`/claims/${claim.id}`);
  const split = page.getByRole('form', { name: 'Split claim' });
  await split.getByLabel('Split after').selectOption(String(claim.text.indexOf(' i.e.')));
  await expect(split.getByLabel('Split after').locator('option:checked')).toHaveText('…reach $1.2 billion, ‖ i.e. twice the…');
  await split.getByRole('button', { name: 'Split into two claims' }).click();
  await expect(page.getByRole('blockquote')).toHaveText('The report (see p. 14) says costs could reach $1.2 billion,');

  const stored = await prisma.article.findUniqueOrThrow({
    where: { id: article.id },
    include: { claims: { where: { archivedAt: null }, orderBy: { position: 'asc' } } },
  });
  expect(stored.claims).toHaveLength(11);
  expect(stored.claims.map((c) => c.position)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  for (const c of stored.claims) expect(stored.body.slice(c.start, c.end)).toBe(c.text);
  expect(stored.claims[8].text).toBe('i.e. twice the estimate.');
  await expect(page.getByRole('list', { name: 'History, newest first' })).toContainText('split “The report (see p. 14)');

  await page.getByRole('form', { name: 'Merge with next claim' }).getByRole('button', { name: 'Merge with next claim' }).click();
  await expect(page.getByRole('blockquote')).toHaveText(claim.text);
  const merged = await prisma.claim.findMany({ where: { articleId: article.id, archivedAt: null }, orderBy: { position: 'asc' } });
  expect(merged).toHaveLength(10);
  expect(merged.map((c) => c.position)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  expect(merged[7]).toMatchObject({ id: claim.id, text: claim.text, start: claim.start, end: claim.end });
  expect(await prisma.claim.count({ where: { articleId: article.id, archivedAt: { not: null } } })).toBe(1);
});

test('a new version keeps the work on unchanged sentences and shows what changed', async ({ page, desk }) => {
  const article = await importFixture(desk, 'transit-budget');
  const kept = await prisma.claim.findFirstOrThrow({ where: { articleId: article.id, position: 2 } });
  await prisma.claim.update({
    where: { id: kept.id },
    data: { status: 'IN_RESEARCH', assigneeId: desk.checker.id, notes: 'Called the council press office.' },
  });
  const changedText = fixtureText('transit-budget')
    .replace('ridership rose 12.5% in 2025', 'ridership rose 12.4% in 2025')
    .replace(' Is it?', '')
    .concat('\nThe council will vote again in June.\n');

  await signIn(page, desk.editor);
  await page.goto(`/articles/${article.id}`);
  await page.getByRole('link', { name: 'Import new version' }).click();
  await page.getByLabel('Article text').fill(changedText);
  await page.getByRole('button', { name: 'Import new version' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Versions' })).toBeVisible();
  await expect(page.getByText('8 kept (0 moved), 1 changed, 1 added, 1 archived.')).toBeVisible();
  await expect(page.getByText('ridership rose 12.5% in 2025').first()).toBeVisible();

  await page.getByRole('link', { name: /ridership rose 12.4% in 2025/ }).click();
  await expect(page.getByRole('heading', { name: 'This sentence changed in a new version of the article' })).toBeVisible();
  await page.getByRole('button', { name: 'I have checked the change' }).click();
  await expect(page.getByRole('heading', { name: 'This sentence changed in a new version of the article' })).toHaveCount(0);

  const after = await prisma.claim.findUniqueOrThrow({ where: { id: kept.id } });
  expect(after).toMatchObject({ status: 'IN_RESEARCH', assigneeId: desk.checker.id, notes: 'Called the council press office.', archivedAt: null });
  await page.goto(`/articles/${article.id}`);
  await expect(page.getByRole('table').getByRole('row')).toHaveCount(11);
  await expect(page.getByRole('link', { name: 'Version 2' })).toBeVisible();
});

test('a checker restates the claim as checked, beside the sentence as stated', async ({ page, desk }) => {
  const article = await importFixture(desk, 'transit-budget');
  const claim = await prisma.claim.findFirstOrThrow({ where: { articleId: article.id, position: 6 } });
  await prisma.claim.update({ where: { id: claim.id }, data: { status: 'IN_RESEARCH', assigneeId: desk.checker.id } });
  await signIn(page, desk.checker);
  await page.goto(`/claims/${claim.id}`);
  await page.getByRole('textbox', { name: 'Claim as checked' }).fill('Sen. Patel called the opening schedule unrealistic.');
  await page.getByRole('button', { name: 'Save restatement' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved the claim as checked.' })).toBeVisible();
  await expect(page.getByRole('blockquote')).toHaveText(claim.text);
  await expect(page.getByText('Sen. Patel called the opening schedule unrealistic.').first()).toBeVisible();
});

test('editors sort by check-worthiness and set aside the low-scoring claims in bulk', async ({ page, desk }) => {
  const article = await importFixture(desk, 'transit-budget');
  await signIn(page, desk.editor);
  await page.goto(`/articles/${article.id}`);
  await page.getByRole('link', { name: 'Most check-worthy' }).click();
  await expect(page).toHaveURL(/sort=worthiness/);
  const scores = await page.getByRole('table').locator('tbody tr td:nth-child(4) span.font-semibold').allTextContents();
  const numbers = scores.map((s) => Number.parseInt(s, 10));
  expect(numbers).toEqual([...numbers].sort((a, b) => b - a));

  await page.getByRole('link', { name: 'Low scores' }).click();
  await expect(page).toHaveURL(/worthiness=low/);
  const low = await page.getByRole('table').getByRole('row').count();
  await page.locator('summary', { hasText: 'Set aside low-scoring claims' }).click();
  await page.getByRole('button', { name: 'Mark not check-worthy' }).click();
  await expect(page.getByRole('status').filter({ hasText: /Marked \d+ claims? not check-worthy|No unassigned claim scores that low/ })).toBeVisible();
  const excluded = await prisma.claim.count({ where: { articleId: article.id, status: 'NOT_CHECK_WORTHY' } });
  const isQuestion = await prisma.claim.findFirstOrThrow({ where: { articleId: article.id, text: 'Is it?' } });
  expect(isQuestion.status).toBe('NOT_CHECK_WORTHY');
  expect(excluded).toBe(low - 1);
});
