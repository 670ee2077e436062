'use client';

import { createContext, useActionState, useContext, useEffect, useId, useRef, useState, type ComponentProps, type ReactNode } from 'react';
import { flushSync, useFormStatus } from 'react-dom';
import { initialFormState, type Conflict, type FormState } from '@/lib/actions/form-state';
import { buttonClass, type ButtonVariant } from '@/components/button-class';
import { FieldRegistryProvider, unsavedValue, useDraft, useDraftStorageKey, useRegisteredField } from '@/components/draft';

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

const FormStateContext = createContext<FormState>(initialFormState);
/**
 * The version to send instead of the one the form was opened at: the one a user chose to
 * overwrite after a conflict, or the one a restored draft is based on.
 */
const VersionOverrideContext = createContext<{ chosen: number | null; draft: number | null }>({ chosen: null, draft: null });

/**
 * A form bound to a server action. Its fields read errors and the submitted values from the
 * returned state, so a refused submission shows what is wrong and keeps what was typed. With a
 * `draftKey` (inside a DraftScope) what is typed is also kept as a draft in the browser until
 * the form saves (components/draft).
 */
export function ActionForm({
  action,
  children,
  className,
  showSuccess = true,
  draftKey,
  ...rest
}: { action: Action; children: ReactNode; className?: string; showSuccess?: boolean; draftKey?: string } & Omit<ComponentProps<'form'>, 'action' | 'ref'>) {
  const formRef = useRef<HTMLFormElement>(null);
  const draft = useDraft(draftKey, formRef);
  const [state, formAction] = useActionState(draft.clearingOnSave(action), initialFormState);
  // An override answers one conflict: it lapses with the next result (a save brings a new version).
  const [chosen, setChosen] = useState<{ version: number; answers: FormState } | null>(null);
  const override = chosen && chosen.answers === state ? chosen.version : null;
  const setOverride = (version: number) => setChosen({ version, answers: state });
  return (
    <FormStateContext.Provider value={state}>
      <FieldRegistryProvider registry={draft.registry}>
        <form action={formAction} noValidate {...rest} ref={formRef}>
          <FormMessage state={state} showSuccess={showSuccess} />
          {draft.note}
          <VersionOverrideContext.Provider value={{ chosen: override, draft: draft.pinnedVersion }}>
            {state.conflict ? <ConflictNotice conflict={state.conflict} resolved={override !== null} onResolve={setOverride} /> : null}
            {/* Layout classes go on the fields' wrapper so the message always spans the form. */}
            <div className={className}>{children}</div>
          </VersionOverrideContext.Provider>
        </form>
      </FieldRegistryProvider>
    </FormStateContext.Provider>
  );
}

export function useFormState(): FormState {
  return useContext(FormStateContext);
}

function FormMessage({ state, showSuccess }: { state: FormState; showSuccess: boolean }) {
  const visible = state.message && (!state.ok || showSuccess);
  return (
    <div aria-live="polite" role="status" className={visible ? 'mb-3' : 'sr-only'}>
      {visible ? (
        <p
          className={
            state.ok
              ? 'rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-900'
              : 'rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900'
          }
        >
          {state.message}
        </p>
      ) : null}
    </div>
  );
}

const inputClass =
  'block w-full rounded-md border border-stone-300 bg-white px-3 py-2 text-sm text-stone-900 shadow-sm placeholder:text-stone-400 focus:border-blue-600 focus:outline-none focus:ring-2 focus:ring-blue-600/30 aria-[invalid=true]:border-red-600';

type FieldProps = {
  name: string;
  label: string;
  hint?: string;
  className?: string;
} & (
  | ({ as?: 'input' } & Omit<ComponentProps<'input'>, 'name'>)
  | ({ as: 'textarea' } & Omit<ComponentProps<'textarea'>, 'name'>)
  | ({ as: 'select'; children: ReactNode } & Omit<ComponentProps<'select'>, 'name'>)
);

/** A labelled field whose error is announced and tied to it with aria-describedby. */
export function Field(props: FieldProps) {
  const { name, label, hint, className, ...control } = props;
  const state = useFormState();
  const id = useId();
  const errors = state.fieldErrors[name];
  const describedBy = [hint ? `${id}-hint` : null, errors?.length ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    name,
    'aria-invalid': errors?.length ? true : undefined,
    'aria-describedby': describedBy,
    className: inputClass,
  };
  const submitted = state.values[name];
  const secret = control.as !== 'textarea' && control.as !== 'select' && (control.type === 'file' || control.type === 'password');
  useRegisteredField(name, String(control.defaultValue ?? ''), label, !secret);
  let input: ReactNode;
  if (control.as === 'textarea') {
    const { as: _as, defaultValue, ...rest } = control;
    input = <textarea {...rest} {...common} defaultValue={submitted ?? defaultValue} />;
  } else if (control.as === 'select') {
    const { as: _as, defaultValue, children, ...rest } = control;
    input = (
      // A select ignores a changed defaultValue once mounted: remount it when the value to show changes.
      <select {...rest} {...common} key={`${submitted ?? ''}|${String(defaultValue ?? '')}`} defaultValue={submitted ?? defaultValue}>
        {children}
      </select>
    );
  } else {
    const { as: _as, defaultValue, type, ...rest } = control;
    input = <input {...rest} {...common} type={type} defaultValue={secret ? undefined : (submitted ?? defaultValue)} />;
  }
  return (
    <div className={className ?? 'mb-4'}>
      <label htmlFor={id} className="mb-1 block text-sm font-medium text-stone-800">
        {label}
      </label>
      {input}
      {hint ? (
        <p id={`${id}-hint`} className="mt-1 text-xs text-stone-500">
          {hint}
        </p>
      ) : null}
      {errors?.length ? (
        <p id={`${id}-error`} className="mt-1 text-sm text-red-700">
          {errors.join(' ')}
        </p>
      ) : null}
    </div>
  );
}

/** A submit button that shows the form is being sent and cannot be pressed twice. */
export function SubmitButton({
  children,
  pendingText,
  variant = 'primary',
  ...rest
}: { children: ReactNode; pendingText?: string; variant?: ButtonVariant } & ComponentProps<'button'>) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" {...rest} disabled={pending || rest.disabled} aria-disabled={pending || rest.disabled} className={buttonClass(variant)}>
      {pending ? (
        <>
          <span aria-hidden="true" className="h-3.5 w-3.5 animate-spin rounded-full border-2 border-current border-r-transparent" />
          {pendingText ?? 'Saving…'}
        </>
      ) : (
        children
      )}
    </button>
  );
}

/**
 * The version of the record this form edits, as it was when the user began. A live refresh may
 * bring a newer version while they type; the form keeps the one their edit is based on, so the
 * server sees the conflict instead of the newer version silently losing to theirs. Untouched
 * forms follow the newest version.
 */
export function VersionField({ version }: { version: number }) {
  const { chosen, draft } = useContext(VersionOverrideContext);
  const ref = useRef<HTMLInputElement>(null);
  const dirty = useRef(false);
  const [base, setBase] = useState(version);
  useEffect(() => {
    const form = ref.current?.form;
    if (!form) return;
    const edited = () => {
      dirty.current = true;
    };
    const sent = () => {
      dirty.current = false;
    };
    form.addEventListener('input', edited);
    form.addEventListener('submit', sent);
    return () => {
      form.removeEventListener('input', edited);
      form.removeEventListener('submit', sent);
    };
  }, []);
  useEffect(() => {
    if (!dirty.current) setBase(version);
  }, [version]);
  // data-chosen tells a CarriedField that this version was chosen to overwrite, not to be lowered.
  return <input ref={ref} type="hidden" name="version" value={chosen ?? draft ?? base} data-chosen={chosen !== null ? '' : undefined} />;
}

/**
 * A field of another form (id `from`) sent with this one when it differs from its saved value,
 * so that submitting here does not drop it: the notes typed beside a verdict go with the
 * verdict. The change is then checked against the older of the two forms' versions, so that a
 * change made since to either shows as a conflict instead of being overwritten. Once saved, the
 * other form's draft (`draftKey`) is dropped with this form's (components/draft).
 */
export function CarriedField({ name, from, draftKey }: { name: string; from: string; draftKey?: string }) {
  const ref = useRef<HTMLInputElement>(null);
  const storageKey = useDraftStorageKey(draftKey);
  useEffect(() => {
    const input = ref.current;
    const form = input?.form;
    if (!input || !form) return;
    const carry = () => {
      const other = unsavedValue(from, name);
      input.disabled = other === null;
      if (!other) return;
      input.value = other.value;
      const own = form.elements.namedItem('version');
      if (own instanceof HTMLInputElement && !own.hasAttribute('data-chosen') && other.version !== null && other.version < Number(own.value))
        own.value = String(other.version);
    };
    // Before React reads the form's data, which it does further up the tree.
    form.addEventListener('submit', carry);
    return () => form.removeEventListener('submit', carry);
  }, [from, name]);
  return <input ref={ref} type="hidden" name={name} data-carried-from={from} data-draft-key={storageKey ?? undefined} disabled />;
}

/** The control for `field` in this form, or in the form a CarriedField carries it from. */
function controlFor(form: HTMLFormElement | null | undefined, field: string) {
  const el = form?.elements.namedItem(field);
  const from = el instanceof HTMLInputElement ? el.dataset.carriedFrom : undefined;
  const other = from ? document.getElementById(from) : null;
  return other instanceof HTMLFormElement ? other.elements.namedItem(field) : el;
}

/** Both versions after a conflict: theirs shown here, the user's still in the fields; merge or overwrite, deliberately. */
function ConflictNotice({ conflict, resolved, onResolve }: { conflict: Conflict; resolved: boolean; onResolve: (version: number) => void }) {
  const ref = useRef<HTMLElement>(null);
  const merge = () => {
    const form = ref.current?.closest('form');
    let first: HTMLTextAreaElement | null = null;
    for (const { field, value } of conflict.theirs) {
      const el = controlFor(form, field);
      if (el instanceof HTMLTextAreaElement && value && !el.value.includes(value)) {
        el.value = el.value.trim() ? `${value}\n\n${el.value}` : value;
        // As if typed: the draft keeps the merged text.
        el.dispatchEvent(new Event('input', { bubbles: true }));
        first ??= el;
      }
    }
    onResolve(conflict.version);
    first?.focus();
  };
  return (
    <section ref={ref} aria-label="Conflicting change" className="mb-3 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
      <h3 className="font-semibold">Their version</h3>
      <dl className="mt-1 grid gap-2">
        {conflict.theirs.map((t) => (
          <div key={t.field}>
            <dt className="font-medium">{t.label}</dt>
            <dd className="mt-0.5 whitespace-pre-wrap rounded bg-white/70 px-2 py-1">{t.value || '(empty)'}</dd>
          </div>
        ))}
      </dl>
      <p className="mt-2" aria-live="polite">
        {resolved ? 'Saving now replaces their version: check the form, then save.' : 'Your version is still in the form.'}
      </p>
      <div className="mt-2 flex flex-wrap gap-2">
        <button type="button" onClick={merge} className={buttonClass('secondary')}>
          Merge: add their text to mine
        </button>
        <button type="submit" onClick={() => flushSync(() => onResolve(conflict.version))} className={buttonClass('danger')}>
          Overwrite theirs with mine
        </button>
      </div>
    </section>
  );
}
