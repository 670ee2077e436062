import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { createDesk, expect, importFixture, prisma, signIn, test, type Desk } from './fixtures';

const DAY = 86_400_000;
const isoDay = (msAgo: number) => new Date(Date.now() - msAgo).toISOString().slice(0, 10);
const atNoon = (daysAgo: number) => new Date(`${isoDay(daysAgo * DAY)}T12:00:00Z`);

/**
 * Two articles with claims in every state. Cara (checker): one assigned and overdue, one in
 * research due tomorrow, two approved as False (today, two days ago). Cole (checker): one
 * returned, one in review, one assigned and overdue in the second article, one approved as
 * True (ten days ago) and one as Half true (today) in the second article.
 */
async function deskWithWork(desk: Desk) {
  const transit = await importFixture(desk, 'transit-budget');
  const belarus = await importFixture(desk, 'belarus-air-defense');
  const claimsOf = (articleId: string) => prisma.claim.findMany({ where: { articleId }, orderBy: { position: 'asc' } });
  const [t, b] = [await claimsOf(transit.id), await claimsOf(belarus.id)];
  const label = async (name: string) => (await prisma.verdictLabel.findFirstOrThrow({ where: { teamId: desk.team.id, name } })).id;
  const [falseId, trueId, halfTrueId] = [await label('False'), await label('True'), await label('Half true')];
  const { checker: cara, checker2: cole } = desk;
  const set = (claim: { id: string }, data: object) => prisma.claim.update({ where: { id: claim.id }, data });
  const approve = async (claim: { id: string; articleId: string }, assigneeId: string, verdictLabelId: string, daysAgo: number) => {
    await set(claim, { status: 'APPROVED', assigneeId, verdictLabelId, proposedById: assigneeId, rationale: 'Checked.' });
    await prisma.auditEvent.create({
      data: {
        teamId: desk.team.id,
        actorId: desk.editor.id,
        claimId: claim.id,
        articleId: claim.articleId,
        type: 'review.approved',
        createdAt: atNoon(daysAgo),
      },
    });
  };
  await set(t[0], { status: 'ASSIGNED', assigneeId: cara.id, dueAt: new Date('2020-01-01') });
  await set(t[1], { status: 'IN_RESEARCH', assigneeId: cara.id, dueAt: new Date(Date.now() + DAY) });
  await set(t[2], { status: 'RETURNED', assigneeId: cole.id, dueAt: new Date('2099-01-01') });
  await set(t[3], { status: 'IN_REVIEW', assigneeId: cole.id, dueAt: new Date('2020-01-01'), verdictLabelId: trueId });
  await approve(t[4], cara.id, falseId, 0);
  await approve(t[5], cara.id, falseId, 2);
  await approve(t[6], cole.id, trueId, 10);
  // Archived claims count nowhere, whatever state they were in.
  await set(t[7], { status: 'ASSIGNED', assigneeId: cara.id, dueAt: new Date('2020-01-01'), archivedAt: new Date() });
  await set(b[0], { status: 'ASSIGNED', assigneeId: cole.id, dueAt: new Date(Date.now() - DAY) });
  await approve(b[1], cole.id, halfTrueId, 0);
  return { transit, belarus, overdueFirst: t[0], dueTomorrow: t[1], overdueBelarus: b[0] };
}

const workloadTable = (page: Page) => page.getByRole('table', { name: 'Open claims per team member by status' });
/** A chart's numbers: opens its "… as a table" disclosure if it is closed. */
async function chartTable(page: Page, summary: string, table: string | RegExp) {
  const details = page.locator('details', { has: page.locator('summary', { hasText: summary }) });
  if ((await details.getAttribute('open')) === null) await details.locator('summary').click();
  return page.getByRole('table', { name: table });
}
const verdictTable = (page: Page) => chartTable(page, 'Verdicts as a table', 'Approved verdicts by label');
const dueList = (page: Page) => page.getByRole('list', { name: 'Overdue and soon-due claims' });
const rowCells = (table: Locator, name: RegExp) => table.getByRole('row', { name }).getByRole('cell');

async function approvalsTotal(page: Page) {
  return rowCells(await chartTable(page, 'Approvals per day as a table', /^Claims approved per day/), /^Total/);
}

async function expectNoSeriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
}

test('an editor sees workload, verdicts, deadlines and approvals of the desk', async ({ page, desk }) => {
  const { transit, belarus, overdueFirst, dueTomorrow, overdueBelarus } = await deskWithWork(desk);
  await signIn(page, desk.editor);
  await page.goto('/dashboard');
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();

  // Assigned, in research, in review, returned, overdue, open.
  await expect(rowCells(workloadTable(page), /^Cara Checker/)).toHaveText(['1', '1', '0', '0', '1', '2']);
  await expect(rowCells(workloadTable(page), /^Cole Checker/)).toHaveText(['1', '0', '1', '1', '1', '3']);
  await expect(rowCells(workloadTable(page), /^Erin Editor/)).toHaveText(['0', '0', '0', '0', '0', '0']);
  await expect(workloadTable(page).getByRole('row', { name: /Alex Admin/ })).toHaveCount(0);

  await expect(rowCells(await verdictTable(page), /^False/)).toHaveText(['2', '50%']);
  await expect(rowCells(await verdictTable(page), /^True/)).toHaveText(['1', '25%']);
  await expect(rowCells(await verdictTable(page), /^Half true/)).toHaveText(['1', '25%']);
  await expect(rowCells(await verdictTable(page), /^Total/)).toHaveText(['4', '100%']);
  // In the order of the scale, with unused labels shown as 0.
  await expect((await verdictTable(page)).getByRole('rowheader')).toHaveText([
    'True',
    'Mostly true',
    'Half true',
    'Mostly false',
    'False',
    'Misleading',
    'Unverifiable',
    'Total',
  ]);
  await expect(page.getByRole('img', { name: /^4 verdicts approved: True 1, Mostly true 0, Half true 1/ })).toBeVisible();

  await expect(page.getByText('2 overdue, 1 due in the next 3 days')).toBeVisible();
  const due = dueList(page).getByRole('listitem');
  await expect(due).toHaveCount(3);
  await expect(due.nth(0)).toContainText(overdueFirst.text);
  await expect(due.nth(0)).toContainText('Overdue');
  await expect(due.nth(1)).toContainText(overdueBelarus.text);
  await expect(due.nth(2)).toContainText(dueTomorrow.text);
  await expect(due.nth(2)).not.toContainText('Overdue');
  await expect(dueList(page).getByRole('link', { name: overdueFirst.text })).toHaveAttribute('href', `/claims/${overdueFirst.id}`);

  await expect(page.getByText('4 claims approved')).toBeVisible();
  await expect(page.getByRole('img', { name: /^Claims approved per day, .*: 4 in all over 30 days/ })).toBeVisible();
  await expect(await approvalsTotal(page)).toHaveText(['4']);

  const progress = page.getByRole('region', { name: 'Progress by article' });
  await expect(progress.getByRole('link', { name: transit.title })).toBeVisible();
  await expect(progress.getByRole('link', { name: belarus.title })).toBeVisible();
  await expect(progress.getByRole('list', { name: `${transit.title}: claims by status` })).toContainText('Approved: 3');
  // Unassigned, assigned, in research, in review, returned, approved, not check-worthy, total: the archived claim is left out.
  const progressTable = await chartTable(page, 'Progress as a table', /^Claims by status for the 2 articles shown/);
  await expect(progressTable.getByRole('row').filter({ hasText: transit.title }).getByRole('cell')).toHaveText(['2', '1', '1', '1', '1', '3', '0', '9']);
  await expectNoSeriousViolations(page);
});

test('filters in the URL narrow the dashboard and can be shared; bad values are ignored', async ({ page, desk }) => {
  const { transit, belarus } = await deskWithWork(desk);
  await signIn(page, desk.editor);
  await page.goto('/dashboard');

  // One member, through the form.
  await page.getByLabel('Team member', { exact: true }).selectOption({ label: 'Cara Checker (checker)' });
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(new RegExp(`assignee=${desk.checker.id}`));
  await expect(workloadTable(page).getByRole('row')).toHaveCount(2);
  await expect(rowCells(workloadTable(page), /^Cara Checker/)).toHaveText(['1', '1', '0', '0', '1', '2']);
  await expect(rowCells(await verdictTable(page), /^Total/)).toHaveText(['2', '100%']);
  await expect(page.getByText('1 overdue, 1 due in the next 3 days')).toBeVisible();
  await expect(await approvalsTotal(page)).toHaveText(['2']);
  await expect(page.getByRole('region', { name: 'Progress by article' }).getByRole('link', { name: belarus.title })).toHaveCount(0);

  // A shared link to one article.
  await page.goto(`/dashboard?article=${belarus.id}`);
  await expect(page.getByLabel('Article', { exact: true })).toHaveValue(belarus.id);
  await expect(rowCells(await verdictTable(page), /^Half true/)).toHaveText(['1', '100%']);
  await expect(rowCells(await verdictTable(page), /^Total/)).toHaveText(['1', '100%']);
  await expect(rowCells(workloadTable(page), /^Cole Checker/)).toHaveText(['1', '0', '0', '0', '1', '1']);
  await expect(await approvalsTotal(page)).toHaveText(['1']);
  await expect(page.getByRole('region', { name: 'Progress by article' }).getByRole('link', { name: transit.title })).toHaveCount(0);

  // The last three days only: approvals of today and two days ago.
  await page.getByRole('link', { name: 'Clear' }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByLabel('Article', { exact: true })).toHaveValue('');
  await page.getByLabel('From', { exact: true }).fill(isoDay(3 * DAY));
  await page.getByLabel('To', { exact: true }).fill(isoDay(0));
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}/);
  await expect(page.getByRole('img', { name: /: 3 in all over 4 days/ })).toBeVisible();
  await expect(await approvalsTotal(page)).toHaveText(['3']);
  await expect(page.getByRole('table', { name: /^Claims approved per day/ }).getByRole('row')).toHaveCount(6);
  await expect(rowCells(await verdictTable(page), /^Total/)).toHaveText(['3', '100%']);

  // Nonsense in the URL is ignored, not an error.
  await page.goto(`/dashboard?assignee=nobody&article=${'x'.repeat(80)}&from=2026-02-30&to=soon`);
  await expect(page.getByLabel('Team member', { exact: true })).toHaveValue('');
  await expect(page.getByLabel('From', { exact: true })).toHaveValue('');
  await expect(rowCells(await verdictTable(page), /^Total/)).toHaveText(['4', '100%']);

  // Another team's member is not a filter here.
  const otherDesk = await createDesk('Other');
  await page.goto(`/dashboard?assignee=${otherDesk.checker.id}`);
  await expect(workloadTable(page).getByRole('row', { name: /Cara Checker/ })).toHaveCount(1);
});

test('a new desk gets empty states that say what to do, and a checker is refused', async ({ page, browser, desk }) => {
  await signIn(page, desk.editor);
  await page.goto('/dashboard');
  await expect(page.getByText('No articles yet')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Import an article' })).toBeVisible();
  await expect(page.getByText('No approved verdicts yet')).toBeVisible();
  await expect(page.getByText('Nothing overdue or due soon')).toBeVisible();
  await page.setViewportSize({ width: 390, height: 844 });
  await expectNoSeriousViolations(page);

  const context = await browser.newContext();
  const checker = await context.newPage();
  await signIn(checker, desk.checker);
  await checker.goto('/dashboard');
  await expect(checker.getByText('Only editors and admins see the dashboard.')).toBeVisible();
  await expect(checker.getByRole('table')).toHaveCount(0);
  await expect(checker.getByRole('form', { name: 'Dashboard filters' })).toHaveCount(0);
  await context.close();
});
