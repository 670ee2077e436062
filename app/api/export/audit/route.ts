import { currentUser } from '@/lib/auth/session';
import { can } from '@/lib/auth/permissions';
import { db } from '@/lib/db';
import { databaseUnavailableResponse, isDatabaseUnavailable } from '@/lib/db/availability';
import { teamAuditExport } from '@/lib/export/audit';
import { exportResponse, jsonError, parseFormat } from '@/lib/export/response';

export const dynamic = 'force-dynamic';

/** The team's audit log as CSV or JSON (`?format=csv|json`), streamed, for admins. */
export async function GET(request: Request) {
  try {
    const user = await currentUser();
    if (!user) return jsonError(401, 'Sign in to export the audit log.');
    if (!can(user, 'team.export')) return jsonError(403, 'Only admins export the audit log.');
    const format = parseFormat(request);
    if (!format) return jsonError(400, 'Choose format=csv or format=json.');
    return exportResponse(format, await teamAuditExport(db, user));
  } catch (err) {
    if (isDatabaseUnavailable(err)) return databaseUnavailableResponse();
    throw err;
  }
}
