import { expect, importFixture, pageAs, prisma, signIn, test } from './fixtures';

// scripts/test.ts runs the app with a short sweep interval; this is the app's default otherwise.
const OVERDUE_SWEEP_MS = Number(process.env.CLAIMDESK_OVERDUE_SWEEP_MS ?? 30_000);

test('a checker is told when a claim is assigned, returned, approved or overdue', async ({ page, browser, desk }) => {
  const article = await importFixture(desk, 'transit-budget');
  const [first, second] = await prisma.claim.findMany({ where: { articleId: article.id }, orderBy: { position: 'asc' }, take: 2 });

  await signIn(page, desk.editor);
  await page.goto(`/articles/${article.id}`);
  await page.getByRole('checkbox', { name: 'Select claim 1', exact: true }).check();
  await page.getByLabel('Assign selected to').selectOption({ label: `${desk.checker.name} (checker)` });
  await page.getByRole('button', { name: 'Assign' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Assigned 1 claim' })).toBeVisible();
  // The editor assigned it; the editor is not notified of their own action.
  await expect(page.getByRole('link', { name: 'Notifications', exact: true })).toBeVisible();

  const checker = await pageAs(browser, desk.checker);
  await expect(checker.getByRole('link', { name: 'Notifications, 1 unread' })).toBeVisible();
  await checker.getByRole('link', { name: 'Notifications, 1 unread' }).click();
  const list = checker.getByRole('list', { name: 'Notifications, newest first' });
  await expect(list.getByRole('listitem')).toHaveCount(1);
  // Long claims are quoted shortened.
  await expect(list).toContainText(`${desk.editor.name} assigned you “${first.text.slice(0, 60)}`);

  // A claim of theirs past its due date is announced once, by the app's overdue sweep.
  await prisma.claim.update({ where: { id: second.id }, data: { status: 'ASSIGNED', assigneeId: desk.checker.id, dueAt: new Date('2021-03-01') } });
  const overdueNotices = () => prisma.notification.count({ where: { userId: desk.checker.id, claimId: second.id, type: 'OVERDUE' } });
  await expect.poll(overdueNotices).toBe(1);
  await checker.reload();
  await expect(list.getByRole('listitem')).toHaveCount(2);
  await expect(list.getByRole('listitem').first()).toContainText(`Overdue: “${second.text}”`);
  // Later sweeps add nothing.
  await checker.waitForTimeout(3 * OVERDUE_SWEEP_MS);
  expect(await overdueNotices()).toBe(1);
  await checker.reload();
  await expect(list.getByRole('listitem')).toHaveCount(2);

  await checker.getByRole('button', { name: 'Mark all read' }).click();
  await expect(checker.getByRole('link', { name: 'Notifications', exact: true })).toBeVisible();

  // Returned and approved reach the checker too.
  const label = await prisma.verdictLabel.findFirstOrThrow({ where: { teamId: desk.team.id, name: 'True' } });
  await prisma.claim.update({
    where: { id: first.id },
    data: { status: 'IN_REVIEW', proposedById: desk.checker.id, verdictLabelId: label.id, rationale: 'Ministry data.' },
  });
  await page.goto(`/claims/${first.id}`);
  const review = page.getByRole('form', { name: 'Review verdict' });
  await review.getByLabel('Comment for the checker').fill('Link the ministry table.');
  await review.getByRole('button', { name: 'Return to checker' }).click();
  await expect(page.getByText('Returned', { exact: true }).first()).toBeVisible();
  await checker.reload();
  await expect(list.getByRole('listitem').first()).toContainText(`${desk.editor.name} returned “${first.text.slice(0, 60)}`);
  await expect(list.getByRole('listitem').first()).toContainText('…”: Link the ministry table.');
  await expect(checker.getByRole('link', { name: 'Notifications, 1 unread' })).toBeVisible();

  await prisma.claim.update({ where: { id: first.id }, data: { status: 'IN_REVIEW' } });
  await page.reload();
  await page.getByRole('form', { name: 'Review verdict' }).getByRole('button', { name: 'Approve verdict' }).click();
  await expect(page.getByText('Approved', { exact: true }).first()).toBeVisible();
  await checker.reload();
  await expect(list.getByRole('listitem').first()).toContainText(`${desk.editor.name} approved the verdict on “${first.text.slice(0, 60)}`);
  await expect(checker.getByRole('link', { name: 'Notifications, 2 unread' })).toBeVisible();
});

test('notifications are private to their user', async ({ page, desk }) => {
  const article = await importFixture(desk, 'transit-budget');
  const claim = await prisma.claim.findFirstOrThrow({ where: { articleId: article.id, position: 3 } });
  await prisma.notification.create({ data: { teamId: desk.team.id, userId: desk.checker.id, type: 'ASSIGNED', claimId: claim.id, message: 'For Cara only' } });
  await signIn(page, desk.checker2);
  await page.goto('/notifications');
  await expect(page.getByText('For Cara only')).toHaveCount(0);
  await expect(page.getByText('No notifications yet')).toBeVisible();
});
