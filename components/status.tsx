import { CLAIM_STATUSES, STATUS_LABEL, type ClaimStatus } from '@/lib/domain/claim-status';
import type { ReactNode } from 'react';

/**
 * Colours pair with a text label everywhere: status is never shown by colour alone. `mark` tints
 * and underlines a sentence in running text (the annotated article). A badge's colours are the
 * `badge-<STATUS>` classes of app/globals.css.
 */
export const STATUS_STYLE: Record<ClaimStatus, { bar: string; mark: string }> = {
  UNASSIGNED: { bar: 'bg-stone-300', mark: 'bg-stone-100 decoration-stone-400' },
  ASSIGNED: { bar: 'bg-sky-400', mark: 'bg-sky-100 decoration-sky-500' },
  IN_RESEARCH: { bar: 'bg-amber-400', mark: 'bg-amber-100 decoration-amber-500' },
  IN_REVIEW: { bar: 'bg-violet-500', mark: 'bg-violet-100 decoration-violet-500' },
  RETURNED: { bar: 'bg-rose-500', mark: 'bg-rose-100 decoration-rose-500' },
  APPROVED: { bar: 'bg-emerald-600', mark: 'bg-emerald-100 decoration-emerald-600' },
  NOT_CHECK_WORTHY: { bar: 'bg-stone-500', mark: 'bg-white decoration-stone-400 decoration-dotted' },
};

/**
 * Verdict tints by the label's place in the team's scale, which runs from most to least
 * accurate: green through red for the default scale, then hues that read as "other".
 */
const VERDICT_MARKS = [
  'bg-emerald-100 decoration-emerald-600',
  'bg-lime-100 decoration-lime-600',
  'bg-yellow-100 decoration-yellow-500',
  'bg-orange-100 decoration-orange-500',
  'bg-red-100 decoration-red-600',
  'bg-fuchsia-100 decoration-fuchsia-600',
  'bg-slate-200 decoration-slate-500',
  'bg-cyan-100 decoration-cyan-600',
];

const NO_VERDICT_MARK = 'bg-white decoration-stone-400 decoration-dotted';

export function verdictMark(indexInScale: number): string {
  return indexInScale < 0 ? NO_VERDICT_MARK : VERDICT_MARKS[indexInScale % VERDICT_MARKS.length];
}

/** The shared shape of a marked sentence; a `mark` class above gives its colours. */
export const MARK_BASE = 'underline decoration-2 underline-offset-4 box-decoration-clone';

export function StatusBadge({ status }: { status: ClaimStatus }) {
  return <span className={`badge badge-${status}`}>{STATUS_LABEL[status]}</span>;
}

export function VerdictBadge({ name }: { name: string | null | undefined }) {
  if (!name) return <span className="text-sm text-stone-500">—</span>;
  return <span className="verdict-badge">{name}</span>;
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
