'use server';

import { AuthError } from 'next-auth';
import { signIn, signOut } from '@/lib/auth/config';
import type { FormState } from '@/lib/actions/form-state';
import { loginSchema } from '@/lib/validation/team';

/** Sign-in has no session yet, so it validates here instead of in authedAction. */
export async function login(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = { email: String(formData.get('email') ?? '') };
  const parsed = loginSchema.safeParse({ email: formData.get('email'), password: formData.get('password') });
  if (!parsed.success) {
    const fieldErrors: FormState['fieldErrors'] = {};
    for (const issue of parsed.error.issues) (fieldErrors[String(issue.path[0])] ??= []).push(issue.message);
    return { ok: false, message: 'Please correct the highlighted fields.', fieldErrors, values };
  }
  const next = String(formData.get('next') ?? '');
  try {
    await signIn('credentials', { ...parsed.data, redirectTo: next.startsWith('/') && !next.startsWith('//') ? next : '/articles' });
  } catch (err) {
    if (err instanceof AuthError) {
      // The same words whether or not the account exists.
      return { ok: false, message: 'That email and password do not match an account.', fieldErrors: {}, values };
    }
    throw err;
  }
  return { ok: true, message: '', fieldErrors: {}, values: {} };
}

export async function logout() {
  await signOut({ redirectTo: '/login' });
}
