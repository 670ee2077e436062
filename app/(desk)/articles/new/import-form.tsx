'use client';

import { useState } from 'react';
import { useFormStatus } from 'react-dom';
import { ActionForm, Field, SubmitButton } from '@/components/form';
import { importArticleAction } from '@/lib/actions/articles';
import { ARTICLE_LANGUAGES } from '@/lib/domain/languages';
import { MAX_ARTICLE_BYTES, MAX_DOCUMENT_BYTES } from '@/lib/validation/article';

const DOCUMENT_FILE = /\.(html?|xhtml|docx)$/i;

function fileSizeError(file: File | undefined): string {
  if (!file) return '';
  if (DOCUMENT_FILE.test(file.name))
    return file.size > MAX_DOCUMENT_BYTES ? 'The file is larger than 3 MB. Save it without images, or as .txt, and try again.' : '';
  return file.size > MAX_ARTICLE_BYTES ? 'The file is larger than 2 MB. Split it or trim it.' : '';
}

/** Says what is happening while the server fetches and imports; fetching a page can take seconds. */
function ImportProgress({ fromUrl }: { fromUrl: boolean }) {
  const { pending } = useFormStatus();
  return (
    <p aria-live="polite" className={pending ? 'mt-3 text-sm text-stone-600' : 'sr-only'}>
      {pending ? (fromUrl ? 'Fetching the page and importing it. This can take up to 10 seconds.' : 'Importing the article…') : ''}
    </p>
  );
}

export function ImportForm({ articleId }: { articleId?: string }) {
  const [fileError, setFileError] = useState('');
  const [importUrl, setImportUrl] = useState('');
  const fromUrl = importUrl.trim() !== '';
  return (
    <ActionForm action={importArticleAction} className="grid gap-6 lg:grid-cols-[2fr_1fr]" encType="multipart/form-data">
      <div className="rounded-lg border border-stone-200 bg-white p-5 shadow-sm">
        {articleId ? <input type="hidden" name="articleId" value={articleId} /> : null}
        <Field
          name="importUrl"
          label="Import from a URL"
          type="url"
          placeholder="https://"
          hint="Claimdesk fetches the page and takes its text, title, author and date. Leave empty to paste or upload instead."
          onChange={(e) => setImportUrl(e.currentTarget.value)}
        />
        <Field name="text" label="Article text" as="textarea" rows={16} hint="Paste the full text, title line included. Up to 2 MB." />
        <Field
          name="file"
          label="Or upload a file"
          type="file"
          accept=".txt,.md,.markdown,.html,.htm,.docx,text/plain,text/markdown,text/html,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
          hint="A .txt, .md, .html or .docx file replaces the pasted text. Web pages and Word documents up to 3 MB."
          onChange={(e) => setFileError(fileSizeError(e.currentTarget.files?.[0]))}
        />
        {fileError ? (
          <p role="alert" className="-mt-2 mb-4 text-sm text-red-700">
            {fileError}
          </p>
        ) : null}
      </div>
      <div className="rounded-lg border border-stone-200 bg-white p-5 shadow-sm">
        <h2 className="mb-3 text-base font-semibold">Details (optional)</h2>
        <Field name="title" label="Title" hint="Leave empty to use the page's title or the first line." />
        <Field name="sourceUrl" label="Source URL" type="url" placeholder="https://" hint="Leave empty to use the imported page's address." />
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
        <SubmitButton pendingText={fromUrl ? 'Fetching and importing…' : 'Importing…'} disabled={Boolean(fileError)}>
          {articleId ? 'Import new version' : 'Import article'}
        </SubmitButton>
        <ImportProgress fromUrl={fromUrl} />
      </div>
    </ActionForm>
  );
}
