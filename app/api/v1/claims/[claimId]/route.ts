import { apiRoute } from '@/lib/api/handler';
import { presentClaim } from '@/lib/api/present';
import { API_ROUTES } from '@/lib/api/routes';

export const GET = apiRoute(API_ROUTES.getClaim, async ({ user, params }, request) => presentClaim(user, params.claimId, request));
