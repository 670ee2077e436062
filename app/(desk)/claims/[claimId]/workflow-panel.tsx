import { AssigneeOptions, ClaimVersionFields } from '@/components/claim-fields';
import { ActionForm, CarriedField, Field, SubmitButton } from '@/components/form';
import { Card } from '@/components/layout';
import { assignClaims, excludeClaim, includeClaim, reviewClaim, startResearch, submitVerdict, takeClaim } from '@/lib/actions/claims';
import { can } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/session';
import { isOpen } from '@/lib/domain/claim-status';
import { canResearch, transition, type WorkflowClaim } from '@/lib/domain/workflow';
import { NOTES_DRAFT_KEY, NOTES_FORM_ID } from './notes-form';

type Props = {
  claim: WorkflowClaim & { id: string; version: number; verdictLabelId: string | null; rationale: string | null; dueAt: Date | null; publishedAt: Date | null };
  user: SessionUser;
  labels: { id: string; name: string }[];
  assignees: { id: string; name: string; role: string }[];
};

/** The next steps open to this user on this claim; the server checks each again. */
export function WorkflowPanel({ claim, user, labels, assignees }: Props) {
  const allowed = (event: Parameters<typeof transition>[1]) => transition(claim, event, user).ok;
  const sections = [];

  if (allowed({ type: 'take' }) && !can(user, 'claim.assign')) {
    sections.push(
      <ActionForm key="take" action={takeClaim} aria-label="Take claim">
        <ClaimVersionFields claim={claim} />
        <p className="mb-3 text-sm text-stone-700">Nobody is checking this claim yet.</p>
        <SubmitButton pendingText="Taking…">Take this claim</SubmitButton>
      </ActionForm>,
    );
  }

  if (can(user, 'claim.assign') && allowed({ type: 'assign', assigneeId: user.id })) {
    sections.push(
      <ActionForm key="assign" action={assignClaims} aria-label="Assign claim">
        <input type="hidden" name="claimIds" value={claim.id} />
        <Field name="assigneeId" label="Assign to" as="select" defaultValue={claim.assigneeId ?? ''}>
          <AssigneeOptions assignees={assignees} />
        </Field>
        <Field name="dueAt" label="Due date (optional)" type="date" defaultValue={claim.dueAt?.toISOString().slice(0, 10) ?? ''} />
        <SubmitButton variant="secondary" pendingText="Assigning…">
          {claim.assigneeId ? 'Reassign' : 'Assign'}
        </SubmitButton>
      </ActionForm>,
    );
  }

  if (claim.assigneeId === user.id && claim.status === 'ASSIGNED') {
    sections.push(
      <ActionForm key="start" action={startResearch} aria-label="Start research">
        <ClaimVersionFields claim={claim} />
        <SubmitButton pendingText="Starting…">Start research</SubmitButton>
      </ActionForm>,
    );
  }

  if (canResearch(claim, user) && claim.assigneeId === user.id) {
    sections.push(
      <ActionForm key="verdict" action={submitVerdict} aria-label="Propose verdict" draftKey="verdict">
        <ClaimVersionFields claim={claim} />
        <CarriedField name="notes" from={NOTES_FORM_ID} draftKey={NOTES_DRAFT_KEY} />
        <Field name="verdictLabelId" label="Verdict" as="select" defaultValue={claim.verdictLabelId ?? ''}>
          <option value="">Choose a verdict…</option>
          {labels.map((l) => (
            <option key={l.id} value={l.id}>
              {l.name}
            </option>
          ))}
        </Field>
        <Field
          name="rationale"
          label="Rationale"
          as="textarea"
          rows={6}
          defaultValue={claim.rationale ?? ''}
          hint="Explain the verdict for the reader: what the evidence shows and why."
        />
        <SubmitButton pendingText="Submitting…">Submit for review</SubmitButton>
      </ActionForm>,
    );
  }

  if (claim.status === 'IN_REVIEW' && can(user, 'claim.review')) {
    const own = claim.proposedById === user.id;
    sections.push(
      <ActionForm key="review" action={reviewClaim} aria-label="Review verdict" draftKey="review">
        <ClaimVersionFields claim={claim} />
        {own ? (
          <p className="mb-3 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">You proposed this verdict, so another editor has to approve it.</p>
        ) : null}
        <Field name="comment" label="Comment for the checker" as="textarea" rows={3} hint="Required when you return the claim." />
        <div className="flex flex-wrap gap-2">
          {own ? null : (
            <SubmitButton name="decision" value="approve" pendingText="Saving…">
              Approve verdict
            </SubmitButton>
          )}
          <SubmitButton name="decision" value="return" variant="secondary" pendingText="Saving…">
            Return to checker
          </SubmitButton>
        </div>
      </ActionForm>,
    );
  }

  if (claim.status === 'APPROVED' && claim.publishedAt && can(user, 'claim.review')) {
    sections.push(
      <p key="published" className="text-sm text-stone-700">
        This verdict is published. It changes only by a correction that another editor approves: see Publishing.
      </p>,
    );
  } else if (claim.status === 'APPROVED' && can(user, 'claim.review')) {
    sections.push(
      <ActionForm key="reopen" action={reviewClaim} aria-label="Reopen verdict">
        <ClaimVersionFields claim={claim} />
        <p className="mb-3 text-sm text-stone-700">This verdict is approved and final.</p>
        <Field name="comment" label="Reason to reopen" as="textarea" rows={2} />
        <SubmitButton name="decision" value="reopen" variant="secondary" pendingText="Reopening…">
          Reopen verdict
        </SubmitButton>
      </ActionForm>,
    );
  }

  if (isOpen(claim.status) && allowed({ type: 'exclude', reason: 'x' })) {
    sections.push(
      <details key="exclude" className="rounded-md border border-stone-200 p-3">
        <summary className="cursor-pointer text-sm font-medium text-stone-800">Not a checkable statement?</summary>
        <ActionForm action={excludeClaim} className="mt-3" aria-label="Mark not check-worthy">
          <ClaimVersionFields claim={claim} />
          <Field name="reason" label="Reason" hint="For example: opinion, question, prediction, headline filler." />
          <SubmitButton variant="secondary" pendingText="Saving…">
            Mark not check-worthy
          </SubmitButton>
        </ActionForm>
      </details>,
    );
  }

  if (claim.status === 'NOT_CHECK_WORTHY' && allowed({ type: 'include' })) {
    sections.push(
      <ActionForm key="include" action={includeClaim} aria-label="Bring claim back">
        <ClaimVersionFields claim={claim} />
        <SubmitButton variant="secondary" pendingText="Saving…">
          Bring back into the workflow
        </SubmitButton>
      </ActionForm>,
    );
  }

  return (
    <Card title="Next steps">
      {sections.length ? (
        <div className="grid gap-5">{sections}</div>
      ) : (
        <p className="text-sm text-stone-600">Nothing for you to do on this claim right now.</p>
      )}
    </Card>
  );
}
