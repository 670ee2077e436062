/** The one shape every form action returns, rendered by components/form. */
export type FormState = {
  ok: boolean;
  message: string;
  fieldErrors: Record<string, string[] | undefined>;
  /** What the user submitted, handed back so that nothing typed is lost on an error. */
  values: Record<string, string>;
};

export const initialFormState: FormState = { ok: false, message: '', fieldErrors: {}, values: {} };
