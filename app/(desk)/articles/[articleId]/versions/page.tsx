import type { Metadata } from 'next';
import Link from 'next/link';
import { ListLink } from '@/components/list-link';
import { requireUser } from '@/lib/auth/session';
import { listArticleVersions } from '@/lib/data/articles';
import type { VersionChanges } from '@/lib/import/reimport';
import { Card, DateText, EmptyState, PageHeader } from '@/components/layout';

export const metadata: Metadata = { title: 'Versions' };

function ClaimLinks({ items, title }: { items: { id: string; text: string }[]; title: string }) {
  if (!items.length) return null;
  return (
    <div className="mt-3">
      <h3 className="text-sm font-semibold text-stone-900">{title}</h3>
      <ul className="mt-1 grid gap-1 text-sm">
        {items.map((c) => (
          <li key={c.id}>
            <ListLink href={`/claims/${c.id}`} className="text-blue-800 underline">
              {c.text}
            </ListLink>
          </li>
        ))}
      </ul>
    </div>
  );
}

export default async function VersionsPage({ params }: { params: Promise<{ articleId: string }> }) {
  const user = await requireUser();
  const { articleId } = await params;
  const { article, versions } = await listArticleVersions(user, articleId);
  return (
    <>
      <PageHeader
        eyebrow={
          <Link href={`/articles/${article.id}`} className="hover:underline">
            ← {article.title}
          </Link>
        }
        title="Versions"
        description={`The article is at version ${article.version}. Each re-import keeps the claims of unchanged sentences with all their work.`}
      />
      {versions.length === 0 ? (
        <EmptyState title="Only one version so far">Import a new version from the article page when the article is updated.</EmptyState>
      ) : (
        <div className="grid gap-4">
          {versions.map((v) => {
            const changes = v.changes as VersionChanges;
            const { counts } = changes;
            return (
              <Card key={v.id} title={`Version ${v.version} → ${changes.toVersion}`}>
                <p className="text-sm text-stone-700">
                  Re-imported <DateText value={v.createdAt} withTime />: {counts.kept} kept ({counts.moved} moved), {counts.changed} changed, {counts.added}{' '}
                  added, {counts.archived} archived.
                </p>
                {changes.changed.length ? (
                  <div className="mt-3">
                    <h3 className="text-sm font-semibold text-stone-900">Changed sentences (flagged for review)</h3>
                    <ul className="mt-2 grid gap-3">
                      {changes.changed.map((c) => (
                        <li key={c.id} className="grid gap-2 text-sm sm:grid-cols-2">
                          <div className="rounded-md bg-red-50 p-2">
                            <span className="block text-xs font-semibold uppercase text-red-800">Before</span>
                            <del className="no-underline">{c.oldText}</del>
                          </div>
                          <div className="rounded-md bg-emerald-50 p-2">
                            <span className="block text-xs font-semibold uppercase text-emerald-800">After</span>
                            <ins className="no-underline">
                              <ListLink href={`/claims/${c.id}`} className="text-stone-900 underline">
                                {c.newText}
                              </ListLink>
                            </ins>
                          </div>
                        </li>
                      ))}
                    </ul>
                  </div>
                ) : null}
                <ClaimLinks title="Added sentences" items={changes.added} />
                <ClaimLinks title="Moved sentences" items={changes.moved} />
                <ClaimLinks title="Archived sentences (removed from the text, kept with their work)" items={changes.archived} />
                <details className="mt-3">
                  <summary className="cursor-pointer text-sm text-blue-800">Text of version {v.version}</summary>
                  <pre className="mt-2 max-h-96 overflow-auto whitespace-pre-wrap rounded-md bg-stone-50 p-3 font-serif text-sm">{v.body}</pre>
                </details>
              </Card>
            );
          })}
        </div>
      )}
    </>
  );
}
