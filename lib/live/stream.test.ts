import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { SessionUser } from '@/lib/auth/session';
import type { LiveEvent } from '@/lib/live/listener';
import { liveStream, type LiveStreamOptions } from '@/lib/live/stream';

const cara: SessionUser = { id: 'u1', name: 'Cara', email: 'cara@example.test', role: 'checker', teamId: 't1', teamName: 'Desk' };
const change = (type: string, teamId = 't1', claimId: string | null = 'c1'): LiveEvent => ({ teamId, articleId: 'a1', claimId, type, actorId: 'u2' });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A stream on a feed of the test's own, and what a browser reading it would see. */
function open(options: Partial<LiveStreamOptions> & Pick<LiveStreamOptions, 'recheck'>) {
  const feed = new EventEmitter();
  const abort = new AbortController();
  const left: string[] = [];
  const stream = liveStream({
    user: cara,
    feed,
    recheckMs: 60 * 60_000,
    heartbeatMs: 60 * 60_000,
    presence: { arrive: async () => {}, stay: async () => {}, leave: async () => void left.push(cara.id) },
    signal: abort.signal,
    ...options,
  });
  const reader = stream.getReader();
  let text = '';
  let closed = false;
  void (async () => {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      text += new TextDecoder().decode(value);
    }
    closed = true;
  })();
  return {
    feed,
    abort,
    left,
    closed: () => closed,
    /** The `change` events received so far, by type and claim. */
    changes: () => [...text.matchAll(/^event: change\ndata: (.*)$/gm)].map((m) => JSON.parse(m[1]) as { type: string; claimId: string | null }),
  };
}

async function until(check: () => boolean, what: string) {
  for (let i = 0; i < 200 && !check(); i++) await sleep(10);
  if (!check()) throw new Error(`Timed out waiting for ${what}.`);
}

describe('liveStream', () => {
  it("sends the viewer's team's changes and the instance's own notices, never another team's", async () => {
    const viewer = open({ recheck: async () => cara });
    viewer.feed.emit('event', change('claim.assigned'));
    viewer.feed.emit('event', change('claim.assigned', 't2', 'elsewhere'));
    viewer.feed.emit('event', { teamId: '*', articleId: null, claimId: null, type: 'reconnected', actorId: null });
    await until(() => viewer.changes().length === 2, 'two changes');
    await sleep(30);
    expect(viewer.changes()).toEqual([
      { articleId: 'a1', claimId: 'c1', type: 'claim.assigned' },
      { articleId: null, claimId: null, type: 'reconnected' },
    ]);
    viewer.abort.abort();
    await until(viewer.closed, 'the stream to close');
    expect(viewer.left).toEqual([cara.id]);
    expect(viewer.feed.listenerCount('event')).toBe(0);
  });

  it('closes at the next check once the member is gone (removed, signed out), and sends nothing after', async () => {
    let member: SessionUser | null = cara;
    const viewer = open({ recheck: async () => member, recheckMs: 50 });
    viewer.feed.emit('event', change('claim.assigned'));
    await until(() => viewer.changes().length === 1, 'the first change');
    await sleep(120);
    expect(viewer.closed()).toBe(false);

    member = null;
    await until(viewer.closed, 'the stream to close');
    viewer.feed.emit('event', change('claim.returned'));
    await sleep(30);
    expect(viewer.changes().map((c) => c.type)).toEqual(['claim.assigned', 'session']);
    expect(viewer.feed.listenerCount('event')).toBe(0);
    expect(viewer.left).toEqual([cara.id]);
  });

  it('checks at once on a team event: a changed role closes the stream before that event or any later one goes out', async () => {
    let member: SessionUser | null = cara;
    const viewer = open({ recheck: async () => member });
    member = { ...cara, role: 'editor' };
    viewer.feed.emit('event', change('team.role_changed', 't1', null));
    viewer.feed.emit('event', change('claim.assigned'));
    await until(viewer.closed, 'the stream to close');
    expect(viewer.changes().map((c) => c.type)).toEqual(['session']);
  });

  it('passes a team event on when the viewer is unchanged, and stays open while the database is away', async () => {
    const viewer = open({
      recheck: async () => {
        throw new Error('Connection terminated');
      },
      recheckMs: 20,
    });
    await sleep(100);
    viewer.feed.emit('event', change('team.member_added', 't1', null));
    await until(() => viewer.changes().length === 1, 'the team event');
    expect(viewer.closed()).toBe(false);
    viewer.abort.abort();

    const other = open({ recheck: async () => ({ ...cara, name: 'Cara Renamed' }) });
    other.feed.emit('event', change('team.member_removed', 't1', null));
    await until(() => other.changes().length === 1, 'the team event');
    expect(other.changes()[0].type).toBe('team.member_removed');
    expect(other.closed()).toBe(false);
    other.abort.abort();
  });
});
