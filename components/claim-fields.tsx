/** Form pieces every claim form repeats. */
import { VersionField } from '@/components/form';

/** The claim a form acts on and the version it was read at (the server refuses stale versions). */
export function ClaimVersionFields({ claim }: { claim: { id: string; version: number } }) {
  return (
    <>
      <input type="hidden" name="claimId" value={claim.id} />
      <VersionField version={claim.version} />
    </>
  );
}

/** The team members a claim can be assigned to, as options of an "assign to" select. */
export function AssigneeOptions({ assignees }: { assignees: { id: string; name: string; role: string }[] }) {
  return (
    <>
      <option value="">Choose a checker…</option>
      {assignees.map((a) => (
        <option key={a.id} value={a.id}>
          {a.name} ({a.role})
        </option>
      ))}
    </>
  );
}
