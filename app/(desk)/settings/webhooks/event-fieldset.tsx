'use client';

import { useId } from 'react';
import { useFormState } from '@/components/form';
import { eventField } from '@/lib/validation/webhooks';
import { WEBHOOK_EVENT_DESCRIPTIONS, WEBHOOK_EVENTS } from '@/lib/webhooks/events';

/** The events of a new webhook: ticked boxes survive a refused submission, like typed text. */
export function EventFieldset() {
  const state = useFormState();
  const id = useId();
  const errors = state.fieldErrors.events;
  const refused = Object.keys(state.values).length > 0;
  return (
    <fieldset className="mb-4" aria-describedby={errors?.length ? `${id}-error` : undefined}>
      <legend className="mb-1 text-sm font-medium text-stone-800">Events</legend>
      <ul className="space-y-1">
        {WEBHOOK_EVENTS.map((event) => {
          const name = eventField(event);
          const checked = refused ? state.values[name] === 'on' : false;
          return (
            <li key={event}>
              <label className="flex items-baseline gap-2 text-sm text-stone-800">
                {/* Remounted when the values to show change: a checkbox ignores a changed defaultChecked. */}
                <input
                  key={`${event}|${checked}`}
                  type="checkbox"
                  name={name}
                  defaultChecked={checked}
                  aria-invalid={errors?.length ? true : undefined}
                  className="h-4 w-4 rounded border-stone-400"
                />
                <span>
                  {WEBHOOK_EVENT_DESCRIPTIONS[event]} <code className="text-xs text-stone-600">{event}</code>
                </span>
              </label>
            </li>
          );
        })}
      </ul>
      {errors?.length ? (
        <p id={`${id}-error`} className="mt-1 text-sm text-red-700">
          {errors.join(' ')}
        </p>
      ) : null}
    </fieldset>
  );
}
