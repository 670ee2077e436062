import { id } from '@/lib/validation/fields';
import { z } from 'zod';
import { memberOfSession, sessionClaims } from '@/lib/auth/session';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { RouteError, sessionRoute } from '@/lib/http/session-route';
import { changeFeed } from '@/lib/live/listener';
import { markAbsent, markPresent } from '@/lib/live/presence';
import { liveStream } from '@/lib/live/stream';

export const dynamic = 'force-dynamic';

const HEARTBEAT_MS = 10_000;

/**
 * Server-sent events: every change in the viewer's team, as `change` events with the article
 * and claim it touched. With `?claim=ID` the viewer also counts as having that claim open.
 * Browsers reconnect an EventSource by themselves; `retry` asks them to do it within a second.
 * The stream closes once the viewer's session or membership ends (lib/live/stream.ts).
 */
export const GET = sessionRoute({ does: 'follow live updates', query: z.object({ claim: id.optional() }) }, async ({ user, query }, request) => {
  const claimId = query.claim ? ((await db.claim.findFirst({ where: { id: query.claim, teamId: user.teamId }, select: { id: true } }))?.id ?? null) : null;
  if (query.claim && !claimId) throw new RouteError(404, 'That claim does not exist or is not in your team.');
  // The cookie sessionRoute just accepted; it is checked again for as long as the stream is open.
  const claims = await sessionClaims();
  if (!claims) throw new Error('sessionRoute let a request without session claims through');

  const stream = liveStream({
    user,
    feed: changeFeed(),
    recheck: () => memberOfSession(claims),
    recheckMs: env.CLAIMDESK_LIVE_RECHECK_MS,
    heartbeatMs: HEARTBEAT_MS,
    presence: claimId
      ? {
          arrive: () => markPresent(user, claimId, { announceIt: true }),
          stay: () => markPresent(user, claimId, { announceIt: false }),
          leave: () => markAbsent(user, claimId),
        }
      : undefined,
    signal: request.signal,
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
