import 'server-only';
import type { z } from 'zod';
import { unstable_rethrow } from 'next/navigation';
import { currentUser } from '@/lib/auth/session';
import { assertCan } from '@/lib/auth/permissions';
import type { FormState } from '@/lib/actions/form-state';
import { DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailable } from '@/lib/db/availability';
import { ConflictError, OperationError, refusalStatus } from '@/lib/operations/errors';
import type { Operation } from '@/lib/operations/operation';

const FILE_FIELDS = new Set(['file']);

function formValues(formData: FormData, arrayFields: readonly string[]): { input: Record<string, unknown>; values: Record<string, string> } {
  const input: Record<string, unknown> = {};
  const values: Record<string, string> = {};
  for (const key of new Set(formData.keys())) {
    if (key.startsWith('$ACTION')) continue;
    if (arrayFields.includes(key)) {
      input[key] = formData.getAll(key).map(String);
      continue;
    }
    const value = formData.get(key);
    if (FILE_FIELDS.has(key) || typeof value !== 'string') continue;
    input[key] = value;
    if (key !== 'password') values[key] = value;
  }
  return { input, values };
}

type ActionOptions = {
  /** Fields sent once per selected item (checkboxes), read as arrays. */
  arrayFields?: readonly string[];
  /** Work done on the user's behalf before validation (read an upload, fetch a URL); runs after the role check. */
  prepare?: (formData: FormData, input: Record<string, unknown>) => Promise<void>;
};

/**
 * The form action of an operation, a thin adapter: authenticate from the session, check the
 * role, validate the form with the operation's schema, run it, and turn the result into the
 * message shown (`done`, which may redirect) or a refusal into form state, never a crash. What
 * the user typed comes back with every refusal.
 */
export function actionFor<S extends z.ZodType, R>(op: Operation<S, R>, done: (result: R, input: z.output<S>) => string | void, options: ActionOptions = {}) {
  const action = async (_prev: FormState, formData: FormData): Promise<FormState> => {
    const { input, values } = formValues(formData, options.arrayFields ?? []);
    const fail = (message: string, fieldErrors: FormState['fieldErrors'] = {}, status = 422): FormState => ({
      ok: false,
      message,
      fieldErrors,
      values,
      status,
    });
    const user = await currentUser();
    if (!user) return fail('Your session has ended. Sign in again; your text is kept here.', {}, 401);
    try {
      if (op.permission) assertCan(user, op.permission);
      await options.prepare?.(formData, input);
      const parsed = op.schema.safeParse(input);
      if (!parsed.success) {
        const fieldErrors: FormState['fieldErrors'] = {};
        for (const issue of parsed.error.issues) (fieldErrors[String(issue.path[0] ?? 'form')] ??= []).push(issue.message);
        // The summary repeats each problem so it is announced even for fields without a visible input.
        const problems = [...new Set(parsed.error.issues.map((i) => i.message))].join(' ');
        return fail(`Not saved. ${problems}`, fieldErrors);
      }
      const message = done(await op.run(parsed.data, user), parsed.data);
      return { ok: true, message: message ?? 'Saved.', fieldErrors: {}, values: {} };
    } catch (err) {
      unstable_rethrow(err);
      const status = refusalStatus(err);
      if (status !== null) {
        const refusal = fail((err as Error).message, err instanceof OperationError ? err.fieldErrors : {}, status);
        return err instanceof ConflictError ? { ...refusal, conflict: err.conflict } : refusal;
      }
      if (isDatabaseUnavailable(err)) return fail(`${DATABASE_UNAVAILABLE_MESSAGE} Your text is kept here.`, {}, 503);
      console.error(err);
      return fail('Something went wrong on our side and nothing was saved. Try again in a moment.', {}, 500);
    }
  };
  // The permission and the operation travel with the action, so the permission matrix and the
  // hostile-input tests can read them.
  return Object.assign(action, { permission: op.permission, operation: op });
}
