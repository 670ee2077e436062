import 'server-only';
import { cache } from 'react';
import { redirect } from 'next/navigation';
import { auth } from '@/lib/auth/config';
import { sessionExpired, type SessionClaims } from '@/lib/auth/session-end';
import { db } from '@/lib/db';
import type { Role } from '@/lib/auth/permissions';

export type SessionUser = {
  id: string;
  name: string;
  email: string;
  role: Role;
  teamId: string;
  teamName: string;
};

/** The claims of the request's session cookie (its signature checked by Auth.js), or null; not checked against the database. */
export async function sessionClaims(): Promise<SessionClaims | null> {
  const session = await auth();
  const uid = session?.user?.id;
  if (!session || !uid || !session.sid || session.at === undefined) return null;
  return { uid, sv: session.sv ?? 0, sid: session.sid, at: session.at };
}

/**
 * The member a session belongs to as the database has them now, or null once the session has
 * ended: signed out (EndedSession), past its 12 hours, or every session of theirs ended by a
 * removal (deactivatedAt) or a bumped session version (removal, password reset). A role change
 * shows in the result. Open live streams call it again every so often (app/api/events).
 */
export async function memberOfSession(claims: SessionClaims, now = new Date()): Promise<SessionUser | null> {
  if (sessionExpired(claims.at, now)) return null;
  const user = await db.user.findUnique({
    where: { id: claims.uid },
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      teamId: true,
      sessionVersion: true,
      deactivatedAt: true,
      team: { select: { name: true } },
      endedSessions: { where: { id: claims.sid }, select: { id: true } },
    },
  });
  if (!user || user.deactivatedAt || user.sessionVersion !== claims.sv || user.endedSessions.length > 0) return null;
  return { id: user.id, name: user.name, email: user.email, role: user.role, teamId: user.teamId, teamName: user.team.name };
}

/** The request's session and its member, both null unless the session is still good. Cached per request. */
export const currentSession = cache(async (): Promise<{ claims: SessionClaims; user: SessionUser } | null> => {
  const claims = await sessionClaims();
  const user = claims ? await memberOfSession(claims) : null;
  return claims && user ? { claims, user } : null;
});

/** The signed-in user as the database has them now (memberOfSession), or null. Cached per request. */
export const currentUser = cache(async (): Promise<SessionUser | null> => (await currentSession())?.user ?? null);

/** For pages: the signed-in user, or a redirect to the sign-in page. */
export async function requireUser(): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect('/login');
  return user;
}
