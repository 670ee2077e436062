/**
 * Why an operation refused, as a type. The HTTP status (REST API) and the form state's
 * `status` follow from the class alone, never from the message, which is written for a person.
 */
import { ForbiddenError } from '@/lib/auth/permissions';

export const NOT_FOUND_MESSAGE = 'That item does not exist or is not in your team.';
export const CONFLICT_MESSAGE =
  'Someone else changed this claim after you opened it, so nothing was saved. Their version is shown here and yours is kept in the form: merge them, or overwrite theirs with yours.';

export type FieldErrors = Record<string, string[] | undefined>;

/** Someone else saved first: their version of the fields this change touches, and the version to overwrite. */
export type Conflict = { version: number; theirs: { field: string; label: string; value: string }[] };

export abstract class OperationError extends Error {
  abstract readonly status: 403 | 404 | 409 | 422;
  constructor(
    message: string,
    public readonly fieldErrors: FieldErrors = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Not there, or in another team: the same answer for both, so ids reveal nothing. */
export class NotFoundError extends OperationError {
  readonly status = 404;
  constructor(message = NOT_FOUND_MESSAGE) {
    super(message);
  }
}

/** This person may not do this to this item (not their claim, their own verdict…). */
export class NotAllowedError extends OperationError {
  readonly status = 403;
}

/** The item is not in a state that allows this (already published, in review, archived…). */
export class InvalidStateError extends OperationError {
  readonly status = 409;
}

/** The input is well-formed but wrong for this item (a label of another team, a split point outside the sentence). */
export class InvalidInputError extends OperationError {
  readonly status = 422;
}

/** A version conflict: carries their values so the form can show both and let the user merge or overwrite. */
export class ConflictError extends OperationError {
  readonly status = 409;
  constructor(
    public readonly conflict: Conflict,
    message = CONFLICT_MESSAGE,
  ) {
    super(message);
  }
}

/** The status a refusal answers with, or null when the error is not a refusal (a bug, an outage). */
export function refusalStatus(err: unknown): 403 | 404 | 409 | 422 | null {
  if (err instanceof OperationError) return err.status;
  if (err instanceof ForbiddenError) return 403;
  return null;
}
