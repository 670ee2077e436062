import { apiRoute, perform } from '@/lib/api/handler';
import { presentClaim } from '@/lib/api/present';
import { API_ROUTES } from '@/lib/api/routes';
import { assignClaimsOp } from '@/lib/operations/claims';

export const POST = apiRoute(API_ROUTES.assignClaim, async ({ user, params, body }) => {
  await perform(assignClaimsOp, user, { ...body, claimIds: [params.claimId] });
  return { claim: await presentClaim(user, params.claimId) };
});
