import { ListLink } from '@/components/list-link';
import { ActionForm, SubmitButton } from '@/components/form';
import { Card } from '@/components/layout';
import { VerdictBadge } from '@/components/status';
import { reuseVerdict } from '@/lib/actions/claim-edits';
import type { SimilarClaim } from '@/lib/data/similar-claims';

/** The team's earlier, approved claims most like this one; the assigned checker may reuse one. */
export function SimilarClaims({ claim, similar, canReuse }: { claim: { id: string; version: number }; similar: SimilarClaim[]; canReuse: boolean }) {
  return (
    <Card title="Previously checked">
      {similar.length === 0 ? (
        <p className="text-sm text-stone-600">No approved claim in your other articles reads like this one.</p>
      ) : (
        <ol className="grid gap-3" aria-label="Similar approved claims, most similar first">
          {similar.map((s) => (
            <li key={s.id} className="rounded-md border border-stone-200 p-3 text-sm">
              <ListLink href={`/claims/${s.id}`} className="font-serif text-stone-900 underline">
                {s.text}
              </ListLink>
              <p className="mt-1 flex flex-wrap items-center gap-2 text-xs text-stone-600">
                <VerdictBadge name={s.verdict} />
                <span>{Math.round(s.score * 100)}% similar</span>
                <span>· {s.articleTitle}</span>
              </p>
              {canReuse ? (
                <ActionForm action={reuseVerdict} className="mt-2" aria-label={`Reuse verdict of: ${s.text}`}>
                  <input type="hidden" name="claimId" value={claim.id} />
                  <input type="hidden" name="version" value={claim.version} />
                  <input type="hidden" name="sourceClaimId" value={s.id} />
                  <SubmitButton variant="secondary" pendingText="Copying…">
                    Reuse this verdict
                  </SubmitButton>
                </ActionForm>
              ) : null}
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
