import { z } from 'zod';
import { db } from '@/lib/db';
import { articleClaimsExport } from '@/lib/export/claims';
import { exportQuery, exportResponse } from '@/lib/export/response';
import { RouteError, sessionRoute } from '@/lib/http/session-route';
import { id } from '@/lib/validation/fields';

export const dynamic = 'force-dynamic';

/** An article's claims as CSV or JSON (`?format=csv|json`), streamed; another team's article is a 404. */
export const GET = sessionRoute({ does: 'export claims', params: z.object({ articleId: id }), query: exportQuery }, async ({ user, params, query }) => {
  const spec = await articleClaimsExport(db, user, params.articleId);
  if (!spec) throw new RouteError(404, 'That article does not exist or is not in your team.');
  return exportResponse(query.format, spec);
});
