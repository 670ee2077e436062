import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectLocale, splitParagraphs, splitSentences, type Sentence } from './segment';
import { SEGMENT_CASES } from './segment.cases';

/** What every split must satisfy, whatever the text. */
function expectWellFormed(input: string, sentences: Sentence[]) {
  let previousEnd = 0;
  for (const s of sentences) {
    expect(s.text).toBe(input.slice(s.start, s.end));
    expect(s.text.length).toBeGreaterThan(0);
    expect(s.start).toBeGreaterThanOrEqual(previousEnd);
    expect(s.text).toBe(s.text.replace(/^[\s\u200B-\u200D\u2060\u180E]+|[\s\u200B-\u200D\u2060\u180E]+$/gu, ''));
    // nothing but whitespace between sentences: every character belongs to some sentence
    expect(input.slice(previousEnd, s.start).replace(/[\s\u200B-\u200D\u2060\u180E]/gu, '')).toBe('');
    previousEnd = s.end;
  }
  expect(input.slice(previousEnd).replace(/[\s\u200B-\u200D\u2060\u180E]/gu, '')).toBe('');
}

describe('splitSentences', () => {
  for (const [category, cases] of Object.entries(SEGMENT_CASES)) {
    describe(category, () => {
      it.each(cases)('%j', (input, expected, locale) => {
        const sentences = splitSentences(input, locale);
        expect(sentences.map((s) => s.text)).toEqual(expected);
        expectWellFormed(input, sentences);
      });
    });
  }

  it('splits the fixture paragraph with abbreviations, quotes, a question and an ellipsis', () => {
    const text =
      'Officials expect the line to open at 9 a.m. on Jan. 5, 2027. Critics, including Sen. Patel (D-Md.), called the schedule unrealistic! Is it? The report (see p. 14) says costs could reach $1.2 billion, i.e. twice the estimate.';
    expect(splitSentences(text).map((s) => s.text)).toEqual([
      'Officials expect the line to open at 9 a.m. on Jan. 5, 2027.',
      'Critics, including Sen. Patel (D-Md.), called the schedule unrealistic!',
      'Is it?',
      'The report (see p. 14) says costs could reach $1.2 billion, i.e. twice the estimate.',
    ]);
  });

  it('reports offsets into the original text', () => {
    const text = '  Hello there.\r\n\r\n  General Kenobi!  ';
    expect(splitSentences(text)).toEqual([
      { text: 'Hello there.', start: 2, end: 14 },
      { text: 'General Kenobi!', start: 20, end: 35 },
    ]);
  });

  it('handles a megabyte of text, including one single line', () => {
    const prose = 'The U.S. Department said ridership rose 12.5% on Jan. 5. "Is it?" he asked... and left! Mr. Li stayed.\n';
    const repeats = Math.ceil(1_000_000 / prose.length);
    const big = prose.repeat(repeats);
    expect(splitSentences(big)).toHaveLength(repeats * 3);
    const oneLine = big.replace(/\n/g, ' ');
    const sentences = splitSentences(oneLine);
    expect(sentences).toHaveLength(repeats * 3);
    expect(sentences[repeats * 3 - 1].text).toBe('Mr. Li stayed.');
    expectWellFormed(oneLine, sentences);
  });

  it.each([
    ['dots', '.'.repeat(1_000_000)],
    ['spaced dots', '. '.repeat(500_000)],
    ['one long word', 'a'.repeat(1_000_000) + '. Next.'],
    ['dotted initials', 'A.'.repeat(500_000)],
    ['question marks', '? '.repeat(500_000)],
    ['blank lines', '\n'.repeat(1_000_000)],
    ['opening quotes', '. ' + '"'.repeat(1_000_000)],
  ])('stays linear on pathological input: %s', (_name, input) => {
    const sentences = splitSentences(input);
    expect(Array.isArray(sentences)).toBe(true);
    for (const s of sentences.slice(0, 100)) expect(s.text).toBe(input.slice(s.start, s.end));
  });

  it('never throws on odd input', () => {
    expect(splitSentences(undefined as unknown as string)).toEqual([]);
    expect(splitSentences(null as unknown as string)).toEqual([]);
    expect(splitSentences('\uD800 lone surrogate. Next.')).toHaveLength(2);
    expect(splitSentences('Yes. \uDC00')).toHaveLength(2);
    expect(splitSentences('Hello.', 'not-a-locale')).toHaveLength(1);
  });
});

describe('splitSentences properties', () => {
  const pieces = [
    'Mr.',
    'U.S.',
    'a.m.',
    ' ',
    '  ',
    '\n',
    '\r\n',
    '\r',
    '\n\n',
    '\u200B',
    '\uFEFF',
    '\u00A0',
    '.',
    '...',
    '…',
    '?',
    '!',
    '"',
    '“',
    '”',
    '«',
    '»',
    '(',
    ')',
    '「',
    '」',
    '。',
    '？',
    '।',
    '؟',
    '- ',
    '1. ',
    '# ',
    'word',
    'Word',
    'J.',
    '3.5',
    'z. B.',
    'т. е.',
    '他来了',
    'Москва',
    'مرحبا',
    'हिंदी',
    '🎉',
    'e.g.',
    'etc.',
    'example.com',
    "'",
    '’',
  ];
  const text = fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 80 }),
    fc.string({ unit: fc.constantFrom(...pieces), maxLength: 60 }),
    fc.string({ unit: fc.constantFrom('.', '?', '!', '…', ' ', '\n', '"', ')', '。'), maxLength: 40 }),
    fc.string({ unit: 'binary', maxLength: 60 }),
  );

  it('covers all content with ordered, trimmed, non-overlapping sentences', () => {
    fc.assert(
      fc.property(text, fc.constantFrom(undefined, 'en', 'de', 'fr', 'es', 'ru', 'zh', 'ja', 'ar', 'fa', 'hi'), (input, locale) => {
        expectWellFormed(input, splitSentences(input, locale));
      }),
      { numRuns: 2000 },
    );
  });

  it('splits CRLF text exactly like LF text', () => {
    fc.assert(
      fc.property(text, (input) => {
        const lf = input.replace(/\r\n?/g, '\n');
        const crlf = lf.replace(/\n/g, '\r\n');
        const texts = splitSentences(crlf).map((s) => s.text.replace(/\r\n/g, '\n'));
        expect(texts).toEqual(splitSentences(lf).map((s) => s.text));
      }),
      { numRuns: 1000 },
    );
  });

  it('never lets a sentence cross a blank line', () => {
    fc.assert(
      fc.property(text, (input) => {
        for (const s of splitSentences(input)) expect(s.text).not.toMatch(/\n[ \t]*\n/);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('splitParagraphs', () => {
  it('returns trimmed blank-line-separated spans', () => {
    const text = ' One\nstill one.\n\n\r\nTwo. \n \nThree';
    expect(splitParagraphs(text).map((p) => text.slice(p.start, p.end))).toEqual(['One\nstill one.', 'Two.', 'Three']);
  });
});

describe('detectLocale', () => {
  it.each([
    ['The council approved the budget on Monday, and the mayor said it was fair.', 'en'],
    ['Der Stadtrat hat den Haushalt am Montag beschlossen, und die Bürgermeisterin ist nicht zufrieden.', 'de'],
    ['Le conseil a approuvé le budget lundi et le maire est satisfait des résultats.', 'fr'],
    ['El consejo aprobó el presupuesto el lunes y los vecinos no están contentos con la decisión.', 'es'],
    ['Городской совет утвердил бюджет в понедельник.', 'ru'],
    ['市议会周一批准了预算。', 'zh'],
    ['市議会は月曜日に予算を承認しました。', 'ja'],
    ['وافق المجلس على الميزانية يوم الاثنين.', 'ar'],
    ['شورای شهر روز دوشنبه بودجه را تصویب کرد و گفت که این کار مهم است.', 'fa'],
    ['नगर परिषद ने सोमवार को बजट को मंजूरी दी।', 'hi'],
    ['시의회는 월요일에 예산을 승인했다.', 'ko'],
    ['', 'en'],
    ['12345 !!! ...', 'en'],
    ['The report cites 条约 once but is written in English throughout the whole text.', 'en'],
  ])('%j -> %s', (text, expected) => {
    expect(detectLocale(text)).toBe(expected);
  });
});
