import { expect, importFixture, pageAs, prisma, signIn, test } from './fixtures';

test('a checker takes a claim, keeps notes and edits and removes evidence; the editor may too', async ({ page, browser, desk }) => {
  const article = await importFixture(desk, 'transit-budget');
  await signIn(page, desk.checker);
  await page.goto(`/articles/${article.id}`);
  await page.getByRole('button', { name: 'Take claim 5' }).click();
  await expect(page.getByRole('table').getByText(desk.checker.name)).toBeVisible();
  const claim = await prisma.claim.findFirstOrThrow({ where: { articleId: article.id, position: 5 } });
  expect(claim.assigneeId).toBe(desk.checker.id);

  await page.goto('/my-claims');
  await page.getByRole('link', { name: claim.text }).click();
  await page.getByRole('button', { name: 'Start research' }).click();
  await expect(page.getByText('In research').first()).toBeVisible();

  await page.getByLabel('Notes', { exact: true }).fill('Transit authority press office: opening date unconfirmed.');
  await page.getByRole('button', { name: 'Save notes' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Notes saved.' })).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Notes', { exact: true })).toHaveValue('Transit authority press office: opening date unconfirmed.');

  await page.locator('summary', { hasText: 'Add evidence' }).click();
  const add = page.getByRole('form', { name: 'Add evidence' });
  await add.getByLabel('URL', { exact: true }).fill('https://transit.example.gov/schedule');
  await add.getByLabel('Title').fill('Opening schedule');
  await add.getByLabel('What it shows').selectOption('CONTEXT');
  await add.getByLabel('Archived copy URL (optional)').fill('https://archive.example.org/transit-schedule');
  await add.getByRole('button', { name: 'Add evidence' }).click();
  await expect(page.getByRole('link', { name: 'Opening schedule' })).toBeVisible();
  const item = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: /Opening schedule/ }) });
  await expect(item).toContainText('Adds context');
  await expect(item.getByRole('link', { name: 'Archived copy' })).toHaveAttribute('href', 'https://archive.example.org/transit-schedule');

  await page.locator('summary', { hasText: 'Edit' }).click();
  const edit = page.getByRole('form', { name: 'Edit evidence Opening schedule' });
  await edit.getByLabel('Title').fill('Opening schedule (March update)');
  await edit.getByLabel('What it shows').selectOption('REFUTES');
  await edit.getByRole('button', { name: 'Save evidence' }).click();
  await expect(page.getByRole('link', { name: 'Opening schedule (March update)' })).toBeVisible();
  await expect(item).toContainText('Refutes');

  // The editor can edit and remove it too; another checker cannot.
  const other = await pageAs(browser, desk.checker2);
  await other.goto(`/claims/${claim.id}`);
  await expect(other.getByRole('button', { name: /Remove evidence/ })).toHaveCount(0);
  await expect(other.getByRole('form', { name: 'Add evidence' })).toHaveCount(0);

  const editor = await pageAs(browser, desk.editor);
  await editor.goto(`/claims/${claim.id}`);
  await editor.getByRole('button', { name: 'Remove evidence Opening schedule (March update)' }).click();
  await expect(editor.getByText('No evidence yet.')).toBeVisible();
  await expect(editor.getByRole('list', { name: 'History, newest first' }).getByRole('listitem').first()).toContainText(
    `${desk.editor.name} removed evidence “Opening schedule (March update)”`,
  );
});

test('a claim that is not checkable is set aside with a reason and brought back', async ({ page, desk }) => {
  const article = await importFixture(desk, 'transit-budget');
  const claim = await prisma.claim.findFirstOrThrow({ where: { articleId: article.id, position: 7 } });
  await signIn(page, desk.editor);
  await page.goto(`/claims/${claim.id}`);
  await page.locator('summary', { hasText: 'Not a checkable statement?' }).click();
  const form = page.getByRole('form', { name: 'Mark not check-worthy' });
  await form.getByRole('button', { name: 'Mark not check-worthy' }).click();
  await expect(form.getByText('Reason is required.').first()).toBeVisible();
  await form.getByLabel('Reason').fill('A rhetorical question.');
  await form.getByRole('button', { name: 'Mark not check-worthy' }).click();
  await expect(page.getByText('Not check-worthy:', { exact: true })).toBeVisible();
  await expect(page.getByText('A rhetorical question.').first()).toBeVisible();

  await page.getByRole('button', { name: 'Bring back into the workflow' }).click();
  await expect(page.getByText('Unassigned', { exact: true }).first()).toBeVisible();
});

test('my claims shows due dates and marks overdue claims', async ({ page, desk }) => {
  const article = await importFixture(desk, 'transit-budget');
  const [late, soon] = await prisma.claim.findMany({ where: { articleId: article.id }, orderBy: { position: 'asc' }, take: 2 });
  await prisma.claim.update({ where: { id: late.id }, data: { status: 'ASSIGNED', assigneeId: desk.checker.id, dueAt: new Date('2020-01-01') } });
  await prisma.claim.update({ where: { id: soon.id }, data: { status: 'ASSIGNED', assigneeId: desk.checker.id, dueAt: new Date('2099-06-01') } });
  await signIn(page, desk.checker);
  await page.goto('/my-claims');
  await expect(page.getByText('2 open claims, 1 overdue')).toBeVisible();
  const items = page.getByRole('main').getByRole('listitem');
  await expect(items.first()).toContainText(late.text);
  await expect(items.first()).toContainText('Overdue');
  await expect(items.nth(1)).toContainText('1 Jun 2099');
  await expect(items.nth(1)).not.toContainText('Overdue');
});
