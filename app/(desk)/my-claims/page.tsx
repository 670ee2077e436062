import type { Metadata } from 'next';
import { requireUser } from '@/lib/auth/session';
import { listMyClaims } from '@/lib/data/claims';
import { EmptyState, PageHeader } from '@/components/layout';
import { ClaimList } from '@/components/claim-list';
import { LiveUpdates } from '@/components/live-updates';

export const metadata: Metadata = { title: 'My claims' };

export default async function MyClaimsPage() {
  const user = await requireUser();
  const claims = await listMyClaims(user);
  const now = new Date();
  const overdue = claims.filter((c) => c.dueAt && c.dueAt < now && c.status !== 'IN_REVIEW').length;
  return (
    <>
      <PageHeader
        title="My claims"
        description={`${claims.length} open ${claims.length === 1 ? 'claim' : 'claims'}${overdue ? `, ${overdue} overdue` : ''}. Soonest due first.`}
      />
      <div className="mb-4">
        <LiveUpdates anyChange />
      </div>
      {claims.length === 0 ? (
        <EmptyState title="Nothing assigned to you">Open an article and take an unassigned claim, or wait for an editor to assign you one.</EmptyState>
      ) : (
        <ClaimList claims={claims} now={now} show="due" />
      )}
    </>
  );
}
