import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createArticle, createTeam, createUser, uniqueSuffix } from '@/lib/testing/factories';
import { hasDatabase, testPrisma } from '@/lib/testing/database';
import { recordAudit } from '@/lib/audit/record';
import { auditEvent, type AuditEvent } from '@/lib/domain/audit-events';
import { claimDueDeliveries, LEASE_MS, MAX_ATTEMPTS, processDueDeliveries, retryDelayMs } from '@/lib/webhooks/worker';
import { sealWebhookSecret, webhookSecretKey } from '@/lib/webhooks/secret-box';
import { verifySignature } from '@/lib/webhooks/signature';

type Received = { path: string; headers: http.IncomingHttpHeaders; body: string; signed: boolean };

/**
 * The queue against a real database and a receiver on this machine: signed, retried with
 * backoff, written with the change, shared safely by several workers, kept across a restart.
 */
describe.skipIf(!hasDatabase)('webhook deliveries', () => {
  const prisma = hasDatabase ? testPrisma() : (undefined as never);
  const secrets = new Map<string, string>();
  const received: Received[] = [];
  const flakyAnswered = new Set<string>();
  let base = '';
  let server: http.Server;

  // /flaky fails each delivery's first request and accepts the second; /down always fails.
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const path = req.url ?? '';
        const secret = secrets.get(path.split('?')[0]) ?? '';
        received.push({ path, headers: req.headers, body, signed: verifySignature(secret, req.headers['claimdesk-signature'] as string, body) });
        const delivery = String(req.headers['claimdesk-delivery']);
        let status = 200;
        if (path.startsWith('/down')) status = 500;
        if (path.startsWith('/moved')) {
          res.writeHead(307, { location: `/elsewhere${path}` }).end();
          return;
        }
        if (path.startsWith('/flaky') && !flakyAnswered.has(delivery)) {
          flakyAnswered.add(delivery);
          status = 500;
        }
        res.writeHead(status, { 'content-type': 'text/plain' }).end(status === 200 ? 'ok' : 'receiver is down');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await prisma.$disconnect();
  });

  const forDelivery = (id: string) => received.filter((r) => r.headers['claimdesk-delivery'] === id);

  async function desk() {
    const suffix = uniqueSuffix();
    const team = await createTeam(prisma, { name: `Hooks ${suffix}`, slug: `hooks-${suffix}` });
    const editor = await createUser(prisma, { teamId: team.id, email: `ed.${suffix}@example.test`, name: 'Ed', role: 'editor' });
    return { team, editor, suffix };
  }

  /** Stored as the app stores it, sealed (ADR 0024); `stored` for one as an older desk stored it, or sealed with another key. */
  async function webhook(teamId: string, path: string, events: string[], active = true, stored = sealWebhookSecret) {
    const secret = `whsec_${uniqueSuffix()}`;
    secrets.set(path, secret);
    return prisma.webhook.create({ data: { teamId, url: `${base}${path}`, secret: stored(secret), events, active } });
  }

  it('queues with the change, fails once, waits out the backoff, then delivers the signed payload', async () => {
    const { team, editor, suffix } = await desk();
    const other = await desk();
    const hook = await webhook(team.id, `/flaky-${suffix}`, ['article.imported']);
    const unsubscribed = await webhook(team.id, `/ok-assigned-${suffix}`, ['claim.assigned']);
    const disabled = await webhook(team.id, `/ok-disabled-${suffix}`, ['article.imported'], false);
    const otherTeams = await webhook(other.team.id, `/ok-other-${suffix}`, ['article.imported']);

    const article = await createArticle(prisma, { teamId: team.id, actorId: editor.id, text: 'Hook Title\n\nOne rose 4%. Two fell 3%.' });
    const deliveries = await prisma.webhookDelivery.findMany({ where: { webhookId: { in: [hook.id, unsubscribed.id, disabled.id, otherTeams.id] } } });
    expect(deliveries.map((d) => [d.webhookId, d.event, d.status])).toEqual([[hook.id, 'article.imported', 'PENDING']]);
    const [queued] = deliveries;
    expect(queued.payload).toMatchObject({
      id: queued.id,
      event: 'article.imported',
      team: { id: team.id },
      data: { articleId: article.id, claimId: null, title: 'Hook Title', claims: 2 },
    });
    expect(JSON.stringify(queued.payload)).not.toContain('@example.test');

    const t0 = new Date(Date.now() + 1_000);
    await processDueDeliveries(prisma, { now: t0 });
    let row = await prisma.webhookDelivery.findUniqueOrThrow({ where: { id: queued.id } });
    expect(row).toMatchObject({ status: 'PENDING', attempts: 1, lastStatusCode: 500, deliveredAt: null });
    expect(row.lastError).toContain('HTTP 500: receiver is down');
    expect(row.nextAttemptAt.getTime()).toBe(t0.getTime() + retryDelayMs(1));
    expect(forDelivery(queued.id)).toHaveLength(1);

    // Before the retry is due nothing is sent.
    await processDueDeliveries(prisma, { now: new Date(row.nextAttemptAt.getTime() - 1) });
    expect(forDelivery(queued.id)).toHaveLength(1);

    await processDueDeliveries(prisma, { now: row.nextAttemptAt });
    row = await prisma.webhookDelivery.findUniqueOrThrow({ where: { id: queued.id } });
    expect(row).toMatchObject({ status: 'SUCCEEDED', attempts: 2, lastStatusCode: 200, lastError: null });
    expect(row.deliveredAt).not.toBeNull();

    const requests = forDelivery(queued.id);
    expect(requests).toHaveLength(2);
    for (const request of requests) {
      expect(request.signed).toBe(true);
      expect(request.headers['content-type']).toBe('application/json');
      expect(request.headers['claimdesk-event']).toBe('article.imported');
      expect(JSON.parse(request.body)).toEqual(row.payload);
    }
    expect(received.filter((r) => [unsubscribed.url, disabled.url, otherTeams.url].some((u) => u.endsWith(r.path)))).toHaveLength(0);

    // Sent is sent: a later round does not repeat it.
    await processDueDeliveries(prisma, { now: new Date(row.nextAttemptAt.getTime() + LEASE_MS * 10) });
    expect(forDelivery(queued.id)).toHaveLength(2);
  });

  it('signs with a secret stored in the clear by an older desk', async () => {
    const { team, editor, suffix } = await desk();
    await webhook(team.id, `/ok-clear-${suffix}`, ['claim.assigned'], true, (s) => s);
    await prisma.$transaction((tx) =>
      recordAudit(tx, { teamId: team.id, actorId: editor.id, event: auditEvent('claim.assigned', { assignee: 'Cy', dueAt: null }) }),
    );
    const queued = await prisma.webhookDelivery.findFirstOrThrow({ where: { teamId: team.id } });
    await processDueDeliveries(prisma, { now: new Date(Date.now() + 1_000) });
    expect(await prisma.webhookDelivery.findUniqueOrThrow({ where: { id: queued.id } })).toMatchObject({ status: 'SUCCEEDED' });
    expect(forDelivery(queued.id).map((r) => r.signed)).toEqual([true]);
  });

  it('fails a delivery whose secret no key opens with the reason, and sends nothing unsigned', async () => {
    const { team, editor, suffix } = await desk();
    const otherKey = { current: webhookSecretKey('an-auth-secret-since-replaced'), previous: [] };
    await webhook(team.id, `/ok-lost-key-${suffix}`, ['claim.assigned'], true, (s) => sealWebhookSecret(s, otherKey));
    await prisma.$transaction((tx) =>
      recordAudit(tx, { teamId: team.id, actorId: editor.id, event: auditEvent('claim.assigned', { assignee: 'Cy', dueAt: null }) }),
    );
    const queued = await prisma.webhookDelivery.findFirstOrThrow({ where: { teamId: team.id } });
    await processDueDeliveries(prisma, { now: new Date(Date.now() + 1_000) });
    const row = await prisma.webhookDelivery.findUniqueOrThrow({ where: { id: queued.id } });
    expect(row).toMatchObject({ status: 'PENDING', attempts: 1, lastStatusCode: null });
    expect(row.lastError).toMatch(/cannot be opened with this AUTH_SECRET.*Rotate/);
    expect(forDelivery(queued.id)).toHaveLength(0);
  });

  it('counts a redirect as a failure and sends nothing to where it points', async () => {
    const { team, editor, suffix } = await desk();
    await webhook(team.id, `/moved-${suffix}`, ['claim.assigned']);
    await prisma.$transaction((tx) =>
      recordAudit(tx, { teamId: team.id, actorId: editor.id, event: auditEvent('claim.assigned', { assignee: 'Cy', dueAt: null }) }),
    );
    const queued = await prisma.webhookDelivery.findFirstOrThrow({ where: { teamId: team.id } });
    await processDueDeliveries(prisma, { now: new Date(Date.now() + 1_000) });
    const row = await prisma.webhookDelivery.findUniqueOrThrow({ where: { id: queued.id } });
    expect(row).toMatchObject({ status: 'PENDING', attempts: 1, lastStatusCode: 307 });
    expect(row.lastError).toBe(`Redirected to ${base}/elsewhere/moved-${suffix}; register the final address instead.`);
    expect(forDelivery(queued.id).map((r) => r.path)).toEqual([`/moved-${suffix}`]);
  });

  it('doubles the wait after each failure and gives up after the last attempt', async () => {
    const { team, editor, suffix } = await desk();
    await webhook(team.id, `/down-${suffix}`, ['claim.assigned']);
    await prisma.$transaction((tx) =>
      recordAudit(tx, { teamId: team.id, actorId: editor.id, event: auditEvent('claim.assigned', { assignee: 'Cy', dueAt: null }) }),
    );
    const queued = await prisma.webhookDelivery.findFirstOrThrow({ where: { teamId: team.id } });

    let now = new Date(Date.now() + 1_000);
    const waits: number[] = [];
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      await processDueDeliveries(prisma, { now });
      const row = await prisma.webhookDelivery.findUniqueOrThrow({ where: { id: queued.id } });
      expect(row.attempts).toBe(attempt);
      expect(row.status).toBe(attempt === MAX_ATTEMPTS ? 'FAILED' : 'PENDING');
      waits.push(row.nextAttemptAt.getTime() - now.getTime());
      now = row.nextAttemptAt;
    }
    expect(waits.slice(0, 3)).toEqual([retryDelayMs(1), 2 * retryDelayMs(1), 4 * retryDelayMs(1)]);
    await processDueDeliveries(prisma, { now: new Date(now.getTime() + LEASE_MS * 1_000) });
    expect(forDelivery(queued.id)).toHaveLength(MAX_ATTEMPTS);
    expect(forDelivery(queued.id).every((r) => r.signed)).toBe(true);
  });

  it('writes nothing when the change is rolled back, and never sends private fields', async () => {
    const { team, editor, suffix } = await desk();
    const hook = await webhook(team.id, `/ok-${suffix}`, ['claim.assigned', 'claim.returned']);
    await expect(
      prisma.$transaction(async (tx) => {
        await recordAudit(tx, { teamId: team.id, actorId: editor.id, event: auditEvent('claim.assigned', { assignee: 'Cy', dueAt: null }) });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await prisma.webhookDelivery.count({ where: { webhookId: hook.id } })).toBe(0);

    await prisma.$transaction(async (tx) => {
      await recordAudit(tx, { teamId: team.id, actorId: editor.id, event: auditEvent('claim.notes_updated', { length: 3, version: 1 }) });
      await recordAudit(tx, {
        teamId: team.id,
        actorId: editor.id,
        // More than the vocabulary's data, on purpose: whatever an event carries, private keys never leave.
        event: {
          type: 'review.returned',
          data: { comment: 'Needs a source.', email: 'ed@example.test', notes: 'private', reviewer: { passwordHash: 'x', name: 'Ed' } },
        } as unknown as AuditEvent,
      });
    });
    const [queued, ...more] = await prisma.webhookDelivery.findMany({ where: { webhookId: hook.id } });
    expect(more).toHaveLength(0);
    expect(queued.event).toBe('claim.returned');
    expect((queued.payload as { data: unknown }).data).toEqual({ articleId: null, claimId: null, comment: 'Needs a source.', reviewer: { name: 'Ed' } });
  });

  it('a delivery claimed by a worker that died is sent by a fresh one once its lease runs out', async () => {
    const { team, editor, suffix } = await desk();
    await webhook(team.id, `/ok-crash-${suffix}`, ['verdict.approved']);
    await prisma.$transaction((tx) => recordAudit(tx, { teamId: team.id, actorId: editor.id, event: auditEvent('review.approved', { comment: '' }) }));
    const queued = await prisma.webhookDelivery.findFirstOrThrow({ where: { teamId: team.id } });

    const now = new Date(Date.now() + 1_000);
    const taken = await claimDueDeliveries(prisma, { now, leaseUntil: new Date(now.getTime() + LEASE_MS), limit: 1_000 });
    expect(taken.map((d) => d.id)).toContain(queued.id);
    // …and that worker's process ends here, before sending. After a restart:
    const restarted = testPrisma();
    try {
      await processDueDeliveries(restarted, { now });
      expect(forDelivery(queued.id)).toHaveLength(0);
      await processDueDeliveries(restarted, { now: new Date(now.getTime() + LEASE_MS) });
    } finally {
      await restarted.$disconnect();
    }
    expect(forDelivery(queued.id)).toHaveLength(1);
    expect(await prisma.webhookDelivery.findUniqueOrThrow({ where: { id: queued.id } })).toMatchObject({ status: 'SUCCEEDED', attempts: 1 });
  });

  it('two workers running at once send each delivery once', async () => {
    const { team, editor, suffix } = await desk();
    await webhook(team.id, `/ok-pair-${suffix}`, ['claim.assigned']);
    await prisma.$transaction(async (tx) => {
      for (let i = 0; i < 6; i++)
        await recordAudit(tx, { teamId: team.id, actorId: editor.id, event: auditEvent('claim.assigned', { assignee: `Cy ${i}`, dueAt: null }) });
    });
    const ids = (await prisma.webhookDelivery.findMany({ where: { teamId: team.id }, select: { id: true } })).map((d) => d.id);
    expect(ids).toHaveLength(6);

    const second = testPrisma();
    try {
      const now = new Date(Date.now() + 1_000);
      await Promise.all([
        processDueDeliveries(prisma, { now, limit: 3 }),
        processDueDeliveries(second, { now, limit: 3 }),
        processDueDeliveries(prisma, { now, limit: 3 }),
      ]);
    } finally {
      await second.$disconnect();
    }
    for (const id of ids) expect(forDelivery(id)).toHaveLength(1);
    expect(await prisma.webhookDelivery.count({ where: { teamId: team.id, status: 'SUCCEEDED' } })).toBe(6);
  });
});
