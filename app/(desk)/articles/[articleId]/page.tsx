import type { Metadata } from 'next';
import Link from 'next/link';
import { requireUser } from '@/lib/auth/session';
import { can } from '@/lib/auth/permissions';
import { getArticleWithClaims, type ClaimView } from '@/lib/data/articles';
import { listAssignees } from '@/lib/data/team';
import { languageName } from '@/lib/domain/languages';
import { CHECK_WORTHY_THRESHOLD } from '@/lib/domain/check-worthiness';
import { excludeLowScoring } from '@/lib/actions/claim-edits';
import { DateText, EmptyState, PageHeader } from '@/components/layout';
import { ProgressBar } from '@/components/status';
import { ActionForm, Field, SubmitButton } from '@/components/form';
import { buttonClass } from '@/components/button-class';
import { ClaimsTable } from './claims-table';
import { LiveUpdates } from '@/components/live-updates';
import { ExportButtons } from '@/components/export-button';
import { publishReport } from '@/lib/actions/publishing';
import { WebLink } from '@/components/web-link';

export const metadata: Metadata = { title: 'Article' };

type Search = { page?: string; sort?: string; worthiness?: string };

function parseView(search: Search): ClaimView {
  return {
    page: Math.max(1, Number.parseInt(search.page ?? '1', 10) || 1),
    sort: search.sort === 'worthiness' ? 'worthiness' : 'position',
    worthiness: search.worthiness === 'worthy' || search.worthiness === 'low' ? search.worthiness : 'all',
  };
}

function viewHref(articleId: string, view: ClaimView, patch: Partial<ClaimView>) {
  const next = { ...view, page: 1, ...patch };
  const params = new URLSearchParams();
  if (next.page > 1) params.set('page', String(next.page));
  if (next.sort !== 'position') params.set('sort', next.sort);
  if (next.worthiness !== 'all') params.set('worthiness', next.worthiness);
  const query = params.toString();
  return `/articles/${articleId}${query ? `?${query}` : ''}`;
}

/** First, last and the pages around the current one; null marks a gap. */
function pageNumbers(current: number, pages: number): (number | null)[] {
  const wanted = new Set([1, pages, current - 2, current - 1, current, current + 1, current + 2].filter((p) => p >= 1 && p <= pages));
  const sorted = [...wanted].sort((a, b) => a - b);
  return sorted.flatMap((p, i) => (i > 0 && p - sorted[i - 1] > 1 ? [null, p] : [p]));
}

function ViewLink({ href, active, children }: { href: string; active: boolean; children: React.ReactNode }) {
  return (
    <Link
      href={href}
      aria-current={active ? 'true' : undefined}
      className={`rounded-md px-2.5 py-1 ${active ? 'bg-stone-900 text-white' : 'text-blue-800 hover:bg-stone-100'}`}
    >
      {children}
    </Link>
  );
}

export default async function ArticlePage({ params, searchParams }: { params: Promise<{ articleId: string }>; searchParams: Promise<Search> }) {
  const user = await requireUser();
  const { articleId } = await params;
  const view = parseView(await searchParams);
  const { article, claims, counts, total, shown, pages } = await getArticleWithClaims(user, articleId, view);
  const canAssign = can(user, 'claim.assign');
  const canEdit = can(user, 'claim.edit');
  const assignees = canAssign ? await listAssignees(user) : [];
  const meta = [article.outlet, article.byline ?? article.author].filter(Boolean).join(' · ');
  return (
    <>
      <PageHeader
        eyebrow={
          <Link href="/articles" className="hover:underline">
            ← Articles
          </Link>
        }
        title={article.title}
        description={
          <>
            {meta ? <span>{meta} · </span> : null}
            {article.publishedAt ? (
              <span>
                Published <DateText value={article.publishedAt} /> ·{' '}
              </span>
            ) : null}
            Imported <DateText value={article.createdAt} /> by {article.createdBy.name} · {languageName(article.language)}
            {article.version > 1 ? (
              <>
                {' · '}
                <Link href={`/articles/${article.id}/versions`} className="text-blue-700 underline">
                  Version {article.version}
                </Link>
              </>
            ) : null}
            {article.sourceUrl ? (
              <>
                {' · '}
                <WebLink href={article.sourceUrl} className="text-blue-700 underline" rel="noopener noreferrer nofollow" target="_blank">
                  Source
                </WebLink>
              </>
            ) : null}
          </>
        }
        actions={
          <>
            <Link href={`/articles/${article.id}/read`} className={buttonClass('secondary')}>
              Read annotated
            </Link>
            <ExportButtons url={`/api/export/articles/${article.id}/claims`} noun="claims" label="Export claims" />
            {can(user, 'article.import') ? (
              <>
                <Link href={`/articles/${article.id}/versions`} className={buttonClass('secondary')}>
                  Versions
                </Link>
                <Link href={`/articles/new?articleId=${article.id}`} className={buttonClass('secondary')}>
                  Import new version
                </Link>
              </>
            ) : null}
          </>
        }
      />
      <div className="mb-6 card">
        <div className="mb-2 flex justify-end">
          <LiveUpdates articleId={article.id} />
        </div>
        <ProgressBar counts={counts} label={`${total} ${total === 1 ? 'claim' : 'claims'}`} />
        {can(user, 'claim.publish') || article.reportPublishedAt ? (
          <div className="mt-3 flex flex-wrap items-center gap-3 border-t border-stone-100 pt-3 text-sm text-stone-700">
            {article.reportPublishedAt ? (
              <p>
                The{' '}
                <Link href={`/t/${article.team.slug}/reports/${article.id}`} className="text-blue-700 underline">
                  public report
                </Link>{' '}
                lists this article’s published fact-checks.
              </p>
            ) : (
              <p>The article’s report (its published fact-checks together) is not public.</p>
            )}
            {can(user, 'claim.publish') ? (
              <ActionForm action={publishReport} aria-label="Article report" showSuccess={false}>
                <input type="hidden" name="articleId" value={article.id} />
                <input type="hidden" name="publish" value={article.reportPublishedAt ? '0' : '1'} />
                <SubmitButton variant="secondary" pendingText="Saving…">
                  {article.reportPublishedAt ? 'Unpublish report' : 'Publish report'}
                </SubmitButton>
              </ActionForm>
            ) : null}
          </div>
        ) : null}
      </div>
      {total === 0 ? (
        <EmptyState title="This article has no claims">It had no sentences to check. Import a fuller version of the text.</EmptyState>
      ) : (
        <>
          <div className="mb-4 flex flex-col gap-3 text-sm lg:flex-row lg:items-center lg:justify-between">
            <nav aria-label="Claim view" className="flex flex-wrap items-center gap-1">
              <span className="mr-1 text-stone-600">Sort:</span>
              <ViewLink href={viewHref(article.id, view, { sort: 'position' })} active={view.sort === 'position'}>
                As written
              </ViewLink>
              <ViewLink href={viewHref(article.id, view, { sort: 'worthiness' })} active={view.sort === 'worthiness'}>
                Most check-worthy
              </ViewLink>
              <span className="ml-3 mr-1 text-stone-600">Show:</span>
              <ViewLink href={viewHref(article.id, view, { worthiness: 'all' })} active={view.worthiness === 'all'}>
                All
              </ViewLink>
              <ViewLink href={viewHref(article.id, view, { worthiness: 'worthy' })} active={view.worthiness === 'worthy'}>
                Check-worthy
              </ViewLink>
              <ViewLink href={viewHref(article.id, view, { worthiness: 'low' })} active={view.worthiness === 'low'}>
                Low scores
              </ViewLink>
            </nav>
            {canEdit ? (
              <details className="rounded-md border border-stone-200 bg-white p-3 lg:max-w-md">
                <summary className="cursor-pointer font-medium text-stone-800">Set aside low-scoring claims</summary>
                <ActionForm action={excludeLowScoring} className="mt-3" aria-label="Set aside low-scoring claims">
                  <input type="hidden" name="articleId" value={article.id} />
                  <Field name="below" label="Unassigned claims scoring below" as="select" defaultValue={String(CHECK_WORTHY_THRESHOLD)}>
                    {[0.2, 0.3, 0.4, 0.5].map((v) => (
                      <option key={v} value={v}>
                        {Math.round(v * 100)}%
                      </option>
                    ))}
                  </Field>
                  <Field name="reason" label="Reason" defaultValue="Not a checkable factual statement (low check-worthiness)." />
                  <SubmitButton variant="secondary" pendingText="Marking…">
                    Mark not check-worthy
                  </SubmitButton>
                </ActionForm>
              </details>
            ) : null}
          </div>
          {claims.length === 0 ? (
            <EmptyState title="No claims in this view">
              <Link href={viewHref(article.id, view, { worthiness: 'all' })} className="text-blue-700 underline">
                Show all claims
              </Link>
            </EmptyState>
          ) : (
            <ClaimsTable claims={claims} assignees={assignees} canAssign={canAssign} canTake={can(user, 'claim.take')} now={new Date()} />
          )}
        </>
      )}
      {pages > 1 ? (
        <nav aria-label="Claim pages" className="mt-4 flex flex-wrap items-center gap-2 text-sm">
          <span className="text-stone-600">
            {shown} claims, page {view.page} of {pages}:
          </span>
          {pageNumbers(view.page, pages).map((p, i) =>
            p === null ? (
              <span key={`gap-${i}`} aria-hidden="true" className="text-stone-500">
                …
              </span>
            ) : (
              <Link
                key={p}
                href={viewHref(article.id, view, { page: p })}
                aria-current={p === view.page ? 'page' : undefined}
                aria-label={`Page ${p}`}
                className={`rounded px-2 py-1 ${p === view.page ? 'bg-stone-900 text-white' : 'text-blue-700 underline'}`}
              >
                {p}
              </Link>
            ),
          )}
        </nav>
      ) : null}
    </>
  );
}
