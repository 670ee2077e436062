import 'server-only';
import { cache } from 'react';
import { redirect } from 'next/navigation';
import { auth } from '@/lib/auth/config';
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

/**
 * The signed-in user as the database has them now: a role change takes effect on the next
 * request, and a removal (deactivatedAt) or a bumped session version (removal, password reset)
 * ends every session of theirs at once. Cached per request.
 */
export const currentUser = cache(async (): Promise<SessionUser | null> => {
  const session = await auth();
  const uid = session?.user?.id;
  if (!uid) return null;
  const user = await db.user.findUnique({
    where: { id: uid },
    select: { id: true, name: true, email: true, role: true, teamId: true, sessionVersion: true, deactivatedAt: true, team: { select: { name: true } } },
  });
  if (!user || user.deactivatedAt || user.sessionVersion !== ((session as { sv?: number }).sv ?? 0)) return null;
  return { id: user.id, name: user.name, email: user.email, role: user.role, teamId: user.teamId, teamName: user.team.name };
});

/** For pages: the signed-in user, or a redirect to the sign-in page. */
export async function requireUser(): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect('/login');
  return user;
}
