import { db } from '@/lib/db';
import { teamVerdictsExport } from '@/lib/export/claims';
import { exportQuery, exportResponse } from '@/lib/export/response';
import { sessionRoute } from '@/lib/http/session-route';

export const dynamic = 'force-dynamic';

/** The team's verdicts (approved or in review) as CSV or JSON (`?format=csv|json`), streamed. */
export const GET = sessionRoute({ does: 'export verdicts', query: exportQuery }, async ({ user, query }) =>
  exportResponse(query.format, await teamVerdictsExport(db, user)),
);
