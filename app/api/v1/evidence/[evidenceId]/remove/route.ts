import { apiRoute } from '@/lib/api/handler';
import { presentClaim } from '@/lib/api/present';
import { API_ROUTES } from '@/lib/api/routes';
import { removeEvidenceOp } from '@/lib/operations/evidence';
import { perform } from '@/lib/operations/operation';

export const POST = apiRoute(API_ROUTES.removeEvidence, async ({ user, params }, request) => {
  const { claimId } = await perform(removeEvidenceOp, user, { evidenceId: params.evidenceId });
  return { claim: await presentClaim(user, claimId, request) };
});
