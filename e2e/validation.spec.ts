import { expect, importFixture, prisma, signIn, test } from './fixtures';

test('an empty article is refused with a clear error and the details typed are kept', async ({ page, desk }) => {
  await signIn(page, desk.editor);
  await page.goto('/articles/new');
  await page.getByLabel('Title').fill('Budget hearing, unedited');
  await page.getByLabel('Outlet').fill('Metro Daily');
  await page.getByLabel('Article text').fill('   \n  ');
  await page.getByRole('button', { name: 'Import article' }).click();
  await expect(page.getByRole('status')).toContainText('The article is empty');
  await expect(page.getByLabel('Article text')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Title')).toHaveValue('Budget hearing, unedited');
  await expect(page.getByLabel('Outlet')).toHaveValue('Metro Daily');
  expect(await prisma.article.count({ where: { teamId: desk.team.id } })).toBe(0);
});

test('a file that is not text is refused', async ({ page, desk }) => {
  await signIn(page, desk.editor);
  await page.goto('/articles/new');
  await page.getByLabel('Title').fill('Scanned page');
  await page
    .getByLabel('Or upload a file')
    .setInputFiles({ name: 'scan.txt', mimeType: 'text/plain', buffer: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46]) });
  await page.getByRole('button', { name: 'Import article' }).click();
  await expect(page.getByRole('status')).toContainText('not plain UTF-8 text');
  await expect(page.getByLabel('Title')).toHaveValue('Scanned page');
  expect(await prisma.article.count({ where: { teamId: desk.team.id } })).toBe(0);
});

test('an uploaded .txt file is imported', async ({ page, desk }) => {
  await signIn(page, desk.editor);
  await page.goto('/articles/new');
  await page.getByLabel('Or upload a file').setInputFiles({
    name: 'short.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('Harbour Tunnel Opens\n\nThe tunnel cost $2.1 billion. It opened on May 4.'),
  });
  await page.getByRole('button', { name: 'Import article' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Harbour Tunnel Opens' })).toBeVisible();
  await expect(page.getByRole('table').getByRole('row')).toHaveCount(3);
});

test('a javascript: evidence URL is refused and the other fields are kept', async ({ page, desk }) => {
  const article = await importFixture(desk);
  const claim = await prisma.claim.findFirstOrThrow({ where: { articleId: article.id, position: 1 } });
  await prisma.claim.update({ where: { id: claim.id }, data: { status: 'IN_RESEARCH', assigneeId: desk.checker.id } });
  await signIn(page, desk.checker);
  await page.goto(`/claims/${claim.id}`);
  await page.locator('summary', { hasText: 'Add evidence' }).click();
  const form = page.getByRole('form', { name: 'Add evidence' });
  await form.getByLabel('URL', { exact: true }).fill('javascript:alert(document.cookie)');
  await form.getByLabel('Title').fill('Ministry statement');
  await form.getByLabel('What it shows').selectOption('REFUTES');
  await form.getByRole('button', { name: 'Add evidence' }).click();
  await expect(form.getByText('URL must be a web address starting with http:// or https://.').first()).toBeVisible();
  await expect(form.getByLabel('URL', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByLabel('Title')).toHaveValue('Ministry statement');
  await expect(form.getByLabel('What it shows')).toHaveValue('REFUTES');
  expect(await prisma.evidence.count({ where: { claimId: claim.id } })).toBe(0);
});

test('a verdict without a rationale is refused', async ({ page, desk }) => {
  const article = await importFixture(desk);
  const claim = await prisma.claim.findFirstOrThrow({ where: { articleId: article.id, position: 1 } });
  await prisma.claim.update({ where: { id: claim.id }, data: { status: 'IN_RESEARCH', assigneeId: desk.checker.id } });
  await signIn(page, desk.checker);
  await page.goto(`/claims/${claim.id}`);
  const form = page.getByRole('form', { name: 'Propose verdict' });
  await form.getByLabel('Verdict').selectOption({ label: 'False' });
  await form.getByRole('button', { name: 'Submit for review' }).click();
  await expect(form.getByText('Rationale is required.').first()).toBeVisible();
  await expect(form.getByLabel('Verdict')).toHaveValue(/.+/);
  const after = await prisma.claim.findUniqueOrThrow({ where: { id: claim.id } });
  expect(after.status).toBe('IN_RESEARCH');
});

test('a wrong password is refused without saying whether the account exists', async ({ page, desk }) => {
  await page.goto('/login');
  await page.getByLabel('Email').fill(desk.editor.email);
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('status')).toContainText('That email and password do not match an account.');
  await page.getByLabel('Email').fill('nobody@example.test');
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('status')).toContainText('That email and password do not match an account.');
});
