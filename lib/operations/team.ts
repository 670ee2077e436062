import 'server-only';
import { revalidatePath } from 'next/cache';
import { db } from '@/lib/db';
import { recordAudit } from '@/lib/audit/record';
import { auditEvent } from '@/lib/domain/audit-events';
import { InvalidInputError, InvalidStateError, NotAllowedError, NotFoundError } from '@/lib/operations/errors';
import { operation } from '@/lib/operations/operation';
import { hashPassword } from '@/lib/auth/password';
import type { SessionUser } from '@/lib/auth/session';
import { OPEN_WORK } from '@/lib/auth/members';
import { clearAccountFailures } from '@/lib/auth/sign-in-limit';
import type { Prisma } from '@/lib/generated/prisma/client';
import {
  addMemberSchema,
  changeRoleSchema,
  labelRefSchema,
  moveLabelSchema,
  removeMemberSchema,
  renameLabelSchema,
  resetPasswordSchema,
  verdictLabelSchema,
} from '@/lib/validation/team';

export const addMemberOp = operation(addMemberSchema, 'team.manage', async ({ name, email, role, password }, user) => {
  if (await db.user.findUnique({ where: { email }, select: { id: true } })) {
    throw new InvalidInputError('That email already has an account.', { email: ['That email already has an account.'] });
  }
  const passwordHash = await hashPassword(password);
  const member = await db.$transaction(async (tx) => {
    const member = await tx.user.create({
      data: { teamId: user.teamId, name, email, role, passwordHash },
      select: { id: true, name: true, email: true, role: true, deactivatedAt: true },
    });
    await recordAudit(tx, { teamId: user.teamId, actorId: user.id, event: auditEvent('team.member_added', { userId: member.id, name, role }) });
    return member;
  });
  revalidatePath('/settings');
  return { member, message: `${name} can now sign in as ${role}.` };
});

/**
 * A member of the admin's own team other than the admin, not removed. Another team's member reads
 * as not found, like an id that does not exist.
 */
async function loadOtherMember(tx: Prisma.TransactionClient, user: SessionUser, userId: string, selfMessage: string) {
  if (userId === user.id) throw new NotAllowedError(selfMessage);
  const member = await tx.user.findFirst({
    where: { id: userId, teamId: user.teamId },
    select: { id: true, name: true, email: true, role: true, deactivatedAt: true },
  });
  if (!member) throw new NotFoundError();
  if (member.deactivatedAt) throw new InvalidStateError(`${member.name} was removed from the team.`);
  return member;
}

export const changeRoleOp = operation(changeRoleSchema, 'team.manage', async ({ userId, role }, user) => {
  const member = await db.$transaction(async (tx) => {
    const member = await loadOtherMember(tx, user, userId, 'You cannot change your own role; ask another admin.');
    await tx.user.update({ where: { id: userId }, data: { role } });
    await recordAudit(tx, {
      teamId: user.teamId,
      actorId: user.id,
      event: auditEvent('team.role_changed', { userId, name: member.name, from: member.role, to: role }),
    });
    return { ...member, role };
  });
  revalidatePath('/settings');
  return { member, message: 'Role changed.' };
});

/** The admin types the new password and passes it on privately; every session of the member ends. */
export const resetPasswordOp = operation(resetPasswordSchema, 'team.manage', async ({ userId, password }, user) => {
  const passwordHash = await hashPassword(password);
  const member = await db.$transaction(async (tx) => {
    const member = await loadOtherMember(tx, user, userId, 'You cannot reset your own password here; ask another admin.');
    await tx.user.update({ where: { id: userId }, data: { passwordHash, sessionVersion: { increment: 1 } } });
    // A member locked out by failed sign-ins is usually why an admin resets: the new password works at once.
    await clearAccountFailures(tx, member.email);
    await recordAudit(tx, { teamId: user.teamId, actorId: user.id, event: auditEvent('team.password_reset', { userId, name: member.name }) });
    return member;
  });
  revalidatePath('/settings');
  return { message: `${member.name} has a new password and was signed out everywhere. Give it to them privately.` };
});

/**
 * Removal deactivates, never deletes: history keeps the member's name. Their sessions end at
 * once, their API tokens are revoked, and their open claims stay assigned to them, notes and
 * evidence included, until an editor reassigns them (ADR 0014).
 */
export const removeMemberOp = operation(removeMemberSchema, 'team.manage', async ({ userId }, user) => {
  const { member, tokens, openClaims } = await db.$transaction(async (tx) => {
    const member = await loadOtherMember(tx, user, userId, 'You cannot remove yourself; ask another admin.');
    const now = new Date();
    // Conditional, so that two admins removing the same member at once record one removal.
    const removed = await tx.user.updateMany({ where: { id: userId, deactivatedAt: null }, data: { deactivatedAt: now, sessionVersion: { increment: 1 } } });
    if (removed.count === 0) throw new InvalidStateError(`${member.name} was removed from the team.`);
    const tokens = await tx.apiToken.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now } });
    const openClaims = await tx.claim.count({ where: { teamId: user.teamId, assigneeId: userId, archivedAt: null, status: { in: [...OPEN_WORK] } } });
    await recordAudit(tx, {
      teamId: user.teamId,
      actorId: user.id,
      event: auditEvent('team.member_removed', { userId, name: member.name, role: member.role, tokensRevoked: tokens.count, openClaims }),
    });
    return { member: { ...member, deactivatedAt: now }, tokens: tokens.count, openClaims };
  });
  revalidatePath('/settings');
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const said = [`${member.name} was removed and signed out everywhere.`];
  if (tokens) said.push(`${plural(tokens, 'API token')} revoked.`);
  if (openClaims) said.push(`${plural(openClaims, 'open claim')} still assigned to them: reassign from Claims.`);
  return { member, message: said.join(' ') };
});

async function changeScale(user: SessionUser, what: string, change: (tx: Prisma.TransactionClient) => Promise<void>) {
  await db.$transaction(async (tx) => {
    await change(tx);
    await recordAudit(tx, { teamId: user.teamId, actorId: user.id, event: auditEvent('scale.changed', { change: what }) });
  });
  revalidatePath('/settings');
}

async function loadLabel(tx: Prisma.TransactionClient, user: SessionUser, labelId: string) {
  const label = await tx.verdictLabel.findFirst({ where: { id: labelId, teamId: user.teamId } });
  if (!label) throw new NotFoundError();
  return label;
}

export const addVerdictLabelOp = operation(verdictLabelSchema, 'scale.manage', async ({ name }, user) => {
  await changeScale(user, `added “${name}”`, async (tx) => {
    const last = await tx.verdictLabel.aggregate({ where: { teamId: user.teamId }, _max: { position: true } });
    await tx.verdictLabel.create({ data: { teamId: user.teamId, name, position: (last._max.position ?? -1) + 1 } });
  });
  return { message: `Added “${name}”.` };
});

/** Renaming keeps the label's id, so past verdicts show the new name. */
export const renameVerdictLabelOp = operation(renameLabelSchema, 'scale.manage', async ({ labelId, name }, user) => {
  await changeScale(user, `renamed to “${name}”`, async (tx) => {
    await loadLabel(tx, user, labelId);
    await tx.verdictLabel.update({ where: { id: labelId }, data: { name } });
  });
  return { message: `Renamed to “${name}”.` };
});

export const moveVerdictLabelOp = operation(moveLabelSchema, 'scale.manage', async ({ labelId, direction }, user) => {
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
  return { message: 'Scale reordered.' };
});

/** Retired labels are no longer offered; verdicts already given keep them. */
export const toggleRetireVerdictLabelOp = operation(labelRefSchema, 'scale.manage', async ({ labelId }, user) => {
  let retired = false;
  await changeScale(user, 'retired or restored a label', async (tx) => {
    const label = await loadLabel(tx, user, labelId);
    retired = !label.retiredAt;
    await tx.verdictLabel.update({ where: { id: labelId }, data: { retiredAt: retired ? new Date() : null } });
  });
  return { message: retired ? 'Label retired: past verdicts keep it.' : 'Label restored.' };
});
