import { claimOperationRoute } from '@/lib/api/operation-route';
import { API_ROUTES } from '@/lib/api/routes';
import { reviewClaimOp } from '@/lib/operations/claims';

export const POST = claimOperationRoute(API_ROUTES.reviewVerdict, reviewClaimOp);
