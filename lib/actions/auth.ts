'use server';

import { AuthError } from 'next-auth';
import { signIn, signOut } from '@/lib/auth/config';
import { TooManySignIns } from '@/lib/auth/credentials';
import { currentSession } from '@/lib/auth/session';
import { endSession } from '@/lib/auth/session-end';
import { db } from '@/lib/db';
import { SIGN_IN_WINDOW_SECONDS } from '@/lib/auth/sign-in-limit';
import type { FormState } from '@/lib/actions/form-state';
import { loginSchema } from '@/lib/validation/team';
import { localPath } from '@/lib/validation/local-path';

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
    await signIn('credentials', { ...parsed.data, redirectTo: localPath(next) });
  } catch (err) {
    if (err instanceof AuthError) {
      // The same words whether or not the account exists; a locked-out attempt is not told whether the password was right.
      const message =
        err instanceof TooManySignIns
          ? `Too many failed sign-ins for this account or from your network. Try again in at most ${SIGN_IN_WINDOW_SECONDS / 60} minutes, or ask an admin to reset your password.`
          : 'That email and password do not match an account.';
      return { ok: false, message, fieldErrors: {}, values };
    }
    throw err;
  }
  return { ok: true, message: '', fieldErrors: {}, values: {} };
}

/**
 * Ends this session on the server before clearing its cookie, so that a copy of the cookie is
 * refused too; if that cannot be recorded the action fails and the cookie stays (Auth.js's own
 * sign-out event would only log the failure). Other sessions of the same member go on.
 */
export async function logout() {
  const session = await currentSession();
  if (session) await endSession(db, session.claims);
  await signOut({ redirectTo: '/login' });
}
