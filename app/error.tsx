'use client';

import { startTransition, useCallback, useEffect, useState } from 'react';
import { useRouter } from 'next/navigation';

const RECHECK_MS = 3_000;

/**
 * A page that failed to render. In production the browser never sees why, so it asks
 * /api/health: while the database is away it says so and checks again every few seconds,
 * then loads the page again by itself once the database answers (ADR 0016).
 */
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const router = useRouter();
  const [database, setDatabase] = useState<'checking' | 'up' | 'down'>('checking');
  // A page failed from the server: reset() alone would re-render the same error from the client's copy.
  const retry = useCallback(
    () =>
      startTransition(() => {
        router.refresh();
        reset();
      }),
    [router, reset],
  );

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    let wasDown = false;
    async function check() {
      const response = await fetch('/api/health', { cache: 'no-store' }).catch(() => null);
      if (stopped) return;
      if (response?.ok) {
        if (wasDown) retry();
        else setDatabase('up');
        return;
      }
      wasDown = true;
      setDatabase('down');
      timer = setTimeout(check, RECHECK_MS);
    }
    void check();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [retry]);

  const down = database === 'down';
  return (
    <main className="mx-auto max-w-lg px-6 py-24 text-center">
      <h1 className="font-serif text-3xl font-semibold">{down ? 'Temporarily unavailable' : 'Something went wrong'}</h1>
      <p role="status" aria-live="polite" className="mt-3 text-stone-600">
        {down
          ? 'Claimdesk cannot reach its database right now. Nothing you saved is lost. This page loads again by itself as soon as the database is back.'
          : 'The desk could not load this page. Nothing you saved is lost. Try again in a moment.'}
      </p>
      <button type="button" onClick={retry} className="mt-6 rounded-md bg-blue-700 px-4 py-2 text-sm font-medium text-white hover:bg-blue-800">
        Try again
      </button>
    </main>
  );
}
