import Form from 'next/form';
import Link from 'next/link';
import { CLAIM_STATUSES, STATUS_LABEL } from '@/lib/domain/claim-status';
import { CHECK_WORTHY_THRESHOLD } from '@/lib/domain/check-worthiness';
import { defaultSort, UNASSIGNED, type ClaimListQuery } from '@/lib/validation/claims-list';
import { Field } from '@/components/form';
import { buttonClass } from '@/components/button-class';

type Props = {
  query: ClaimListQuery;
  articles: { id: string; title: string }[];
  verdictLabels: { id: string; name: string; retiredAt: Date | null }[];
  assignees: { id: string; name: string; role: string }[];
};

const threshold = `${Math.round(CHECK_WORTHY_THRESHOLD * 100)}%`;

/** Search and filters as a GET form: every view of the list is a URL to bookmark or share. */
export function ClaimFilterForm({ query, articles, verdictLabels, assignees }: Props) {
  return (
    <Form action="/claims" role="search" aria-label="Search and filter claims" className="mb-6 card">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
        <Field
          name="q"
          label="Search claims, notes and evidence titles"
          type="search"
          defaultValue={query.q}
          className="min-w-0 flex-1"
          placeholder="e.g. budget 2024 -draft"
        />
        <div className="flex gap-2">
          <button type="submit" className={buttonClass('primary')}>
            Search
          </button>
          <Link href="/claims" className={buttonClass('secondary')}>
            Clear filters
          </Link>
        </div>
      </div>
      <div className="mt-3 grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <Field name="status" label="Status" as="select" defaultValue={query.status ?? ''} className="">
          <option value="">Any status</option>
          {CLAIM_STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABEL[s]}
            </option>
          ))}
        </Field>
        <Field name="verdict" label="Verdict" as="select" defaultValue={query.verdict ?? ''} className="">
          <option value="">Any verdict</option>
          {verdictLabels.map((v) => (
            <option key={v.id} value={v.id}>
              {v.name}
              {v.retiredAt ? ' (retired)' : ''}
            </option>
          ))}
        </Field>
        <Field name="assignee" label="Assignee" as="select" defaultValue={query.assignee ?? ''} className="">
          <option value="">Anyone</option>
          <option value={UNASSIGNED}>Unassigned</option>
          {assignees.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name} ({a.role})
            </option>
          ))}
        </Field>
        <Field name="article" label="Article" as="select" defaultValue={query.article ?? ''} className="">
          <option value="">All articles</option>
          {articles.map((a) => (
            <option key={a.id} value={a.id}>
              {a.title}
            </option>
          ))}
        </Field>
        <Field name="due" label="Due" as="select" defaultValue={query.due ?? ''} className="">
          <option value="">Any due date</option>
          <option value="overdue">Overdue</option>
          <option value="week">Due within 7 days</option>
          <option value="none">No due date</option>
        </Field>
        <Field name="worthiness" label="Check-worthiness" as="select" defaultValue={query.worthiness ?? ''} className="">
          <option value="">Any score</option>
          <option value="worthy">Check-worthy ({threshold} or more)</option>
          <option value="low">Low (below {threshold})</option>
        </Field>
        <Field name="sort" label="Sort by" as="select" defaultValue={query.sort === defaultSort(query.q) ? '' : query.sort} className="">
          <option value="">Best match when searching, else latest update</option>
          <option value="updated">Most recently updated</option>
          <option value="due">Due date, soonest first</option>
          <option value="worthiness">Most check-worthy</option>
          <option value="relevance">Best match (when searching)</option>
        </Field>
      </div>
    </Form>
  );
}
