import { apiRoute } from '@/lib/api/handler';
import { API_ROUTES } from '@/lib/api/routes';
import { listTeamClaims } from '@/lib/data/claims-list';
import { encodeCursor, parseClaimListQuery } from '@/lib/validation/claims-list';

export const GET = apiRoute(API_ROUTES.listClaims, async ({ user, query }) => {
  const { claims, nextCursor } = await listTeamClaims(user, parseClaimListQuery(query));
  return {
    claims: claims.map((c) => ({
      id: c.id,
      text: c.text,
      status: c.status,
      articleId: c.articleId,
      articleTitle: c.articleTitle,
      assignee: c.assigneeId ? { id: c.assigneeId, name: c.assigneeName ?? '' } : null,
      verdict: c.verdictName,
      dueAt: c.dueAt?.toISOString() ?? null,
      updatedAt: c.updatedAt.toISOString(),
      checkWorthiness: c.checkWorthiness,
    })),
    nextCursor: nextCursor ? encodeCursor(nextCursor) : null,
  };
});
