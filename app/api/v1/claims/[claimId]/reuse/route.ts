import { claimOperationRoute } from '@/lib/api/operation-route';
import { API_ROUTES } from '@/lib/api/routes';
import { reuseVerdictOp } from '@/lib/operations/claim-edits';

export const POST = claimOperationRoute(API_ROUTES.reuseVerdict, reuseVerdictOp);
