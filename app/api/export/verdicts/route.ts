import { currentUser } from '@/lib/auth/session';
import { db } from '@/lib/db';
import { teamVerdictsExport } from '@/lib/export/claims';
import { exportResponse, jsonError, parseFormat } from '@/lib/export/response';

export const dynamic = 'force-dynamic';

/** The team's verdicts (approved or in review) as CSV or JSON (`?format=csv|json`), streamed. */
export async function GET(request: Request) {
  const user = await currentUser();
  if (!user) return jsonError(401, 'Sign in to export verdicts.');
  const format = parseFormat(request);
  if (!format) return jsonError(400, 'Choose format=csv or format=json.');
  return exportResponse(format, await teamVerdictsExport(db, user));
}
