import type { Metadata } from 'next';
import Link from 'next/link';
import { requireUser } from '@/lib/auth/session';
import { can } from '@/lib/auth/permissions';
import { getClaimListOptions, listTeamClaims, teamHasClaims } from '@/lib/data/claims-list';
import { claimListHref, hasFilters, parseClaimListQuery, type RawSearchParams } from '@/lib/validation/claims-list';
import { EmptyState, PageHeader } from '@/components/layout';
import { buttonClass } from '@/components/button-class';
import { ClaimFilterForm } from './filter-form';
import { ClaimsListTable } from './claims-list-table';

export const metadata: Metadata = { title: 'Claims' };

export default async function ClaimsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const user = await requireUser();
  const query = parseClaimListQuery(await searchParams);
  const now = new Date();
  const [{ claims, nextCursor }, options] = await Promise.all([listTeamClaims(user, query, now), getClaimListOptions(user, query.article)]);
  const canAssign = can(user, 'claim.assign');
  const canExclude = can(user, 'claim.edit');
  const filtered = hasFilters(query);
  const anyClaims = claims.length > 0 || filtered || query.cursor ? true : await teamHasClaims(user);

  return (
    <>
      <PageHeader
        title="Claims"
        description="Every active claim of the team. Search the claim text, research notes and evidence titles; filter, sort and act on many at once."
      />
      {!anyClaims ? (
        <EmptyState title="No claims yet">
          Every sentence of an imported article becomes a claim.{' '}
          {can(user, 'article.import') ? (
            <Link href="/articles/new" className="text-blue-700 underline">
              Import an article
            </Link>
          ) : (
            'Ask an editor to import an article.'
          )}
        </EmptyState>
      ) : (
        <>
          <ClaimFilterForm key={claimListHref(query)} query={query} {...options} />
          {claims.length === 0 ? (
            query.cursor ? (
              <EmptyState title="No more claims">
                <Link href={claimListHref(query)} className="text-blue-700 underline">
                  Back to the first page
                </Link>
              </EmptyState>
            ) : (
              <EmptyState title="No claims match">
                Try other words or fewer filters.{' '}
                <Link href="/claims" className="text-blue-700 underline">
                  Clear filters
                </Link>
              </EmptyState>
            )
          ) : (
            <ClaimsListTable claims={claims} assignees={options.assignees} canAssign={canAssign} canExclude={canExclude} now={now} />
          )}
          {claims.length > 0 && (nextCursor || query.cursor) ? (
            <nav aria-label="Claim pages" className="mt-4 flex flex-wrap items-center gap-2 text-sm">
              <span className="text-stone-600">{claims.length} claims on this page.</span>
              {query.cursor ? (
                <Link href={claimListHref(query)} className={buttonClass('secondary')}>
                  First page
                </Link>
              ) : null}
              {nextCursor ? (
                <Link href={claimListHref(query, { cursor: nextCursor })} className={buttonClass('secondary')}>
                  Next page
                </Link>
              ) : null}
            </nav>
          ) : null}
        </>
      )}
    </>
  );
}
