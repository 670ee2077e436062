import type { ReactNode } from 'react';

export function PageHeader({ title, description, actions, eyebrow }: { title: string; description?: ReactNode; actions?: ReactNode; eyebrow?: ReactNode }) {
  return (
    <div className="mb-6 flex flex-col gap-3 border-b border-stone-200 pb-5 sm:flex-row sm:items-end sm:justify-between">
      <div className="min-w-0">
        {eyebrow ? <div className="mb-1 text-sm text-stone-600">{eyebrow}</div> : null}
        <h1 className="font-serif text-2xl font-semibold leading-tight text-stone-900 sm:text-3xl">{title}</h1>
        {description ? <div className="mt-1 text-sm text-stone-600">{description}</div> : null}
      </div>
      {actions ? <div className="flex shrink-0 flex-wrap gap-2">{actions}</div> : null}
    </div>
  );
}

export function Card({ title, children, className, headingLevel = 2 }: { title?: string; children: ReactNode; className?: string; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section className={`card sm:p-5 ${className ?? ''}`} aria-label={title}>
      {title ? <Heading className="mb-3 text-base font-semibold text-stone-900">{title}</Heading> : null}
      {children}
    </section>
  );
}

/** What an empty list says: what it is for and what to do next. */
export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="rounded-lg border border-dashed border-stone-300 bg-white px-6 py-10 text-center">
      <p className="font-medium text-stone-900">{title}</p>
      {children ? <div className="mt-2 text-sm text-stone-600">{children}</div> : null}
    </div>
  );
}

const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
const dateTimeFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'UTC',
});

export function DateText({ value, withTime = false }: { value: Date | null | undefined; withTime?: boolean }) {
  if (!value) return <span className="text-stone-500">—</span>;
  return <time dateTime={value.toISOString()}>{withTime ? `${dateTimeFormat.format(value)} UTC` : dateFormat.format(value)}</time>;
}

/** A due date, marked "Overdue" in words as well as colour once it has passed. */
export function DueDate({ value, now }: { value: Date | null; now: Date }) {
  if (!value) return <span className="text-stone-500">No due date</span>;
  const overdue = value < now;
  return (
    <span className={overdue ? 'font-medium text-red-700' : 'text-stone-700'}>
      <DateText value={value} />
      {overdue ? <span className="overdue-tag">Overdue</span> : null}
    </span>
  );
}
