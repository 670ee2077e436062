import { readFile } from 'node:fs/promises';
import { createArticle } from '@/lib/testing/factories';
import { createDesk, expect, pageAs, prisma, signIn, test, type Desk } from './fixtures';

const TEXT = `Harbour Tunnel Opens

The tunnel cost $2.1 billion, the city said. It opened on May 4. Traffic fell 30% in the first week.

=HYPERLINK("http://evil.example") is not a sentence anyone should click. Critics said the tolls are too high.`;

async function deskArticle(desk: Desk) {
  const article = await createArticle(prisma, { teamId: desk.team.id, actorId: desk.editor.id, text: TEXT });
  const claims = await prisma.claim.findMany({ where: { articleId: article.id, archivedAt: null }, orderBy: { position: 'asc' } });
  return { article, claims };
}

test("an editor exports an article's claims as CSV and JSON, with progress, and another team's editor gets a 404", async ({ page, browser, desk }) => {
  const { article, claims } = await deskArticle(desk);
  const total = claims.length;
  await signIn(page, desk.editor);
  await page.goto(`/articles/${article.id}`);

  const csvDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const csvFile = await csvDownload;
  expect(csvFile.suggestedFilename()).toMatch(/^claims-harbour-tunnel-opens-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = await readFile((await csvFile.path())!, 'utf8');
  const lines = csv.split('\r\n');
  expect(lines[0]).toMatch(/^Claim ID,Position,Paragraph,Claim as stated,/);
  expect(lines).toHaveLength(total + 2);
  expect(csv).toContain('"The tunnel cost $2.1 billion, the city said."');
  // A sentence starting with = stays text in a spreadsheet.
  expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"")`);
  expect(csv).not.toContain('@example.test');
  await expect(page.getByRole('progressbar', { name: 'Export claims progress' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: `Exported ${total} of ${total} claims. The CSV file is saved.` })).toBeVisible();

  const jsonDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export JSON' }).click();
  const jsonFile = await jsonDownload;
  expect(jsonFile.suggestedFilename()).toMatch(/\.json$/);
  const rows = JSON.parse(await readFile((await jsonFile.path())!, 'utf8')) as { claimId: string; claim: string; status: string }[];
  expect(rows.map((r) => r.claimId)).toEqual(claims.map((c) => c.id));
  expect(rows[0]).toMatchObject({ claim: 'The tunnel cost $2.1 billion, the city said.', status: 'UNASSIGNED' });
  await expect(page.getByRole('status').filter({ hasText: `Exported ${total} of ${total} claims. The JSON file is saved.` })).toBeVisible();

  const other = await createDesk('Other');
  const outsider = await pageAs(browser, other.editor);
  const theirs = await outsider.request.get(`/api/export/articles/${article.id}/claims?format=csv`);
  expect(theirs.status()).toBe(404);
  expect(await theirs.json()).toEqual({ error: 'That article does not exist or is not in your team.' });
  const signedOut = await (await browser.newContext()).request.get(`/api/export/articles/${article.id}/claims?format=csv`);
  expect(signedOut.status()).toBe(401);
  await outsider.context().close();
});

test('the admin downloads the team export and imports it into an empty team', async ({ page, browser, desk }) => {
  const { article, claims } = await deskArticle(desk);
  const label = await prisma.verdictLabel.findFirstOrThrow({ where: { teamId: desk.team.id, name: 'False' } });
  await prisma.claim.update({
    where: { id: claims[1].id },
    data: {
      status: 'IN_REVIEW',
      assigneeId: desk.checker.id,
      verdictLabelId: label.id,
      rationale: 'It opened on May 6.',
      proposedById: desk.checker.id,
      proposedAt: new Date(),
    },
  });
  await signIn(page, desk.admin);
  await page.goto('/settings/export');
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Download team export' }).click();
  const exported = await download;
  expect(exported.suggestedFilename()).toMatch(/^claimdesk-team-.*\.json$/);
  const path = (await exported.path())!;
  const doc = JSON.parse(await readFile(path, 'utf8'));
  expect(doc).toMatchObject({ format: 'claimdesk-team', version: 1, articles: [{ title: 'Harbour Tunnel Opens' }] });
  expect(doc.members).toHaveLength(5);

  const target = await createDesk('Target');
  const admin = await pageAs(browser, target.admin);
  await admin.goto('/settings/export');
  const form = admin.getByRole('form', { name: 'Import a team export' });
  await form.getByLabel('Team export file').setInputFiles(path);
  await form.getByRole('button', { name: 'Import team export' }).click();
  // On one installation the desk's accounts are still in use: the import says whose.
  await expect(form.getByRole('status')).toContainText('These members have an account in another team');
  await expect(form.getByRole('status')).toContainText(desk.checker.email);

  // The desk moves: its old accounts make way, then the import goes through.
  for (const m of [desk.admin, desk.editor, desk.editor2, desk.checker, desk.checker2]) {
    await prisma.user.update({ where: { id: m.id }, data: { email: `moved.${m.email}` } });
  }
  await form.getByLabel('Team export file').setInputFiles(path);
  await form.getByRole('button', { name: 'Import team export' }).click();
  await expect(form.getByRole('status')).toContainText(`Imported 1 article with ${claims.length} claims and 5 members.`, { timeout: 30_000 });
  await expect(form.getByRole('status')).toContainText(desk.checker.email);
  await expect(form.getByText('This team has 1 article. A team export is imported only into an empty team.')).toBeVisible();

  await admin.goto('/articles');
  await admin.getByRole('link', { name: 'Harbour Tunnel Opens' }).click();
  await expect(admin.getByRole('heading', { level: 1, name: 'Harbour Tunnel Opens' })).toBeVisible();
  expect(admin.url()).not.toContain(article.id);
  await admin.context().close();
});
