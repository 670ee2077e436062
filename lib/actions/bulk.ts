'use server';

import { revalidatePath } from 'next/cache';
import { db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import { recordAudit } from '@/lib/audit/record';
import type { SessionUser } from '@/lib/auth/session';
import { ActionError, authedAction } from '@/lib/actions/safe-action';
import { updateClaimChecked, workflowPatch } from '@/lib/actions/claim-mutation';
import { transition } from '@/lib/domain/workflow';
import { assignClaims } from '@/lib/actions/claims';
import type { FormState } from '@/lib/actions/form-state';
import { excludeClaimsSchema, setDueDateSchema } from '@/lib/validation/claim';

const claimsWord = (n: number) => `${n} ${n === 1 ? 'claim' : 'claims'}`;
const excerpt = (text: string) => (text.length > 80 ? `${text.slice(0, 79)}…` : text);

/** The selected claims, all of them active and in the user's team, or a refusal that changes nothing. */
async function loadSelected(tx: Prisma.TransactionClient, user: SessionUser, claimIds: string[]) {
  const claims = await tx.claim.findMany({
    where: { id: { in: claimIds }, teamId: user.teamId, archivedAt: null },
    select: { id: true, articleId: true, text: true, dueAt: true, status: true, assigneeId: true, proposedById: true, statusBeforeExclusion: true, version: true },
  });
  if (claims.length !== new Set(claimIds).size) throw new ActionError('Some selected claims are not in your team or no longer in their article. Reload and try again.', {}, 404);
  return claims;
}

function revalidateLists(articleIds: Iterable<string>) {
  revalidatePath('/claims');
  for (const articleId of new Set(articleIds)) revalidatePath(`/articles/${articleId}`);
}

/** Editor: give the selected claims one due date. */
export const setDueDate = authedAction(
  setDueDateSchema,
  'claim.assign',
  async ({ claimIds, dueAt }, user) => {
    const claims = await db.$transaction(async (tx) => {
      const claims = await loadSelected(tx, user, claimIds);
      for (const claim of claims) {
        await updateClaimChecked(tx, claim, claim.version, { dueAt });
        await recordAudit(tx, {
          teamId: user.teamId,
          actorId: user.id,
          type: 'claim.due_changed',
          claimId: claim.id,
          articleId: claim.articleId,
          data: { dueAt: dueAt.toISOString(), previous: claim.dueAt?.toISOString() ?? null },
        });
      }
      return claims;
    });
    revalidateLists(claims.map((c) => c.articleId));
    return `Set the due date of ${claimsWord(claims.length)} to ${dueAt.toISOString().slice(0, 10)}.`;
  },
  { arrayFields: ['claimIds'] },
);

/**
 * Editor: mark the selected claims not check-worthy, each through the workflow. All or nothing:
 * if one of them cannot be set aside (approved, say), none is and the message names it.
 */
export const excludeClaims = authedAction(
  excludeClaimsSchema,
  'claim.edit',
  async ({ claimIds, reason }, user) => {
    const claims = await db.$transaction(async (tx) => {
      const claims = await loadSelected(tx, user, claimIds);
      for (const claim of claims) {
        const result = transition(claim, { type: 'exclude', reason }, user);
        if (!result.ok) throw new ActionError(`Nothing was changed. “${excerpt(claim.text)}”: ${result.message}`);
        const state = result.state;
        await updateClaimChecked(tx, claim, claim.version, { ...workflowPatch(state), notCheckWorthyReason: reason });
        await recordAudit(tx, { teamId: user.teamId, actorId: user.id, type: 'claim.excluded', claimId: claim.id, articleId: claim.articleId, data: { reason, bulk: true } });
      }
      return claims;
    });
    revalidateLists(claims.map((c) => c.articleId));
    return `Marked ${claimsWord(claims.length)} not check-worthy.`;
  },
  { arrayFields: ['claimIds'] },
);

const BULK_ACTIONS = { assign: assignClaims, due: setDueDate, exclude: excludeClaims } as const;

/**
 * The bulk form of /claims has one set of checkboxes and a button per action; the button's
 * `intent` picks the action, which does its own authentication, validation and authorization.
 */
export async function applyBulkAction(prev: FormState, formData: FormData): Promise<FormState> {
  const intent = formData.get('intent');
  const action = typeof intent === 'string' && Object.hasOwn(BULK_ACTIONS, intent) ? BULK_ACTIONS[intent as keyof typeof BULK_ACTIONS] : null;
  if (!action) return { ok: false, message: 'Choose what to do with the selected claims.', fieldErrors: {}, values: {} };
  const state = await action(prev, formData);
  if (state.ok) revalidatePath('/claims');
  return state;
}
