import type { Metadata } from 'next';
import { requireUser } from '@/lib/auth/session';
import { can } from '@/lib/auth/permissions';
import { listMembers, listVerdictLabels } from '@/lib/data/team';
import { Card, PageHeader } from '@/components/layout';
import { ActionForm, Field, SubmitButton } from '@/components/form';
import { addMember, addVerdictLabel, changeRole, moveVerdictLabel, renameVerdictLabel, toggleRetireVerdictLabel } from '@/lib/actions/team';
import { ROLES } from '@/lib/auth/permissions';
import { PASSWORD_MIN } from '@/lib/validation/team';

export const metadata: Metadata = { title: 'Settings' };

export default async function SettingsPage() {
  const user = await requireUser();
  if (!can(user, 'team.manage')) {
    return (
      <>
        <PageHeader title="Settings" />
        <p className="text-stone-700">Only admins manage the team and its verdict scale.</p>
      </>
    );
  }
  const [members, labels] = await Promise.all([listMembers(user), listVerdictLabels(user, { includeRetired: true })]);
  return (
    <>
      <PageHeader title="Settings" description={`Members and verdict scale of ${user.teamName}.`} />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="Members">
          <ul className="mb-6 divide-y divide-stone-100">
            {members.map((m) => (
              <li key={m.id} className="flex flex-col gap-2 py-3 sm:flex-row sm:items-end sm:justify-between">
                <div>
                  <p className="font-medium text-stone-900">{m.name}</p>
                  <p className="text-sm text-stone-600">{m.email}</p>
                </div>
                {m.id === user.id ? (
                  <p className="text-sm text-stone-600">{m.role} (you)</p>
                ) : (
                  <ActionForm action={changeRole} className="flex items-end gap-2" aria-label={`Role of ${m.name}`}>
                    <input type="hidden" name="userId" value={m.id} />
                    <Field name="role" label={`Role of ${m.name}`} as="select" defaultValue={m.role} className="mb-0">
                      {ROLES.map((r) => (
                        <option key={r} value={r}>
                          {r}
                        </option>
                      ))}
                    </Field>
                    <SubmitButton variant="secondary" pendingText="Saving…">
                      Change
                    </SubmitButton>
                  </ActionForm>
                )}
              </li>
            ))}
          </ul>
          <h3 className="mb-3 text-sm font-semibold text-stone-900">Add a member</h3>
          <ActionForm action={addMember} aria-label="Add a member">
            <Field name="name" label="Name" autoComplete="off" />
            <Field name="email" label="Email" type="email" autoComplete="off" />
            <Field name="role" label="Role" as="select" defaultValue="checker">
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {r}
                </option>
              ))}
            </Field>
            <Field name="password" label="Initial password" type="password" autoComplete="new-password" hint={`At least ${PASSWORD_MIN} characters. Share it privately.`} />
            <SubmitButton pendingText="Adding…">Add member</SubmitButton>
          </ActionForm>
        </Card>
        <Card title="Verdict scale">
          <p className="mb-3 text-sm text-stone-600">
            The labels checkers choose from, in order. Renaming or retiring a label never changes past verdicts: they keep it.
          </p>
          <ol className="mb-6 divide-y divide-stone-100">
            {labels.map((l, i) => (
              <li key={l.id} className="py-3">
                <div className="flex flex-wrap items-end gap-2">
                  <ActionForm action={renameVerdictLabel} className="flex flex-1 items-end gap-2" aria-label={`Rename ${l.name}`}>
                    <input type="hidden" name="labelId" value={l.id} />
                    <Field name="name" label={`Label ${i + 1}${l.retiredAt ? ' (retired)' : ''}`} defaultValue={l.name} className="mb-0 flex-1" />
                    <SubmitButton variant="secondary" pendingText="Saving…">
                      Rename
                    </SubmitButton>
                  </ActionForm>
                  <ActionForm action={moveVerdictLabel} className="flex gap-1" aria-label={`Move ${l.name}`} showSuccess={false}>
                    <input type="hidden" name="labelId" value={l.id} />
                    <SubmitButton variant="secondary" name="direction" value="up" disabled={i === 0} aria-label={`Move ${l.name} up`} pendingText="…">
                      ↑
                    </SubmitButton>
                    <SubmitButton variant="secondary" name="direction" value="down" disabled={i === labels.length - 1} aria-label={`Move ${l.name} down`} pendingText="…">
                      ↓
                    </SubmitButton>
                  </ActionForm>
                  <ActionForm action={toggleRetireVerdictLabel} aria-label={`${l.retiredAt ? 'Restore' : 'Retire'} ${l.name}`} showSuccess={false}>
                    <input type="hidden" name="labelId" value={l.id} />
                    <SubmitButton variant={l.retiredAt ? 'secondary' : 'danger'} pendingText="…">
                      {l.retiredAt ? 'Restore' : 'Retire'}
                    </SubmitButton>
                  </ActionForm>
                </div>
              </li>
            ))}
          </ol>
          <ActionForm action={addVerdictLabel} className="flex items-end gap-2" aria-label="Add a label">
            <Field name="name" label="New label" className="mb-0 flex-1" />
            <SubmitButton pendingText="Adding…">Add label</SubmitButton>
          </ActionForm>
        </Card>
      </div>
    </>
  );
}
