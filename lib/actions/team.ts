'use server';

import { revalidatePath } from 'next/cache';
import { db } from '@/lib/db';
import { recordAudit } from '@/lib/audit/record';
import { ActionError, authedAction, NOT_FOUND_MESSAGE } from '@/lib/actions/safe-action';
import { hashPassword } from '@/lib/auth/password';
import type { SessionUser } from '@/lib/auth/session';
import type { Prisma } from '@/lib/generated/prisma/client';
import { addMemberSchema, changeRoleSchema, labelRefSchema, moveLabelSchema, renameLabelSchema, verdictLabelSchema } from '@/lib/validation/team';

export const addMember = authedAction(addMemberSchema, 'team.manage', async ({ name, email, role, password }, user) => {
  if (await db.user.findUnique({ where: { email }, select: { id: true } })) {
    throw new ActionError('That email already has an account.', { email: ['That email already has an account.'] });
  }
  const passwordHash = await hashPassword(password);
  await db.$transaction(async (tx) => {
    const member = await tx.user.create({ data: { teamId: user.teamId, name, email, role, passwordHash } });
    await recordAudit(tx, { teamId: user.teamId, actorId: user.id, type: 'team.member_added', data: { userId: member.id, name, role } });
  });
  revalidatePath('/settings');
  return `${name} can now sign in as ${role}.`;
});

export const changeRole = authedAction(changeRoleSchema, 'team.manage', async ({ userId, role }, user) => {
  if (userId === user.id) throw new ActionError('You cannot change your own role; ask another admin.');
  await db.$transaction(async (tx) => {
    const member = await tx.user.findFirst({ where: { id: userId, teamId: user.teamId }, select: { name: true, role: true } });
    if (!member) throw new ActionError(NOT_FOUND_MESSAGE);
    await tx.user.update({ where: { id: userId }, data: { role } });
    await recordAudit(tx, { teamId: user.teamId, actorId: user.id, type: 'team.role_changed', data: { userId, name: member.name, from: member.role, to: role } });
  });
  revalidatePath('/settings');
  return 'Role changed.';
});

async function changeScale(user: SessionUser, what: string, change: (tx: Prisma.TransactionClient) => Promise<void>) {
  await db.$transaction(async (tx) => {
    await change(tx);
    await recordAudit(tx, { teamId: user.teamId, actorId: user.id, type: 'scale.changed', data: { change: what } });
  });
  revalidatePath('/settings');
}

async function loadLabel(tx: Prisma.TransactionClient, user: SessionUser, labelId: string) {
  const label = await tx.verdictLabel.findFirst({ where: { id: labelId, teamId: user.teamId } });
  if (!label) throw new ActionError(NOT_FOUND_MESSAGE);
  return label;
}

export const addVerdictLabel = authedAction(verdictLabelSchema, 'scale.manage', async ({ name }, user) => {
  await changeScale(user, `added “${name}”`, async (tx) => {
    const last = await tx.verdictLabel.aggregate({ where: { teamId: user.teamId }, _max: { position: true } });
    await tx.verdictLabel.create({ data: { teamId: user.teamId, name, position: (last._max.position ?? -1) + 1 } });
  });
  return `Added “${name}”.`;
});

/** Renaming keeps the label's id, so past verdicts show the new name. */
export const renameVerdictLabel = authedAction(renameLabelSchema, 'scale.manage', async ({ labelId, name }, user) => {
  await changeScale(user, `renamed to “${name}”`, async (tx) => {
    await loadLabel(tx, user, labelId);
    await tx.verdictLabel.update({ where: { id: labelId }, data: { name } });
  });
  return `Renamed to “${name}”.`;
});

export const moveVerdictLabel = authedAction(moveLabelSchema, 'scale.manage', async ({ labelId, direction }, user) => {
  await changeScale(user, `moved a label ${direction}`, async (tx) => {
    const label = await loadLabel(tx, user, labelId);
    const neighbour = await tx.verdictLabel.findFirst({
      where: { teamId: user.teamId, position: direction === 'up' ? { lt: label.position } : { gt: label.position } },
      orderBy: { position: direction === 'up' ? 'desc' : 'asc' },
    });
    if (!neighbour) return;
    await tx.verdictLabel.update({ where: { id: label.id }, data: { position: neighbour.position } });
    await tx.verdictLabel.update({ where: { id: neighbour.id }, data: { position: label.position } });
  });
  return 'Scale reordered.';
});

/** Retired labels are no longer offered; verdicts already given keep them. */
export const toggleRetireVerdictLabel = authedAction(labelRefSchema, 'scale.manage', async ({ labelId }, user) => {
  let retired = false;
  await changeScale(user, 'retired or restored a label', async (tx) => {
    const label = await loadLabel(tx, user, labelId);
    retired = !label.retiredAt;
    await tx.verdictLabel.update({ where: { id: labelId }, data: { retiredAt: retired ? new Date() : null } });
  });
  return retired ? 'Label retired: past verdicts keep it.' : 'Label restored.';
});
