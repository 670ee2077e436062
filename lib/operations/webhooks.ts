import 'server-only';
import { revalidatePath } from 'next/cache';
import { db } from '@/lib/db';
import { recordAudit } from '@/lib/audit/record';
import { auditEvent } from '@/lib/domain/audit-events';
import { InvalidStateError, NotFoundError } from '@/lib/operations/errors';
import { operation } from '@/lib/operations/operation';
import type { SessionUser } from '@/lib/auth/session';
import type { Prisma } from '@/lib/generated/prisma/client';
import { createWebhookSchema, webhookRefSchema } from '@/lib/validation/webhooks';
import { sealWebhookSecret } from '@/lib/webhooks/secret-box';
import { newWebhookSecret } from '@/lib/webhooks/signature';

const PAGE = '/settings/webhooks';
const MAX_WEBHOOKS = 20;

/** The secret is shown in this message and nowhere else, ever; the database holds it sealed (ADR 0024). */
const secretMessage = (lead: string, secret: string) => `${lead} Copy its signing secret now; it is not shown again: ${secret}`;

/** Audit events name the host only: a webhook URL often carries a token in its path. */
const hostOf = (url: string) => new URL(url).host;

async function loadWebhook(tx: Prisma.TransactionClient, user: SessionUser, webhookId: string) {
  const hook = await tx.webhook.findFirst({ where: { id: webhookId, teamId: user.teamId }, select: { id: true, url: true, active: true } });
  if (!hook) throw new NotFoundError();
  return hook;
}

export const createWebhookOp = operation(createWebhookSchema, 'webhook.manage', async ({ url, events }, user) => {
  const secret = newWebhookSecret();
  await db.$transaction(async (tx) => {
    if ((await tx.webhook.count({ where: { teamId: user.teamId } })) >= MAX_WEBHOOKS) {
      throw new InvalidStateError(`A team can have at most ${MAX_WEBHOOKS} webhooks. Delete one first.`);
    }
    const hook = await tx.webhook.create({ data: { teamId: user.teamId, url, secret: sealWebhookSecret(secret), events }, select: { id: true } });
    await recordAudit(tx, { teamId: user.teamId, actorId: user.id, event: auditEvent('webhook.created', { webhookId: hook.id, host: hostOf(url), events }) });
  });
  revalidatePath(PAGE);
  return { message: secretMessage(`Webhook added for ${url}.`, secret) };
});

/** A new secret takes effect at once: deliveries still queued are signed with it. */
export const rotateWebhookSecretOp = operation(webhookRefSchema, 'webhook.manage', async ({ webhookId }, user) => {
  const secret = newWebhookSecret();
  const hook = await db.$transaction(async (tx) => {
    const hook = await loadWebhook(tx, user, webhookId);
    await tx.webhook.update({ where: { id: hook.id }, data: { secret: sealWebhookSecret(secret) } });
    await recordAudit(tx, {
      teamId: user.teamId,
      actorId: user.id,
      event: auditEvent('webhook.updated', { webhookId, host: hostOf(hook.url), change: 'rotated the secret' }),
    });
    return hook;
  });
  revalidatePath(PAGE);
  return { message: secretMessage(`New secret for ${hook.url}.`, secret) };
});

/** A disabled webhook queues nothing new; what was already queued waits until it is enabled again. */
export const toggleWebhookOp = operation(webhookRefSchema, 'webhook.manage', async ({ webhookId }, user) => {
  const active = await db.$transaction(async (tx) => {
    const hook = await loadWebhook(tx, user, webhookId);
    await tx.webhook.update({ where: { id: hook.id }, data: { active: !hook.active } });
    await recordAudit(tx, {
      teamId: user.teamId,
      actorId: user.id,
      event: auditEvent('webhook.updated', { webhookId, host: hostOf(hook.url), change: hook.active ? 'disabled' : 'enabled' }),
    });
    return !hook.active;
  });
  revalidatePath(PAGE);
  return { message: active ? 'Webhook enabled.' : 'Webhook disabled: nothing is sent until you enable it again.' };
});

/** Deleting a webhook deletes its queue and log with it. */
export const deleteWebhookOp = operation(webhookRefSchema, 'webhook.manage', async ({ webhookId }, user) => {
  const hook = await db.$transaction(async (tx) => {
    const hook = await loadWebhook(tx, user, webhookId);
    await tx.webhook.delete({ where: { id: hook.id } });
    await recordAudit(tx, { teamId: user.teamId, actorId: user.id, event: auditEvent('webhook.deleted', { webhookId, host: hostOf(hook.url) }) });
    return hook;
  });
  revalidatePath(PAGE);
  return { message: `Webhook for ${hook.url} deleted.` };
});
