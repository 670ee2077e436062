import { describe, expect, it } from 'vitest';
import { importArticleSchema, looksBinary, MAX_ARTICLE_BYTES } from '@/lib/validation/article';
import { assignClaimsSchema, evidenceSchema, submitVerdictSchema } from '@/lib/validation/claim';
import { addMemberSchema, loginSchema } from '@/lib/validation/team';

const messages = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((result.error?.issues ?? []).map((i) => [String(i.path[0]), i.message]));

describe('article import input', () => {
  it.each([
    ['', 'The article is empty'],
    ['  \n\t ', 'The article is empty'],
    ['x'.repeat(MAX_ARTICLE_BYTES + 1), 'larger than 2 MB'],
    ['\u0000\u0001\u0002binary', 'not plain text'],
  ])('refuses %#', (text, message) => {
    const result = importArticleSchema.safeParse({ text });
    expect(result.success).toBe(false);
    expect(messages(result).text).toContain(message);
  });

  it('counts the 2 MB limit in bytes, not characters', () => {
    const text = 'é'.repeat(MAX_ARTICLE_BYTES / 2 + 1);
    expect(importArticleSchema.safeParse({ text }).success).toBe(false);
  });

  it('accepts text with empty optional fields as not given', () => {
    const result = importArticleSchema.parse({ text: 'Title\n\nOne sentence.', title: '', sourceUrl: '', publishedAt: '' });
    expect(result).toEqual({
      text: 'Title\n\nOne sentence.',
      title: undefined,
      sourceUrl: undefined,
      outlet: undefined,
      author: undefined,
      publishedAt: undefined,
      language: undefined,
      articleId: undefined,
    });
  });

  it.each(['javascript:alert(1)', 'ftp://example.org/x', 'not a url'])('refuses the source URL %s', (sourceUrl) => {
    expect(messages(importArticleSchema.safeParse({ text: 'A. B.', sourceUrl })).sourceUrl).toMatch(/http/);
  });

  it('tells text from binary', () => {
    expect(looksBinary('Plain text with “quotes”, tabs\tand\nnew lines — and ümlauts.')).toBe(false);
    expect(looksBinary('\u0000PNG')).toBe(true);
    expect(looksBinary('\ufffd\ufffd\ufffd\ufffd garbage')).toBe(true);
  });
});

describe('evidence', () => {
  const valid = { claimId: 'c1', url: 'https://example.org/report.pdf', title: 'Annual report', stance: 'SUPPORTS' };

  it('accepts http and https links', () => {
    expect(evidenceSchema.safeParse(valid).success).toBe(true);
    expect(evidenceSchema.safeParse({ ...valid, url: 'http://example.org' }).success).toBe(true);
  });

  it.each([
    'javascript:alert(document.cookie)',
    'JAVASCRIPT:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'file:///etc/passwd',
    'vbscript:x',
    '//example.org',
    'example.org',
  ])('refuses %s with a clear message', (url) => {
    expect(messages(evidenceSchema.safeParse({ ...valid, url })).url).toBe('URL must be a web address starting with http:// or https://.');
  });

  it('refuses an archived copy that is not a web link', () => {
    expect(messages(evidenceSchema.safeParse({ ...valid, archiveUrl: 'javascript:void(0)' })).archiveUrl).toMatch(/http/);
  });

  it('needs a title and a stance', () => {
    const result = messages(evidenceSchema.safeParse({ ...valid, title: '  ', stance: '' }));
    expect(result.title).toBe('Title is required.');
    expect(result.stance).toMatch(/supports, refutes or adds context/);
  });
});

describe('verdict', () => {
  it('needs a verdict and a rationale', () => {
    const result = messages(submitVerdictSchema.safeParse({ claimId: 'c1', version: '0', verdictLabelId: '', rationale: '   ' }));
    expect(result.verdictLabelId).toBe('Choose a verdict.');
    expect(result.rationale).toBe('Rationale is required.');
  });

  const verdict = { claimId: 'c1', version: '3', verdictLabelId: 'l1', rationale: 'Ministry data.' };

  it('carries the notes typed beside it, normalised as notes are', () => {
    expect(submitVerdictSchema.parse(verdict).notes).toBeUndefined();
    expect(submitVerdictSchema.parse({ ...verdict, notes: '' }).notes).toBe('');
    expect(submitVerdictSchema.parse({ ...verdict, notes: 'Called\r\nthe ministry\u0000.\rDone.' }).notes).toBe('Called\nthe ministry.\nDone.');
  });

  it('refuses notes over 100,000 characters', () => {
    expect(messages(submitVerdictSchema.safeParse({ ...verdict, notes: 'x'.repeat(100_001) })).notes).toBe('Notes must be at most 100,000 characters.');
  });
});

describe('assignment', () => {
  it('needs at least one claim and a checker', () => {
    const result = messages(assignClaimsSchema.safeParse({ claimIds: [], assigneeId: '' }));
    expect(result.claimIds).toBe('Select at least one claim.');
    expect(result.assigneeId).toBe('Choose a checker.');
  });

  it('parses the due date', () => {
    expect(assignClaimsSchema.parse({ claimIds: ['a'], assigneeId: 'u', dueAt: '2030-01-15' }).dueAt).toEqual(new Date('2030-01-15'));
  });
});

describe('team', () => {
  it('normalises the sign-in email', () => {
    expect(loginSchema.parse({ email: ' Editor@Example.com ', password: 'x' }).email).toBe('editor@example.com');
  });

  it('needs a long enough password and a real role for a new member', () => {
    const result = messages(addMemberSchema.safeParse({ name: 'N', email: 'n@example.org', role: 'owner', password: 'short' }));
    expect(result.role).toBe('Choose a role.');
    expect(result.password).toMatch(/at least 10 characters/);
  });
});

describe('what the database cannot store (ADR 0024)', () => {
  const evidence = { claimId: 'c1', url: 'https://example.org/report.pdf', title: 'Annual report', stance: 'SUPPORTS' };

  it.each([
    ['a NUL', 'Annual\u0000report', 'Title contains a NUL character, which cannot be stored. Remove it.'],
    ['half a surrogate pair', 'Annual \ud800report', 'Title contains a broken character (half of a surrogate pair). Remove it.'],
  ])('refuses %s in a text field with one sentence', (_what, title, message) => {
    const result = evidenceSchema.safeParse({ ...evidence, title });
    expect(result.error?.issues.map((i) => i.message)).toEqual([message]);
  });

  it('keeps whole surrogate pairs (emoji and the like)', () => {
    expect(evidenceSchema.parse({ ...evidence, title: 'Report 😀 𝄞' }).title).toBe('Report 😀 𝄞');
  });

  it('refuses a NUL in an id, which would reach a query', () => {
    expect(messages(evidenceSchema.safeParse({ ...evidence, claimId: 'c\u0000' })).claimId).toMatch(/NUL/);
  });

  it('still drops a NUL from notes, but refuses half a surrogate pair there', () => {
    expect(submitVerdictSchema.parse({ claimId: 'c1', version: '0', verdictLabelId: 'l1', rationale: 'R.', notes: 'a\u0000b' }).notes).toBe('ab');
    expect(messages(submitVerdictSchema.safeParse({ claimId: 'c1', version: '0', verdictLabelId: 'l1', rationale: 'R.', notes: 'a\udfffb' })).notes).toMatch(
      /surrogate/,
    );
  });

  it('refuses a NUL anywhere in an article, not only in the part read to tell text from binary', () => {
    const text = `Title\n\n${'Words. '.repeat(2_000)}\u0000`;
    expect(messages(importArticleSchema.safeParse({ text })).text).toMatch(/NUL/);
  });

  it.each([
    ['1900-01-01', true],
    ['2200-12-31', true],
    ['1899-12-31', false],
    ['2201-01-01', false],
    ['99999-01-01', false],
    ['-000001-01-01', false],
    ['0000-01-01', false],
  ])('takes due dates and publication dates from 1900 to 2200: %s', (date, ok) => {
    expect(assignClaimsSchema.safeParse({ claimIds: ['a'], assigneeId: 'u', dueAt: date }).success).toBe(ok);
    expect(importArticleSchema.safeParse({ text: 'T\n\nA b.', publishedAt: date }).success).toBe(ok);
  });

  it('says which years a date may fall in', () => {
    expect(messages(assignClaimsSchema.safeParse({ claimIds: ['a'], assigneeId: 'u', dueAt: '99999-01-01' })).dueAt).toBe(
      'Due date must be between 1900 and 2200.',
    );
  });

  it.each(['2147483648', '-1', '1.5', '1e400', 'NaN'])('refuses the version %s, which an integer column cannot hold', (version) => {
    expect(messages(submitVerdictSchema.safeParse({ claimId: 'c1', version, verdictLabelId: 'l1', rationale: 'R.' })).version).toBeDefined();
  });

  it('takes the largest version an integer column holds', () => {
    expect(submitVerdictSchema.parse({ claimId: 'c1', version: '2147483647', verdictLabelId: 'l1', rationale: 'R.' }).version).toBe(2_147_483_647);
  });
});
