import 'server-only';
import type { PrismaClient } from '@/lib/generated/prisma/client';

/**
 * How long a session lasts and how one ends before that (ADR 0023). A session is the `sid` of
 * its JWT: signing out records that id in EndedSession, and lib/auth/session.ts refuses it on
 * every request from then on, from whichever copy of the cookie. A session lasts 12 hours from
 * sign-in however much it is used (Auth.js re-issues the cookie on use, so only the sign-in time
 * it carries bounds it), which is also how long an ended session's row has to be kept.
 */
export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

/** What the session cookie says, once Auth.js has checked its signature. */
export type SessionClaims = {
  /** The user's id. */
  uid: string;
  /** The user's sessionVersion at sign-in: a reset or a removal bumps it and ends every session. */
  sv: number;
  /** This session's own id, made at sign-in. */
  sid: string;
  /** When it signed in, in seconds since the epoch. */
  at: number;
};

export function sessionEndsAt(at: number): Date {
  return new Date((at + SESSION_MAX_AGE_SECONDS) * 1000);
}

export function sessionExpired(at: number, now = new Date()): boolean {
  return sessionEndsAt(at).getTime() <= now.getTime();
}

/** Ends one session for good (ending it twice is harmless), and forgets ended sessions that would have expired by now. */
export async function endSession(prisma: PrismaClient, { sid, uid, at }: Pick<SessionClaims, 'sid' | 'uid' | 'at'>): Promise<void> {
  await prisma.endedSession.createMany({ data: [{ id: sid, userId: uid, expiresAt: sessionEndsAt(at) }], skipDuplicates: true });
  await prisma.endedSession.deleteMany({ where: { expiresAt: { lt: new Date() } } });
}
