import { ActionForm, Field, SubmitButton, VersionField } from '@/components/form';
import { saveNotes } from '@/lib/actions/claims';

export function NotesForm({ claimId, version, notes }: { claimId: string; version: number; notes: string }) {
  return (
    <ActionForm action={saveNotes}>
      <input type="hidden" name="claimId" value={claimId} />
      <VersionField version={version} />
      <Field name="notes" label="Notes" as="textarea" rows={6} defaultValue={notes} hint="Who you called, what you searched, what is still open." />
      <SubmitButton variant="secondary" pendingText="Saving notes…">
        Save notes
      </SubmitButton>
    </ActionForm>
  );
}
