import type { Metadata } from 'next';
import Link from 'next/link';
import { requireUser } from '@/lib/auth/session';
import { can } from '@/lib/auth/permissions';
import { listReviewQueue } from '@/lib/data/claims';
import { EmptyState, PageHeader } from '@/components/layout';
import { ClaimList } from '@/components/claim-list';
import { LiveUpdates } from '@/components/live-updates';

export const metadata: Metadata = { title: 'Review queue' };

export default async function ReviewPage() {
  const user = await requireUser();
  if (!can(user, 'claim.review')) {
    return (
      <>
        <PageHeader title="Review queue" />
        <p className="text-stone-700">
          Only editors review verdicts.{' '}
          <Link href="/my-claims" className="text-blue-700 underline">
            Go to your claims
          </Link>
        </p>
      </>
    );
  }
  const claims = await listReviewQueue(user);
  return (
    <>
      <PageHeader title="Review queue" description="Verdicts waiting for an editor, oldest first. You cannot approve a verdict you proposed." />
      <div className="mb-4">
        <LiveUpdates anyChange />
      </div>
      {claims.length === 0 ? (
        <EmptyState title="Nothing to review">When a checker submits a verdict it appears here.</EmptyState>
      ) : (
        <ClaimList claims={claims} now={new Date()} show="proposer" />
      )}
    </>
  );
}
