import { apiRoute } from '@/lib/api/handler';
import { perform } from '@/lib/operations/operation';
import { presentClaim } from '@/lib/api/present';
import { API_ROUTES } from '@/lib/api/routes';
import { assignClaimsOp } from '@/lib/operations/claims';

export const POST = apiRoute(API_ROUTES.assignClaim, async ({ user, params, body }, request) => {
  await perform(assignClaimsOp, user, { ...body, claimIds: [params.claimId] });
  return { claim: await presentClaim(user, params.claimId, request) };
});
