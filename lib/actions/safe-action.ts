import 'server-only';
import type { z } from 'zod';
import { unstable_rethrow } from 'next/navigation';
import { currentUser, type SessionUser } from '@/lib/auth/session';
import { assertCan, ForbiddenError, type Permission } from '@/lib/auth/permissions';
import type { Conflict, FormState } from '@/lib/actions/form-state';
import { DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailable } from '@/lib/db/availability';

export const NOT_FOUND_MESSAGE = 'That item does not exist or is not in your team.';
export const CONFLICT_MESSAGE =
  'Someone else changed this claim after you opened it, so nothing was saved. Their version is shown here and yours is kept in the form: merge them, or overwrite theirs with yours.';

/**
 * Thrown inside an action for a refusal the user should read (conflict, wrong state, not found).
 * `status` is what the REST API answers with: 404 not found (or another team's), 409 conflict or
 * wrong state, 403 not allowed for this person, 422 bad input.
 */
export class ActionError extends Error {
  readonly status: 403 | 404 | 409 | 422;
  constructor(message: string, public readonly fieldErrors: FormState['fieldErrors'] = {}, status?: 403 | 404 | 409 | 422) {
    super(message);
    this.name = 'ActionError';
    this.status = status ?? (message === NOT_FOUND_MESSAGE ? 404 : message === CONFLICT_MESSAGE ? 409 : 422);
  }
}

/** A version conflict: someone saved first. Carries their values, so the form can show both and let the user merge or overwrite. */
export class ConflictError extends ActionError {
  constructor(public readonly conflict: Conflict) {
    super(CONFLICT_MESSAGE, {}, 409);
    this.name = 'ConflictError';
  }
}

/**
 * One mutation, independent of how it is called: the form actions (`actionFor`) and the REST
 * API (lib/api/handler.ts) both validate with `schema`, authorize with `permission` and then run it.
 */
export type Operation<S extends z.ZodType, R> = {
  schema: S;
  permission: Permission | null;
  run: (input: z.output<S>, user: SessionUser) => Promise<R>;
};

export function operation<S extends z.ZodType, R>(schema: S, permission: Permission | null, run: Operation<S, R>['run']): Operation<S, R> {
  return { schema, permission, run };
}

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

/** A form action for an operation: `done` turns its result into the message shown (or redirects). */
export function actionFor<S extends z.ZodType, R>(
  op: Operation<S, R>,
  done: (result: R, input: z.output<S>) => string | void,
  options: Parameters<typeof authedAction>[3] = {},
) {
  return authedAction(op.schema, op.permission, async (input, user) => done(await op.run(input, user), input), options);
}

/**
 * Every mutation goes through here: authenticate, authorize by role, validate with zod,
 * then run. `fn` does the rest (team scoping, transaction, audit, revalidate) and returns a
 * message or redirects. Refusals come back as form state, never as a crash.
 */
export function authedAction<S extends z.ZodType>(
  schema: S,
  permission: Permission | null,
  fn: (input: z.output<S>, user: SessionUser, formData: FormData) => Promise<string | void>,
  options: { arrayFields?: readonly string[]; prepare?: (formData: FormData, input: Record<string, unknown>) => Promise<void> } = {},
) {
  const action = async (_prev: FormState, formData: FormData): Promise<FormState> => {
    const { input, values } = formValues(formData, options.arrayFields ?? []);
    const fail = (message: string, fieldErrors: FormState['fieldErrors'] = {}, status = 422): FormState => ({ ok: false, message, fieldErrors, values, status });
    const user = await currentUser();
    if (!user) return fail('Your session has ended. Sign in again; your text is kept here.', {}, 401);
    try {
      // The role is checked before `prepare`, which may do work on the user's behalf (read an upload, fetch a URL).
      if (permission) assertCan(user, permission);
      await options.prepare?.(formData, input);
      const parsed = schema.safeParse(input);
      if (!parsed.success) {
        const fieldErrors: FormState['fieldErrors'] = {};
        for (const issue of parsed.error.issues) {
          const key = String(issue.path[0] ?? 'form');
          (fieldErrors[key] ??= []).push(issue.message);
        }
        // The summary repeats each problem so it is announced even for fields without a visible input.
        const problems = [...new Set(parsed.error.issues.map((i) => i.message))].join(' ');
        return fail(`Not saved. ${problems}`, fieldErrors);
      }
      const message = await fn(parsed.data, user, formData);
      return { ok: true, message: message ?? 'Saved.', fieldErrors: {}, values: {} };
    } catch (err) {
      unstable_rethrow(err);
      if (err instanceof ForbiddenError) return fail(err.message, {}, 403);
      if (err instanceof ConflictError) return { ...fail(err.message, {}, 409), conflict: err.conflict };
      if (err instanceof ActionError) return fail(err.message, err.fieldErrors, err.status);
      if (isDatabaseUnavailable(err)) return fail(`${DATABASE_UNAVAILABLE_MESSAGE} Your text is kept here.`, {}, 503);
      console.error(err);
      return fail('Something went wrong on our side and nothing was saved. Try again in a moment.', {}, 500);
    }
  };
  // The permission travels with the action, so the permission matrix test can read it.
  return Object.assign(action, { permission });
}
