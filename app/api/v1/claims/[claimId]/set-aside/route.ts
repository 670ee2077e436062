import { claimOperationRoute } from '@/lib/api/operation-route';
import { API_ROUTES } from '@/lib/api/routes';
import { excludeClaimOp } from '@/lib/operations/claims';

export const POST = claimOperationRoute(API_ROUTES.setAside, excludeClaimOp);
