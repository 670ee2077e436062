import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { parseArticle } from '@/lib/domain/article-text';
import { elementToText, extractFromDocx, extractFromHtml } from '@/lib/import/extract';
import { extractFromUrl } from '@/lib/import/documents';
import { ExtractError } from '@/lib/import/extract-error';
import { JSDOM } from 'jsdom';

const NEWS_PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Harbour tunnel opens two years late | Metro Daily</title>
  <meta property="og:title" content="Harbour tunnel opens two years late">
  <meta property="article:published_time" content="2024-05-04T09:30:00Z">
  <meta name="author" content="Jane Doe">
  <link rel="canonical" href="/news/harbour-tunnel">
  <script>document.write('tracking');</script>
  <style>.ad { color: red }</style>
</head>
<body>
  <header><nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a> <a href="/weather">Weather</a></nav></header>
  <aside class="ad sponsored"><p>Buy the new Phone X today. Limited offer for subscribers only!</p></aside>
  <main>
    <article>
      <h1>Harbour tunnel opens two years late</h1>
      <p class="byline">By <a rel="author" href="/staff/jane">Jane Doe</a></p>
      <time datetime="2024-05-03">3 May</time>
      <p>The harbour tunnel opened on Saturday, two years after the date the city first promised. The project cost $2.1 billion, according to the transport department.</p>
      <p>The mayor said the tunnel would cut the average commute by 15 minutes. Engineers from the university disputed that figure in a report published last month.</p>
      <h2>Who paid</h2>
      <p>Federal grants covered 40 percent of the cost. The rest came from a bond issue <em>approved by voters</em> in 2019.</p>
      <ul><li>Length: 3.2 kilometres.</li><li>Lanes: four.</li></ul>
      <blockquote><p>It is the biggest project in the city's history.</p></blockquote>
    </article>
  </main>
  <footer><p>Copyright Metro Daily. All rights reserved. Contact us. Privacy policy.</p></footer>
</body>
</html>`;

describe('extractFromHtml', () => {
  const extracted = extractFromHtml(NEWS_PAGE, 'https://metro.example/news/harbour-tunnel?utm_source=feed');

  it('finds the title, byline, date and canonical source URL', () => {
    expect(extracted.title).toBe('Harbour tunnel opens two years late');
    expect(extracted.byline).toBe('Jane Doe');
    expect(extracted.publishedAt?.toISOString()).toBe('2024-05-04T09:30:00.000Z');
    expect(extracted.sourceUrl).toBe('https://metro.example/news/harbour-tunnel');
  });

  it('keeps the article body and leaves out navigation, ads, scripts and the footer', () => {
    expect(extracted.text).toContain('The harbour tunnel opened on Saturday');
    for (const furniture of ['Home', 'Buy the new Phone X', 'tracking', 'color: red', 'Copyright Metro Daily']) {
      expect(extracted.text).not.toContain(furniture);
    }
  });

  it('puts a blank line between paragraphs, headings, list items and quotes', () => {
    const paragraphs = extracted.text.split('\n\n');
    expect(paragraphs).toContain('Who paid');
    expect(paragraphs).toContain('Federal grants covered 40 percent of the cost. The rest came from a bond issue approved by voters in 2019.');
    expect(paragraphs).toContain('Length: 3.2 kilometres.');
    expect(paragraphs).toContain('Lanes: four.');
    expect(paragraphs).toContain("It is the biggest project in the city's history.");
    expect(extracted.text).not.toMatch(/\n{3,}|[ \t]\n|\n[ \t]/);
  });

  it('gives the sentence splitter one claim per sentence', () => {
    const parsed = parseArticle({ text: extracted.text, title: extracted.title, locale: 'en' });
    const claims = parsed.claims.map((c) => c.text);
    expect(claims).toContain('The project cost $2.1 billion, according to the transport department.');
    expect(claims).toContain('Engineers from the university disputed that figure in a report published last month.');
    expect(claims.some((c) => c.includes('Harbour tunnel opens'))).toBe(false);
  });

  it.each([
    ['og:published_time meta', '<meta property="og:published_time" content="2023-01-02T03:04:05Z">', '2023-01-02T03:04:05.000Z'],
    ['itemprop datePublished meta', '<meta itemprop="datePublished" content="2023-02-03">', '2023-02-03T00:00:00.000Z'],
    ['itemprop datePublished on a time element', '<time itemprop="datePublished" datetime="2023-03-04T10:00:00Z">4 March</time>', '2023-03-04T10:00:00.000Z'],
    ['a plain <time datetime>', '<time datetime="2023-04-05T12:00:00+02:00">5 April</time>', '2023-04-05T10:00:00.000Z'],
  ])('reads the date from %s', (_label, markup, expected) => {
    const html = `<html><head><title>T</title></head><body><article>${markup}<p>${'The council voted on Tuesday to close the library. '.repeat(8)}</p></article></body></html>`;
    expect(extractFromHtml(html).publishedAt?.toISOString()).toBe(expected);
  });

  it.each(['0099-01-01', '99999-01-01', '1899-12-31'])('takes no date the desk would refuse (%s): the import is not refused for it', (date) => {
    const html = `<html><head><title>T</title><meta property="og:published_time" content="${date}"></head><body><article><p>${'The council voted on Tuesday to close the library. '.repeat(8)}</p></article></body></html>`;
    expect(extractFromHtml(html).publishedAt).toBeUndefined();
  });

  it('ignores a canonical link to another site', () => {
    const html = NEWS_PAGE.replace('href="/news/harbour-tunnel"', 'href="https://other.example/story"');
    expect(extractFromHtml(html, 'https://metro.example/a').sourceUrl).toBe('https://metro.example/a');
  });

  it('decodes bytes in the charset the page declares', () => {
    const html = Buffer.from(
      '<html><head><meta charset="windows-1252"><title>Caf\xe9</title></head><body><p>Le caf\xe9 a ferm\xe9 en 2020.</p></body></html>',
      'latin1',
    );
    expect(extractFromHtml(html).text).toBe('Le café a fermé en 2020.');
  });

  it('refuses a page with no text', () => {
    expect(() => extractFromHtml('<html><body><img src="x.png"><script>1</script></body></html>')).toThrow(ExtractError);
  });
});

describe('elementToText', () => {
  it.each([
    ['<p>One  \n two</p><p>Three</p>', 'One two\n\nThree'],
    ['<div>Loose text<p>In a paragraph</p>tail</div>', 'Loose text\n\nIn a paragraph\n\ntail'],
    ['<p>Line one<br>Line two</p>', 'Line one\nLine two'],
    ['<h3>Heading</h3><ol><li><p>Nested item</p></li></ol>', 'Heading\n\nNested item'],
    ['<p>Kept</p><p hidden>Hidden</p><noscript>No</noscript>', 'Kept'],
  ])('%s', (html, expected) => {
    const { document } = new JSDOM(`<body>${html}</body>`).window;
    expect(elementToText(document.body)).toBe(expected);
  });
});

describe('extractFromDocx', () => {
  it('turns headings, paragraphs and list items into paragraphs', async () => {
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph({ text: 'Harbour tunnel opens', heading: HeadingLevel.HEADING_1 }),
            new Paragraph({ children: [new TextRun('By Jane Doe')] }),
            new Paragraph({
              children: [new TextRun('The tunnel cost '), new TextRun({ text: '$2.1 billion', bold: true }), new TextRun('. It opened on May 4.')],
            }),
            new Paragraph({ text: 'Who paid', heading: HeadingLevel.HEADING_2 }),
            new Paragraph({ text: 'Federal grants covered 40 percent.', bullet: { level: 0 } }),
          ],
        },
      ],
    });
    const extracted = await extractFromDocx(await Packer.toBuffer(doc));
    expect(extracted.text).toBe(
      'Harbour tunnel opens\n\nBy Jane Doe\n\nThe tunnel cost $2.1 billion. It opened on May 4.\n\nWho paid\n\nFederal grants covered 40 percent.',
    );
    const parsed = parseArticle({ text: extracted.text, locale: 'en' });
    expect(parsed.title).toBe('Harbour tunnel opens');
    expect(parsed.byline).toBe('By Jane Doe');
    expect(parsed.claims.map((c) => c.text)).toEqual([
      'The tunnel cost $2.1 billion.',
      'It opened on May 4.',
      'Who paid',
      'Federal grants covered 40 percent.',
    ]);
  });

  it('refuses a file that is not a Word document', async () => {
    await expect(extractFromDocx(Buffer.from('%PDF-1.7 not a zip'))).rejects.toThrow('not a Word document');
  });
});

describe('extractFromUrl', () => {
  let base = '';
  const server = http.createServer((req, res) => {
    if (req.url === '/article') return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(NEWS_PAGE);
    if (req.url === '/notes.txt') return res.writeHead(200, { 'content-type': 'text/plain' }).end('Title\n\nA plain text article.');
    if (req.url === '/report.pdf') return res.writeHead(200, { 'content-type': 'application/pdf' }).end('%PDF-1.7');
    res.writeHead(404, { 'content-type': 'text/html' }).end('<p>Not here</p>');
  });
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('extracts a fetched page, with its address as the base for the canonical link', async () => {
    const extracted = await extractFromUrl(`${base}/article`, { allowPrivate: true });
    expect(extracted.title).toBe('Harbour tunnel opens two years late');
    expect(extracted.sourceUrl).toBe(`${base}/news/harbour-tunnel`);
  });

  it('takes plain text as it is', async () => {
    expect(await extractFromUrl(`${base}/notes.txt`, { allowPrivate: true })).toEqual({
      text: 'Title\n\nA plain text article.',
      sourceUrl: `${base}/notes.txt`,
    });
  });

  it.each([
    ['/missing', 'That page does not exist'],
    ['/report.pdf', 'not a web page or a document we can read (it sends application/pdf)'],
  ])('refuses %s clearly', async (path, message) => {
    await expect(extractFromUrl(`${base}${path}`, { allowPrivate: true })).rejects.toThrow(message);
  });
});
