import Link from 'next/link';
import { ClaimVersionFields } from '@/components/claim-fields';
import { ActionForm, Field, SubmitButton } from '@/components/form';
import { Card, DateText } from '@/components/layout';
import { correctVerdict, publishClaim, unpublishClaim } from '@/lib/actions/publishing';

type Props = {
  claim: { id: string; version: number; publishedAt: Date | null; verdictLabelId: string | null; rationale: string | null };
  publicPath: string;
  labels: { id: string; name: string }[];
  canPublish: boolean;
};

/** An approved verdict's public life: publish it, correct it in public, or take it down. */
export function PublishingPanel({ claim, publicPath, labels, canPublish }: Props) {
  if (!claim.publishedAt) {
    return (
      <Card title="Publishing">
        <p className="mb-3 text-sm text-stone-700">Not published. Publishing puts the claim, the verdict, the rationale and the sources on a public page, never notes or names.</p>
        {canPublish ? (
          <ActionForm action={publishClaim} aria-label="Publish fact-check">
            <ClaimVersionFields claim={claim} />
            <SubmitButton pendingText="Publishing…">Publish</SubmitButton>
          </ActionForm>
        ) : null}
      </Card>
    );
  }
  return (
    <Card title="Publishing">
      <p className="mb-3 text-sm text-stone-700">
        Published since <DateText value={claim.publishedAt} withTime />:{' '}
        <Link href={publicPath} className="text-blue-800 underline">
          public page
        </Link>
        .
      </p>
      {canPublish ? (
        <>
          <ActionForm action={correctVerdict} aria-label="Correct published verdict" className="mb-4 border-b border-stone-100 pb-4">
            <ClaimVersionFields claim={claim} />
            <Field name="verdictLabelId" label="Corrected verdict" as="select" defaultValue={claim.verdictLabelId ?? ''}>
              <option value="">Choose…</option>
              {labels.map((l) => (
                <option key={l.id} value={l.id}>
                  {l.name}
                </option>
              ))}
            </Field>
            <Field name="rationale" label="Rationale" as="textarea" rows={4} defaultValue={claim.rationale ?? ''} />
            <Field name="note" label="Correction note" as="textarea" rows={2} hint="Shown to readers with today’s date, e.g. what was wrong and what changed." />
            <SubmitButton variant="secondary" pendingText="Publishing correction…">
              Publish correction
            </SubmitButton>
          </ActionForm>
          <ActionForm action={unpublishClaim} aria-label="Unpublish fact-check">
            <ClaimVersionFields claim={claim} />
            <SubmitButton variant="danger" pendingText="Unpublishing…">
              Unpublish
            </SubmitButton>
          </ActionForm>
        </>
      ) : null}
    </Card>
  );
}
