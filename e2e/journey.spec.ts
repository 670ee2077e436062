import { expect, fixtureExpected, fixtureText, pageAs, signIn, test } from './fixtures';

test('an article goes from import to an approved verdict', async ({ page, browser, desk }) => {
  const expected = fixtureExpected('belarus-air-defense');

  // Editor imports the article and sees one claim per sentence, title once.
  await signIn(page, desk.editor);
  await page.getByRole('link', { name: 'Import article' }).click();
  await page.getByLabel('Article text').fill(fixtureText('belarus-air-defense'));
  await page.getByLabel('Source URL').fill('https://example.org/belarus');
  await page.getByRole('button', { name: 'Import article' }).click();
  await expect(page.getByRole('heading', { level: 1, name: expected.title })).toBeVisible();
  const rows = page.getByRole('table').getByRole('row');
  await expect(rows).toHaveCount(expected.claims.length + 1);
  for (const [i, text] of expected.claims.entries()) {
    await expect(rows.nth(i + 1).getByRole('link')).toHaveText(text);
  }
  await expect(page.getByText(`0 of ${expected.claims.length} settled`)).toBeVisible();

  // Editor assigns three claims to the checker in one go.
  for (const n of [1, 2, 3]) await page.getByRole('checkbox', { name: `Select claim ${n}`, exact: true }).check();
  await page.getByLabel('Assign selected to').selectOption({ label: `${desk.checker.name} (checker)` });
  await page.getByLabel('Due date (optional)').fill('2030-01-15');
  await page.getByRole('button', { name: 'Assign' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Assigned 3 claims to ${desk.checker.name}.` })).toBeVisible();
  await expect(page.getByRole('table').getByText(desk.checker.name)).toHaveCount(3);

  // Checker finds the work under My claims, researches and proposes a verdict.
  const checker = await pageAs(browser, desk.checker);
  await checker.getByRole('link', { name: 'My claims' }).click();
  await expect(checker.getByText('3 open claims')).toBeVisible();
  await checker.getByRole('link', { name: expected.claims[0] }).click();
  await checker.locator('summary', { hasText: 'Add evidence' }).click();
  const addEvidence = checker.getByRole('form', { name: 'Add evidence' });
  await addEvidence.getByLabel('URL', { exact: true }).fill('https://example.org/union-state-air-defence-2009');
  await addEvidence.getByLabel('Title').fill('Agreement on the unified regional air defence system');
  await addEvidence.getByLabel('Publisher').fill('Union State archive');
  await addEvidence.getByLabel('What it shows').selectOption('SUPPORTS');
  await addEvidence.getByLabel('Quoted passage (optional)').fill('signed on 3 February 2009');
  await addEvidence.getByRole('button', { name: 'Add evidence' }).click();
  await expect(checker.getByRole('link', { name: 'Agreement on the unified regional air defence system' })).toBeVisible();
  await expect(checker.getByText('In research').first()).toBeVisible();

  const verdict = checker.getByRole('form', { name: 'Propose verdict' });
  await verdict.getByLabel('Verdict').selectOption({ label: 'Mostly true' });
  await verdict.getByLabel('Rationale').fill('The agreement was signed in 2009; “pivotal” is the author’s characterisation.');
  await verdict.getByRole('button', { name: 'Submit for review' }).click();
  await expect(checker.getByText('In review').first()).toBeVisible();

  // Editor returns it with a comment.
  await page.getByRole('link', { name: 'Review queue' }).click();
  await page.getByRole('link', { name: expected.claims[0] }).click();
  const review = page.getByRole('form', { name: 'Review verdict' });
  await review.getByLabel('Comment for the checker').fill('Cite the treaty text itself, not a summary.');
  await review.getByRole('button', { name: 'Return to checker' }).click();
  await expect(page.getByText('Returned', { exact: true }).first()).toBeVisible();

  // Checker sees the comment, revises and resubmits.
  await checker.reload();
  await expect(checker.getByRole('note', { name: "Editor's comment" })).toContainText('Cite the treaty text itself, not a summary.');
  const revise = checker.getByRole('form', { name: 'Propose verdict' });
  await expect(revise.getByLabel('Rationale')).toHaveValue(/signed in 2009/);
  await revise.getByLabel('Rationale').fill('Treaty text (Art. 1) confirms the 2009 agreement; “pivotal” is characterisation.');
  await revise.getByRole('button', { name: 'Submit for review' }).click();
  await expect(checker.getByText('In review').first()).toBeVisible();

  // Editor approves; progress and history show it.
  await page.reload();
  await page.getByRole('form', { name: 'Review verdict' }).getByRole('button', { name: 'Approve verdict' }).click();
  await expect(page.getByText('Approved', { exact: true }).first()).toBeVisible();
  const history = page.getByRole('list', { name: 'History, newest first' }).getByRole('listitem');
  await expect(history.first()).toContainText(`${desk.editor.name} approved the verdict`);
  await expect(history.nth(1)).toContainText(`${desk.checker.name} proposed the verdict “Mostly true”`);
  await expect(page.getByRole('list', { name: 'History, newest first' })).toContainText('returned the claim: “Cite the treaty text itself');
  await expect(page.getByRole('list', { name: 'History, newest first' })).toContainText(
    'added evidence “Agreement on the unified regional air defence system”',
  );
  await expect(history.last()).toContainText('imported the article');

  await page.getByRole('link', { name: `← ${expected.title}` }).click();
  await expect(page.getByText(`1 of ${expected.claims.length} settled`)).toBeVisible();
  await expect(page.getByRole('list', { name: /claims by status/ })).toContainText('Approved: 1');
  await expect(page.getByRole('list', { name: /claims by status/ })).toContainText('Assigned: 2');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Articles' }).click();
  await expect(page.getByText(`1 of ${expected.claims.length} settled`)).toBeVisible();
});
