import { currentUser } from '@/lib/auth/session';
import { can } from '@/lib/auth/permissions';
import { db } from '@/lib/db';
import { exportTeam, teamExportFilename } from '@/lib/export/team';
import { attachment, jsonError } from '@/lib/export/response';

export const dynamic = 'force-dynamic';

/** The whole team as one versioned JSON document (lib/export/team.ts), for admins. */
export async function GET() {
  const user = await currentUser();
  if (!user) return jsonError(401, 'Sign in to export the team.');
  if (!can(user, 'team.export')) return jsonError(403, 'Only admins export the team.');
  const doc = await exportTeam(db, user.teamId);
  return new Response(JSON.stringify(doc), {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': attachment(teamExportFilename(doc)),
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
