import { ListLink } from '@/components/list-link';
import type { ClaimListRow } from '@/lib/data/claims-list';
import { applyBulkAction } from '@/lib/actions/bulk';
import { AssigneeOptions } from '@/components/claim-fields';
import { ActionForm, Field, SubmitButton } from '@/components/form';
import { DateText, DueDate } from '@/components/layout';
import { StatusBadge, VerdictBadge } from '@/components/status';
import { SelectAll } from '@/components/select-all';

type Props = {
  claims: ClaimListRow[];
  assignees: { id: string; name: string; role: string }[];
  canAssign: boolean;
  canExclude: boolean;
  now: Date;
};

const percent = (score: number) => `${Math.round(score * 100)}%`;

/** Claims across the team's articles. Editors select rows and act on them in bulk. */
export function ClaimsListTable({ claims, assignees, canAssign, canExclude, now }: Props) {
  const selectable = canAssign || canExclude;
  const table = (
    <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white shadow-sm">
      <table className="w-full min-w-[48rem] text-left text-sm">
        <caption className="sr-only">Claims of the team with their article, status, assignee, due date, check-worthiness and verdict</caption>
        <thead className="border-b border-stone-200 bg-stone-50 text-xs uppercase tracking-wide text-stone-600">
          <tr>
            {selectable ? (
              <th scope="col" className="w-10 px-3 py-2">
                <SelectAll name="claimIds" label="Select all claims on this page" />
              </th>
            ) : null}
            <th scope="col" className="px-3 py-2">
              Claim
            </th>
            <th scope="col" className="px-3 py-2">
              Status
            </th>
            <th scope="col" className="px-3 py-2">
              Assignee
            </th>
            <th scope="col" className="px-3 py-2">
              Due
            </th>
            <th scope="col" className="px-3 py-2">
              <abbr title="Check-worthiness: how much the sentence looks like a checkable factual claim" className="no-underline">
                Score
              </abbr>
            </th>
            <th scope="col" className="px-3 py-2">
              Verdict
            </th>
            <th scope="col" className="px-3 py-2">
              Updated
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-stone-100">
          {claims.map((c) => (
            <tr key={c.id} className="align-top">
              {selectable ? (
                <td className="cell">
                  <input type="checkbox" name="claimIds" value={c.id} aria-labelledby={`claim-${c.id}`} className="row-check" />
                </td>
              ) : null}
              <td className="cell max-w-xl">
                <ListLink id={`claim-${c.id}`} href={`/claims/${c.id}`} className="row-link">
                  {c.text}
                </ListLink>
                <ListLink href={`/articles/${c.articleId}`} className="row-sublink">
                  {c.articleTitle}
                </ListLink>
              </td>
              <td className="cell">
                <StatusBadge status={c.status} />
              </td>
              <td className="cell text-stone-700">{c.assigneeName ?? <span className="text-stone-500">—</span>}</td>
              <td className="cell text-xs">
                <DueDate value={c.dueAt} now={now} />
              </td>
              <td className="cell tabular-nums text-stone-700">{percent(c.checkWorthiness)}</td>
              <td className="cell">
                <VerdictBadge name={c.verdictName} />
              </td>
              <td className="cell whitespace-nowrap text-xs text-stone-600">
                <DateText value={c.updatedAt} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );

  if (!selectable) return table;

  return (
    <ActionForm action={applyBulkAction} aria-label="Selected claims">
      <fieldset className="mb-4 grid gap-4 card">
        <legend className="px-1 text-sm font-semibold text-stone-900">With the selected claims</legend>
        {canAssign ? (
          <div className="flex flex-col gap-3 sm:flex-row sm:flex-wrap sm:items-end">
            <Field name="assigneeId" label="Checker" as="select" className="sm:w-64" defaultValue="">
              <AssigneeOptions assignees={assignees} />
            </Field>
            <Field name="dueAt" label="Due date" type="date" className="sm:w-48" />
            <div className="flex flex-wrap gap-2 sm:pb-0.5">
              <SubmitButton name="intent" value="assign" pendingText="Working…">
                Assign
              </SubmitButton>
              <SubmitButton name="intent" value="due" variant="secondary" pendingText="Working…">
                Set due date
              </SubmitButton>
            </div>
            <p className="text-xs text-stone-600 sm:basis-full">Assign sets the due date too, or clears it when the date is empty.</p>
          </div>
        ) : null}
        {canExclude ? (
          <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
            <Field name="reason" label="Reason not check-worthy" className="min-w-0 flex-1" />
            <div>
              <SubmitButton name="intent" value="exclude" variant="danger" pendingText="Working…">
                Mark not check-worthy
              </SubmitButton>
            </div>
          </div>
        ) : null}
      </fieldset>
      {table}
    </ActionForm>
  );
}
