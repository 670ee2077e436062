import { expect, importFixture, pageAs, prisma, signIn, test } from './fixtures';

/**
 * Two people editing the same claim: the second to save sees a conflict with both versions and
 * merges or overwrites deliberately; nothing is overwritten silently, even when the page has
 * refreshed itself with the first person's change while the second was typing.
 */
const LIVE = 'Live: changes by others appear here';

async function claimInResearch(desk: Parameters<typeof importFixture>[0]) {
  const article = await importFixture(desk, 'transit-budget');
  const claim = await prisma.claim.findFirstOrThrow({ where: { articleId: article.id, position: 1 } });
  return prisma.claim.update({ where: { id: claim.id }, data: { status: 'IN_RESEARCH', assigneeId: desk.checker.id, notes: 'Start.' } });
}

test('the second to save research notes merges them with the first', async ({ page, browser, desk }) => {
  const claim = await claimInResearch(desk);
  await signIn(page, desk.editor);
  await page.goto(`/claims/${claim.id}`);
  // Type once the page is live (hydrated and listening), as a person would after it loads.
  await expect(page.getByText(LIVE)).toBeVisible();
  const editorNotes = page.getByRole('region', { name: 'Research notes' }).getByLabel('Notes');
  await editorNotes.fill('Editor: the ministry confirmed the 12.5% figure.');

  const checker = await pageAs(browser, desk.checker);
  await checker.goto(`/claims/${claim.id}`);
  await expect(checker.getByText(LIVE)).toBeVisible();
  const checkerNotes = checker.getByRole('region', { name: 'Research notes' });
  await checkerNotes.getByLabel('Notes').fill('Checker: called the press office.');
  await checkerNotes.getByRole('button', { name: 'Save notes' }).click();
  await expect(checkerNotes.getByRole('status')).toHaveText('Notes saved.');

  // The editor's page may refresh with the checker's change; their typing stays, and so does the version it was based on.
  await expect(editorNotes).toHaveValue('Editor: the ministry confirmed the 12.5% figure.');
  const notes = page.getByRole('region', { name: 'Research notes' });
  await notes.getByRole('button', { name: 'Save notes' }).click();
  await expect(notes.getByRole('status')).toContainText('Someone else changed this claim after you opened it');
  const conflict = notes.getByRole('region', { name: 'Conflicting change' });
  await expect(conflict).toContainText('Checker: called the press office.');
  await expect(editorNotes).toHaveValue('Editor: the ministry confirmed the 12.5% figure.');
  expect((await prisma.claim.findUniqueOrThrow({ where: { id: claim.id } })).notes).toBe('Checker: called the press office.');

  await conflict.getByRole('button', { name: 'Merge: add their text to mine' }).click();
  await expect(editorNotes).toHaveValue('Checker: called the press office.\n\nEditor: the ministry confirmed the 12.5% figure.');
  await notes.getByRole('button', { name: 'Save notes' }).click();
  await expect(notes.getByRole('status')).toHaveText('Notes saved.');
  await expect
    .poll(async () => (await prisma.claim.findUniqueOrThrow({ where: { id: claim.id } })).notes)
    .toBe('Checker: called the press office.\n\nEditor: the ministry confirmed the 12.5% figure.');
});

test('the second to save can overwrite, deliberately, and the history keeps both', async ({ page, desk }) => {
  const claim = await claimInResearch(desk);
  await signIn(page, desk.editor);
  await page.goto(`/claims/${claim.id}`);
  await expect(page.getByText(LIVE)).toBeVisible();
  const notes = page.getByRole('region', { name: 'Research notes' });
  await notes.getByLabel('Notes').fill('Mine.');
  // Someone else saves in between (through the database, as another instance would).
  await prisma.claim.update({ where: { id: claim.id }, data: { notes: 'Theirs.', version: { increment: 1 } } });
  await notes.getByRole('button', { name: 'Save notes' }).click();
  const conflict = notes.getByRole('region', { name: 'Conflicting change' });
  await expect(conflict).toContainText('Theirs.');
  await conflict.getByRole('button', { name: 'Overwrite theirs with mine' }).click();
  await expect(notes.getByRole('status')).toHaveText('Notes saved.');
  await expect.poll(async () => (await prisma.claim.findUniqueOrThrow({ where: { id: claim.id } })).notes).toBe('Mine.');
});

test('an evidence edit based on an old version is refused with theirs shown', async ({ page, desk }) => {
  const claim = await claimInResearch(desk);
  const evidence = await prisma.evidence.create({
    data: { teamId: desk.team.id, claimId: claim.id, authorId: desk.editor.id, url: 'https://example.org/a', title: 'Old title', stance: 'SUPPORTS' },
  });
  await signIn(page, desk.editor);
  await page.goto(`/claims/${claim.id}`);
  await expect(page.getByText(LIVE)).toBeVisible();
  await page.getByText('Edit', { exact: true }).click();
  const edit = page.getByRole('form', { name: 'Edit evidence Old title' });
  await edit.getByLabel('Title').fill('My title');
  await prisma.evidence.update({ where: { id: evidence.id }, data: { title: 'Their title', version: { increment: 1 } } });
  await edit.getByRole('button', { name: 'Save evidence' }).click();
  // The page shows their title now; the form still holds mine.
  const conflict = page.getByRole('region', { name: 'Conflicting change' });
  await expect(conflict).toContainText('Their title');
  await expect(page.getByRole('form', { name: /^Edit evidence/ }).getByLabel('Title')).toHaveValue('My title');
  expect((await prisma.evidence.findUniqueOrThrow({ where: { id: evidence.id } })).title).toBe('Their title');
  await conflict.getByRole('button', { name: 'Overwrite theirs with mine' }).click();
  await expect.poll(async () => (await prisma.evidence.findUniqueOrThrow({ where: { id: evidence.id } })).title).toBe('My title');
});
