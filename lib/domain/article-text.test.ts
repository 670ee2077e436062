import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { normalizeArticleText, parseArticle, type ParsedArticle } from './article-text';

const FIXTURES = path.resolve(process.cwd(), 'lib/testing/fixtures/articles');

function fixture(name: string): { text: string; expected: { title: string; byline?: string; claims: string[] } } {
  return {
    text: readFileSync(path.join(FIXTURES, `${name}.txt`), 'utf8'),
    expected: JSON.parse(readFileSync(path.join(FIXTURES, `${name}.expected.json`), 'utf8')),
  };
}

function expectOffsetsIntoBody(article: ParsedArticle) {
  for (const claim of article.claims) expect(article.body.slice(claim.start, claim.end)).toBe(claim.text);
  expect(article.claims.map((c) => c.position)).toEqual(article.claims.map((_, i) => i + 1));
}

describe('parseArticle on the fixtures', () => {
  it('imports belarus-air-defense with the repeated title dropped and exactly its 15 claims', () => {
    const { text, expected } = fixture('belarus-air-defense');
    const article = parseArticle({ text });
    expect(article.title).toBe(expected.title);
    expect(article.byline).toBeNull();
    expect(article.claims.map((c) => c.text)).toEqual(expected.claims);
    expect(article.claims).toHaveLength(15);
    // one claim per paragraph, numbered among the paragraphs that hold claims
    expect(article.claims.map((c) => c.paragraph)).toEqual(expected.claims.map((_, i) => i + 1));
    expect(article.language).toBe('en');
    expect(article.body).toBe(text);
    expectOffsetsIntoBody(article);
  });

  it('imports transit-budget with its title, byline and 10 claims', () => {
    const { text, expected } = fixture('transit-budget');
    const article = parseArticle({ text });
    expect(article.title).toBe(expected.title);
    expect(article.byline).toBe(expected.byline);
    expect(article.claims.map((c) => c.text)).toEqual(expected.claims);
    expect(article.claims.map((c) => c.paragraph)).toEqual([1, 1, 1, 1, 2, 2, 2, 2, 3, 3]);
    expectOffsetsIntoBody(article);
  });

  it('gives the same claims when the fixture arrives with CRLF line endings and a BOM', () => {
    const { text, expected } = fixture('transit-budget');
    const article = parseArticle({ text: '\uFEFF' + text.replace(/\n/g, '\r\n') });
    expect(article.claims.map((c) => c.text)).toEqual(expected.claims);
    expect(article.body).toBe(text);
  });
});

describe('parseArticle', () => {
  it('uses an explicit title and then treats the first line as a claim', () => {
    const article = parseArticle({ text: 'Taxes rose 3% in 2024. Spending fell.\n\nThe deficit shrank.', title: '  Budget Review  ' });
    expect(article.title).toBe('Budget Review');
    expect(article.claims.map((c) => c.text)).toEqual(['Taxes rose 3% in 2024.', 'Spending fell.', 'The deficit shrank.']);
    expect(article.claims.map((c) => c.paragraph)).toEqual([1, 1, 2]);
  });

  it('drops a top line that repeats an explicit title, ignoring case and spacing', () => {
    const article = parseArticle({ text: 'budget   REVIEW\n\nTaxes rose.', title: 'Budget Review' });
    expect(article.claims.map((c) => c.text)).toEqual(['Taxes rose.']);
  });

  it('falls back to the first line when the given title is blank', () => {
    const article = parseArticle({ text: '\n\n  Mayor Resigns  \n\nThe mayor resigned on Friday.', title: '   ' });
    expect(article.title).toBe('Mayor Resigns');
    expect(article.claims.map((c) => c.text)).toEqual(['The mayor resigned on Friday.']);
  });

  it('drops a repeated title after the byline too', () => {
    const text = 'Mayor Resigns\nBy Ana Ruiz\nMayor Resigns\n\nThe mayor resigned on Friday.';
    const article = parseArticle({ text });
    expect(article.byline).toBe('By Ana Ruiz');
    expect(article.claims.map((c) => c.text)).toEqual(['The mayor resigned on Friday.']);
  });

  it('keeps a repeated title that appears after the first claim', () => {
    const article = parseArticle({ text: 'Mayor Resigns\n\nShe left.\n\nMayor Resigns' });
    expect(article.claims.map((c) => c.text)).toEqual(['She left.', 'Mayor Resigns']);
  });

  it.each([
    ['By Jane Q. Doe | March 3, 2026'],
    ['By Jane Doe'],
    ['by JANE DOE and JOHN ROE'],
    ['By Ana Ruiz, Staff Writer'],
    ['By María de la Cruz · 3 min read'],
  ])('recognises the byline %j', (line) => {
    const article = parseArticle({ text: `Headline\n\n${line}\n\nThe council met.` });
    expect(article.byline).toBe(line);
    expect(article.claims.map((c) => c.text)).toEqual(['The council met.']);
  });

  it.each([
    ['By 2030, the city will need 40 more buses.'],
    ['By the end of the year, fares had doubled.'],
    ['By Monday, officials said the line would open on time.'],
  ])('does not mistake the sentence %j for a byline', (line) => {
    const article = parseArticle({ text: `Headline\n\n${line}` });
    expect(article.byline).toBeNull();
    expect(article.claims.map((c) => c.text)).toEqual([line]);
  });

  it('only takes a byline from the top of the article', () => {
    const article = parseArticle({ text: 'Headline\n\nThe council met.\n\nBy Jane Doe' });
    expect(article.byline).toBeNull();
    expect(article.claims.map((c) => c.text)).toEqual(['The council met.', 'By Jane Doe']);
  });

  it.each([[''], ['   '], ['\n\n\r\n\t'], ['\uFEFF'], ['\u200B \u200B']])('returns no claims for empty text %j', (text) => {
    const article = parseArticle({ text });
    expect(article.claims).toEqual([]);
    expect(article.title).toBe('');
    expect(article.byline).toBeNull();
  });

  it('returns the title and no claims when the text is only a headline', () => {
    const article = parseArticle({ text: 'Just A Headline\n' });
    expect(article.title).toBe('Just A Headline');
    expect(article.claims).toEqual([]);
  });

  it('numbers paragraphs among those that hold claims', () => {
    const article = parseArticle({ text: 'Title\n\nBy Jane Doe\n\nOne. Two.\n\n\n\nThree.\nFour.' });
    expect(article.claims.map((c) => [c.paragraph, c.text])).toEqual([
      [1, 'One.'],
      [1, 'Two.'],
      [2, 'Three.'],
      [2, 'Four.'],
    ]);
  });

  it('uses the given locale, or detects one', () => {
    expect(parseArticle({ text: 'T\n\nHallo.', locale: 'de' }).language).toBe('de');
    expect(parseArticle({ text: 'Titel\n\nDer Vertrag wurde am 3. Oktober unterzeichnet. Die Regierung ist nicht zufrieden.' }).language).toBe('de');
    expect(parseArticle({ text: '标题\n\n他来了。她走了。' }).language).toBe('zh');
  });

  it('splits with the article language, so German ordinals stay inside the sentence', () => {
    const article = parseArticle({ text: 'Titel\n\nDer Vertrag wurde am 3. Oktober unterzeichnet. Die Regierung ist nicht zufrieden.' });
    expect(article.claims.map((c) => c.text)).toEqual(['Der Vertrag wurde am 3. Oktober unterzeichnet.', 'Die Regierung ist nicht zufrieden.']);
  });

  it('stores NUL-free text and keeps offsets valid', () => {
    const article = parseArticle({ text: 'Head\u0000line\r\n\r\nA claim\u0000 here. Another one.' });
    expect(article.body).toBe('Headline\n\nA claim here. Another one.');
    expect(article.title).toBe('Headline');
    expectOffsetsIntoBody(article);
    expect(article.claims.map((c) => c.text)).toEqual(['A claim here.', 'Another one.']);
  });
});

describe('normalizeArticleText', () => {
  it.each([
    ['\uFEFFHello', 'Hello'],
    ['a\r\nb\rc\nd', 'a\nb\nc\nd'],
    ['a\u0000b', 'ab'],
    ['  keeps  spacing\t\n\n\n', '  keeps  spacing\t\n\n\n'],
    ['“Curly” — and ZW\u200Bspace', '“Curly” — and ZW\u200Bspace'],
    ['mid\uFEFFBOM stays', 'mid\uFEFFBOM stays'],
  ])('%j -> %j', (raw, expected) => {
    expect(normalizeArticleText(raw)).toBe(expected);
  });
});
