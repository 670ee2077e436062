import type { Metadata } from 'next';
import Link from 'next/link';
import { requireUser } from '@/lib/auth/session';
import { can } from '@/lib/auth/permissions';
import { getArticleWithClaims } from '@/lib/data/articles';
import { listAssignees } from '@/lib/data/team';
import { DateText, EmptyState, PageHeader } from '@/components/layout';
import { ProgressBar } from '@/components/status';
import { ClaimsTable } from './claims-table';

export const metadata: Metadata = { title: 'Article' };

export default async function ArticlePage({ params, searchParams }: { params: Promise<{ articleId: string }>; searchParams: Promise<{ page?: string }> }) {
  const user = await requireUser();
  const { articleId } = await params;
  const page = Math.max(1, Number.parseInt((await searchParams).page ?? '1', 10) || 1);
  const { article, claims, counts, total, pages } = await getArticleWithClaims(user, articleId, page);
  const canAssign = can(user, 'claim.assign');
  const assignees = canAssign ? await listAssignees(user) : [];
  const meta = [article.outlet, article.byline ?? article.author, article.publishedAt ? null : undefined].filter(Boolean).join(' · ');
  return (
    <>
      <PageHeader
        eyebrow={<Link href="/articles" className="hover:underline">← Articles</Link>}
        title={article.title}
        description={
          <>
            {meta ? <span>{meta} · </span> : null}
            {article.publishedAt ? (
              <span>
                Published <DateText value={article.publishedAt} /> ·{' '}
              </span>
            ) : null}
            Imported <DateText value={article.createdAt} /> by {article.createdBy.name}
            {article.sourceUrl ? (
              <>
                {' · '}
                <a href={article.sourceUrl} className="text-blue-700 underline" rel="noopener noreferrer nofollow" target="_blank">
                  Source
                </a>
              </>
            ) : null}
          </>
        }
      />
      <div className="mb-6 rounded-lg border border-stone-200 bg-white p-4 shadow-sm">
        <ProgressBar counts={counts} label={`${total} ${total === 1 ? 'claim' : 'claims'}`} />
      </div>
      {total === 0 ? (
        <EmptyState title="This article has no claims">It had no sentences to check. Import a fuller version of the text.</EmptyState>
      ) : (
        <ClaimsTable
          claims={claims}
          assignees={assignees}
          canAssign={canAssign}
          canTake={can(user, 'claim.take')}
          now={new Date()}
        />
      )}
      {pages > 1 ? (
        <nav aria-label="Claim pages" className="mt-4 flex flex-wrap items-center gap-2 text-sm">
          <span className="text-stone-600">
            Page {page} of {pages}:
          </span>
          {Array.from({ length: pages }, (_, i) => i + 1).map((p) => (
            <Link
              key={p}
              href={`/articles/${article.id}?page=${p}`}
              aria-current={p === page ? 'page' : undefined}
              className={`rounded px-2 py-1 ${p === page ? 'bg-stone-900 text-white' : 'text-blue-700 underline'}`}
            >
              {p}
            </Link>
          ))}
        </nav>
      ) : null}
    </>
  );
}
