import { apiRoute } from '@/lib/api/handler';
import { presentClaim } from '@/lib/api/present';
import { API_ROUTES } from '@/lib/api/routes';
import { setDueDateOp } from '@/lib/operations/claims';
import { perform } from '@/lib/operations/operation';

export const POST = apiRoute(API_ROUTES.setDueDate, async ({ user, params, body }, request) => {
  await perform(setDueDateOp, user, { ...body, claimIds: [params.claimId] });
  return { claim: await presentClaim(user, params.claimId, request) };
});
