import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOCX_TOO_LARGE_MESSAGE } from '@/lib/import/docx-zip';
import { readWebPage, readWordDocument } from '@/lib/import/documents';
import { MAX_HTML_DEPTH } from '@/lib/import/limits';
import { BUSY_MESSAGE, createImportPool, tooComplexMessage } from '@/lib/import/pool';
import { writeHostileDocuments, type HostileDocuments } from '@/scripts/fixtures/hostile-documents';

/**
 * The documents that took the server down, refused with the message an editor sees, by the shape
 * and size checks rather than by a job's time limit, while the process's memory stays near where
 * it was. Elapsed time is only bounded far above what a refusal takes (under a second), so a
 * busy machine does not fail the test; the message says which check refused.
 */
const dir = mkdtempSync(path.join(os.tmpdir(), 'claimdesk-hostile-'));
let files: HostileDocuments;
beforeAll(async () => {
  files = await writeHostileDocuments(dir);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `work` while sampling the process's resident memory; returns how far above the start it went. */
async function peakGrowth(work: () => Promise<unknown>): Promise<{ error: Error; growthMb: number; ms: number }> {
  const start = process.memoryUsage.rss();
  let peak = start;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 10);
  const began = Date.now();
  try {
    await work();
    throw new Error('the document was not refused');
  } catch (err) {
    return { error: err as Error, growthMb: (peak - start) / (1024 * 1024), ms: Date.now() - began };
  } finally {
    clearInterval(sampler);
  }
}

describe('hostile documents', () => {
  it.each([
    ['docxBomb', 'the 355 KB Word file of 100 MB of XML'],
    ['docxBombLying', 'the same, claiming 20 KB in its zip directory'],
  ] as const)('%s: %s is refused as too large', async (key, _what) => {
    const bytes = readFileSync(files[key]);
    expect(bytes.length).toBeLessThan(400 * 1024);
    const { error, growthMb, ms } = await peakGrowth(() => readWordDocument(bytes));
    expect(error.message).toBe(DOCX_TOO_LARGE_MESSAGE);
    // A worker thread starting (jsdom, mammoth) and 20 MB of XML at most; unbounded, this was gigabytes.
    expect(growthMb).toBeLessThan(300);
    expect(ms).toBeLessThan(15_000);
  });

  it.each([400, 1_000, 5_000] as const)('%i nested divs are refused as too deep', async (depth) => {
    const { error, ms } = await peakGrowth(() => readWebPage(readFileSync(files.nested[depth])));
    expect(error.message).toContain(`nests its elements more than ${MAX_HTML_DEPTH} deep`);
    expect(ms).toBeLessThan(15_000);
  });
});

const para = (i: number) => `<p>The council voted on Tuesday ${i} to close the <a href="/x${i}">library</a>. It cost $${i} million.</p>`;
/** Within the shape limits, but seconds of Readability and a few hundred MB of jsdom. */
const HEAVY_PAGE = `<html><body><article>${Array.from({ length: 9_000 }, (_, i) => para(i)).join('')}</article></body></html>`;

describe('the import pool', () => {
  it('stops a job over its time limit, says so, and runs the next job on a fresh worker', async () => {
    const pool = createImportPool({ timeLimitMs: 300, workers: 1 });
    try {
      await expect(pool.run('html', { html: HEAVY_PAGE })).rejects.toThrow(tooComplexMessage({ timeLimitMs: 300 }));
      // The time limit counts from when a job starts: the worker's start-up is not held against it.
      const next = await pool.run('html', { html: '<html><body><p>The council voted on Tuesday. It cost $3 million.</p></body></html>' });
      expect(next.text).toBe('The council voted on Tuesday. It cost $3 million.');
    } finally {
      await pool.close();
    }
  });

  it('stops a job over its memory limit and says so', async () => {
    const pool = createImportPool({ memoryLimitMb: 48, workers: 1 });
    try {
      await expect(pool.run('html', { html: HEAVY_PAGE })).rejects.toThrow(tooComplexMessage({ memoryLimitMb: 48 }));
    } finally {
      await pool.close();
    }
  });

  it('refuses a job as busy when every worker is taken and the queue is full', async () => {
    const pool = createImportPool({ workers: 1, queue: 1 });
    const page = '<html><body><p>The council voted on Tuesday. It cost $3 million.</p></body></html>';
    try {
      const jobs = [1, 2, 3].map(() =>
        pool.run('html', { html: page }).then(
          () => 'done',
          (err: Error) => err.message,
        ),
      );
      expect(await Promise.all(jobs)).toEqual(['done', 'done', BUSY_MESSAGE]);
    } finally {
      await pool.close();
    }
  });

  it('splits a long text into scored claims', async () => {
    const pool = createImportPool();
    try {
      const parsed = await pool.run('parse', { text: 'Budget Day\n\nThe budget rose 4% to $3 billion. The mayor smiled.', title: null, locale: 'en' });
      expect(parsed.title).toBe('Budget Day');
      expect(parsed.claims.map((c) => c.text)).toEqual(['The budget rose 4% to $3 billion.', 'The mayor smiled.']);
      expect(parsed.claims[0].worthiness.score).toBeGreaterThan(parsed.claims[1].worthiness.score);
    } finally {
      await pool.close();
    }
  });
});
