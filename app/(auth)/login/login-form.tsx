'use client';

import { ActionForm, Field, SubmitButton } from '@/components/form';
import { login } from '@/lib/actions/auth';

export function LoginForm({ next }: { next: string }) {
  return (
    <ActionForm action={login}>
      <input type="hidden" name="next" value={next} />
      <Field name="email" label="Email" type="email" autoComplete="username" required />
      <Field name="password" label="Password" type="password" autoComplete="current-password" required />
      <SubmitButton pendingText="Signing in…">Sign in</SubmitButton>
    </ActionForm>
  );
}
