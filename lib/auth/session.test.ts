import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createMember, createTeam, uniqueSuffix } from '@/lib/testing/factories';
import { hasDatabase, testPrisma } from '@/lib/testing/database';

// The cookie is Auth.js's; these tests hand memberOfSession the claims a cookie would carry.
vi.mock('@/lib/auth/config', () => ({ auth: async () => null }));

/** When a session stops being accepted, against the database `npm test` made. */
describe.skipIf(!hasDatabase)('sessions', async () => {
  const prisma = hasDatabase ? testPrisma() : (undefined as never);
  const { memberOfSession } = await import('@/lib/auth/session');
  const { endSession, SESSION_MAX_AGE_SECONDS } = await import('@/lib/auth/session-end');
  afterAll(() => prisma.$disconnect());

  async function member() {
    const suffix = uniqueSuffix();
    const team = await createTeam(prisma, { name: `Sessions ${suffix}`, slug: `sessions-${suffix}` });
    return createMember(prisma, team, 'Mia', 'checker');
  }
  const signedIn = (uid: string, at = Math.floor(Date.now() / 1000)) => ({ uid, sv: 0, sid: randomBytes(18).toString('base64url'), at });

  it('ends the one session signed out of, from any copy of its cookie, and no other', async () => {
    const mia = await member();
    const [laptop, phone] = [signedIn(mia.id), signedIn(mia.id)];
    expect(await memberOfSession(laptop)).toEqual(mia);
    await endSession(prisma, laptop);
    await endSession(prisma, laptop);
    expect(await memberOfSession(laptop)).toBeNull();
    expect(await memberOfSession({ ...laptop })).toBeNull();
    expect(await memberOfSession(phone)).toEqual(mia);
  });

  it('ends every session on a removal or a new session version, and shows a role change', async () => {
    const [mia, max] = [await member(), await member()];
    const [miaSession, maxSession] = [signedIn(mia.id), signedIn(max.id)];
    await prisma.user.update({ where: { id: mia.id }, data: { role: 'editor' } });
    expect(await memberOfSession(miaSession)).toEqual({ ...mia, role: 'editor' });
    await prisma.user.update({ where: { id: mia.id }, data: { sessionVersion: { increment: 1 } } });
    expect(await memberOfSession(miaSession)).toBeNull();
    expect(await memberOfSession({ ...signedIn(mia.id), sv: 1 })).toEqual({ ...mia, role: 'editor' });
    await prisma.user.update({ where: { id: max.id }, data: { deactivatedAt: new Date() } });
    expect(await memberOfSession(maxSession)).toBeNull();
  });

  it('lasts 12 hours from sign-in however much it is used, and forgets ended sessions once they would have expired', async () => {
    const mia = await member();
    const session = signedIn(mia.id);
    const endsAt = (session.at + SESSION_MAX_AGE_SECONDS) * 1000;
    expect(await memberOfSession(session, new Date(endsAt - 1_000))).toEqual(mia);
    expect(await memberOfSession(session, new Date(endsAt))).toBeNull();

    const old = signedIn(mia.id, session.at - SESSION_MAX_AGE_SECONDS - 60);
    await prisma.endedSession.create({ data: { id: old.sid, userId: mia.id, expiresAt: new Date((old.at + SESSION_MAX_AGE_SECONDS) * 1000) } });
    await endSession(prisma, session);
    expect(await prisma.endedSession.findMany({ where: { userId: mia.id }, select: { id: true } })).toEqual([{ id: session.sid }]);
  });
});
