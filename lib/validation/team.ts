import { z } from 'zod';
import { ROLES } from '@/lib/auth/permissions';
import { id, requiredText } from '@/lib/validation/fields';

export const loginSchema = z.object({
  email: z.string().trim().toLowerCase().email('Enter the email address you sign in with.'),
  password: z.string().min(1, 'Enter your password.').max(1_000),
});

export const PASSWORD_MIN = 10;

export const addMemberSchema = z.object({
  name: requiredText(120, 'Name'),
  email: z.string().trim().toLowerCase().email('Enter a valid email address.'),
  role: z.enum(ROLES, { error: 'Choose a role.' }),
  password: z.string().min(PASSWORD_MIN, `The password needs at least ${PASSWORD_MIN} characters.`).max(200),
});

export const changeRoleSchema = z.object({ userId: id, role: z.enum(ROLES, { error: 'Choose a role.' }) });

export const verdictLabelSchema = z.object({ name: requiredText(60, 'Label') });
export const renameLabelSchema = z.object({ labelId: id, name: requiredText(60, 'Label') });
export const labelRefSchema = z.object({ labelId: id });
export const moveLabelSchema = z.object({ labelId: id, direction: z.enum(['up', 'down']) });
