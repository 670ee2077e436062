import { expect, type Page } from '@playwright/test';

type Live = { received: string[]; opens: number; source: EventSource };

/**
 * Opens /api/events in the page, as the desk's live pages do, and records what it receives:
 * its `change` events, and whether it is open, reconnecting, or closed for good (the browser
 * stops reconnecting once the server refuses it, e.g. with a 401).
 */
export async function followLiveEvents(page: Page) {
  await page.evaluate(() => {
    const source = new EventSource('/api/events');
    const live: Live = { received: [], opens: 0, source };
    (window as unknown as { live: Live }).live = live;
    source.onopen = () => live.opens++;
    source.addEventListener('change', (m) => live.received.push((m as MessageEvent<string>).data));
  });
  await expect.poll(() => page.evaluate(() => (window as unknown as { live: Live }).live.opens)).toBe(1);
  return {
    /** The `change` events so far, without the feed's own "refresh, you may have missed something". */
    changes: () =>
      page.evaluate(() =>
        (window as unknown as { live: Live }).live.received
          .map((data) => JSON.parse(data) as { articleId: string | null; claimId: string | null; type: string })
          .filter((event) => event.type !== 'reconnected'),
      ),
    state: () => page.evaluate(() => ['connecting', 'open', 'closed'][(window as unknown as { live: Live }).live.source.readyState]),
  };
}
