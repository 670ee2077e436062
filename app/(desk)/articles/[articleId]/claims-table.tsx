import { ListLink } from '@/components/list-link';
import type { ClaimStatus } from '@/lib/domain/claim-status';
import { assignClaims, takeClaim } from '@/lib/actions/claims';
import { AssigneeOptions } from '@/components/claim-fields';
import { ActionForm, Field, SubmitButton } from '@/components/form';
import { DueDate } from '@/components/layout';
import { StatusBadge, VerdictBadge } from '@/components/status';
import { SelectAll } from '@/components/select-all';
import { WorthinessScore } from '@/components/worthiness';

type ClaimRow = {
  id: string;
  position: number;
  text: string;
  status: ClaimStatus;
  dueAt: Date | null;
  version: number;
  checkWorthiness: number;
  checkWorthinessReasons: unknown;
  previousText: string | null;
  assignee: { id: string; name: string } | null;
  verdictLabel: { name: string } | null;
};

type Props = {
  claims: ClaimRow[];
  assignees: { id: string; name: string; role: string }[];
  canAssign: boolean;
  canTake: boolean;
  now: Date;
};

/** The article's claims in order. Editors select rows and assign them in bulk; checkers take unassigned ones. */
export function ClaimsTable({ claims, assignees, canAssign, canTake, now }: Props) {
  const table = (
    <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white shadow-sm">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Claims of this article in order, with status, assignee, due date and verdict</caption>
        <thead className="border-b border-stone-200 bg-stone-50 text-xs uppercase tracking-wide text-stone-600">
          <tr>
            {canAssign ? (
              <th scope="col" className="w-10 px-3 py-2">
                <SelectAll name="claimIds" label="Select all claims on this page" />
              </th>
            ) : null}
            <th scope="col" className="w-10 px-3 py-2">
              #
            </th>
            <th scope="col" className="px-3 py-2">
              Claim
            </th>
            <th scope="col" className="px-3 py-2">
              <abbr title="Check-worthiness: how much the sentence looks like a checkable factual claim" className="no-underline">
                Score
              </abbr>
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
              Verdict
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-stone-100">
          {claims.map((c) => (
            <tr key={c.id} className="align-top">
              {canAssign ? (
                <td className="cell">
                  <input type="checkbox" name="claimIds" value={c.id} aria-label={`Select claim ${c.position}`} className="row-check" />
                </td>
              ) : null}
              <td className="cell tabular-nums text-stone-500">{c.position}</td>
              <td className="cell max-w-xl">
                <ListLink href={`/claims/${c.id}`} className="row-link">
                  {c.text}
                </ListLink>
                {c.previousText ? (
                  <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs font-semibold text-amber-900">Changed in new version</span>
                ) : null}
              </td>
              <td className="cell">
                <WorthinessScore score={c.checkWorthiness} reasons={c.checkWorthinessReasons} />
              </td>
              <td className="cell">
                <StatusBadge status={c.status} />
              </td>
              <td className="cell text-stone-700">
                {c.assignee?.name ??
                  (canTake && !canAssign && c.status === 'UNASSIGNED' ? (
                    <ActionForm action={takeClaim} showSuccess={false}>
                      <input type="hidden" name="claimId" value={c.id} />
                      <input type="hidden" name="version" value={c.version} />
                      <SubmitButton variant="secondary" pendingText="Taking…" aria-label={`Take claim ${c.position}`}>
                        Take
                      </SubmitButton>
                    </ActionForm>
                  ) : (
                    <span className="text-stone-500">—</span>
                  ))}
              </td>
              <td className="cell text-xs">{c.assignee ? <DueDate value={c.dueAt} now={now} /> : null}</td>
              <td className="cell">
                <VerdictBadge name={c.verdictLabel?.name} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );

  if (!canAssign) return table;

  return (
    <ActionForm action={assignClaims}>
      <fieldset className="mb-4 flex flex-col gap-3 card sm:flex-row sm:items-end">
        <legend className="sr-only">Assign the selected claims</legend>
        <Field name="assigneeId" label="Assign selected to" as="select" className="sm:w-64" defaultValue="">
          <AssigneeOptions assignees={assignees} />
        </Field>
        <Field name="dueAt" label="Due date (optional)" type="date" className="sm:w-48" />
        <div className="sm:pb-0.5">
          <SubmitButton pendingText="Assigning…">Assign</SubmitButton>
        </div>
      </fieldset>
      {table}
    </ActionForm>
  );
}
