import 'server-only';
import { revalidatePath } from 'next/cache';
import { db } from '@/lib/db';
import { recordAudit } from '@/lib/audit/record';
import { auditEvent } from '@/lib/domain/audit-events';
import { NotFoundError } from '@/lib/operations/errors';
import { operation } from '@/lib/operations/operation';
import { createApiToken } from '@/lib/api/tokens';
import { createTokenSchema, tokenRefSchema } from '@/lib/validation/tokens';

/** Any member: a personal access token that acts as them, in their team, with their role. */
export const createTokenOp = operation(createTokenSchema, null, async ({ name, scope }, user) => {
  const token = await db.$transaction(async (tx) => {
    const { token, record } = await createApiToken(tx, { userId: user.id, teamId: user.teamId, name, scope });
    await recordAudit(tx, { teamId: user.teamId, actorId: user.id, event: auditEvent('token.created', { tokenId: record.id, name, scope }) });
    return token;
  });
  revalidatePath('/settings/tokens');
  return { message: `Token “${name}” made. Copy it now: it is not shown again. ${token}` };
});

export const revokeTokenOp = operation(tokenRefSchema, null, async ({ tokenId }, user) => {
  await db.$transaction(async (tx) => {
    const { count } = await tx.apiToken.updateMany({ where: { id: tokenId, userId: user.id, revokedAt: null }, data: { revokedAt: new Date() } });
    if (count === 0) throw new NotFoundError();
    await recordAudit(tx, { teamId: user.teamId, actorId: user.id, event: auditEvent('token.revoked', { tokenId }) });
  });
  revalidatePath('/settings/tokens');
  return { message: 'Token revoked: it no longer works.' };
});
