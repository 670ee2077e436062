import type { Conflict } from '@/lib/operations/errors';

/** The one shape every form action returns, rendered by components/form. */
export type FormState = {
  ok: boolean;
  message: string;
  fieldErrors: Record<string, string[] | undefined>;
  /** What the user submitted, handed back so that nothing typed is lost on an error. */
  values: Record<string, string>;
  /** On a refusal, what kind it was, as the API would say: 401, 403, 404, 409 or 422 (500 for our fault). */
  status?: number;
  /** Someone else saved first: their version of the fields this form changes, and the version to overwrite. */
  conflict?: Conflict;
};

export type { Conflict };

export const initialFormState: FormState = { ok: false, message: '', fieldErrors: {}, values: {} };
