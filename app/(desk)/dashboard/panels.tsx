import Link from 'next/link';
import { ListLink } from '@/components/list-link';
import type { ReactNode } from 'react';
import type { Dashboard } from '@/lib/data/dashboard';
import { SOON_DUE_DAYS } from '@/lib/data/dashboard';
import { CLAIM_STATUSES, STATUS_LABEL } from '@/lib/domain/claim-status';
import { Card, DueDate } from '@/components/layout';
import { ProgressBar, StatusBadge } from '@/components/status';
import { BarChart, DailyColumnChart, DataTable } from '@/components/charts';

const shortDay = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
const longDay = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const asDate = (day: string) => new Date(`${day}T00:00:00Z`);
const formatDay = (day: string) => longDay.format(asDate(day));
const formatShortDay = (day: string) => shortDay.format(asDate(day));

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function Note({ children }: { children: ReactNode }) {
  return <p className="mb-3 text-sm text-stone-600">{children}</p>;
}

/** A quiet "nothing here" inside a panel, saying what would fill it. */
function PanelEmpty({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="rounded-md border border-dashed border-stone-300 px-4 py-6 text-center">
      <p className="font-medium text-stone-900">{title}</p>
      <div className="mt-1 text-sm text-stone-600">{children}</div>
    </div>
  );
}

function NumbersDetails({ summary, children }: { summary: string; children: ReactNode }) {
  return (
    <details className="mt-4">
      <summary className="cursor-pointer text-sm font-medium text-blue-800">{summary}</summary>
      <div className="mt-2">{children}</div>
    </details>
  );
}

export function ArticleProgressPanel({ data, canImport }: { data: Dashboard; canImport: boolean }) {
  const { articles, total, more } = data.progress;
  const { assignee, datesChosen, range } = data.filters;
  const filtered = Boolean(assignee || data.filters.article || datesChosen);
  return (
    <Card title="Progress by article" className="mb-6">
      <Note>
        {assignee ? `Claims assigned to ${assignee.name}, by status` : 'Claims by status'}, newest articles first
        {datesChosen ? `, imported ${formatDay(range.from)} to ${formatDay(range.to)}` : ''}.
      </Note>
      {articles.length === 0 ? (
        <PanelEmpty title={filtered ? 'No articles match these filters' : 'No articles yet'}>
          {filtered ? (
            <Link href="/dashboard" className="text-blue-700 underline">
              Clear the filters
            </Link>
          ) : canImport ? (
            <>
              <Link href="/articles/new" className="text-blue-700 underline">
                Import an article
              </Link>{' '}
              to start checking its claims.
            </>
          ) : (
            'Articles appear here once an editor imports them.'
          )}
        </PanelEmpty>
      ) : (
        <>
          <ul className="grid gap-4">
            {articles.map((a) => (
              <li key={a.id}>
                <ProgressBar
                  counts={a.counts}
                  label={a.title}
                  heading={
                    <ListLink href={`/articles/${a.id}`} className="hover:underline">
                      {a.title}
                    </ListLink>
                  }
                />
              </li>
            ))}
          </ul>
          {more > 0 ? (
            <p className="mt-4 text-sm text-stone-600">
              And {plural(more, 'older article')} not shown: choose an article or dates above, or see{' '}
              <Link href="/articles" className="text-blue-700 underline">
                all articles
              </Link>
              .
            </p>
          ) : null}
          <NumbersDetails summary="Progress as a table">
            <DataTable
              caption={`Claims by status for the ${plural(articles.length, 'article')} shown, of ${total}`}
              columns={['Article', ...CLAIM_STATUSES.map((s) => STATUS_LABEL[s]), 'Total']}
              rows={articles.map((a) => ({
                key: a.id,
                cells: [a.title, ...CLAIM_STATUSES.map((s) => a.counts[s]), CLAIM_STATUSES.reduce((sum, s) => sum + a.counts[s], 0)],
              }))}
            />
          </NumbersDetails>
        </>
      )}
    </Card>
  );
}

export function VerdictPanel({ data }: { data: Dashboard }) {
  const { rows, total } = data.verdicts;
  const { datesChosen, range } = data.filters;
  const when = datesChosen ? ` from ${formatDay(range.from)} to ${formatDay(range.to)}` : '';
  const summary = `${plural(total, 'verdict')} approved${when}: ${rows.map((r) => `${r.name} ${r.count}`).join(', ')}`;
  return (
    <Card title="Verdicts">
      <Note>Approved claims by verdict, in the order of your scale{when ? `, approved${when}` : ''}.</Note>
      {total === 0 ? (
        <PanelEmpty title="No approved verdicts yet">
          They are counted here once an editor approves them in the{' '}
          <Link href="/review" className="text-blue-700 underline">
            review queue
          </Link>
          {datesChosen ? '; or widen the dates' : ''}.
        </PanelEmpty>
      ) : (
        <>
          <BarChart rows={rows} label={summary} />
          <NumbersDetails summary="Verdicts as a table">
            <DataTable
              caption="Approved verdicts by label"
              columns={['Verdict', 'Claims', 'Share']}
              rows={rows.map((r) => ({ key: r.id, cells: [r.name, r.count, `${Math.round((r.count / total) * 100)}%`] }))}
              footer={['Total', total, '100%']}
            />
          </NumbersDetails>
        </>
      )}
    </Card>
  );
}

export function ApprovalsPanel({ data }: { data: Dashboard }) {
  const { days, total, range } = data.approvals;
  const period = `${formatDay(range.from)} to ${formatDay(range.to)}`;
  const busiest = days.reduce((best, d) => (d.count > best.count ? d : best), days[0]);
  return (
    <Card title="Approved per day">
      <Note>
        {plural(total, 'claim')} approved, {period} (UTC days).
      </Note>
      {total === 0 ? (
        <PanelEmpty title="Nothing approved in these days">Choose earlier dates above, or approve verdicts waiting in the review queue.</PanelEmpty>
      ) : (
        <>
          <DailyColumnChart
            days={days}
            formatDay={formatShortDay}
            label={`Claims approved per day, ${period}: ${total} in all over ${plural(days.length, 'day')}, most on ${formatDay(busiest.day)} (${busiest.count}).`}
          />
          <NumbersDetails summary="Approvals per day as a table">
            <DataTable
              caption={`Claims approved per day, ${period}`}
              columns={['Day', 'Approved']}
              rows={days.map((d) => ({ key: d.day, cells: [formatDay(d.day), d.count] }))}
              footer={['Total', total]}
            />
          </NumbersDetails>
        </>
      )}
    </Card>
  );
}

export function WorkloadPanel({ data, memberHref }: { data: Dashboard; memberHref: (id: string) => string }) {
  const rows = data.workload;
  return (
    <Card title="Workload" className="mb-6">
      <Note>Open claims of each checker and editor, as of now. Overdue: past the due date and not yet submitted for review.</Note>
      {rows.length === 0 ? (
        <PanelEmpty title="No checkers on the team yet">An admin adds checkers and editors in Settings; their work shows here.</PanelEmpty>
      ) : (
        <DataTable
          caption="Open claims per team member by status"
          columns={['Member', 'Assigned', 'In research', 'In review', 'Returned', 'Overdue', 'Open']}
          rows={rows.map((m) => ({
            key: m.id,
            cells: [
              <ListLink
                key="name"
                href={memberHref(m.id)}
                className="text-blue-800 hover:underline"
                aria-label={`${m.name} (${m.role}): show only their claims`}
              >
                {m.name} <span className="text-stone-500">({m.role})</span>
              </ListLink>,
              m.ASSIGNED,
              m.IN_RESEARCH,
              m.IN_REVIEW,
              m.RETURNED,
              m.overdue > 0 ? <span className="font-semibold text-red-700">{m.overdue}</span> : 0,
              m.ASSIGNED + m.IN_RESEARCH + m.IN_REVIEW + m.RETURNED,
            ],
          }))}
        />
      )}
    </Card>
  );
}

export function DuePanel({ data, now }: { data: Dashboard; now: Date }) {
  const { claims, total, overdue, soon } = data.due;
  return (
    <Card title="Overdue and due soon">
      <Note>
        {overdue} overdue, {soon} due in the next {SOON_DUE_DAYS} days; soonest first. Claims in review wait on an editor and are not listed.
      </Note>
      {total === 0 ? (
        <PanelEmpty title="Nothing overdue or due soon">Set due dates when you assign claims on an article page; claims that slip appear here.</PanelEmpty>
      ) : (
        <>
          <ul className="divide-y divide-stone-100" aria-label="Overdue and soon-due claims">
            {claims.map((c) => (
              <li key={c.id} className="py-3">
                <p className="mb-1 text-xs text-stone-600">
                  <ListLink href={`/articles/${c.article.id}`} className="hover:underline">
                    {c.article.title}
                  </ListLink>
                </p>
                <ListLink href={`/claims/${c.id}`} className="font-serif text-stone-900 hover:text-blue-800 hover:underline">
                  {c.text}
                </ListLink>
                <div className="mt-1.5 flex flex-wrap items-center gap-3 text-sm">
                  <StatusBadge status={c.status} />
                  <span className="text-stone-700">{c.assignee?.name ?? 'Unassigned'}</span>
                  <DueDate value={c.dueAt} now={now} />
                </div>
              </li>
            ))}
          </ul>
          {total > claims.length ? (
            <p className="mt-2 text-sm text-stone-600">
              Showing the first {claims.length} of {total}. Choose a team member or article above to narrow the list.
            </p>
          ) : null}
        </>
      )}
    </Card>
  );
}
