import type { Metadata } from 'next';
import Link from 'next/link';
import { ListLink } from '@/components/list-link';
import { requireUser } from '@/lib/auth/session';
import { can } from '@/lib/auth/permissions';
import { listArticles } from '@/lib/data/articles';
import { DateText, EmptyState, PageHeader } from '@/components/layout';
import { ProgressBar } from '@/components/status';
import { buttonClass } from '@/components/button-class';

export const metadata: Metadata = { title: 'Articles' };

export default async function ArticlesPage() {
  const user = await requireUser();
  const articles = await listArticles(user);
  const canImport = can(user, 'article.import');
  return (
    <>
      <PageHeader
        title="Articles"
        description={`Every article ${user.teamName} is checking, newest first.`}
        actions={
          canImport ? (
            <Link href="/articles/new" className={buttonClass()}>
              Import article
            </Link>
          ) : null
        }
      />
      {articles.length === 0 ? (
        <EmptyState title="No articles yet">
          {canImport ? (
            <p>
              <Link href="/articles/new" className="font-medium text-blue-700 underline">
                Import an article
              </Link>{' '}
              to turn each of its sentences into a claim to check.
            </p>
          ) : (
            <p>An editor imports articles; they will appear here.</p>
          )}
        </EmptyState>
      ) : (
        <ul className="grid gap-3">
          {articles.map((a) => (
            <li key={a.id} className="card">
              <div className="mb-3 flex flex-col gap-1 sm:flex-row sm:items-baseline sm:justify-between">
                <h2 className="font-serif text-lg font-semibold">
                  <ListLink href={`/articles/${a.id}`} className="hover:underline">
                    {a.title}
                  </ListLink>
                </h2>
                <p className="shrink-0 text-xs text-stone-600">
                  Imported <DateText value={a.createdAt} /> by {a.createdBy.name}
                </p>
              </div>
              {a.outlet || a.byline ? <p className="mb-2 text-sm text-stone-600">{[a.outlet, a.byline].filter(Boolean).join(' · ')}</p> : null}
              <ProgressBar counts={a.counts} label="Progress" compact />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
