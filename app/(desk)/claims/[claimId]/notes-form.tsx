import { ActionForm, Field, SubmitButton, VersionField } from '@/components/form';
import { saveNotes } from '@/lib/actions/claims';

/** The notes form's id and draft key: the verdict form carries unsaved notes along (workflow-panel). */
export const NOTES_FORM_ID = 'claim-notes';
export const NOTES_DRAFT_KEY = 'notes';

export function NotesForm({ claimId, version, notes }: { claimId: string; version: number; notes: string }) {
  return (
    <ActionForm action={saveNotes} id={NOTES_FORM_ID} draftKey={NOTES_DRAFT_KEY}>
      <input type="hidden" name="claimId" value={claimId} />
      <VersionField version={version} />
      <Field name="notes" label="Notes" as="textarea" rows={6} defaultValue={notes} hint="Who you called, what you searched, what is still open." />
      <SubmitButton variant="secondary" pendingText="Saving notes…">
        Save notes
      </SubmitButton>
    </ActionForm>
  );
}
