import { z } from 'zod';
import { db } from '@/lib/db';
import { RouteError, sessionRoute } from '@/lib/http/session-route';
import { changeFeed, type LiveEvent } from '@/lib/live/listener';
import { markAbsent, markPresent } from '@/lib/live/presence';

export const dynamic = 'force-dynamic';

const HEARTBEAT_MS = 10_000;

/**
 * Server-sent events: every change in the viewer's team, as `change` events with the article
 * and claim it touched. With `?claim=ID` the viewer also counts as having that claim open.
 * Browsers reconnect an EventSource by themselves; `retry` asks them to do it within a second.
 */
export const GET = sessionRoute({ does: 'follow live updates', query: z.object({ claim: z.string().optional() }) }, async ({ user, query }, request) => {
  const claimId = query.claim ? ((await db.claim.findFirst({ where: { id: query.claim, teamId: user.teamId }, select: { id: true } }))?.id ?? null) : null;
  if (query.claim && !claimId) throw new RouteError(404, 'That claim does not exist or is not in your team.');

  const feed = changeFeed();
  const encoder = new TextEncoder();
  let cleanup = () => {};
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      const write = (text: string) => {
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          cleanup();
        }
      };
      const onEvent = (event: LiveEvent) => {
        // Only the viewer's own team, ever.
        if (event.teamId !== user.teamId && event.teamId !== '*') return;
        write(`event: change\ndata: ${JSON.stringify({ articleId: event.articleId, claimId: event.claimId, type: event.type })}\n\n`);
      };
      feed.on('event', onEvent);
      write('retry: 1000\n: connected\n\n');
      if (claimId) void markPresent(user, claimId, { announceIt: true }).catch(() => {});
      const heartbeat = setInterval(() => {
        write(': ping\n\n');
        if (claimId) void markPresent(user, claimId, { announceIt: false }).catch(() => {});
      }, HEARTBEAT_MS);
      let closed = false;
      cleanup = () => {
        if (closed) return;
        closed = true;
        clearInterval(heartbeat);
        feed.off('event', onEvent);
        if (claimId) void markAbsent(user, claimId).catch(() => {});
        try {
          controller.close();
        } catch {
          /* already closed */
        }
      };
      request.signal.addEventListener('abort', () => cleanup());
    },
    cancel() {
      cleanup();
    },
  });
  return new Response(stream, {
    headers: {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    },
  });
});
