import type { Metadata } from 'next';
import Link from 'next/link';
import { requireUser } from '@/lib/auth/session';
import { listApiTokens } from '@/lib/data/tokens';
import { Card, DateText, EmptyState, PageHeader } from '@/components/layout';
import { ActionForm, Field, SubmitButton } from '@/components/form';
import { createToken, revokeToken } from '@/lib/actions/tokens';

export const metadata: Metadata = { title: 'API tokens' };

export default async function TokensPage() {
  const user = await requireUser();
  const tokens = await listApiTokens(user);
  return (
    <>
      <PageHeader
        title="API tokens"
        description={
          <>
            Personal access tokens for the{' '}
            <Link href="/api-docs" className="text-blue-800 underline">
              Claimdesk API
            </Link>
            . A token acts as you, in {user.teamName}, with your role ({user.role}).
          </>
        }
      />
      <div className="grid gap-6 lg:grid-cols-[2fr_1fr]">
        <Card title="Your tokens">
          {tokens.length === 0 ? (
            <EmptyState title="No tokens yet">Make one with the form beside this list; it is shown once.</EmptyState>
          ) : (
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Your API tokens</caption>
              <thead>
                <tr className="border-b border-stone-200 text-stone-600">
                  <th scope="col" className="py-2 pr-3 font-medium">
                    Name
                  </th>
                  <th scope="col" className="py-2 pr-3 font-medium">
                    Access
                  </th>
                  <th scope="col" className="py-2 pr-3 font-medium">
                    Starts with
                  </th>
                  <th scope="col" className="py-2 pr-3 font-medium">
                    Last used
                  </th>
                  <th scope="col" className="py-2 font-medium">
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {tokens.map((t) => (
                  <tr key={t.id} className="border-b border-stone-100">
                    <td className="py-2 pr-3">{t.name}</td>
                    <td className="py-2 pr-3">{t.scope === 'write' ? 'Read and write' : 'Read only'}</td>
                    <td className="py-2 pr-3 font-mono">{t.prefix}…</td>
                    <td className="py-2 pr-3">{t.lastUsedAt ? <DateText value={t.lastUsedAt} withTime /> : 'Never'}</td>
                    <td className="py-2">
                      {t.revokedAt ? (
                        <span className="text-stone-600">Revoked</span>
                      ) : (
                        <ActionForm action={revokeToken} aria-label={`Revoke ${t.name}`}>
                          <input type="hidden" name="tokenId" value={t.id} />
                          <SubmitButton variant="danger" pendingText="Revoking…">
                            Revoke<span className="sr-only"> {t.name}</span>
                          </SubmitButton>
                        </ActionForm>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Card>
        <Card title="Make a token">
          <ActionForm action={createToken} aria-label="Make a token">
            <Field name="name" label="Name" hint="What it is for, e.g. “CMS sync”." autoComplete="off" />
            <Field name="scope" label="Access" as="select" defaultValue="read">
              <option value="read">Read only</option>
              <option value="write">Read and write</option>
            </Field>
            <SubmitButton pendingText="Making…">Make token</SubmitButton>
          </ActionForm>
        </Card>
      </div>
    </>
  );
}
