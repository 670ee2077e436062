import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, importFixture, pageAs, prisma, signIn, test, type Desk } from './fixtures';

/**
 * Nothing a checker types is lost: the claim page keeps drafts in the browser, offers them back
 * after a reload, warns before leaving with unsaved changes, and submitting a verdict saves the
 * notes typed beside it.
 */
const LIVE = 'Live: changes by others appear here';
const RESTORED = /^Restored your unsaved draft from \d\d:\d\d\./;

async function claimInResearch(desk: Desk, data: { notes?: string; rationale?: string } = {}) {
  const article = await importFixture(desk, 'transit-budget');
  const claim = await prisma.claim.findFirstOrThrow({ where: { articleId: article.id, position: 1 } });
  return prisma.claim.update({ where: { id: claim.id }, data: { status: 'IN_RESEARCH', assigneeId: desk.checker.id, ...data } });
}

/** Opens the claim once it is live (hydrated, so typing is seen by the drafts). */
async function openClaim(page: Page, claimId: string) {
  await page.goto(`/claims/${claimId}`);
  await expect(page.getByText(LIVE)).toBeVisible();
}

/** The dialogs the page opens, accepted (beforeunload) or answered with `confirm`. */
function recordDialogs(page: Page, confirm: () => boolean = () => true) {
  const seen: string[] = [];
  page.on('dialog', (dialog) => {
    seen.push(dialog.type());
    void (dialog.type() === 'beforeunload' || confirm() ? dialog.accept() : dialog.dismiss());
  });
  return seen;
}

const storedDrafts = (page: Page) => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('claimdesk:draft:')));

test('notes typed and not saved come back after a reload, announced, and Discard draft brings the saved notes back', async ({ page, desk }) => {
  const claim = await claimInResearch(desk, { notes: 'Saved: press office called.' });
  await signIn(page, desk.checker);
  const dialogs = recordDialogs(page);
  await openClaim(page, claim.id);
  const region = page.getByRole('region', { name: 'Research notes' });
  const notes = region.getByLabel('Notes', { exact: true });
  await notes.click();
  await notes.fill('Saved: press office called.\nUnsaved: the ministry table shows 12.5%.');

  await page.reload();
  expect(dialogs).toEqual(['beforeunload']);
  await expect(page.getByText(LIVE)).toBeVisible();
  await expect(notes).toHaveValue('Saved: press office called.\nUnsaved: the ministry table shows 12.5%.');
  const note = region.getByText(RESTORED);
  await expect(note).toBeVisible();
  await expect(note).toHaveAttribute('aria-live', 'polite');
  await expect(note).not.toContainText('changed');
  const discard = region.getByRole('button', { name: 'Discard draft' });
  await expect(discard).toHaveAccessibleDescription(RESTORED);
  const axe = await new AxeBuilder({ page }).include('main').analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

  // The keyboard reaches the button just before the field, and discarding puts focus back in the field.
  await notes.focus();
  await page.keyboard.press('Shift+Tab');
  await expect(discard).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(notes).toHaveValue('Saved: press office called.');
  await expect(notes).toBeFocused();
  await expect(discard).toHaveCount(0);
  await expect(region.getByText('Draft discarded: the form shows the saved version.')).toHaveAttribute('aria-live', 'polite');
  expect(await storedDrafts(page)).toEqual([]);

  // Nothing unsaved is left: no warning, no draft.
  await page.reload();
  await expect(page.getByText(LIVE)).toBeVisible();
  expect(dialogs).toEqual(['beforeunload']);
  await expect(notes).toHaveValue('Saved: press office called.');
  await expect(region.getByText(RESTORED)).toHaveCount(0);
});

test('a draft is cleared once its form saves', async ({ page, desk }) => {
  const claim = await claimInResearch(desk);
  await signIn(page, desk.checker);
  const dialogs = recordDialogs(page);
  await openClaim(page, claim.id);
  const region = page.getByRole('region', { name: 'Research notes' });
  await region.getByLabel('Notes', { exact: true }).click();
  await region.getByLabel('Notes', { exact: true }).fill('Statistics office: figure confirmed.');
  await expect.poll(() => storedDrafts(page)).toHaveLength(1);
  await region.getByRole('button', { name: 'Save notes' }).click();
  await expect(region.getByRole('status')).toHaveText('Notes saved.');
  expect(await storedDrafts(page)).toEqual([]);

  await page.reload();
  await expect(page.getByText(LIVE)).toBeVisible();
  expect(dialogs).toEqual([]);
  await expect(region.getByLabel('Notes', { exact: true })).toHaveValue('Statistics office: figure confirmed.');
  await expect(region.getByText(RESTORED)).toHaveCount(0);
});

test('notes typed and not saved are saved by Submit for review', async ({ page, desk }) => {
  const claim = await claimInResearch(desk, { notes: 'Earlier note.' });
  await signIn(page, desk.checker);
  await openClaim(page, claim.id);
  await page.getByRole('region', { name: 'Research notes' }).getByLabel('Notes', { exact: true }).fill('Earlier note.\nBudget p. 4 gives 12.5%.');
  const verdict = page.getByRole('form', { name: 'Propose verdict' });
  await verdict.getByLabel('Verdict').selectOption({ label: 'Mostly true' });
  await verdict.getByLabel('Rationale').fill('The budget shows 12.5%, not 13%.');
  await verdict.getByRole('button', { name: 'Submit for review' }).click();

  await expect(page.getByText('In review').first()).toBeVisible();
  await expect(page.getByRole('region', { name: 'Research notes' })).toContainText('Budget p. 4 gives 12.5%.');
  expect((await prisma.claim.findUniqueOrThrow({ where: { id: claim.id } })).notes).toBe('Earlier note.\nBudget p. 4 gives 12.5%.');
  expect(await storedDrafts(page)).toEqual([]);
  await page.reload();
  await expect(page.getByRole('region', { name: 'Research notes' })).toContainText('Budget p. 4 gives 12.5%.');
});

test('the verdict and rationale drafts are restored, and say so when the saved rationale changed since', async ({ page, desk }) => {
  const claim = await claimInResearch(desk, { rationale: 'First thoughts.' });
  await signIn(page, desk.checker);
  await openClaim(page, claim.id);
  const verdict = page.getByRole('form', { name: 'Propose verdict' });
  await verdict.getByLabel('Verdict').selectOption({ label: 'Half true' });
  await verdict.getByLabel('Rationale').fill('Ridership rose, but by 9%.');

  await page.reload();
  await expect(page.getByText(LIVE)).toBeVisible();
  await expect(verdict.getByLabel('Verdict')).toHaveValue(
    (await prisma.verdictLabel.findFirstOrThrow({ where: { teamId: desk.team.id, name: 'Half true' } })).id,
  );
  await expect(verdict.getByLabel('Rationale')).toHaveValue('Ridership rose, but by 9%.');
  await expect(verdict.getByText(RESTORED)).not.toContainText('changed');

  // Someone else saves a rationale meanwhile: the restored draft says so, and saving shows theirs instead of overwriting it.
  await prisma.claim.update({ where: { id: claim.id }, data: { rationale: 'Their rationale.', version: { increment: 1 } } });
  await page.reload();
  await expect(page.getByText(LIVE)).toBeVisible();
  await expect(verdict.getByLabel('Rationale')).toHaveValue('Ridership rose, but by 9%.');
  await expect(verdict.getByText(RESTORED)).toContainText(
    'Since you began it, the saved “Rationale” has changed: when you save, you will see their version beside yours.',
  );
  await verdict.getByRole('button', { name: 'Submit for review' }).click();
  await expect(verdict.getByRole('region', { name: 'Conflicting change' })).toContainText('Their rationale.');
  expect((await prisma.claim.findUniqueOrThrow({ where: { id: claim.id } })).rationale).toBe('Their rationale.');
  await expect(verdict.getByLabel('Rationale')).toHaveValue('Ridership rose, but by 9%.');
});

test('notes carried by the verdict do not overwrite notes someone saved meanwhile', async ({ page, browser, desk }) => {
  const claim = await claimInResearch(desk, { notes: 'Start.' });
  await signIn(page, desk.checker);
  await openClaim(page, claim.id);
  const notes = page.getByRole('region', { name: 'Research notes' }).getByLabel('Notes', { exact: true });
  await notes.fill('Checker: called the press office.');

  const editor = await pageAs(browser, desk.editor);
  await openClaim(editor, claim.id);
  const editorNotes = editor.getByRole('region', { name: 'Research notes' });
  await editorNotes.getByLabel('Notes', { exact: true }).fill('Editor: ministry confirmed.');
  await editorNotes.getByRole('button', { name: 'Save notes' }).click();
  await expect(editorNotes.getByRole('status')).toHaveText('Notes saved.');

  // The checker's page refreshes itself (the verdict form, untouched, follows the new version; the notes keep theirs).
  await expect(page.getByRole('list', { name: 'History, newest first' }).getByRole('listitem').first()).toContainText(
    `${desk.editor.name} updated the research notes`,
  );
  await expect(notes).toHaveValue('Checker: called the press office.');
  const verdict = page.getByRole('form', { name: 'Propose verdict' });
  await verdict.getByLabel('Verdict').selectOption({ label: 'Mostly true' });
  await verdict.getByLabel('Rationale').fill('The ministry confirmed the figure.');
  await verdict.getByRole('button', { name: 'Submit for review' }).click();
  const conflict = verdict.getByRole('region', { name: 'Conflicting change' });
  await expect(conflict).toContainText('Editor: ministry confirmed.');
  expect((await prisma.claim.findUniqueOrThrow({ where: { id: claim.id } })).notes).toBe('Editor: ministry confirmed.');

  await conflict.getByRole('button', { name: 'Merge: add their text to mine' }).click();
  await expect(notes).toHaveValue('Editor: ministry confirmed.\n\nChecker: called the press office.');
  await verdict.getByRole('button', { name: 'Submit for review' }).click();
  await expect(page.getByText('In review').first()).toBeVisible();
  expect((await prisma.claim.findUniqueOrThrow({ where: { id: claim.id } })).notes).toBe('Editor: ministry confirmed.\n\nChecker: called the press office.');
});

test('following a link with unsaved changes asks first; evidence drafts come back in their open form', async ({ page, desk }) => {
  const claim = await claimInResearch(desk);
  const article = await prisma.article.findUniqueOrThrow({ where: { id: claim.articleId } });
  await signIn(page, desk.checker);
  let leave = false;
  const dialogs = recordDialogs(page, () => leave);
  await openClaim(page, claim.id);
  await page.locator('summary', { hasText: 'Add evidence' }).click();
  const add = page.getByRole('form', { name: 'Add evidence' });
  await add.getByLabel('Title').fill('Ministry budget table');
  await add.getByLabel('What it shows').selectOption('SUPPORTS');

  const back = page.getByRole('link', { name: `← ${article.title}` });
  await back.click();
  expect(dialogs).toEqual(['confirm']);
  await expect(page).toHaveURL(new RegExp(`/claims/${claim.id}$`));
  await expect(add.getByLabel('Title')).toHaveValue('Ministry budget table');

  leave = true;
  await back.click();
  await expect(page.getByRole('heading', { level: 1, name: article.title })).toBeVisible();
  await page.goBack();
  await expect(page.getByText(LIVE)).toBeVisible();
  await expect(add.getByText(RESTORED)).toBeVisible();
  await expect(add.getByLabel('Title')).toHaveValue('Ministry budget table');
  await expect(add.getByLabel('What it shows')).toHaveValue('SUPPORTS');
});
