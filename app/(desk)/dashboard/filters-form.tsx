import Link from 'next/link';
import type { Dashboard } from '@/lib/data/dashboard';
import { Field } from '@/components/form';
import { buttonClass } from '@/components/button-class';

/** A plain GET form: the filters land in the URL, so any view can be bookmarked or shared. */
export function FiltersForm({ data }: { data: Dashboard }) {
  const { assignee, article, range, datesChosen } = data.filters;
  return (
    // Keyed by the filters shown, so the fields reset when a link (Clear, a member) changes them.
    <form
      key={`${assignee?.id}|${article?.id}|${datesChosen ? `${range.from}|${range.to}` : ''}`}
      method="get"
      action="/dashboard"
      aria-label="Dashboard filters"
      className="mb-6 card"
    >
      <div className="grid gap-x-4 sm:grid-cols-2 lg:grid-cols-[1fr_1.5fr_auto_auto]">
        <Field name="assignee" label="Team member" as="select" defaultValue={assignee?.id ?? ''}>
          <option value="">Everyone</option>
          {data.members.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name} ({m.role})
            </option>
          ))}
        </Field>
        <Field name="article" label="Article" as="select" defaultValue={article?.id ?? ''}>
          <option value="">All articles</option>
          {data.articleOptions.map((a) => (
            <option key={a.id} value={a.id}>
              {a.title}
            </option>
          ))}
        </Field>
        <Field name="from" label="From" type="date" defaultValue={datesChosen ? range.from : ''} />
        <Field name="to" label="To" type="date" defaultValue={datesChosen ? range.to : ''} />
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" className={buttonClass()}>
          Apply filters
        </button>
        <Link href="/dashboard" className={buttonClass('secondary')}>
          Clear
        </Link>
        <p className="text-xs text-stone-600">
          Dates choose the days of the approvals chart, the verdicts approved in them and the articles imported in them. Workload and deadlines are always as of
          now.
        </p>
      </div>
    </form>
  );
}
