import { claimOperationRoute } from '@/lib/api/operation-route';
import { API_ROUTES } from '@/lib/api/routes';
import { publishClaimOp } from '@/lib/operations/publishing';

export const POST = claimOperationRoute(API_ROUTES.publishClaim, publishClaimOp);
