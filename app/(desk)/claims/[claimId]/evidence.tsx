import { ActionForm, Field, SubmitButton, VersionField } from '@/components/form';
import { addEvidence, removeEvidence, updateEvidence } from '@/lib/actions/evidence';
import { can } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/session';
import { canResearch, type WorkflowClaim } from '@/lib/domain/workflow';
import { STANCE_LABEL, STANCES } from '@/lib/validation/claim';
import { WebLink } from '@/components/web-link';

type Evidence = {
  version: number;
  id: string;
  url: string;
  title: string;
  publisher: string | null;
  stance: (typeof STANCES)[number];
  quote: string | null;
  archiveUrl: string | null;
  note: string | null;
  author: { id: string; name: string };
};

const STANCE_STYLE: Record<Evidence['stance'], string> = {
  SUPPORTS: 'bg-emerald-50 text-emerald-800 ring-emerald-200',
  REFUTES: 'bg-red-50 text-red-800 ring-red-200',
  CONTEXT: 'bg-sky-50 text-sky-800 ring-sky-200',
};

function EvidenceFields({ evidence }: { evidence?: Evidence }) {
  return (
    <>
      <Field name="url" label="URL" type="url" placeholder="https://" defaultValue={evidence?.url} required />
      <Field name="title" label="Title" defaultValue={evidence?.title} required />
      <div className="grid gap-x-4 sm:grid-cols-2">
        <Field name="publisher" label="Publisher" defaultValue={evidence?.publisher ?? ''} />
        <Field name="stance" label="What it shows" as="select" defaultValue={evidence?.stance ?? ''} required>
          <option value="">Choose…</option>
          {STANCES.map((s) => (
            <option key={s} value={s}>
              {STANCE_LABEL[s]}
            </option>
          ))}
        </Field>
      </div>
      <Field name="quote" label="Quoted passage (optional)" as="textarea" rows={3} defaultValue={evidence?.quote ?? ''} />
      <Field name="archiveUrl" label="Archived copy URL (optional)" type="url" placeholder="https://" defaultValue={evidence?.archiveUrl ?? ''} />
      <Field name="note" label="Note (optional)" defaultValue={evidence?.note ?? ''} hint="What this source shows about the claim." />
    </>
  );
}

export function AddEvidenceForm({ claimId }: { claimId: string }) {
  return (
    <details className="mt-4 rounded-md border border-stone-200 p-3 open:bg-stone-50">
      <summary className="cursor-pointer text-sm font-medium text-blue-800">Add evidence</summary>
      <ActionForm action={addEvidence} className="mt-3" aria-label="Add evidence" draftKey="add-evidence">
        <input type="hidden" name="claimId" value={claimId} />
        <EvidenceFields />
        <SubmitButton pendingText="Adding…">Add evidence</SubmitButton>
      </ActionForm>
    </details>
  );
}

export function EvidenceList({ evidence, user, claim }: { evidence: Evidence[]; user: SessionUser; claim: WorkflowClaim & { id: string } }) {
  if (evidence.length === 0) return <p className="text-sm text-stone-500">No evidence yet. Add the sources that support or refute the claim.</p>;
  const editorMayEdit = can(user, 'evidence.editAny') && claim.status !== 'APPROVED';
  return (
    <ul className="grid gap-4">
      {evidence.map((e) => {
        const editable = editorMayEdit || (e.author.id === user.id && canResearch(claim, user));
        return (
          <li key={e.id} className="rounded-md border border-stone-200 p-3">
            <div className="flex flex-wrap items-start justify-between gap-2">
              <WebLink href={e.url} target="_blank" rel="noopener noreferrer nofollow" className="font-medium text-blue-800 underline [overflow-wrap:anywhere]">
                {e.title}
              </WebLink>
              <span className={`rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${STANCE_STYLE[e.stance]}`}>{STANCE_LABEL[e.stance]}</span>
            </div>
            <p className="mt-0.5 text-xs text-stone-600 [overflow-wrap:anywhere]">
              {e.publisher ? `${e.publisher} · ` : ''}
              {e.url}
            </p>
            {e.quote ? <blockquote className="mt-2 border-l-2 border-stone-300 pl-3 text-sm italic text-stone-800">{e.quote}</blockquote> : null}
            {e.note ? <p className="mt-2 text-sm text-stone-800">{e.note}</p> : null}
            <p className="mt-2 text-xs text-stone-500">
              Added by {e.author.name}
              {e.archiveUrl ? (
                <>
                  {' · '}
                  <WebLink href={e.archiveUrl} target="_blank" rel="noopener noreferrer nofollow" className="text-blue-800 underline">
                    Archived copy
                  </WebLink>
                </>
              ) : null}
            </p>
            {editable ? (
              <div className="mt-2 flex flex-wrap items-start gap-3">
                <details className="flex-1">
                  <summary className="cursor-pointer text-sm text-blue-800">Edit</summary>
                  <ActionForm action={updateEvidence} className="mt-3" aria-label={`Edit evidence ${e.title}`} draftKey={`evidence:${e.id}`}>
                    <input type="hidden" name="claimId" value={claim.id} />
                    <input type="hidden" name="evidenceId" value={e.id} />
                    <VersionField version={e.version} />
                    <EvidenceFields evidence={e} />
                    <SubmitButton pendingText="Saving…">Save evidence</SubmitButton>
                  </ActionForm>
                </details>
                <ActionForm action={removeEvidence}>
                  <input type="hidden" name="evidenceId" value={e.id} />
                  <SubmitButton variant="danger" pendingText="Removing…" aria-label={`Remove evidence ${e.title}`}>
                    Remove
                  </SubmitButton>
                </ActionForm>
              </div>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
