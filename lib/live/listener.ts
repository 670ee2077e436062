import 'server-only';
import { EventEmitter } from 'node:events';
import pg from 'pg';
import { db } from '@/lib/db';
import { databaseUrl, env } from '@/lib/env';

/**
 * One change feed per app process, shared by every open live-updates stream.
 *
 * On PostgreSQL it LISTENs on `claimdesk_events`, which a trigger on AuditEvent feeds (every
 * change writes an audit event), so an update made on any instance reaches all of them; it
 * reconnects by itself after a dropped connection or a database restart. The embedded PGlite
 * is one session behind a socket and does not deliver notifications to other connections, so
 * there (one app instance by design) the feed polls the audit table once a second (ADR 0008).
 */
export type LiveEvent = {
  teamId: string;
  articleId: string | null;
  claimId: string | null;
  type: string;
  actorId: string | null;
};

const CHANNEL = 'claimdesk_events';
const POLL_MS = 1_000;

class ChangeFeed extends EventEmitter {
  private started = false;
  private stopped = false;

  start() {
    if (this.started) return;
    this.started = true;
    this.setMaxListeners(0);
    if (env.CLAIMDESK_EMBEDDED === '1') void this.poll();
    else void this.listen(0);
  }

  /** Local events that the database does not see (presence), sent to this process's streams. */
  publish(event: LiveEvent) {
    this.emit('event', event);
  }

  private async listen(attempt: number) {
    if (this.stopped) return;
    const client = new pg.Client({ connectionString: databaseUrl() });
    const retry = () => {
      client.removeAllListeners();
      client.end().catch(() => {});
      const delay = Math.min(10_000, 500 * 2 ** attempt);
      setTimeout(() => void this.listen(attempt + 1), delay).unref();
    };
    client.on('error', retry);
    client.on('end', retry);
    client.on('notification', (message) => {
      if (!message.payload) return;
      try {
        this.emit('event', JSON.parse(message.payload) as LiveEvent);
      } catch {
        /* not ours */
      }
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
      attempt = 0;
      // Pages missed whatever happened while the connection was down: tell them to refresh.
      this.emit('event', { teamId: '*', articleId: null, claimId: null, type: 'reconnected', actorId: null } satisfies LiveEvent);
    } catch {
      retry();
    }
  }

  private async poll() {
    let since = new Date();
    while (!this.stopped) {
      await new Promise((r) => setTimeout(r, POLL_MS));
      // Nobody is watching: skip what happens meanwhile rather than replay a backlog later.
      if (this.listenerCount('event') === 0) {
        since = new Date();
        continue;
      }
      try {
        // Bounded by now: an event stamped in the future (imported or backdated data) must not
        // move the cursor past the events that are still to come.
        const until = new Date();
        const events = await db.auditEvent.findMany({
          where: { createdAt: { gt: since, lte: until } },
          orderBy: { createdAt: 'asc' },
          take: 5_000,
          select: { teamId: true, articleId: true, claimId: true, type: true, actorId: true, createdAt: true },
        });
        for (const { createdAt, ...event } of events) {
          since = createdAt;
          this.emit('event', event satisfies LiveEvent);
        }
      } catch {
        /* the database is away; try again next tick */
      }
    }
  }
}

const globalForFeed = globalThis as unknown as { claimdeskFeed?: ChangeFeed };

export function changeFeed(): ChangeFeed {
  globalForFeed.claimdeskFeed ??= new ChangeFeed();
  globalForFeed.claimdeskFeed.start();
  return globalForFeed.claimdeskFeed;
}
