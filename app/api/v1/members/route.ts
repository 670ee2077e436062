import { apiRoute } from '@/lib/api/handler';
import { presentMember } from '@/lib/api/present';
import { API_ROUTES } from '@/lib/api/routes';
import { listTeamMembers } from '@/lib/data/team';
import { addMemberOp } from '@/lib/operations/team';
import { perform } from '@/lib/operations/operation';

export const GET = apiRoute(API_ROUTES.listMembers, async ({ user }) => ({ members: (await listTeamMembers(user)).map((m) => presentMember(user, m)) }));

export const POST = apiRoute(API_ROUTES.addMember, async ({ user, body }) => {
  const { member } = await perform(addMemberOp, user, body);
  return presentMember(user, member);
});
