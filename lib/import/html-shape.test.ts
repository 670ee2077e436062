import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { assertHtmlWithinLimits, measureMarkup } from '@/lib/import/html-shape';
import { MAX_HTML_DEPTH, MAX_HTML_ELEMENTS } from '@/lib/import/limits';

const UNLIMITED = { limits: { elements: Infinity, depth: Infinity } };

/** What the real parser builds: the deepest element below `<body>`, found without recursion. */
function parsedDepth(html: string): number {
  const { body } = new JSDOM(html).window.document;
  let deepest = 0;
  const stack: [Element, number][] = [[body, 0]];
  while (stack.length) {
    const [el, depth] = stack.pop()!;
    deepest = Math.max(deepest, depth);
    for (let child = el.firstElementChild; child; child = child.nextElementSibling) stack.push([child, depth + 1]);
  }
  return deepest;
}

const many = (n: number, markup: string) => markup.repeat(n);

describe('measureMarkup', () => {
  it.each([
    ['nested divs', `${many(50, '<div>')}<p>x</p>${many(50, '</div>')}`],
    ['a thousand unclosed paragraphs', many(1000, '<p>A sentence.')],
    ['a thousand unclosed list items', `<ul>${many(1000, '<li>Item')}</ul>`],
    ['a list in each unclosed list item', `<ul>${many(100, '<li>Item<ul><li>Sub</ul>')}</ul>`],
    ['unclosed table cells and rows', `<table>${many(300, '<tr><td>a<td>b<th>c')}</table>`],
    ['unclosed definitions', `<dl>${many(300, '<dt>Term<dd>Meaning')}</dl>`],
    ['unclosed options', `<select>${many(300, '<option>One')}</select>`],
    ['a paragraph closed by the block after it', many(300, '<p>Text<div>Block</div>')],
    ['links that never close', many(300, '<a href="/x">link ')],
    ['headings that never close', many(300, '<h2>Heading<h3>Sub')],
    ['void and self-closing elements', many(500, '<br><img src="x"><hr/><input>')],
    ['self-closing divs, which HTML nests', many(60, '<div/>')],
    ['SVG, where /> does close', `<svg>${many(500, '<path d="M0 0"/>')}</svg>`],
    ['tags inside comments, scripts and attributes', `<!-- ${many(500, '<div>')} --><script>${many(500, '<div>')}</script><p title="a > b <div>">x</p>`],
    ['unclosed bold, which nests', many(40, '<b>bold ')],
  ])('%s: never below the parsed depth, and close to it', (_name, body) => {
    const html = `<!doctype html><html><head><title>T</title></head><body>${body}</body></html>`;
    const real = parsedDepth(html);
    const { depth } = measureMarkup(html, UNLIMITED);
    expect(depth).toBeGreaterThanOrEqual(real);
    expect(depth).toBeLessThanOrEqual(real + 2);
  });

  it('counts start tags, not end tags or tags in comments and scripts', () => {
    expect(measureMarkup('<p>One</p><p>Two <b>three</b></p><!-- <p> --><script>"<p>"</script>', UNLIMITED).elements).toBe(4);
  });

  it('stops counting once a limit is passed', () => {
    expect(measureMarkup(many(10_000, '<div>'), { limits: { elements: Infinity, depth: 100 } }).depth).toBe(101);
  });

  it('reads XML: /> closes any element and nothing is implied', () => {
    const xml =
      '<?xml version="1.0"?><w:document><w:body><w:p><w:r><w:t>Hi</w:t></w:r></w:p><w:p/><w:tbl><w:tr><w:tc><w:p/></w:tc></w:tr></w:tbl></w:body></w:document>';
    expect(measureMarkup(xml, { ...UNLIMITED, xml: true })).toEqual({ elements: 10, depth: 6 });
  });
});

describe('assertHtmlWithinLimits', () => {
  it('lets a long ordinary article through', () => {
    const article = `<html><body><nav>${many(50, '<a href="/">Section</a>')}</nav><article>${many(3000, '<p>The council voted on <b>Tuesday</b>.</p>')}</article></body></html>`;
    expect(() => assertHtmlWithinLimits(article)).not.toThrow();
  });

  it.each([400, 1_000, 5_000])('refuses %i nested divs before parsing', (depth) => {
    expect(() => assertHtmlWithinLimits(`${many(depth, '<div>')}<p>Text.</p>${many(depth, '</div>')}`)).toThrow(
      `nests its elements more than ${MAX_HTML_DEPTH} deep`,
    );
  });

  it('refuses a page of too many elements', () => {
    expect(() => assertHtmlWithinLimits(many(MAX_HTML_ELEMENTS + 1, '<span>x</span>'))).toThrow('more than 30,000 elements');
  });

  it('refuses a page larger than 5 MB, counted in bytes', () => {
    expect(() => assertHtmlWithinLimits(Buffer.alloc(5 * 1024 * 1024 + 1, 32))).toThrow('larger than 5 MB');
  });

  it('reads the tags of a UTF-16 page', () => {
    const page = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${many(200, '<div>')}x`, 'utf16le')]);
    expect(() => assertHtmlWithinLimits(page)).toThrow('deep');
  });
});
