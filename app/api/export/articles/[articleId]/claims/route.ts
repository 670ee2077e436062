import { currentUser } from '@/lib/auth/session';
import { db } from '@/lib/db';
import { articleClaimsExport } from '@/lib/export/claims';
import { exportResponse, jsonError, parseFormat } from '@/lib/export/response';

export const dynamic = 'force-dynamic';

/** An article's claims as CSV or JSON (`?format=csv|json`), streamed; another team's article is a 404. */
export async function GET(request: Request, { params }: { params: Promise<{ articleId: string }> }) {
  const user = await currentUser();
  if (!user) return jsonError(401, 'Sign in to export claims.');
  const format = parseFormat(request);
  if (!format) return jsonError(400, 'Choose format=csv or format=json.');
  const spec = await articleClaimsExport(db, user, (await params).articleId);
  if (!spec) return jsonError(404, 'That article does not exist or is not in your team.');
  return exportResponse(format, spec);
}
