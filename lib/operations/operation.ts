import 'server-only';
import type { z } from 'zod';
import type { SessionUser } from '@/lib/auth/session';
import { assertCan, type Permission } from '@/lib/auth/permissions';

/**
 * One mutation of the desk, independent of how it is called: the form actions
 * (lib/actions, `actionFor`) and the REST API (lib/api) validate with `schema`, then `perform`
 * checks the role and runs it. `run` does the rest: team scoping, the transaction, the claim
 * writer (which audits), revalidation.
 */
export type Operation<S extends z.ZodType, R> = {
  schema: S;
  permission: Permission | null;
  run: (input: z.output<S>, user: SessionUser) => Promise<R>;
};

export function operation<S extends z.ZodType, R>(schema: S, permission: Permission | null, run: Operation<S, R>['run']): Operation<S, R> {
  return { schema, permission, run };
}

/** The role check every caller makes, then the operation on input its schema already parsed. */
export function perform<S extends z.ZodType, R>(op: Operation<S, R>, user: SessionUser, input: z.output<S>): Promise<R> {
  if (op.permission) assertCan(user, op.permission);
  return op.run(input, user);
}
