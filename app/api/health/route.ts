import { db } from '@/lib/db';
import { probeDatabase } from '@/lib/db/availability';

export const dynamic = 'force-dynamic';

/** For load balancers and the error page: 200 while the database answers, 503 (within ~2 s) when it does not. */
export async function GET() {
  const headers = { 'Cache-Control': 'no-store' };
  if ((await probeDatabase(db)) === 'up') return Response.json({ status: 'ok', database: 'up' }, { headers });
  return Response.json({ status: 'unavailable', database: 'down' }, { status: 503, headers: { ...headers, 'Retry-After': '5' } });
}
