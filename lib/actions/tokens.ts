'use server';

import { revalidatePath } from 'next/cache';
import { db } from '@/lib/db';
import { recordAudit } from '@/lib/audit/record';
import { ActionError, authedAction, NOT_FOUND_MESSAGE } from '@/lib/actions/safe-action';
import { createApiToken } from '@/lib/api/tokens';
import { createTokenSchema, tokenRefSchema } from '@/lib/validation/tokens';

/** Any member: a personal access token that acts as them, in their team, with their role. */
export const createToken = authedAction(createTokenSchema, null, async ({ name, scope }, user) => {
  const token = await db.$transaction(async (tx) => {
    const { token, record } = await createApiToken(tx, { userId: user.id, teamId: user.teamId, name, scope });
    await recordAudit(tx, { teamId: user.teamId, actorId: user.id, type: 'token.created', data: { tokenId: record.id, name, scope } });
    return token;
  });
  revalidatePath('/settings/tokens');
  return `Token “${name}” made. Copy it now: it is not shown again. ${token}`;
});

export const revokeToken = authedAction(tokenRefSchema, null, async ({ tokenId }, user) => {
  await db.$transaction(async (tx) => {
    const { count } = await tx.apiToken.updateMany({ where: { id: tokenId, userId: user.id, revokedAt: null }, data: { revokedAt: new Date() } });
    if (count === 0) throw new ActionError(NOT_FOUND_MESSAGE);
    await recordAudit(tx, { teamId: user.teamId, actorId: user.id, type: 'token.revoked', data: { tokenId } });
  });
  revalidatePath('/settings/tokens');
  return 'Token revoked: it no longer works.';
});
