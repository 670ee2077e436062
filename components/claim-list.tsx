import { ListLink } from '@/components/list-link';
import type { ClaimStatus } from '@/lib/domain/claim-status';
import { DueDate } from '@/components/layout';
import { StatusBadge, VerdictBadge } from '@/components/status';

type Row = {
  id: string;
  text: string;
  status: ClaimStatus;
  dueAt: Date | null;
  article: { id: string; title: string };
  assignee: { name: string } | null;
  proposedBy?: { name: string } | null;
  verdictLabel: { name: string } | null;
};

/** Claims across articles, as a list of cards that reads well on a phone as on a laptop. */
export function ClaimList({ claims, now, show }: { claims: Row[]; now: Date; show: 'due' | 'proposer' }) {
  return (
    <ul className="grid gap-3">
      {claims.map((c) => (
        <li key={c.id} className="card">
          <p className="mb-1 text-xs text-stone-600">
            <ListLink href={`/articles/${c.article.id}`} className="hover:underline">
              {c.article.title}
            </ListLink>
          </p>
          <ListLink href={`/claims/${c.id}`} className="row-link font-serif text-base">
            {c.text}
          </ListLink>
          <div className="mt-2 flex flex-wrap items-center gap-3 text-sm">
            <StatusBadge status={c.status} />
            <VerdictBadge name={c.verdictLabel?.name} />
            {show === 'due' ? <DueDate value={c.dueAt} now={now} /> : <span className="text-stone-700">Proposed by {c.proposedBy?.name ?? '—'}</span>}
          </div>
        </li>
      ))}
    </ul>
  );
}
