import { apiRoute } from '@/lib/api/handler';
import { API_ROUTES } from '@/lib/api/routes';
import { listVerdictLabels } from '@/lib/data/team';

export const GET = apiRoute(API_ROUTES.listVerdictLabels, async ({ user }) => {
  const labels = await listVerdictLabels(user, { includeRetired: true });
  return { labels: labels.map((l) => ({ id: l.id, name: l.name, position: l.position, retired: l.retiredAt !== null })) };
});
