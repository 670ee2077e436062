import { apiRoute } from '@/lib/api/handler';
import { API_ROUTES } from '@/lib/api/routes';
import { excludeLowScoringOp } from '@/lib/operations/claim-edits';
import { perform } from '@/lib/operations/operation';

export const POST = apiRoute(API_ROUTES.setAsideLowScoring, async ({ user, params, body }) =>
  perform(excludeLowScoringOp, user, { ...body, articleId: params.articleId }),
);
