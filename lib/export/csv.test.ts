import { describe, expect, it } from 'vitest';
import { csvRecords, guardFormula } from '@/lib/export/csv';
import { recordCounter } from '@/lib/export/progress';

describe('guardFormula', () => {
  it.each([
    ['=HYPERLINK("http://evil.example","Click")', `'=HYPERLINK("http://evil.example","Click")`],
    ['+1 555 0100', "'+1 555 0100"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1:A2)', "'@SUM(A1:A2)"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', "'\r=1+1"],
    ['Unemployment fell to 4%.', 'Unemployment fell to 4%.'],
    ['a = b', 'a = b'],
    ['', ''],
  ])('%j becomes %j', (input, expected) => {
    expect(guardFormula(input)).toBe(expected);
  });
});

describe('csvRecords', () => {
  it('writes a header row and CRLF-terminated records', () => {
    expect(csvRecords([['a', 1]], ['Text', 'Count'])).toBe('Text,Count\r\na,1\r\n');
  });

  it('quotes cells with commas, quotes and line breaks as RFC 4180 says, doubling quotes', () => {
    expect(csvRecords([['one, two', 'say "hi"', 'line\nbreak', 'cr\r\nlf', 'plain']])).toBe('"one, two","say ""hi""","line\nbreak","cr\r\nlf",plain\r\n');
  });

  it('guards text cells but not numbers, writes null as empty and a list one item per line', () => {
    expect(csvRecords([['=1+1', -5, null, ['https://a.example/1', 'https://b.example/2'], true]])).toBe(
      `'=1+1,-5,,"https://a.example/1\nhttps://b.example/2",true\r\n`,
    );
  });

  it('guards a formula inside a quoted cell too', () => {
    expect(csvRecords([['=cmd|"/c calc"!A0']])).toBe(`"'=cmd|""/c calc""!A0"\r\n`);
  });
});

describe('recordCounter', () => {
  it('counts CSV records, not line breaks inside quoted cells, however the text is split', () => {
    const csv = csvRecords(
      [
        ['a', 'two\nlines'],
        ['say "x"\r\n', 'b'],
        ['c', 'd'],
      ],
      ['H1', 'H2'],
    );
    for (const size of [1, 2, 3, 7, csv.length]) {
      const count = recordCounter('csv');
      let last = 0;
      for (let i = 0; i < csv.length; i += size) last = count(csv.slice(i, i + size));
      expect(last).toBe(3);
    }
  });

  it('counts one JSON record per line after the opening bracket', () => {
    const count = recordCounter('json');
    expect(count('[\n')).toBe(0);
    expect(count('{"text":"a \\"quoted\\" \\n word"}')).toBe(0);
    expect(count(',\n{"text":"b"}')).toBe(1);
    expect(count('\n]')).toBe(2);
  });
});
