import { claimOperationRoute } from '@/lib/api/operation-route';
import { API_ROUTES } from '@/lib/api/routes';
import { markChangeReviewedOp } from '@/lib/operations/claim-edits';

export const POST = claimOperationRoute(API_ROUTES.markChangeReviewed, markChangeReviewedOp);
