import type { CheckWorthinessReason } from '@/lib/domain/check-worthiness';
import { CHECK_WORTHY_THRESHOLD } from '@/lib/domain/check-worthiness';

function asReasons(value: unknown): CheckWorthinessReason[] {
  return Array.isArray(value) ? (value as CheckWorthinessReason[]) : [];
}

/** The score as a percentage, with its strongest reason in words (all of them on the claim page). */
export function WorthinessScore({ score, reasons }: { score: number; reasons: unknown }) {
  const top = asReasons(reasons)[0];
  const worthy = score >= CHECK_WORTHY_THRESHOLD;
  return (
    <span className="block whitespace-nowrap">
      <span className={`font-semibold tabular-nums ${worthy ? 'text-stone-900' : 'text-stone-500'}`}>{Math.round(score * 100)}%</span>
      {top ? (
        <span className="score-reason" title={top.label}>
          {top.label}
        </span>
      ) : null}
    </span>
  );
}

export function WorthinessReasons({ score, reasons }: { score: number; reasons: unknown }) {
  const list = asReasons(reasons);
  return (
    <div>
      <p className="text-sm text-stone-800">
        <span className="font-semibold">{Math.round(score * 100)}%</span>{' '}
        {score >= CHECK_WORTHY_THRESHOLD ? 'looks like a checkable factual claim.' : 'looks less like a checkable factual claim.'}
      </p>
      {list.length ? (
        <ul className="mt-2 grid gap-1 text-sm">
          {list.map((r) => (
            <li key={r.code} className="flex items-baseline gap-2">
              <span aria-hidden="true" className={r.weight >= 0 ? 'text-emerald-700' : 'text-red-700'}>
                {r.weight >= 0 ? '+' : '−'}
              </span>
              <span className="sr-only">{r.weight >= 0 ? 'Raises the score:' : 'Lowers the score:'}</span>
              {r.label}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
