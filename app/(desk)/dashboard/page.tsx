import type { Metadata } from 'next';
import Link from 'next/link';
import { requireUser } from '@/lib/auth/session';
import { can } from '@/lib/auth/permissions';
import { getDashboard } from '@/lib/data/dashboard';
import { parseDashboardFilters } from '@/lib/validation/dashboard';
import { PageHeader } from '@/components/layout';
import { FiltersForm } from './filters-form';
import { ApprovalsPanel, ArticleProgressPanel, DuePanel, VerdictPanel, WorkloadPanel } from './panels';

export const metadata: Metadata = { title: 'Dashboard' };

export default async function DashboardPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  if (!can(user, 'dashboard.view')) {
    return (
      <>
        <PageHeader title="Dashboard" />
        <p className="text-stone-700">
          Only editors and admins see the dashboard.{' '}
          <Link href="/my-claims" className="text-blue-700 underline">
            Go to your claims
          </Link>
        </p>
      </>
    );
  }
  const filters = parseDashboardFilters(await searchParams);
  const now = new Date();
  const data = await getDashboard(user, filters, now);
  const { article, range, datesChosen } = data.filters;
  const memberHref = (assigneeId: string) => {
    const params = new URLSearchParams({ assignee: assigneeId });
    if (article) params.set('article', article.id);
    if (datesChosen) {
      params.set('from', range.from);
      params.set('to', range.to);
    }
    return `/dashboard?${params}`;
  };
  return (
    <>
      <PageHeader title="Dashboard" description={`How ${user.teamName}’s checking is going: progress, verdicts, workload and deadlines.`} />
      <FiltersForm data={data} />
      <ArticleProgressPanel data={data} canImport={can(user, 'article.import')} />
      <div className="mb-6 grid gap-6 lg:grid-cols-2">
        <VerdictPanel data={data} />
        <ApprovalsPanel data={data} />
      </div>
      <WorkloadPanel data={data} memberHref={memberHref} />
      <DuePanel data={data} now={now} />
    </>
  );
}
