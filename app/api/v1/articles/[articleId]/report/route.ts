import { apiRoute } from '@/lib/api/handler';
import { API_ROUTES } from '@/lib/api/routes';
import { publishReportOp } from '@/lib/operations/publishing';
import { perform } from '@/lib/operations/operation';

export const POST = apiRoute(API_ROUTES.publishReport, async ({ user, params, body }) =>
  perform(publishReportOp, user, { ...body, articleId: params.articleId }),
);
