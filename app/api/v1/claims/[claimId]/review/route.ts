import { apiRoute, perform } from '@/lib/api/handler';
import { presentClaim } from '@/lib/api/present';
import { API_ROUTES } from '@/lib/api/routes';
import { reviewClaimOp } from '@/lib/operations/claims';

export const POST = apiRoute(API_ROUTES.reviewVerdict, async ({ user, params, body }) => {
  await perform(reviewClaimOp, user, { ...body, claimId: params.claimId });
  return { claim: await presentClaim(user, params.claimId) };
});
