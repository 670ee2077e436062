import 'server-only';
import type { EventEmitter } from 'node:events';
import type { SessionUser } from '@/lib/auth/session';
import type { LiveEvent } from '@/lib/live/listener';

/**
 * The body of one /api/events stream: the viewer's team's `change` events, a heartbeat, and a
 * check of the viewer every `recheckMs` (and at once on a team event: a removal, a role change
 * or a password reset). The stream closes when the session has ended (signed out, expired),
 * the member was removed, or their role or team changed; a last `change` of type `session`
 * tells the page to refresh (it then shows the sign-in page, or the new role's view). Events
 * go out in order, and none after a check that ends the stream. ADR 0008, ADR 0023.
 */
export type LiveStreamOptions = {
  user: SessionUser;
  feed: Pick<EventEmitter, 'on' | 'off'>;
  /** The member as the database has them now; null once the session or membership has ended. */
  recheck: () => Promise<SessionUser | null>;
  recheckMs: number;
  heartbeatMs: number;
  /** Presence on a claim: on opening, on every heartbeat, on closing. */
  presence?: { arrive: () => Promise<void>; stay: () => Promise<void>; leave: () => Promise<void> };
  signal: AbortSignal;
};

const SESSION_CHANGED = { articleId: null, claimId: null, type: 'session' } as const;

export function liveStream({ user, feed, recheck, recheckMs, heartbeatMs, presence, signal }: LiveStreamOptions): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let cleanup = () => {};
  return new ReadableStream<Uint8Array>({
    start(controller) {
      let closed = false;
      const write = (text: string) => {
        if (closed) return;
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          cleanup();
        }
      };
      const send = (data: Pick<LiveEvent, 'articleId' | 'claimId' | 'type'>) =>
        write(`event: change\ndata: ${JSON.stringify({ articleId: data.articleId, claimId: data.claimId, type: data.type })}\n\n`);

      // One queue for events and checks, so that nothing is sent after a check that ends the stream.
      let queue = Promise.resolve();
      const enqueue = (work: () => Promise<unknown>) => {
        queue = queue
          .then(async () => {
            if (!closed) await work();
          })
          .catch(() => {});
      };
      const stillTheSame = async () => {
        let now: SessionUser | null;
        try {
          now = await recheck();
        } catch {
          // The database is away: keep the stream (its outage is not the viewer's), the next check decides.
          return true;
        }
        return now !== null && now.id === user.id && now.teamId === user.teamId && now.role === user.role;
      };
      const check = async () => {
        if (await stillTheSame()) return true;
        send(SESSION_CHANGED);
        cleanup();
        return false;
      };

      const onEvent = (event: LiveEvent) => {
        // Only the viewer's own team, ever.
        if (event.teamId !== user.teamId && event.teamId !== '*') return;
        enqueue(async () => {
          if (event.type.startsWith('team.') && !(await check())) return;
          send(event);
        });
      };
      feed.on('event', onEvent);
      write('retry: 1000\n: connected\n\n');
      void presence?.arrive().catch(() => {});
      const heartbeat = setInterval(() => {
        write(': ping\n\n');
        void presence?.stay().catch(() => {});
      }, heartbeatMs);
      const rechecks = setInterval(() => enqueue(check), recheckMs);
      cleanup = () => {
        if (closed) return;
        closed = true;
        clearInterval(heartbeat);
        clearInterval(rechecks);
        feed.off('event', onEvent);
        void presence?.leave().catch(() => {});
        try {
          controller.close();
        } catch {
          /* already closed */
        }
      };
      signal.addEventListener('abort', () => cleanup());
    },
    cancel() {
      cleanup();
    },
  });
}
