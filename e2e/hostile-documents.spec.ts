/**
 * The documents that took the server down (a Word zip bomb, pages of 400 to 5,000 nested
 * `<div>`s, a gzip bomb of a team export), imported through the forms, by upload and from a URL,
 * while a second client keeps asking for `/api/health` and a desk page. Each is refused on its
 * field with what was typed kept; every poll is answered within 1 s (the bound, far above
 * the tens of milliseconds a poll takes, measured first and reported); the server is up afterwards.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { writeHostileDocuments, writeTeamExportBombJson, type HostileDocuments } from '@/scripts/fixtures/hostile-documents';
import { expect, pageAs, prisma, signIn, test } from './fixtures';

let dir = '';
let files: HostileDocuments;
let site = '';
const server = http.createServer((req, res) => {
  const nested = /^\/nested-(400|1000|5000)$/.exec(req.url ?? '');
  if (nested) return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(readFileSync(files.nested[Number(nested[1]) as 400]));
  if (req.url === '/report.docx') {
    return res.writeHead(200, { 'content-type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' }).end(readFileSync(files.docxBomb));
  }
  res.writeHead(404, { 'content-type': 'text/html' }).end('<p>Not found</p>');
});

test.beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'claimdesk-hostile-'));
  files = await writeHostileDocuments(dir);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  site = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
test.afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await rm(dir, { recursive: true, force: true });
});

/**
 * A second client asking, one request after another, for `/api/health` and a signed-in desk
 * page: what every other user of the desk would notice. Each answer's time is recorded.
 */
function startPolling(baseURL: string, cookie: string) {
  const times: { url: string; ms: number; status: number }[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      for (const url of [`${baseURL}/api/health`, `${baseURL}/articles`]) {
        const began = performance.now();
        const res = await fetch(url, { headers: { cookie }, redirect: 'manual', signal: AbortSignal.timeout(30_000) }).catch(() => null);
        await res?.arrayBuffer();
        times.push({ url: url.slice(baseURL.length), ms: Math.round(performance.now() - began), status: res?.status ?? 0 });
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  })();
  return {
    times,
    async stop() {
      running = false;
      await loop;
      return times;
    },
  };
}

async function cookieOf(page: Page) {
  return (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
}

const summary = (times: { ms: number }[]) => {
  const sorted = times.map((t) => t.ms).sort((a, b) => a - b);
  return { polls: sorted.length, p50: sorted[Math.floor(sorted.length / 2)], max: sorted[sorted.length - 1] };
};

test('hostile documents are refused on their field while every other request is answered within a second', async ({ page, browser, baseURL, desk }) => {
  test.setTimeout(240_000);
  await signIn(page, desk.editor);
  const cookie = await cookieOf(page);

  // What a poll takes on this machine before anything hostile happens.
  const baseline = startPolling(baseURL!, cookie);
  await page.waitForTimeout(3_000);
  const normal = summary(await baseline.stop());
  test.info().annotations.push({ type: 'poll before', description: JSON.stringify(normal) });

  const polling = startPolling(baseURL!, cookie);
  try {
    await page.goto('/articles/new');
    const upload = page.getByLabel('Or upload a file');
    const url = page.getByLabel('Import from a URL');
    const status = page.getByRole('status');
    // Each refusal replaces the last one's message: wait for the action's answer, not for the text.
    const submit = () =>
      Promise.all([
        page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/articles/new'),
        page.getByRole('button', { name: 'Import article' }).click(),
      ]);
    await page.getByLabel('Title').fill('Kept through every refusal');

    for (const file of [files.docxBomb, files.docxBombLying]) {
      await upload.setInputFiles(file);
      await submit();
      await expect(status).toContainText('unpacks to more than 20 MB of text and formatting');
      await expect(upload).toHaveAttribute('aria-invalid', 'true');
      await expect(page.getByLabel('Title')).toHaveValue('Kept through every refusal');
    }
    for (const depth of [400, 1000, 5000] as const) {
      await upload.setInputFiles(files.nested[depth]);
      await submit();
      await expect(status).toContainText('nests its elements more than 100 deep');
      await expect(upload).toHaveAccessibleDescription(/nests its elements more than 100 deep/);
    }
    await upload.setInputFiles([]);
    for (const [address, message] of [
      [`${site}/nested-5000`, 'nests its elements more than 100 deep'],
      [`${site}/nested-1000`, 'nests its elements more than 100 deep'],
      [`${site}/report.docx`, 'unpacks to more than 20 MB'],
    ]) {
      await url.fill(address);
      await submit();
      await expect(status).toContainText(message);
      await expect(url).toHaveAttribute('aria-invalid', 'true');
      await expect(url).toHaveValue(address);
    }
    expect(await prisma.article.count({ where: { teamId: desk.team.id } })).toBe(0);

    // The admin picks 250 MB of JSON; the form gzips it to ~255 KB, which the server stops unpacking at 64 MB.
    const bombJson = await writeTeamExportBombJson(files.teamExportBomb, path.join(dir, 'team-export-bomb.json'));
    const admin = await pageAs(browser, desk.admin);
    await admin.goto('/settings/export');
    const form = admin.getByRole('form', { name: 'Import a team export' });
    await form.getByLabel('Team export file').setInputFiles(bombJson);
    await form.getByRole('button', { name: 'Import team export' }).click();
    await expect(form.getByRole('status')).toContainText('unpacks to more than 64 MB', { timeout: 60_000 });
    await admin.context().close();
  } finally {
    const during = await polling.stop();
    test.info().annotations.push({ type: 'poll during', description: JSON.stringify(summary(during)) });
    console.log(`[hostile-documents] polls before: ${JSON.stringify(normal)}; during: ${JSON.stringify(summary(during))}`);
    const slow = during.filter((t) => t.ms >= 1_000 || t.status !== 200);
    expect(slow, 'polls slower than 1 s or not answered 200').toEqual([]);
  }

  const health = await page.request.get('/api/health');
  expect(health.status()).toBe(200);
  await page.goto('/articles');
  await expect(page.getByRole('heading', { level: 1, name: 'Articles' })).toBeVisible();
});
