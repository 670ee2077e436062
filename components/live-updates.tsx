'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';

type Props = {
  /** Refresh on changes to this article's claims. */
  articleId?: string;
  /** Refresh on changes to this claim, and count the viewer as having it open. */
  claimId?: string;
  /** Refresh on any change in the team (queues, dashboards). */
  anyChange?: boolean;
};

/**
 * Keeps a server-rendered page current: listens to /api/events and re-renders the page from
 * the server (router.refresh) shortly after a relevant change. What the user is typing in a
 * form is not touched by a refresh.
 */
export function LiveUpdates({ articleId, claimId, anyChange = false }: Props) {
  const router = useRouter();
  const [state, setState] = useState<'connecting' | 'live' | 'reconnecting'>('connecting');

  useEffect(() => {
    const source = new EventSource(claimId ? `/api/events?claim=${encodeURIComponent(claimId)}` : '/api/events');
    let timer: ReturnType<typeof setTimeout> | undefined;
    const refreshSoon = () => {
      clearTimeout(timer);
      timer = setTimeout(() => router.refresh(), 250);
    };
    source.onopen = () => setState('live');
    source.onerror = () => setState('reconnecting');
    source.addEventListener('change', (message) => {
      const event = JSON.parse((message as MessageEvent<string>).data) as { articleId: string | null; claimId: string | null; type: string };
      const relevant =
        anyChange ||
        event.type === 'reconnected' ||
        // The stream ended with the viewer's session or role: the refreshed page says what now.
        event.type === 'session' ||
        (articleId !== undefined && event.articleId === articleId) ||
        (claimId !== undefined && event.claimId === claimId);
      if (relevant) refreshSoon();
    });
    return () => {
      clearTimeout(timer);
      source.close();
    };
  }, [router, articleId, claimId, anyChange]);

  return (
    <p className="flex items-center gap-1.5 text-xs text-stone-500" role="status">
      <span aria-hidden="true" className={`inline-block h-2 w-2 rounded-full ${state === 'live' ? 'bg-emerald-500' : 'bg-amber-400'}`} />
      {state === 'live' ? 'Live: changes by others appear here' : state === 'reconnecting' ? 'Reconnecting to live updates…' : 'Connecting to live updates…'}
    </p>
  );
}
