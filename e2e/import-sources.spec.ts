/**
 * More ways in: an article imported from a URL (served by a server on this machine; the test
 * app allows private addresses), from an uploaded web page and from a Word document.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Document, HeadingLevel, Packer, Paragraph } from 'docx';
import { expect, prisma, signIn, test } from './fixtures';

function newsPage({ title, paragraphs }: { title: string; paragraphs: string[] }) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>${title} | Harbour Herald</title>
<meta property="og:title" content="${title}">
<meta property="article:published_time" content="2025-03-14T08:00:00Z">
<meta name="author" content="Nadia Reyes">
</head><body>
<nav><a href="/">Home</a> <a href="/politics">Politics</a> <a href="/subscribe">Subscribe now and save 50%</a></nav>
<article><h1>${title}</h1><p class="byline">By Nadia Reyes</p>
${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}
</article>
<aside class="advertisement"><p>Advertisement: the best mattress deals of the year.</p></aside>
<footer>© Harbour Herald. All rights reserved.</footer>
</body></html>`;
}

const STORY = {
  title: 'Ferry fares rise for the third year',
  paragraphs: [
    'Ferry fares will rise by 8 percent in April, the port authority announced on Thursday. It is the third increase since 2023.',
    'The authority said fuel costs had doubled since 2021. Passenger numbers fell by 12 percent last year, according to its annual report.',
  ],
};

let storyVersion = 1;
let base = '';
const server = http.createServer((req, res) => {
  if (req.url === '/ferry-fares' || req.url === '/slow/ferry-fares') {
    const paragraphs = storyVersion === 1 ? STORY.paragraphs : [...STORY.paragraphs, 'The mayor has asked the authority to delay the increase until June.'];
    const send = () => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(newsPage({ title: STORY.title, paragraphs }));
    // A slow site, so that the test sees what the editor sees while the page is fetched.
    if (req.url.startsWith('/slow/')) return void setTimeout(send, 1_500);
    return send();
  }
  if (req.url === '/annual-report.pdf') return res.writeHead(200, { 'content-type': 'application/pdf' }).end('%PDF-1.7');
  res.writeHead(404, { 'content-type': 'text/html' }).end('<p>Not found</p>');
});

let dir = '';
test.beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  dir = await mkdtemp(path.join(os.tmpdir(), 'claimdesk-import-'));
});
test.afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await rm(dir, { recursive: true, force: true });
});

test('an article imported from a URL takes its text, title, author, date and address from the page', async ({ page, desk }) => {
  storyVersion = 1;
  await signIn(page, desk.editor);
  await page.goto('/articles/new');
  await page.getByLabel('Import from a URL').fill(`${base}/ferry-fares`);
  await page.getByRole('button', { name: 'Import article' }).click();

  await expect(page.getByRole('heading', { level: 1, name: STORY.title })).toBeVisible();
  await expect(page.getByText('By Nadia Reyes').first()).toBeVisible();
  const rows = page.getByRole('table').getByRole('row');
  await expect(rows).toHaveCount(5);
  await expect(rows.filter({ hasText: 'Ferry fares will rise by 8 percent in April' })).toHaveCount(1);
  await expect(page.getByRole('table')).not.toContainText('Subscribe');
  await expect(page.getByRole('table')).not.toContainText('mattress');
  const article = await prisma.article.findFirstOrThrow({ where: { teamId: desk.team.id } });
  expect(article).toMatchObject({ title: STORY.title, author: 'Nadia Reyes', sourceUrl: `${base}/ferry-fares` });
  expect(article.publishedAt?.toISOString()).toBe('2025-03-14T08:00:00.000Z');

  // The same URL again, after the page changed, is a new version of the same article.
  storyVersion = 2;
  await page.goto('/articles/new');
  await page.getByLabel('Import from a URL').fill(`${base}/ferry-fares`);
  await page.getByRole('button', { name: 'Import article' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Versions' })).toBeVisible();
  expect(await prisma.article.count({ where: { teamId: desk.team.id } })).toBe(1);
});

test('details the editor typed win over the page’s own, and the form says it is fetching', async ({ page, desk }) => {
  storyVersion = 1;
  await signIn(page, desk.editor);
  await page.goto('/articles/new');
  await page.getByLabel('Import from a URL').fill(`${base}/slow/ferry-fares`);
  await page.getByLabel('Title').fill('Fares up again');
  await page.getByLabel('Author').fill('N. Reyes');
  await page.getByRole('button', { name: 'Import article' }).click();
  await expect(page.getByRole('button', { name: 'Fetching and importing…' })).toBeDisabled();
  await expect(page.getByText('Fetching the page and importing it.')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Fares up again' })).toBeVisible();
  const article = await prisma.article.findFirstOrThrow({ where: { teamId: desk.team.id } });
  expect(article).toMatchObject({ title: 'Fares up again', author: 'N. Reyes' });
});

test('a URL that cannot be imported gives a clear error on the URL field and keeps what was typed', async ({ page, desk }) => {
  await signIn(page, desk.editor);
  await page.goto('/articles/new');
  const url = page.getByLabel('Import from a URL');
  await url.fill('http://127.0.0.1:1/story');
  await page.getByLabel('Outlet').fill('Harbour Herald');
  await page.getByRole('button', { name: 'Import article' }).click();
  await expect(page.getByRole('status')).toContainText('could not be reached');
  await expect(url).toHaveAttribute('aria-invalid', 'true');
  await expect(url).toHaveAccessibleDescription(/could not be reached/);
  await expect(url).toHaveValue('http://127.0.0.1:1/story');
  await expect(page.getByLabel('Outlet')).toHaveValue('Harbour Herald');

  await url.fill(`${base}/annual-report.pdf`);
  await page.getByRole('button', { name: 'Import article' }).click();
  await expect(page.getByRole('status')).toContainText('not a web page or a document we can read (it sends application/pdf)');
  await expect(url).toHaveAttribute('aria-invalid', 'true');
  expect(await prisma.article.count({ where: { teamId: desk.team.id } })).toBe(0);
});

test('an uploaded web page is imported without its navigation and ads', async ({ page, desk }) => {
  const file = path.join(dir, 'ferry-fares.html');
  await writeFile(file, newsPage(STORY));
  await signIn(page, desk.editor);
  await page.goto('/articles/new');
  await page.getByLabel('Or upload a file').setInputFiles(file);
  await page.getByRole('button', { name: 'Import article' }).click();
  await expect(page.getByRole('heading', { level: 1, name: STORY.title })).toBeVisible();
  await expect(page.getByRole('table').getByRole('row')).toHaveCount(5);
  await expect(page.getByRole('table')).not.toContainText('Advertisement');
});

test('an uploaded Word document is imported, headings and list items as paragraphs', async ({ page, desk }) => {
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ text: 'Bridge repairs run over budget', heading: HeadingLevel.HEADING_1 }),
          new Paragraph('By Tomas Berg'),
          new Paragraph('The repairs cost $14 million, twice the estimate. Work began in 2022.'),
          new Paragraph({ text: 'The city blamed steel prices.', bullet: { level: 0 } }),
        ],
      },
    ],
  });
  const file = path.join(dir, 'bridge-repairs.docx');
  await writeFile(file, await Packer.toBuffer(doc));
  await signIn(page, desk.editor);
  await page.goto('/articles/new');
  await page.getByLabel('Or upload a file').setInputFiles(file);
  await page.getByRole('button', { name: 'Import article' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Bridge repairs run over budget' })).toBeVisible();
  await expect(page.getByText('By Tomas Berg').first()).toBeVisible();
  const rows = page.getByRole('table').getByRole('row');
  await expect(rows).toHaveCount(4);
  await expect(rows.filter({ hasText: 'The city blamed steel prices.' })).toHaveCount(1);
});

test('a file that is not an article is refused on the file field', async ({ page, desk }) => {
  await signIn(page, desk.editor);
  await page.goto('/articles/new');
  await page.getByLabel('Title').fill('Scanned report');
  const upload = page.getByLabel('Or upload a file');
  await upload.setInputFiles({ name: 'report.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7') });
  await page.getByRole('button', { name: 'Import article' }).click();
  await expect(page.getByRole('status')).toContainText('Choose a .txt, .md, .html or .docx file.');
  await expect(upload).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Title')).toHaveValue('Scanned report');

  await upload.setInputFiles({ name: 'report.docx', mimeType: 'application/octet-stream', buffer: Buffer.from('%PDF-1.7 renamed') });
  await page.getByRole('button', { name: 'Import article' }).click();
  await expect(page.getByRole('status')).toContainText('not a Word document we can read');
  expect(await prisma.article.count({ where: { teamId: desk.team.id } })).toBe(0);
});
