import { z } from 'zod';
import { ROLES } from '@/lib/auth/permissions';
import { id, requiredText, storableString } from '@/lib/validation/fields';
// Server-only (the list of common passwords): this module is for actions, the API and server pages.
import { isCommonPassword } from '@/lib/auth/common-passwords';

export const loginSchema = z.object({
  email: z.string().trim().toLowerCase().email('Enter the email address you sign in with.'),
  password: z.string().min(1, 'Enter your password.').max(1_000),
});

export const PASSWORD_MIN = 10;
export const COMMON_PASSWORD_MESSAGE = 'That password is on a list of commonly used passwords; choose another.';

/** Every password a person is given (a new member, an admin's reset): long enough and not a common one. */
const newPassword = storableString('The password', 'Enter a password.')
  // A short password gets the one message that helps; the list is checked only on a long enough one.
  .min(PASSWORD_MIN, { error: `The password needs at least ${PASSWORD_MIN} characters.`, abort: true })
  .max(200, { error: 'The password can have at most 200 characters.', abort: true })
  .refine((p) => !isCommonPassword(p), COMMON_PASSWORD_MESSAGE);

/** The "I understand …" box of a destructive form: checked boxes arrive as "on". */
const confirmed = z.literal('on', { error: 'Tick the box to confirm.' });

export const addMemberSchema = z.object({
  name: requiredText(120, 'Name'),
  email: z.string().trim().toLowerCase().max(254, { error: 'An email address has at most 254 characters.', abort: true }).email('Enter a valid email address.'),
  role: z.enum(ROLES, { error: 'Choose a role.' }),
  password: newPassword,
});

export const resetPasswordSchema = z.object({ userId: id, password: newPassword, confirm: confirmed });
export const removeMemberSchema = z.object({ userId: id, confirm: confirmed });

export const changeRoleSchema = z.object({ userId: id, role: z.enum(ROLES, { error: 'Choose a role.' }) });

export const verdictLabelSchema = z.object({ name: requiredText(60, 'Label') });
export const renameLabelSchema = z.object({ labelId: id, name: requiredText(60, 'Label') });
export const labelRefSchema = z.object({ labelId: id });
export const moveLabelSchema = z.object({ labelId: id, direction: z.enum(['up', 'down']) });
