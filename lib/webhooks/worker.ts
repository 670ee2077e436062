/**
 * Sends queued webhook deliveries, one round at a time; every app process runs rounds in its
 * loop (lib/jobs/webhook-delivery.ts). Several processes share the queue safely: a delivery is
 * claimed with `FOR UPDATE SKIP LOCKED` in one statement that also moves its `nextAttemptAt`
 * forward as a lease, so no other worker takes it while it is being sent, and a worker that
 * dies mid-send only delays it until the lease runs out. Delivery is at least once: receivers
 * dedupe on `Claimdesk-Delivery`. See docs/decisions/0010-webhooks.md.
 */
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { env } from '@/lib/env';
import { sqlTimestamp } from '@/lib/db/sql';
import { safeFetch, SafeFetchError } from '@/lib/net/safe-fetch';
import { openWebhookSecret, WebhookSecretError } from '@/lib/webhooks/secret-box';
import { SIGNATURE_HEADER, signatureHeader } from '@/lib/webhooks/signature';

export const MAX_ATTEMPTS = 8;
const DELIVERY_TIMEOUT_MS = 10_000;
/** Longer than a send can take, so a lease only runs out when its worker is gone. */
export const LEASE_MS = 60_000;
const BATCH = 20;
const MAX_ERROR_LENGTH = 500;

type ClaimedDelivery = {
  id: string;
  event: string;
  payload: unknown;
  attempts: number;
  url: string;
  /** As stored: sealed (lib/webhooks/secret-box.ts), opened only to sign. */
  secret: string;
};

export type ProcessResult = { sent: number; succeeded: number; retrying: number; failed: number };

/**
 * Takes up to `limit` due deliveries of active webhooks for this worker until `leaseUntil`.
 * One statement, so it holds its row locks only for itself (PGlite's single session included).
 */
export async function claimDueDeliveries(db: PrismaClient, { now, leaseUntil, limit }: { now: Date; leaseUntil: Date; limit: number }) {
  return db.$queryRaw<ClaimedDelivery[]>`
    UPDATE "WebhookDelivery" AS d
       SET "nextAttemptAt" = ${sqlTimestamp(leaseUntil)}
      FROM "Webhook" AS w
     WHERE w.id = d."webhookId"
       AND d.id IN (
         SELECT due.id
           FROM "WebhookDelivery" AS due
           JOIN "Webhook" AS hook ON hook.id = due."webhookId" AND hook.active
          WHERE due.status = 'PENDING' AND due."nextAttemptAt" <= ${sqlTimestamp(now)}
          ORDER BY due."nextAttemptAt"
          LIMIT ${limit}
            FOR UPDATE OF due SKIP LOCKED)
    RETURNING d.id, d.event, d.payload, d.attempts, w.url, w.secret`;
}

type Outcome = { ok: true; status: number } | { ok: false; status: number | null; error: string };

async function send(delivery: ClaimedDelivery, now: Date): Promise<Outcome> {
  const body = JSON.stringify(delivery.payload);
  let signature: string;
  try {
    signature = signatureHeader(openWebhookSecret(delivery.secret).secret, body, now);
  } catch (err) {
    if (err instanceof WebhookSecretError) return { ok: false, status: null, error: err.message };
    throw err;
  }
  try {
    const res = await safeFetch(delivery.url, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'User-Agent': 'Claimdesk-Webhooks/1',
        'Claimdesk-Event': delivery.event,
        'Claimdesk-Delivery': delivery.id,
        [SIGNATURE_HEADER]: signature,
      },
      body,
      timeoutMs: DELIVERY_TIMEOUT_MS,
      maxBytes: 256 * 1024,
      // A webhook answers at its own address: the signed payload goes nowhere else.
      followRedirects: false,
    });
    if (res.status >= 300 && res.status < 400 && res.headers.location) {
      const target = URL.canParse(res.headers.location, delivery.url) ? new URL(res.headers.location, delivery.url).href : res.headers.location;
      return { ok: false, status: res.status, error: `Redirected to ${target}; register the final address instead.` };
    }
    if (res.status >= 200 && res.status < 300) return { ok: true, status: res.status };
    const said = res.body.toString('utf8', 0, 200).replace(/\s+/g, ' ').trim();
    return { ok: false, status: res.status, error: `The receiver answered HTTP ${res.status}${said ? `: ${said}` : '.'}` };
  } catch (err) {
    const message = err instanceof SafeFetchError ? err.message : `Could not send: ${err instanceof Error ? err.message : String(err)}`;
    return { ok: false, status: null, error: message };
  }
}

export function retryDelayMs(attempts: number): number {
  return env.CLAIMDESK_WEBHOOK_RETRY_MS * 2 ** (attempts - 1);
}

async function deliver(db: PrismaClient, delivery: ClaimedDelivery, now: Date, leaseUntil: Date) {
  const outcome = await send(delivery, now);
  const attempts = delivery.attempts + 1;
  const data = outcome.ok
    ? { status: 'SUCCEEDED' as const, attempts, lastStatusCode: outcome.status, lastError: null, deliveredAt: now }
    : {
        status: attempts >= MAX_ATTEMPTS ? ('FAILED' as const) : ('PENDING' as const),
        attempts,
        lastStatusCode: outcome.status,
        lastError: outcome.error.slice(0, MAX_ERROR_LENGTH),
        nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts)),
      };
  // Written only while our lease holds: if it ran out and another worker took the delivery,
  // that worker's result stands.
  await db.webhookDelivery.updateMany({ where: { id: delivery.id, status: 'PENDING', nextAttemptAt: leaseUntil }, data });
  return data.status;
}

/** Sends every due delivery (up to `limit`) once, recording each result and the next retry. */
export async function processDueDeliveries(db: PrismaClient, { now = new Date(), limit = BATCH }: { now?: Date; limit?: number } = {}): Promise<ProcessResult> {
  const leaseUntil = new Date(now.getTime() + LEASE_MS);
  const claimed = await claimDueDeliveries(db, { now, leaseUntil, limit });
  const statuses = await Promise.all(claimed.map((d) => deliver(db, d, now, leaseUntil)));
  return {
    sent: claimed.length,
    succeeded: statuses.filter((s) => s === 'SUCCEEDED').length,
    retrying: statuses.filter((s) => s === 'PENDING').length,
    failed: statuses.filter((s) => s === 'FAILED').length,
  };
}
