import { ClaimVersionFields } from '@/components/claim-fields';
import { ActionForm, Field, SubmitButton } from '@/components/form';
import { Card } from '@/components/layout';
import { markChangeReviewed, mergeWithNext, saveAsChecked, splitClaim } from '@/lib/actions/claim-edits';
import { decideSourceChange } from '@/lib/actions/publishing';
import { splitPoints } from '@/lib/domain/claim-edit';

type Claim = { id: string; version: number; text: string; asChecked: string | null; previousText: string | null };

/** Shown when a re-import changed the sentence: old and new side by side until someone has looked. */
export function ChangedSentence({ claim, canClear }: { claim: Claim; canClear: boolean }) {
  if (!claim.previousText) return null;
  return (
    <section aria-labelledby="changed-heading" className="rounded-lg border border-amber-300 bg-amber-50 p-4">
      <h2 id="changed-heading" className="text-sm font-semibold text-amber-950">
        This sentence changed in a new version of the article
      </h2>
      <div className="mt-3 grid gap-3 text-sm sm:grid-cols-2">
        <div className="rounded-md bg-white p-3">
          <p className="text-xs font-semibold uppercase text-red-800">Before (the work was done on this)</p>
          <p className="mt-1 font-serif">{claim.previousText}</p>
        </div>
        <div className="rounded-md bg-white p-3">
          <p className="text-xs font-semibold uppercase text-emerald-800">Now</p>
          <p className="mt-1 font-serif">{claim.text}</p>
        </div>
      </div>
      {canClear ? (
        <ActionForm action={markChangeReviewed} className="mt-3" aria-label="Mark change reviewed">
          <ClaimVersionFields claim={claim} />
          <SubmitButton variant="secondary" pendingText="Saving…">
            I have checked the change
          </SubmitButton>
        </ActionForm>
      ) : null}
    </section>
  );
}

export function AsCheckedForm({ claim }: { claim: Claim }) {
  return (
    <ActionForm action={saveAsChecked} aria-label="Claim as checked">
      <ClaimVersionFields claim={claim} />
      <Field
        name="asChecked"
        label="Claim as checked"
        as="textarea"
        rows={2}
        defaultValue={claim.asChecked ?? ''}
        hint="A neutral restatement of exactly what you are checking. The sentence as stated never changes."
      />
      <SubmitButton variant="secondary" pendingText="Saving…">
        Save restatement
      </SubmitButton>
    </ActionForm>
  );
}

/** Editors correct the split: cut this claim in two, or join it with the next one. */
export function SplitMergePanel({ claim, hasNext }: { claim: Claim; hasNext: boolean }) {
  const points = splitPoints(claim.text);
  return (
    <Card title="Correct the split">
      <div className="grid gap-4">
        {points.length ? (
          <ActionForm action={splitClaim} aria-label="Split claim">
            <ClaimVersionFields claim={claim} />
            <Field name="offset" label="Split after" as="select" defaultValue="">
              <option value="">Choose where the second sentence starts…</option>
              {points.map((p) => (
                <option key={p.offset} value={p.offset}>
                  {p.label}
                </option>
              ))}
            </Field>
            <SubmitButton variant="secondary" pendingText="Splitting…">
              Split into two claims
            </SubmitButton>
          </ActionForm>
        ) : null}
        {hasNext ? (
          <ActionForm action={mergeWithNext} aria-label="Merge with next claim">
            <ClaimVersionFields claim={claim} />
            <p className="mb-2 text-sm text-stone-600">Joins this claim and the next into one; the next one’s evidence and notes move here.</p>
            <SubmitButton variant="secondary" pendingText="Merging…">
              Merge with next claim
            </SubmitButton>
          </ActionForm>
        ) : null}
      </div>
    </Card>
  );
}

type Flagged = {
  id: string;
  version: number;
  text: string;
  sourceChange: 'CHANGED' | 'REMOVED' | null;
  sourceText: string | null;
  publishedAt: Date | null;
  status: string;
};

/**
 * A re-import changed or removed the sentence of this checked claim. The claim was left as it was
 * checked; an editor keeps it that way or reopens it with the sentence as it now reads.
 */
export function SourceChangePanel({ claim, canDecide }: { claim: Flagged; canDecide: boolean }) {
  if (!claim.sourceChange) return null;
  const removed = claim.sourceChange === 'REMOVED';
  return (
    <section aria-labelledby="source-change-heading" className="rounded-lg border border-amber-400 bg-amber-50 p-4">
      <h2 id="source-change-heading" className="text-sm font-semibold text-amber-950">
        {removed ? 'Removed from source' : 'Source changed'}
      </h2>
      <p className="mt-1 text-sm text-amber-950">
        {removed
          ? 'A new version of the article no longer has this sentence. The claim is unchanged, as it was checked'
          : 'A new version of the article words this sentence differently. The claim is unchanged, as it was checked'}
        {claim.publishedAt ? ', and its public page too.' : '.'}
      </p>
      <div className="mt-3 grid gap-3 text-sm sm:grid-cols-2">
        <div className="rounded-md bg-white p-3">
          <p className="text-xs font-semibold uppercase text-stone-700">As checked</p>
          <p className="mt-1 font-serif">{claim.text}</p>
        </div>
        <div className="rounded-md bg-white p-3">
          <p className="text-xs font-semibold uppercase text-stone-700">The source now</p>
          <p className="mt-1 font-serif">{removed ? <em>(sentence removed)</em> : claim.sourceText}</p>
        </div>
      </div>
      {canDecide ? (
        <ActionForm action={decideSourceChange} className="mt-3" aria-label="Decide on the source change">
          <ClaimVersionFields claim={claim} />
          {removed ? null : (
            <Field
              name="comment"
              label="Note (optional)"
              as="textarea"
              rows={2}
              hint={
                claim.publishedAt
                  ? 'Reopening a published fact-check unpublishes it by a dated correction that another editor approves; this note is shown to readers.'
                  : 'Shown to the checker when you reopen.'
              }
            />
          )}
          <div className="flex flex-wrap gap-2">
            <SubmitButton name="decision" value="keep" variant="secondary" pendingText="Saving…">
              Keep as checked
            </SubmitButton>
            {removed ? null : (
              <SubmitButton name="decision" value="reopen" pendingText="Saving…">
                {claim.publishedAt ? 'Propose reopening' : 'Reopen with the new sentence'}
              </SubmitButton>
            )}
          </div>
        </ActionForm>
      ) : (
        <p className="mt-3 text-sm text-amber-950">An editor decides whether to keep it as checked or reopen it.</p>
      )}
    </section>
  );
}
