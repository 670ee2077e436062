'use client';

import { useState } from 'react';
import { ActionForm, Field, SubmitButton } from '@/components/form';
import { importArticleAction } from '@/lib/actions/articles';
import { ARTICLE_LANGUAGES } from '@/lib/domain/languages';

const MAX_BYTES = 2 * 1024 * 1024;

export function ImportForm({ articleId }: { articleId?: string }) {
  const [fileError, setFileError] = useState('');
  return (
    <ActionForm action={importArticleAction} className="grid gap-6 lg:grid-cols-[2fr_1fr]" encType="multipart/form-data">
      <div className="rounded-lg border border-stone-200 bg-white p-5 shadow-sm">
        {articleId ? <input type="hidden" name="articleId" value={articleId} /> : null}
        <Field name="text" label="Article text" as="textarea" rows={16} hint="Paste the full text, title line included. Up to 2 MB." />
        <Field
          name="file"
          label="Or upload a file"
          type="file"
          accept=".txt,.md,.markdown,text/plain,text/markdown"
          hint="A .txt or .md file replaces the pasted text."
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            setFileError(file && file.size > MAX_BYTES ? 'The file is larger than 2 MB. Split it or trim it.' : '');
          }}
        />
        {fileError ? (
          <p role="alert" className="-mt-2 mb-4 text-sm text-red-700">
            {fileError}
          </p>
        ) : null}
      </div>
      <div className="rounded-lg border border-stone-200 bg-white p-5 shadow-sm">
        <h2 className="mb-3 text-base font-semibold">Details (optional)</h2>
        <Field name="title" label="Title" hint="Leave empty to use the first line." />
        <Field name="sourceUrl" label="Source URL" type="url" placeholder="https://" />
        <Field name="outlet" label="Outlet" />
        <Field name="author" label="Author" />
        <Field name="publishedAt" label="Publication date" type="date" />
        <Field name="language" label="Language" as="select" defaultValue="" hint="Sets the sentence rules. Detected from the text when left on automatic.">
          <option value="">Detect automatically</option>
          {ARTICLE_LANGUAGES.map(([code, name]) => (
            <option key={code} value={code}>
              {name}
            </option>
          ))}
        </Field>
        <SubmitButton pendingText="Importing…" disabled={Boolean(fileError)}>
          {articleId ? 'Import new version' : 'Import article'}
        </SubmitButton>
      </div>
    </ActionForm>
  );
}
