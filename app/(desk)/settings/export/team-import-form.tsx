'use client';

import { startTransition, useActionState, useId, useState, type FormEvent } from 'react';
import { initialFormState, type FormState } from '@/lib/actions/form-state';
import { buttonClass } from '@/components/button-class';

/** next.config.ts lets a server action receive 4 MB; the form fields need a little of it. */
const MAX_UPLOAD_BYTES = 4 * 1024 * 1024 - 64 * 1024;

/** Team exports are JSON and shrink about tenfold; browsers without CompressionStream send them as they are. */
async function packed(file: File): Promise<File> {
  if (typeof CompressionStream === 'undefined') return file;
  const blob = await new Response(file.stream().pipeThrough(new CompressionStream('gzip'))).blob();
  return new File([blob], `${file.name}.gz`, { type: 'application/gzip' });
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/**
 * Imports a team export into this team while it is empty. The file is compressed here before
 * upload so that larger teams fit the action's 4 MB limit; the result stays shown after the
 * page refreshes, since the form stays mounted when the team is no longer empty.
 */
export function TeamImportForm({ action, articles }: { action: (state: FormState, formData: FormData) => Promise<FormState>; articles: number }) {
  const [state, formAction, pending] = useActionState(action, initialFormState);
  const [preparing, setPreparing] = useState(false);
  const [localError, setLocalError] = useState<string | null>(null);
  const id = useId();
  const error = localError ?? state.fieldErrors.file?.join(' ') ?? null;
  const message = localError ?? state.message;
  const ok = !localError && state.ok;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const file = new FormData(event.currentTarget).get('file');
    if (!(file instanceof File) || file.size === 0) {
      setLocalError('Not imported. Choose the team export file (.json) to import.');
      return;
    }
    setLocalError(null);
    setPreparing(true);
    try {
      const upload = await packed(file);
      if (upload.size > MAX_UPLOAD_BYTES) {
        setLocalError(`Not imported. The file is ${mb(upload.size)} even compressed; the import takes up to ${mb(MAX_UPLOAD_BYTES)}.`);
        return;
      }
      const formData = new FormData();
      formData.set('file', upload);
      startTransition(() => formAction(formData));
    } catch {
      setLocalError('Not imported. The file could not be read; choose it again.');
    } finally {
      setPreparing(false);
    }
  }

  const busy = preparing || pending;
  return (
    <form onSubmit={submit} noValidate aria-label="Import a team export" aria-busy={busy}>
      <div aria-live="polite" role="status" className={message ? 'mb-3' : 'sr-only'}>
        {message ? (
          <p
            className={
              ok
                ? 'rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-900'
                : 'rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900'
            }
          >
            {message}
          </p>
        ) : null}
      </div>
      {articles > 0 ? (
        <p className="text-sm text-stone-700">
          This team has {articles.toLocaleString('en-US')} {articles === 1 ? 'article' : 'articles'}. A team export is imported only into an empty team.
        </p>
      ) : (
        <>
          <div className="mb-4">
            <label htmlFor={id} className="mb-1 block text-sm font-medium text-stone-800">
              Team export file
            </label>
            <input
              id={id}
              name="file"
              type="file"
              accept=".json,application/json"
              disabled={busy}
              aria-invalid={error ? true : undefined}
              aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
              className="block w-full text-sm text-stone-900 file:mr-3 file:rounded-md file:border file:border-stone-300 file:bg-white file:px-3 file:py-1.5"
            />
            <p id={`${id}-hint`} className="mt-1 text-xs text-stone-500">
              The .json file from “Download team export”. Members are matched by email; everything is imported or nothing is.
            </p>
            {error ? (
              <p id={`${id}-error`} className="mt-1 text-sm text-red-700">
                {error}
              </p>
            ) : null}
          </div>
          <div className="flex items-center gap-3">
            <button type="submit" className={buttonClass('primary')} disabled={busy} aria-disabled={busy}>
              {busy ? <span aria-hidden="true" className="h-3.5 w-3.5 animate-spin rounded-full border-2 border-current border-r-transparent" /> : null}
              {busy ? 'Importing…' : 'Import team export'}
            </button>
            {busy ? (
              <span className="flex items-center gap-2 text-sm text-stone-700">
                <progress aria-label="Import progress" className="h-2 w-32 accent-blue-700" />
                {preparing ? 'Compressing the file…' : 'Uploading and importing; a large team takes a minute…'}
              </span>
            ) : null}
          </div>
        </>
      )}
    </form>
  );
}
