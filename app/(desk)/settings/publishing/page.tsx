import type { Metadata } from 'next';
import Link from 'next/link';
import { ListLink } from '@/components/list-link';
import { requireUser } from '@/lib/auth/session';
import { can } from '@/lib/auth/permissions';
import { getPublisher, listPublishedClaims } from '@/lib/data/team';
import { updatePublisher } from '@/lib/actions/publishing';
import { Card, DateText, EmptyState, PageHeader } from '@/components/layout';
import { ActionForm, Field, SubmitButton } from '@/components/form';

export const metadata: Metadata = { title: 'Publishing' };

export default async function PublishingSettingsPage() {
  const user = await requireUser();
  if (!can(user, 'team.manage')) {
    return (
      <>
        <PageHeader title="Publishing" />
        <p className="text-stone-700">Only admins set who the public fact-check pages name as their publisher.</p>
      </>
    );
  }
  const [team, published] = await Promise.all([getPublisher(user), listPublishedClaims(user)]);
  return (
    <>
      <PageHeader title="Publishing" description="Who the public fact-check pages and their ClaimReview data name as publisher, and what is public now." />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="Publisher">
          <ActionForm action={updatePublisher} aria-label="Publisher">
            <Field name="orgName" label="Organisation name" defaultValue={team.orgName ?? ''} hint={`Leave empty to use the team name, “${team.name}”.`} />
            <Field name="orgUrl" label="Organisation URL" type="url" placeholder="https://" defaultValue={team.orgUrl ?? ''} />
            <Field
              name="orgLogoUrl"
              label="Logo URL"
              type="url"
              placeholder="https://"
              defaultValue={team.orgLogoUrl ?? ''}
              hint="An image at a public address."
            />
            <SubmitButton pendingText="Saving…">Save publisher</SubmitButton>
          </ActionForm>
          <p className="mt-4 text-sm text-stone-700">
            Public corrections page:{' '}
            <Link href={`/t/${team.slug}/corrections`} className="text-blue-700 underline">
              /t/{team.slug}/corrections
            </Link>
          </p>
        </Card>
        <Card title={`Published fact-checks (${published.length})`}>
          {published.length === 0 ? (
            <EmptyState title="Nothing published yet">Publish an approved verdict from its claim page.</EmptyState>
          ) : (
            <ul className="divide-y divide-stone-100 text-sm">
              {published.map((c) => (
                <li key={c.id} className="py-2">
                  <ListLink href={`/t/${team.slug}/fact-checks/${c.id}`} className="text-blue-700 underline">
                    {c.text}
                  </ListLink>
                  <p className="text-stone-600">
                    {c.verdictLabel?.name} · published <DateText value={c.publishedAt} />
                    {c._count.corrections ? ` · ${c._count.corrections} correction${c._count.corrections === 1 ? '' : 's'}` : ''} ·{' '}
                    <ListLink href={`/claims/${c.id}`} className="underline">
                      on the desk
                    </ListLink>
                  </p>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </>
  );
}
