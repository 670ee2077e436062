import Link from 'next/link';
import { ClaimVersionFields } from '@/components/claim-fields';
import { ActionForm, Field, SubmitButton } from '@/components/form';
import { Card, DateText } from '@/components/layout';
import { decideCorrection, proposeCorrection, publishClaim } from '@/lib/actions/publishing';

type Correction = {
  id: string;
  kind: 'VERDICT' | 'UNPUBLISH' | 'REOPEN';
  status: 'PROPOSED' | 'APPROVED' | 'REJECTED';
  newVerdict: string | null;
  newRationale: string | null;
  previousVerdict: string;
  note: string;
  createdById: string | null;
  createdAt: Date;
  decidedAt: Date | null;
  proposedByName: string;
  decidedByName: string | null;
};

type Props = {
  claim: {
    id: string;
    version: number;
    publishedAt: Date | null;
    verdictLabelId: string | null;
    rationale: string | null;
    sourceChange: string | null;
    corrections: Correction[];
  };
  publicPath: string;
  labels: { id: string; name: string }[];
  canPublish: boolean;
  userId: string;
};

const PROPOSAL_TITLE: Record<Correction['kind'], string> = {
  VERDICT: 'A corrected verdict is waiting for approval',
  UNPUBLISH: 'Taking this fact-check off its public page is waiting for approval',
  REOPEN: 'Reopening this fact-check (the source changed) is waiting for approval',
};

/** A proposal another editor approves or rejects; its proposer sees why they cannot approve it. */
function PendingCorrection({ correction, claimId, canDecide, own }: { correction: Correction; claimId: string; canDecide: boolean; own: boolean }) {
  return (
    <section aria-labelledby="pending-correction" className="mb-4 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
      <h3 id="pending-correction" className="font-semibold">
        {PROPOSAL_TITLE[correction.kind]}
      </h3>
      <p className="mt-1">
        Proposed by {correction.proposedByName} on <DateText value={correction.createdAt} withTime />. The public page is unchanged until another editor
        approves it.
      </p>
      {correction.kind === 'VERDICT' ? (
        <dl className="mt-2 grid gap-1">
          <div>
            <dt className="inline font-medium">Verdict: </dt>
            <dd className="inline">
              {correction.previousVerdict} → {correction.newVerdict}
            </dd>
          </div>
          <div>
            <dt className="font-medium">New rationale</dt>
            <dd className="whitespace-pre-wrap">{correction.newRationale}</dd>
          </div>
        </dl>
      ) : null}
      <p className="mt-2">
        <span className="font-medium">Note for readers:</span> {correction.note}
      </p>
      {canDecide ? (
        <ActionForm action={decideCorrection} aria-label="Decide on the correction" className="mt-3">
          <input type="hidden" name="claimId" value={claimId} />
          <input type="hidden" name="correctionId" value={correction.id} />
          {own ? <p className="mb-2">You proposed this, so another editor approves it. You can withdraw it.</p> : null}
          <Field name="comment" label="Comment (optional)" as="textarea" rows={2} />
          <div className="flex flex-wrap gap-2">
            {own ? null : (
              <SubmitButton name="decision" value="approve" pendingText="Approving…">
                Approve correction
              </SubmitButton>
            )}
            <SubmitButton name="decision" value="reject" variant="secondary" pendingText="Saving…">
              {own ? 'Withdraw proposal' : 'Reject correction'}
            </SubmitButton>
          </div>
        </ActionForm>
      ) : null}
    </section>
  );
}

/**
 * An approved verdict's public life: publish it; once public, every change is a correction that
 * one editor proposes and another approves (a new verdict, or taking the page down).
 */
export function PublishingPanel({ claim, publicPath, labels, canPublish, userId }: Props) {
  if (!claim.publishedAt) {
    return (
      <Card title="Publishing">
        <p className="mb-3 text-sm text-stone-700">
          Not published. Publishing puts the claim, the verdict, the rationale and the sources on a public page, never notes or names.
        </p>
        {canPublish && !claim.sourceChange ? (
          <ActionForm action={publishClaim} aria-label="Publish fact-check">
            <ClaimVersionFields claim={claim} />
            <SubmitButton pendingText="Publishing…">Publish</SubmitButton>
          </ActionForm>
        ) : null}
      </Card>
    );
  }
  const pending = claim.corrections.find((c) => c.status === 'PROPOSED');
  return (
    <Card title="Publishing">
      <p className="mb-3 text-sm text-stone-700">
        Published since <DateText value={claim.publishedAt} withTime />:{' '}
        <Link href={publicPath} className="text-blue-800 underline">
          public page
        </Link>
        . It changes only by a correction that another editor approves.
      </p>
      {pending ? <PendingCorrection correction={pending} claimId={claim.id} canDecide={canPublish} own={pending.createdById === userId} /> : null}
      {canPublish && !pending ? (
        <div className="grid gap-3">
          <details className="rounded-md border border-stone-200 p-3">
            <summary className="cursor-pointer text-sm font-medium text-stone-800">Propose a correction</summary>
            <ActionForm action={proposeCorrection} aria-label="Propose a correction" className="mt-3">
              <ClaimVersionFields claim={claim} />
              <input type="hidden" name="kind" value="verdict" />
              <Field name="verdictLabelId" label="Corrected verdict" as="select" defaultValue={claim.verdictLabelId ?? ''}>
                <option value="">Choose…</option>
                {labels.map((l) => (
                  <option key={l.id} value={l.id}>
                    {l.name}
                  </option>
                ))}
              </Field>
              <Field name="rationale" label="Rationale" as="textarea" rows={4} defaultValue={claim.rationale ?? ''} />
              <Field
                name="note"
                label="Correction note"
                as="textarea"
                rows={2}
                hint="Shown to readers, dated, once another editor approves: what was wrong and what changed."
              />
              <SubmitButton variant="secondary" pendingText="Proposing…">
                Propose correction
              </SubmitButton>
            </ActionForm>
          </details>
          <details className="rounded-md border border-stone-200 p-3">
            <summary className="cursor-pointer text-sm font-medium text-stone-800">Propose unpublishing</summary>
            <ActionForm action={proposeCorrection} aria-label="Propose unpublishing" className="mt-3">
              <ClaimVersionFields claim={claim} />
              <input type="hidden" name="kind" value="unpublish" />
              <Field name="note" label="Reason for readers" as="textarea" rows={2} hint="The corrections page shows it, dated, once another editor approves." />
              <SubmitButton variant="danger" pendingText="Proposing…">
                Propose unpublishing
              </SubmitButton>
            </ActionForm>
          </details>
        </div>
      ) : null}
    </Card>
  );
}
