'use server';

import { revalidatePath } from 'next/cache';
import { actionFor } from '@/lib/actions/safe-action';
import { assignClaims } from '@/lib/actions/claims';
import type { FormState } from '@/lib/actions/form-state';
import { excludeClaimsOp, setDueDateOp } from '@/lib/operations/claims';

const claimsWord = (n: number) => `${n} ${n === 1 ? 'claim' : 'claims'}`;

export const setDueDate = actionFor(setDueDateOp, ({ count, dueAt }) => `Set the due date of ${claimsWord(count)} to ${dueAt.toISOString().slice(0, 10)}.`, {
  arrayFields: ['claimIds'],
});
export const excludeClaims = actionFor(excludeClaimsOp, ({ count }) => `Marked ${claimsWord(count)} not check-worthy.`, { arrayFields: ['claimIds'] });

const BULK_ACTIONS = { assign: assignClaims, due: setDueDate, exclude: excludeClaims } as const;

/**
 * The bulk form of /claims has one set of checkboxes and a button per action; the button's
 * `intent` picks the action, which does its own authentication, validation and authorization.
 */
export async function applyBulkAction(prev: FormState, formData: FormData): Promise<FormState> {
  const intent = formData.get('intent');
  const action = typeof intent === 'string' && Object.hasOwn(BULK_ACTIONS, intent) ? BULK_ACTIONS[intent as keyof typeof BULK_ACTIONS] : null;
  if (!action) return { ok: false, message: 'Choose what to do with the selected claims.', fieldErrors: {}, values: {}, status: 422 };
  const state = await action(prev, formData);
  if (state.ok) revalidatePath('/claims');
  return state;
}
