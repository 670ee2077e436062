import { apiRoute } from '@/lib/api/handler';
import { perform } from '@/lib/operations/operation';
import { API_ROUTES } from '@/lib/api/routes';
import { addEvidenceOp } from '@/lib/operations/evidence';

export const POST = apiRoute(API_ROUTES.addEvidence, async ({ user, params, body }) => {
  const evidence = await perform(addEvidenceOp, user, { ...body, claimId: params.claimId });
  return {
    id: evidence.id,
    url: evidence.url,
    title: evidence.title,
    publisher: evidence.publisher,
    stance: evidence.stance,
    quote: evidence.quote,
    archiveUrl: evidence.archiveUrl,
    note: evidence.note,
    author: { id: user.id, name: user.name },
    createdAt: evidence.createdAt.toISOString(),
  };
});
