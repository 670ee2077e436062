'use client';

import { useId, type ReactNode } from 'react';
import { useFormState } from '@/components/form';

/** The "I understand …" box of a destructive form: refused, it says why next to itself. */
export function ConfirmBox({ children }: { children: ReactNode }) {
  const errors = useFormState().fieldErrors.confirm;
  const id = useId();
  return (
    <div className="mb-3">
      <label className="flex items-baseline gap-2 text-sm text-stone-800">
        <input
          type="checkbox"
          name="confirm"
          aria-invalid={errors?.length ? true : undefined}
          aria-describedby={errors?.length ? `${id}-error` : undefined}
          className="h-4 w-4 rounded border-stone-400"
        />
        <span>{children}</span>
      </label>
      {errors?.length ? (
        <p id={`${id}-error`} className="mt-1 text-sm text-red-700">
          {errors.join(' ')}
        </p>
      ) : null}
    </div>
  );
}
