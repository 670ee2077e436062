import type { Metadata } from 'next';
import { ListLink } from '@/components/list-link';
import { notFound } from 'next/navigation';
import { getPublishedReport } from '@/lib/data/public';
import { DateText, EmptyState } from '@/components/layout';
import { WebLink } from '@/components/web-link';

export const metadata: Metadata = { title: 'Fact-check report' };

/** An article's published fact-checks together, in the order the article makes the claims. */
export default async function PublicReportPage({ params }: { params: Promise<{ teamSlug: string; articleId: string }> }) {
  const { teamSlug, articleId } = await params;
  const found = await getPublishedReport(teamSlug, articleId);
  if (!found) notFound();
  const { team, article } = found;
  const publisher = team.orgName ?? team.name;
  return (
    <>
      <p className="text-sm font-semibold uppercase tracking-widest text-blue-800">{publisher} · Fact-check report</p>
      <h1 className="mt-2 font-serif text-3xl font-semibold">{article.title}</h1>
      <p className="mt-2 text-sm text-stone-700">
        {[article.author, article.outlet].filter(Boolean).join(', ')}
        {article.publishedAt ? (
          <>
            {' '}
            · <DateText value={article.publishedAt} />
          </>
        ) : null}
        {article.sourceUrl ? (
          <>
            {' '}
            ·{' '}
            <WebLink href={article.sourceUrl} className="text-blue-800 underline" rel="noopener noreferrer">
              Read the article
            </WebLink>
          </>
        ) : null}
      </p>
      {article.claims.length === 0 ? (
        <div className="mt-6">
          <EmptyState title="No published fact-checks yet">The claims of this article are still being checked.</EmptyState>
        </div>
      ) : (
        <ol className="mt-6 grid gap-3">
          {article.claims.map((c) => (
            <li key={c.id} className="rounded-lg border border-stone-200 bg-white p-4">
              <p className="font-serif text-lg">{c.text}</p>
              <p className="mt-2 text-sm">
                <span className="font-semibold">{c.verdictLabel?.name}</span>
                {c.corrections.length ? ' (corrected)' : ''} ·{' '}
                <ListLink href={`/t/${team.slug}/fact-checks/${c.id}`} className="text-blue-800 underline">
                  Read the fact-check<span className="sr-only">: {c.text}</span>
                </ListLink>
              </p>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
