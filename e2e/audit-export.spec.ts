import { readFile } from 'node:fs/promises';
import { expect, importFixture, pageAs, signIn, test } from './fixtures';

test("an admin exports the team's audit log as CSV and JSON; an editor sees no such export and is refused", async ({ page, browser, desk }) => {
  const article = await importFixture(desk, 'transit-budget');
  await signIn(page, desk.admin);
  await page.goto('/settings/export');
  const audit = page.getByRole('group', { name: 'Export audit log' });

  const csvDownload = page.waitForEvent('download');
  await audit.getByRole('button', { name: 'Export CSV' }).click();
  const csv = await readFile((await (await csvDownload).path())!, 'utf8');
  const lines = csv.split('\r\n');
  expect(lines[0]).toBe('Event ID,Time,Event,Actor,What happened,Article ID,Claim ID,Data (JSON)');
  expect(lines[1]).toContain(`,article.imported,${desk.editor.name},imported the article “${article.title}”`);
  expect(lines[1]).toContain(`,${article.id},,`);
  expect(csv).not.toContain('@example.test');
  await expect(audit.getByRole('status')).toHaveText('Exported 1 of 1 events. The CSV file is saved.');

  const jsonDownload = page.waitForEvent('download');
  await audit.getByRole('button', { name: 'Export JSON' }).click();
  const rows = JSON.parse(await readFile((await (await jsonDownload).path())!, 'utf8'));
  expect(rows).toEqual([expect.objectContaining({ type: 'article.imported', actor: desk.editor.name, articleId: article.id, claimId: null })]);

  const editor = await pageAs(browser, desk.editor);
  await editor.goto('/settings/export');
  await expect(editor.getByRole('heading', { level: 1, name: 'Export' })).toBeVisible();
  await expect(editor.getByRole('group', { name: 'Export audit log' })).toHaveCount(0);
  expect((await editor.request.get('/api/export/audit?format=csv')).status()).toBe(403);
  expect((await (await browser.newContext()).request.get('/api/export/audit?format=csv')).status()).toBe(401);
});
