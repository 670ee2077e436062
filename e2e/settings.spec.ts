import { expect, importFixture, prisma, signIn, test } from './fixtures';

test('an admin adds a member who can then sign in, and changes a role', async ({ page, browser, desk }) => {
  await signIn(page, desk.admin);
  await page.getByRole('link', { name: 'Settings' }).click();
  const add = page.getByRole('form', { name: 'Add a member' });
  await add.getByLabel('Name').fill('Nina New');
  await add.getByLabel('Email').fill(`nina.${desk.team.slug}@example.test`);
  await add.getByLabel('Role').selectOption('checker');
  await add.getByLabel('Initial password').fill('short');
  await add.getByRole('button', { name: 'Add member' }).click();
  await expect(add.getByLabel('Initial password')).toHaveAttribute('aria-invalid', 'true');
  await expect(add.getByText('The password needs at least 10 characters.').first()).toBeVisible();
  await expect(add.getByLabel('Name')).toHaveValue('Nina New');
  await add.getByLabel('Initial password').fill('a-long-enough-password');
  await add.getByRole('button', { name: 'Add member' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Nina New can now sign in as checker.' })).toBeVisible();

  const nina = await browser.newPage();
  await nina.goto('/login');
  await nina.getByLabel('Email').fill(`nina.${desk.team.slug}@example.test`);
  await nina.getByLabel('Password').fill('a-long-enough-password');
  await nina.getByRole('button', { name: 'Sign in' }).click();
  await expect(nina.getByText(`${desk.team.name} · checker`)).toBeVisible();

  const roleForm = page.getByRole('form', { name: 'Role of Nina New' });
  await roleForm.getByLabel('Role of Nina New').selectOption('editor');
  await roleForm.getByRole('button', { name: 'Change' }).click();
  await expect(roleForm.getByRole('status')).toContainText('Role changed.');
  await nina.reload();
  await expect(nina.getByText(`${desk.team.name} · editor`)).toBeVisible();
  await expect(nina.getByRole('link', { name: 'Review queue' })).toBeVisible();
});

test('an admin renames, reorders, adds and retires verdict labels without breaking past verdicts', async ({ page, desk }) => {
  const article = await importFixture(desk, 'transit-budget');
  const claim = await prisma.claim.findFirstOrThrow({ where: { articleId: article.id, position: 1 } });
  const halfTrue = await prisma.verdictLabel.findFirstOrThrow({ where: { teamId: desk.team.id, name: 'Half true' } });
  await prisma.claim.update({ where: { id: claim.id }, data: { status: 'APPROVED', verdictLabelId: halfTrue.id, rationale: 'Partly.' } });

  await signIn(page, desk.admin);
  await page.goto('/settings');
  const rename = page.getByRole('form', { name: 'Rename Half true' });
  await rename.getByRole('textbox').fill('Partly true');
  await rename.getByRole('button', { name: 'Rename' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Renamed to “Partly true”.' })).toBeVisible();

  await page.getByRole('button', { name: 'Move Partly true up' }).click();
  await expect(page.getByRole('form', { name: 'Rename Partly true' }).getByLabel('Label 2')).toBeVisible();

  const add = page.getByRole('form', { name: 'Add a label' });
  await add.getByLabel('New label').fill('Satire');
  await add.getByRole('button', { name: 'Add label' }).click();
  await expect(page.getByRole('form', { name: 'Rename Satire' })).toBeVisible();

  await page.getByRole('form', { name: 'Retire Partly true' }).getByRole('button', { name: 'Retire' }).click();
  await expect(page.getByRole('form', { name: 'Restore Partly true' })).toBeVisible();

  // The past verdict keeps its label, under its new name; new verdicts cannot use it.
  await page.goto(`/claims/${claim.id}`);
  await expect(page.getByText('Partly true').first()).toBeVisible();
  await expect(page.getByText('(retired label)')).toBeVisible();
  const other = await prisma.claim.findFirstOrThrow({ where: { articleId: article.id, position: 2 } });
  await prisma.claim.update({ where: { id: other.id }, data: { status: 'IN_RESEARCH', assigneeId: desk.admin.id } });
  await page.goto(`/claims/${other.id}`);
  const options = await page.getByRole('form', { name: 'Propose verdict' }).getByLabel('Verdict').locator('option').allTextContents();
  expect(options).toEqual(['Choose a verdict…', 'True', 'Mostly true', 'Mostly false', 'False', 'Misleading', 'Unverifiable', 'Satire']);
});

test('editors and checkers cannot reach team settings', async ({ page, desk }) => {
  await signIn(page, desk.editor);
  // Their Settings are their own: API tokens and exports, not the team's members or scale.
  await page.getByRole('link', { name: 'Settings' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'API tokens' })).toBeVisible();
  const sections = page.getByRole('navigation', { name: 'Settings' });
  await expect(sections.getByRole('link')).toHaveText(['API tokens', 'Export']);
  await page.goto('/settings');
  await expect(page.getByText('Only admins manage the team and its verdict scale.')).toBeVisible();
  await expect(page.getByRole('form', { name: 'Add a member' })).toHaveCount(0);
});
