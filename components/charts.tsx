import type { ReactNode } from 'react';

/**
 * Hand-made SVG charts (docs/decisions/0007-dashboard-charts.md). Each is one image to
 * assistive technology, with an aria-label that sums it up; the full numbers always sit in a
 * DataTable beside it. Sizes use percentages rather than a viewBox, so text keeps its size on
 * a phone instead of shrinking with the drawing.
 */

export type BarRow = { name: string; count: number };

/** One horizontal bar per row, its label above it: long labels never collide with the bars. */
export function BarChart({ rows, label }: { rows: readonly BarRow[]; label: string }) {
  const max = Math.max(1, ...rows.map((r) => r.count));
  const rowHeight = 40;
  return (
    <svg role="img" aria-label={label} width="100%" height={rows.length * rowHeight} className="block overflow-visible text-[13px]">
      {rows.map((r, i) => {
        const y = i * rowHeight;
        return (
          <g key={r.name}>
            <text x="0" y={y + 14} className="fill-stone-700">
              {r.name}
            </text>
            <text x="100%" y={y + 14} textAnchor="end" className="fill-stone-900 font-semibold tabular-nums">
              {r.count}
            </text>
            <rect x="0" y={y + 20} width="100%" height="10" rx="3" className="fill-stone-100" />
            {r.count > 0 ? <rect x="0" y={y + 20} width={`${(r.count / max) * 100}%`} height="10" rx="3" className="fill-emerald-600" /> : null}
          </g>
        );
      })}
    </svg>
  );
}

/** A column per day along a fixed-height strip; the first and last day are named below it. */
export function DailyColumnChart({
  days,
  label,
  formatDay,
}: {
  days: readonly { day: string; count: number }[];
  label: string;
  formatDay: (day: string) => string;
}) {
  const height = 140;
  const max = Math.max(1, ...days.map((d) => d.count));
  const slot = 100 / Math.max(1, days.length);
  return (
    <figure>
      <p className="mb-1 text-xs text-stone-600" aria-hidden="true">
        Most in a day: {Math.max(0, ...days.map((d) => d.count))}
      </p>
      <svg role="img" aria-label={label} width="100%" height={height} className="block border-b border-stone-300">
        {days.map((d, i) =>
          d.count > 0 ? (
            <rect
              key={d.day}
              x={`${i * slot + slot * 0.15}%`}
              width={`${slot * 0.7}%`}
              y={height - (d.count / max) * (height - 4)}
              height={(d.count / max) * (height - 4)}
              rx="1.5"
              className="fill-emerald-600"
            >
              <title>{`${formatDay(d.day)}: ${d.count}`}</title>
            </rect>
          ) : null,
        )}
      </svg>
      {days.length ? (
        <figcaption className="mt-1 flex justify-between text-xs text-stone-600" aria-hidden="true">
          <span>{formatDay(days[0].day)}</span>
          <span>{formatDay(days[days.length - 1].day)}</span>
        </figcaption>
      ) : null}
    </figure>
  );
}

/**
 * The numbers behind a chart, or a plain table of counts: the first cell of each row is its
 * header, numbers line up on the right.
 */
export function DataTable({
  caption,
  columns,
  rows,
  footer,
  captionVisible = false,
}: {
  caption: string;
  columns: readonly string[];
  rows: readonly { key: string; cells: readonly ReactNode[] }[];
  footer?: readonly ReactNode[];
  captionVisible?: boolean;
}) {
  const numeric = (i: number) => (i === 0 ? 'text-left' : 'text-right tabular-nums');
  return (
    <div className="overflow-x-auto rounded-md border border-stone-200">
      <table className="w-full text-sm">
        <caption className={captionVisible ? 'px-3 py-2 text-left text-sm font-medium text-stone-800' : 'sr-only'}>{caption}</caption>
        <thead className="border-b border-stone-200 bg-stone-50 text-xs uppercase tracking-wide text-stone-600">
          <tr>
            {columns.map((c, i) => (
              <th key={c} scope="col" className={`px-3 py-2 font-medium ${numeric(i)}`}>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-stone-100">
          {rows.map((r) => (
            <tr key={r.key}>
              {r.cells.map((cell, i) =>
                i === 0 ? (
                  <th key={i} scope="row" className="px-3 py-2 text-left font-normal text-stone-900">
                    {cell}
                  </th>
                ) : (
                  <td key={i} className={`px-3 py-2 text-stone-800 ${numeric(i)}`}>
                    {cell}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
        {footer ? (
          <tfoot className="border-t border-stone-200 bg-stone-50 font-semibold text-stone-900">
            <tr>
              {footer.map((cell, i) =>
                i === 0 ? (
                  <th key={i} scope="row" className="px-3 py-2 text-left">
                    {cell}
                  </th>
                ) : (
                  <td key={i} className={`px-3 py-2 ${numeric(i)}`}>
                    {cell}
                  </td>
                ),
              )}
            </tr>
          </tfoot>
        ) : null}
      </table>
    </div>
  );
}
