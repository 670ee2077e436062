import { createDesk, expect, importFixture, pageAs, prisma, signIn, test } from './fixtures';

test('a user of another team gets 404 on a claim URL and never sees its text', async ({ page, browser, desk }) => {
  const article = await importFixture(desk);
  const claim = await prisma.claim.findFirstOrThrow({ where: { articleId: article.id, position: 1 } });
  const other = await createDesk('Other');

  const outsider = await pageAs(browser, other.editor);
  for (const url of [`/claims/${claim.id}`, `/articles/${article.id}`]) {
    const response = await outsider.goto(url);
    expect(response?.status()).toBe(404);
    await expect(outsider.getByRole('heading', { name: 'Not found' })).toBeVisible();
    await expect(outsider.getByText(claim.text)).toHaveCount(0);
  }
  await outsider.goto('/articles');
  await expect(outsider.getByText(article.title)).toHaveCount(0);

  // The owning team sees it.
  await signIn(page, desk.checker);
  await page.goto(`/claims/${claim.id}`);
  await expect(page.getByText(claim.text)).toBeVisible();
});

test('the server refuses an editor action from a checker, whatever the page showed', async ({ page, desk }) => {
  const article = await importFixture(desk);
  await signIn(page, desk.editor);
  await page.goto(`/articles/${article.id}`);
  await page.getByRole('checkbox', { name: 'Select claim 1', exact: true }).check();
  await page.getByLabel('Assign selected to').selectOption({ label: `${desk.checker.name} (checker)` });

  // The admin demotes this editor while the assign form is still on screen.
  await prisma.user.update({ where: { id: desk.editor.id }, data: { role: 'checker' } });
  await page.getByRole('button', { name: 'Assign' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Your role does not allow this' })).toBeVisible();
  const claim = await prisma.claim.findFirstOrThrow({ where: { articleId: article.id, position: 1 } });
  expect(claim.status).toBe('UNASSIGNED');
  expect(claim.assigneeId).toBeNull();

  // As a checker the page no longer offers assignment or the review queue.
  await page.reload();
  await expect(page.getByLabel('Assign selected to')).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Review queue' })).toHaveCount(0);
});

test('a checker cannot approve their own or anyone’s verdict', async ({ page, desk }) => {
  const article = await importFixture(desk);
  const claim = await prisma.claim.findFirstOrThrow({ where: { articleId: article.id, position: 2 } });
  const label = await prisma.verdictLabel.findFirstOrThrow({ where: { teamId: desk.team.id, name: 'False' } });
  await prisma.claim.update({
    where: { id: claim.id },
    data: { status: 'IN_REVIEW', assigneeId: desk.checker.id, proposedById: desk.checker.id, verdictLabelId: label.id, rationale: 'Because.' },
  });
  await signIn(page, desk.checker);
  await page.goto(`/claims/${claim.id}`);
  await expect(page.getByRole('button', { name: 'Approve verdict' })).toHaveCount(0);
  await page.goto('/review');
  await expect(page.getByText('Only editors review verdicts.')).toBeVisible();
});

test('an editor cannot approve a verdict they proposed', async ({ page, desk }) => {
  const article = await importFixture(desk);
  const claim = await prisma.claim.findFirstOrThrow({ where: { articleId: article.id, position: 3 } });
  const label = await prisma.verdictLabel.findFirstOrThrow({ where: { teamId: desk.team.id, name: 'True' } });
  await prisma.claim.update({
    where: { id: claim.id },
    data: { status: 'IN_REVIEW', assigneeId: desk.editor.id, proposedById: desk.editor.id, verdictLabelId: label.id, rationale: 'Checked it myself.' },
  });
  await signIn(page, desk.editor);
  await page.goto(`/claims/${claim.id}`);
  await expect(page.getByText('You proposed this verdict, so another editor has to approve it.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Approve verdict' })).toHaveCount(0);
});
