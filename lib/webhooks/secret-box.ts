/**
 * Webhook signing secrets at rest (ADR 0024). A webhook's secret must be read back to sign each
 * delivery, so it cannot be hashed like a password; it is stored sealed with AES-256-GCM under
 * a key derived from AUTH_SECRET with HKDF, and opened only by the worker, at the moment it signs
 * (lib/webhooks/worker.ts). The database, and every backup of it, holds `enc1:` + base64url of
 * IV ‖ tag ‖ ciphertext; someone who reads them without AUTH_SECRET cannot forge a delivery.
 *
 * When AUTH_SECRET changes, the old one goes in CLAIMDESK_PREVIOUS_AUTH_SECRET until every app
 * process has started once: secrets sealed with it still open, and each process seals them again
 * with the new key when its webhook worker starts (`resealWebhookSecrets`). A secret stored in
 * the clear (before this change, or restored from an old backup) is sealed the same way.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { env } from '@/lib/env';

const PREFIX = 'enc1:';
const IV_BYTES = 12;
const TAG_BYTES = 16;

export class WebhookSecretError extends Error {}

/** The key webhook secrets are sealed with, from an AUTH_SECRET; each purpose of that secret gets a key of its own. */
export function webhookSecretKey(authSecret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', authSecret, 'claimdesk', 'webhook signing secrets v1', 32));
}

export type SecretKeys = { current: Buffer; previous: Buffer[] };

/** The keys of this process: from AUTH_SECRET, and from CLAIMDESK_PREVIOUS_AUTH_SECRET while a change of it is under way. */
export function processSecretKeys(): SecretKeys {
  if (!env.AUTH_SECRET) throw new WebhookSecretError('AUTH_SECRET is not set, so webhook secrets can be neither sealed nor opened.');
  return {
    current: webhookSecretKey(env.AUTH_SECRET),
    previous: env.CLAIMDESK_PREVIOUS_AUTH_SECRET ? [webhookSecretKey(env.CLAIMDESK_PREVIOUS_AUTH_SECRET)] : [],
  };
}

export function sealWebhookSecret(secret: string, keys: SecretKeys = processSecretKeys()): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', keys.current, iv);
  const sealed = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return `${PREFIX}${Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64url')}`;
}

function openWith(key: Buffer, box: Buffer): string | null {
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, box.subarray(0, IV_BYTES));
    decipher.setAuthTag(box.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(box.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}

/**
 * The secret as stored, opened; `stale` when it should be sealed again with the current key
 * (it was in the clear, or sealed with the previous AUTH_SECRET's key).
 */
export function openWebhookSecret(stored: string, keys: SecretKeys = processSecretKeys()): { secret: string; stale: boolean } {
  if (!stored.startsWith(PREFIX)) return { secret: stored, stale: true };
  const box = Buffer.from(stored.slice(PREFIX.length), 'base64url');
  if (box.length > IV_BYTES + TAG_BYTES) {
    const current = openWith(keys.current, box);
    if (current !== null) return { secret: current, stale: false };
    for (const key of keys.previous) {
      const previous = openWith(key, box);
      if (previous !== null) return { secret: previous, stale: true };
    }
  }
  throw new WebhookSecretError(
    'The signing secret cannot be opened with this AUTH_SECRET (was it changed without CLAIMDESK_PREVIOUS_AUTH_SECRET?). Rotate the webhook’s secret and give the new one to the receiver.',
  );
}

/**
 * Seals again every webhook secret that is in the clear or under the previous key; run once by
 * each process's webhook worker. Conditional on the value read, so that processes starting at
 * once, or a rotation meanwhile, never have one overwrite another. Secrets that open with no
 * key are left alone: their deliveries fail with a reason until an admin rotates them.
 */
export async function resealWebhookSecrets(db: PrismaClient, keys: SecretKeys = processSecretKeys()): Promise<{ resealed: number; unreadable: number }> {
  // Without a previous key, only secrets in the clear can be stale.
  const hooks = await db.webhook.findMany({
    where: keys.previous.length ? {} : { NOT: { secret: { startsWith: PREFIX } } },
    select: { id: true, secret: true },
  });
  let resealed = 0;
  let unreadable = 0;
  for (const hook of hooks) {
    let opened: { secret: string; stale: boolean };
    try {
      opened = openWebhookSecret(hook.secret, keys);
    } catch {
      unreadable += 1;
      continue;
    }
    if (!opened.stale) continue;
    const { count } = await db.webhook.updateMany({ where: { id: hook.id, secret: hook.secret }, data: { secret: sealWebhookSecret(opened.secret, keys) } });
    resealed += count;
  }
  return { resealed, unreadable };
}
