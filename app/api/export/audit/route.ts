import { db } from '@/lib/db';
import { teamAuditExport } from '@/lib/export/audit';
import { exportQuery, exportResponse } from '@/lib/export/response';
import { sessionRoute } from '@/lib/http/session-route';

export const dynamic = 'force-dynamic';

/** The team's audit log as CSV or JSON (`?format=csv|json`), streamed, for admins. */
export const GET = sessionRoute({ does: 'export the audit log', permission: 'team.export', query: exportQuery }, async ({ user, query }) =>
  exportResponse(query.format, await teamAuditExport(db, user)),
);
