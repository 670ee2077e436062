import { afterAll, describe, expect, it, vi } from 'vitest';
import type { SessionUser } from '@/lib/auth/session';
import { createTeam, createUser, uniqueSuffix } from '@/lib/testing/factories';
import { hasDatabase, testPrisma } from '@/lib/testing/database';
import { createWebhookOp, rotateWebhookSecretOp } from '@/lib/operations/webhooks';
import { openWebhookSecret, resealWebhookSecrets, sealWebhookSecret, webhookSecretKey, type SecretKeys } from '@/lib/webhooks/secret-box';

vi.mock('next/cache', () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

const keysOf = (authSecret: string, previous?: string): SecretKeys => ({
  current: webhookSecretKey(authSecret),
  previous: previous ? [webhookSecretKey(previous)] : [],
});
const keys = keysOf('the-auth-secret-of-this-desk');
const secret = 'whsec_0123456789abcdefghijklmnopqrstuvwxyzABCDEFG';

describe('webhook secrets at rest', () => {
  it('seals a secret so that the stored value reveals nothing, and opens it again', () => {
    const sealed = sealWebhookSecret(secret, keys);
    expect(sealed).toMatch(/^enc1:[\w-]+$/);
    expect(sealed).not.toContain(secret.slice(6, 20));
    expect(Buffer.from(sealed.slice(5), 'base64url').toString('latin1')).not.toContain(secret.slice(6, 20));
    expect(openWebhookSecret(sealed, keys)).toEqual({ secret, stale: false });
  });

  it('seals the same secret differently each time (a fresh IV)', () => {
    expect(sealWebhookSecret(secret, keys)).not.toBe(sealWebhookSecret(secret, keys));
  });

  it('derives a key of its own from AUTH_SECRET, not the secret itself', () => {
    expect(webhookSecretKey('the-auth-secret-of-this-desk')).toHaveLength(32);
    expect(webhookSecretKey('the-auth-secret-of-this-desk').equals(Buffer.from('the-auth-secret-of-this-desk'.padEnd(32, '\0')))).toBe(false);
    expect(webhookSecretKey('another-auth-secret-entirely').equals(keys.current)).toBe(false);
  });

  it('refuses to open with another AUTH_SECRET, or a value changed by one byte', () => {
    const sealed = sealWebhookSecret(secret, keys);
    expect(() => openWebhookSecret(sealed, keysOf('another-auth-secret-entirely'))).toThrow(/cannot be opened with this AUTH_SECRET/);
    const box = Buffer.from(sealed.slice(5), 'base64url');
    box[box.length - 1] ^= 1;
    expect(() => openWebhookSecret(`enc1:${box.toString('base64url')}`, keys)).toThrow(/cannot be opened/);
    expect(() => openWebhookSecret('enc1:', keys)).toThrow(/cannot be opened/);
  });

  it('opens a secret sealed under the previous AUTH_SECRET while it is given, and calls it stale', () => {
    const old = sealWebhookSecret(secret, keysOf('the-old-auth-secret-of-desk'));
    const changing = keysOf('the-new-auth-secret-of-desk', 'the-old-auth-secret-of-desk');
    expect(openWebhookSecret(old, changing)).toEqual({ secret, stale: true });
    expect(() => openWebhookSecret(old, keysOf('the-new-auth-secret-of-desk'))).toThrow(/cannot be opened/);
  });

  it('reads a secret stored in the clear (before ADR 0024) as stale', () => {
    expect(openWebhookSecret(secret, keys)).toEqual({ secret, stale: true });
  });
});

describe.skipIf(!hasDatabase)('webhook secrets in the database', () => {
  const prisma = hasDatabase ? testPrisma() : (undefined as never);
  afterAll(() => prisma.$disconnect());

  async function admin(): Promise<SessionUser> {
    const suffix = uniqueSuffix();
    const team = await createTeam(prisma, { name: `Sealed ${suffix}`, slug: `sealed-${suffix}` });
    const user = await createUser(prisma, { teamId: team.id, email: `admin.${suffix}@example.test`, name: 'Ad', role: 'admin' });
    return { ...user, teamName: team.name };
  }
  const shown = (message: string) => message.match(/whsec_[\w-]+/)![0];

  it('stores a new or rotated secret sealed, and shows it once in the clear', async () => {
    const user = await admin();
    const made = shown((await createWebhookOp.run({ url: 'https://hooks.example/sealed', events: ['claim.returned'] }, user)).message);
    const row = await prisma.webhook.findFirstOrThrow({ where: { teamId: user.teamId } });
    expect(row.secret).toMatch(/^enc1:/);
    expect(row.secret).not.toContain(made.slice(6));
    expect(openWebhookSecret(row.secret).secret).toBe(made);

    const rotated = shown((await rotateWebhookSecretOp.run({ webhookId: row.id }, user)).message);
    const after = await prisma.webhook.findUniqueOrThrow({ where: { id: row.id } });
    expect(rotated).not.toBe(made);
    expect(after.secret).not.toContain(rotated.slice(6));
    expect(openWebhookSecret(after.secret).secret).toBe(rotated);
  });

  it('seals the secrets stored in the clear, and those under the previous AUTH_SECRET, once', async () => {
    const user = await admin();
    // The run's own AUTH_SECRET as the new one: the pass seals every team's secrets, and the other test files' must still open.
    const previous = keysOf('the-old-auth-secret-of-desk');
    const changing = keysOf(process.env.AUTH_SECRET!, 'the-old-auth-secret-of-desk');
    const clear = await prisma.webhook.create({ data: { teamId: user.teamId, url: 'https://hooks.example/clear', secret, events: ['claim.returned'] } });
    const old = await prisma.webhook.create({
      data: { teamId: user.teamId, url: 'https://hooks.example/old', secret: sealWebhookSecret(`${secret}-old`, previous), events: ['claim.returned'] },
    });
    const lost = await prisma.webhook.create({
      data: {
        teamId: user.teamId,
        url: 'https://hooks.example/lost',
        secret: sealWebhookSecret('whsec_lost', keysOf('a-key-nobody-has-any-more')),
        events: ['claim.returned'],
      },
    });

    const result = await resealWebhookSecrets(prisma, changing);
    expect(result.resealed).toBeGreaterThanOrEqual(2);
    expect(result.unreadable).toBeGreaterThanOrEqual(1);
    const now = keysOf(process.env.AUTH_SECRET!);
    const read = async (id: string) => (await prisma.webhook.findUniqueOrThrow({ where: { id } })).secret;
    expect(await read(clear.id)).toMatch(/^enc1:/);
    expect(openWebhookSecret(await read(clear.id), now)).toEqual({ secret, stale: false });
    expect(openWebhookSecret(await read(old.id), now)).toEqual({ secret: `${secret}-old`, stale: false });
    expect(await read(lost.id)).toBe(lost.secret);

    // Sealed already: a second pass changes none of this team's secrets.
    const sealed = await prisma.webhook.findMany({ where: { teamId: user.teamId }, orderBy: { id: 'asc' } });
    await resealWebhookSecrets(prisma, changing);
    expect(await prisma.webhook.findMany({ where: { teamId: user.teamId }, orderBy: { id: 'asc' } })).toEqual(sealed);
  });
});
