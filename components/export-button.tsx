'use client';

import { useId, useRef, useState } from 'react';
import { buttonClass } from '@/components/button-class';
import { recordCounter, type ExportFormat } from '@/lib/export/progress';

type Progress =
  { phase: 'idle' } | { phase: 'running' | 'done'; format: ExportFormat; done: number; total: number | null } | { phase: 'failed'; message: string };

const FORMATS: { format: ExportFormat; label: string }[] = [
  { format: 'csv', label: 'Export CSV' },
  { format: 'json', label: 'Export JSON' },
];

const count = (n: number) => n.toLocaleString('en-US');

function filenameFrom(response: Response, fallback: string): string {
  const match = /filename="([^"]+)"/.exec(response.headers.get('Content-Disposition') ?? '');
  return match?.[1] ?? fallback;
}

async function failureMessage(response: Response): Promise<string> {
  const body = (await response.json().catch(() => null)) as { error?: unknown } | null;
  if (typeof body?.error === 'string') return body.error;
  return `The server answered ${response.status}. Try again in a moment.`;
}

function save(blob: Blob, filename: string) {
  const href = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = href;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later: the browser may still be reading the blob when click() returns.
  setTimeout(() => URL.revokeObjectURL(href), 60_000);
}

/**
 * Export buttons for one streamed export (`url?format=csv|json`, lib/export/response.ts). The
 * file is read as it arrives, counting records against `X-Total-Count` for the progress bar,
 * then saved. `noun` names the records: "Exported 3,000 of 10,000 claims".
 */
export function ExportButtons({ url, noun, label }: { url: string; noun: string; label: string }) {
  const [progress, setProgress] = useState<Progress>({ phase: 'idle' });
  const running = useRef(false);
  const labelId = useId();

  async function run(format: ExportFormat) {
    if (running.current) return;
    running.current = true;
    setProgress({ phase: 'running', format, done: 0, total: null });
    try {
      const response = await fetch(`${url}?format=${format}`, { headers: { Accept: format === 'csv' ? 'text/csv' : 'application/json' } });
      if (!response.ok || !response.body) throw new Error(await failureMessage(response));
      const header = response.headers.get('X-Total-Count');
      const total = header === null ? null : Number(header);
      const counted = recordCounter(format);
      const decoder = new TextDecoder();
      const reader = response.body.getReader();
      const parts: Uint8Array<ArrayBuffer>[] = [];
      let done = 0;
      let shownAt = 0;
      for (;;) {
        const chunk = await reader.read();
        if (chunk.done) break;
        parts.push(chunk.value);
        done = counted(decoder.decode(chunk.value, { stream: true }));
        // A few updates a second are enough for the eye and do not flood screen readers.
        if (Date.now() - shownAt > 250) {
          shownAt = Date.now();
          setProgress({ phase: 'running', format, done: total === null ? done : Math.min(done, total), total });
        }
      }
      save(new Blob(parts, { type: response.headers.get('Content-Type') ?? 'application/octet-stream' }), filenameFrom(response, `export.${format}`));
      setProgress({ phase: 'done', format, done: total ?? done, total: total ?? done });
    } catch (err) {
      const reason = err instanceof Error && err.message ? err.message : 'The connection was lost.';
      setProgress({ phase: 'failed', message: `The export failed: ${reason}` });
    } finally {
      running.current = false;
    }
  }

  const busy = progress.phase === 'running';
  return (
    <div role="group" aria-labelledby={labelId} className="flex flex-col gap-2">
      <span id={labelId} className="sr-only">
        {label}
      </span>
      <div className="flex flex-wrap gap-2">
        {FORMATS.map(({ format, label: text }) => (
          <button key={format} type="button" className={buttonClass('secondary')} disabled={busy} aria-disabled={busy} onClick={() => void run(format)}>
            {busy && progress.format === format ? (
              <span aria-hidden="true" className="h-3.5 w-3.5 animate-spin rounded-full border-2 border-current border-r-transparent" />
            ) : null}
            {text}
          </button>
        ))}
      </div>
      {progress.phase === 'running' || progress.phase === 'done' ? (
        <div className="flex max-w-xs items-center gap-2 text-sm text-stone-700">
          <progress
            aria-label={`${label} progress`}
            className="h-2 w-40 accent-blue-700"
            value={progress.total === null ? undefined : progress.done}
            max={progress.total === null ? undefined : Math.max(progress.total, 1)}
          />
          <span role="status" aria-live="polite">
            {progress.phase === 'done'
              ? `Exported ${count(progress.done)} of ${count(progress.total ?? progress.done)} ${noun}. The ${progress.format.toUpperCase()} file is saved.`
              : progress.total === null
                ? `Exported ${count(progress.done)} ${noun}…`
                : `Exported ${count(progress.done)} of ${count(progress.total)} ${noun}…`}
          </span>
        </div>
      ) : null}
      {progress.phase === 'failed' ? (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900">
          {progress.message}
        </p>
      ) : null}
    </div>
  );
}
