import { CLAIM_STATUSES, STATUS_LABEL, type ClaimStatus } from '@/lib/domain/claim-status';
import type { ReactNode } from 'react';

/** Colours pair with a text label everywhere: status is never shown by colour alone. */
export const STATUS_STYLE: Record<ClaimStatus, { badge: string; bar: string }> = {
  UNASSIGNED: { badge: 'bg-stone-100 text-stone-700 ring-stone-300', bar: 'bg-stone-300' },
  ASSIGNED: { badge: 'bg-sky-50 text-sky-800 ring-sky-200', bar: 'bg-sky-400' },
  IN_RESEARCH: { badge: 'bg-amber-50 text-amber-900 ring-amber-200', bar: 'bg-amber-400' },
  IN_REVIEW: { badge: 'bg-violet-50 text-violet-800 ring-violet-200', bar: 'bg-violet-500' },
  RETURNED: { badge: 'bg-rose-50 text-rose-800 ring-rose-200', bar: 'bg-rose-500' },
  APPROVED: { badge: 'bg-emerald-50 text-emerald-800 ring-emerald-200', bar: 'bg-emerald-600' },
  NOT_CHECK_WORTHY: { badge: 'bg-stone-50 text-stone-600 ring-stone-200', bar: 'bg-stone-500' },
};

export function StatusBadge({ status }: { status: ClaimStatus }) {
  return (
    <span className={`inline-flex items-center whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${STATUS_STYLE[status].badge}`}>
      {STATUS_LABEL[status]}
    </span>
  );
}

export function VerdictBadge({ name }: { name: string | null | undefined }) {
  if (!name) return <span className="text-sm text-stone-500">—</span>;
  return <span className="inline-flex items-center rounded-md bg-stone-900 px-2 py-0.5 text-xs font-semibold text-white">{name}</span>;
}

/**
 * A stacked bar of claims by status. The bar is decorative for assistive technology; the
 * same numbers follow as text (a list), so nothing depends on seeing colour. `heading`
 * replaces the visible label (a link, say); `label` still names the list.
 */
export function ProgressBar({
  counts,
  label,
  heading,
  compact = false,
}: {
  counts: Record<ClaimStatus, number>;
  label: string;
  heading?: ReactNode;
  compact?: boolean;
}) {
  const total = CLAIM_STATUSES.reduce((sum, s) => sum + counts[s], 0);
  const done = counts.APPROVED + counts.NOT_CHECK_WORTHY;
  const percent = total ? Math.round((done / total) * 100) : 0;
  const present = CLAIM_STATUSES.filter((s) => counts[s] > 0);
  return (
    <div>
      <div className="mb-1 flex items-baseline justify-between gap-2 text-sm">
        <span className="min-w-0 font-medium text-stone-800">{heading ?? label}</span>
        <span className="shrink-0 text-stone-600">
          {done} of {total} settled ({percent}%)
        </span>
      </div>
      <div className="flex h-2.5 w-full overflow-hidden rounded-full bg-stone-200" aria-hidden="true">
        {present.map((s) => (
          <div key={s} className={STATUS_STYLE[s].bar} style={{ width: `${(counts[s] / total) * 100}%` }} title={`${STATUS_LABEL[s]}: ${counts[s]}`} />
        ))}
      </div>
      <ul className={compact ? 'sr-only' : 'mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-stone-700'} aria-label={`${label}: claims by status`}>
        {present.map((s) => (
          <li key={s} className="flex items-center gap-1.5">
            <span aria-hidden="true" className={`inline-block h-2.5 w-2.5 rounded-sm ${STATUS_STYLE[s].bar}`} />
            {STATUS_LABEL[s]}: {counts[s]}
          </li>
        ))}
      </ul>
    </div>
  );
}
