import { apiRoute } from '@/lib/api/handler';
import { presentClaim } from '@/lib/api/present';
import { API_ROUTES } from '@/lib/api/routes';
import { updateEvidenceOp } from '@/lib/operations/evidence';
import { perform } from '@/lib/operations/operation';

export const POST = apiRoute(API_ROUTES.updateEvidence, async ({ user, params, body }, request) => {
  const { claimId } = await perform(updateEvidenceOp, user, { ...body, evidenceId: params.evidenceId, claimId: '' });
  return { claim: await presentClaim(user, claimId, request) };
});
