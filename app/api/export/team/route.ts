import { db } from '@/lib/db';
import { exportTeam, teamExportFilename } from '@/lib/export/team';
import { attachment } from '@/lib/export/response';
import { sessionRoute } from '@/lib/http/session-route';

export const dynamic = 'force-dynamic';

/** The whole team as one versioned JSON document (lib/export/team.ts), for admins. */
export const GET = sessionRoute({ does: 'export the team', permission: 'team.export' }, async ({ user }) => {
  const doc = await exportTeam(db, user.teamId);
  return new Response(JSON.stringify(doc), {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': attachment(teamExportFilename(doc)),
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
});
