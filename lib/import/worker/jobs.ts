/**
 * What an import worker does (lib/import/pool.ts runs it in a thread with a time and memory
 * limit): read a web page or a Word document, or split a long text into scored claims. A
 * refusal meant for the editor comes back as `{ ok: false, message }`, since an error's class
 * does not survive the way back from a thread; anything else is a failure.
 */
import { parentPort } from 'node:worker_threads';
import { extractFromDocx, extractFromHtml } from '@/lib/import/extract';
import { ExtractError } from '@/lib/import/extract-error';
import { parseAndScore, type ParseInput } from '@/lib/import/parse';

const jobs = {
  html: ({ html, url, contentType }: { html: string | Uint8Array; url?: string; contentType?: string }) => extractFromHtml(html, url, contentType),
  docx: ({ docx }: { docx: Uint8Array }) => extractFromDocx(Buffer.from(docx.buffer, docx.byteOffset, docx.byteLength)),
  parse: (input: ParseInput) => parseAndScore(input),
};

export type ImportJobs = typeof jobs;
export type ImportJobKind = keyof ImportJobs;
export type JobInput<K extends ImportJobKind> = Parameters<ImportJobs[K]>[0];
export type JobValue<K extends ImportJobKind> = Awaited<ReturnType<ImportJobs[K]>>;
export type ImportJobMessage = { id: number; kind: ImportJobKind; input: JobInput<ImportJobKind> };
export type ImportJobAnswer = { ok: true; value: JobValue<ImportJobKind> } | { ok: false; message: string };
/** Posted when a job starts in its worker: its time limit counts from then, not from when it was queued. */
export type JobStarted = { jobStarted: number };

export async function runImportJob({ id, kind, input }: ImportJobMessage): Promise<ImportJobAnswer> {
  parentPort?.postMessage({ jobStarted: id } satisfies JobStarted);
  try {
    const run = jobs[kind] as (input: unknown) => unknown;
    return { ok: true, value: await run(input) } as ImportJobAnswer;
  } catch (err) {
    if (err instanceof ExtractError) return { ok: false, message: err.message };
    throw err;
  }
}
