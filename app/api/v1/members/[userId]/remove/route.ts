import { apiRoute } from '@/lib/api/handler';
import { presentMember } from '@/lib/api/present';
import { API_ROUTES } from '@/lib/api/routes';
import { removeMemberOp } from '@/lib/operations/team';
import { perform } from '@/lib/operations/operation';

export const POST = apiRoute(API_ROUTES.removeMember, async ({ user, params, body }) =>
  presentMember(user, (await perform(removeMemberOp, user, { ...body, userId: params.userId })).member),
);
