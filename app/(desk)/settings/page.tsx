import type { Metadata } from 'next';
import { ListLink } from '@/components/list-link';
import { requireUser } from '@/lib/auth/session';
import { can } from '@/lib/auth/permissions';
import { listVerdictLabels } from '@/lib/data/team';
import { listMemberAccounts } from '@/lib/auth/members';
import { Card, PageHeader } from '@/components/layout';
import { ActionForm, Field, SubmitButton } from '@/components/form';
import {
  addMember,
  addVerdictLabel,
  changeRole,
  moveVerdictLabel,
  removeMember,
  renameVerdictLabel,
  resetPassword,
  toggleRetireVerdictLabel,
} from '@/lib/actions/team';
import { ROLES } from '@/lib/auth/permissions';
import { PASSWORD_MIN } from '@/lib/validation/team';
import { ConfirmBox } from './confirm-box';

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
  const [members, labels] = await Promise.all([listMemberAccounts(user), listVerdictLabels(user, { includeRetired: true })]);
  const passwordHint = `At least ${PASSWORD_MIN} characters, not a commonly used password. Share it privately.`;
  return (
    <>
      <PageHeader title="Settings" description={`Members and verdict scale of ${user.teamName}.`} />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="Members">
          <ul className="mb-6 divide-y divide-stone-100" aria-label="Active members">
            {members.active.map((m) => (
              <li key={m.id} className="py-3">
                <div className="flex flex-col gap-2 sm:flex-row sm:items-end sm:justify-between">
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
                </div>
                {m.id === user.id ? null : (
                  <div className="mt-2 flex flex-col gap-2 text-sm">
                    <details>
                      <summary className="cursor-pointer text-stone-700">Reset password</summary>
                      <ActionForm action={resetPassword} className="mt-2" aria-label={`Reset password of ${m.name}`}>
                        <input type="hidden" name="userId" value={m.id} />
                        <Field name="password" label={`New password for ${m.name}`} type="password" autoComplete="new-password" hint={passwordHint} />
                        <ConfirmBox>I understand that {m.name} is signed out everywhere and needs the new password to sign in.</ConfirmBox>
                        <SubmitButton variant="secondary" pendingText="Resetting…">
                          Reset password
                        </SubmitButton>
                      </ActionForm>
                    </details>
                    <details>
                      <summary className="cursor-pointer text-stone-700">Remove</summary>
                      <ActionForm action={removeMember} className="mt-2" aria-label={`Remove ${m.name}`}>
                        <input type="hidden" name="userId" value={m.id} />
                        <p className="mb-2 text-stone-600">
                          {m.name} is signed out at once, cannot sign in again and their API tokens stop working. History keeps their name; claims assigned to
                          them stay so until an editor reassigns them.
                        </p>
                        <ConfirmBox>I understand that {m.name} loses access to the desk.</ConfirmBox>
                        <SubmitButton variant="danger" pendingText="Removing…">
                          Remove
                        </SubmitButton>
                      </ActionForm>
                    </details>
                  </div>
                )}
              </li>
            ))}
          </ul>
          {members.removed.length ? (
            <>
              <h3 className="mb-2 text-sm font-semibold text-stone-900">Removed members</h3>
              <ul className="mb-6 divide-y divide-stone-100" aria-label="Removed members">
                {members.removed.map((m) => (
                  <li key={m.id} className="py-2 text-sm text-stone-600">
                    <p>
                      <span className="font-medium text-stone-800">{m.name}</span> · {m.email} · removed {m.removedAt.toISOString().slice(0, 10)}
                    </p>
                    {m.openClaims ? (
                      <p>
                        <ListLink href={`/claims?assignee=${m.id}`} className="text-blue-800 underline">
                          {m.openClaims} open {m.openClaims === 1 ? 'claim' : 'claims'} still assigned
                        </ListLink>
                      </p>
                    ) : null}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
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
            <Field name="password" label="Initial password" type="password" autoComplete="new-password" hint={passwordHint} />
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
                    <SubmitButton
                      variant="secondary"
                      name="direction"
                      value="down"
                      disabled={i === labels.length - 1}
                      aria-label={`Move ${l.name} down`}
                      pendingText="…"
                    >
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
