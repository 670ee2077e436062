import 'server-only';
import { db } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { sqlTimestamp } from '@/lib/db/sql';
import type { SessionUser } from '@/lib/auth/session';
import { assertCan } from '@/lib/auth/permissions';
import { CLAIM_STATUSES, DUE_STATUSES, type ClaimStatus } from '@/lib/domain/claim-status';
import { addDays, fillDays, resolveDayRange, toDay, type DayCount, type DayRange } from '@/lib/domain/day-series';
import type { DashboardFilters } from '@/lib/validation/dashboard';
import type { StatusCounts } from '@/lib/data/articles';
import { listAssignees } from '@/lib/data/team';

/**
 * The editor dashboard: counts over the team's active claims, computed in the database (one
 * pass with grouping sets for most panels, a grouped query for the article bars) so the page
 * costs the same at 100,000 claims as at 100. Every query is filtered by the session's team;
 * filter ids from the URL are used only once they are found in that team.
 */

const ARTICLES_SHOWN = 20;
const DUE_LIST_LIMIT = 50;
export const SOON_DUE_DAYS = 3;
const ARTICLE_OPTIONS = 200;
const WORKLOAD_STATUSES = ['ASSIGNED', 'IN_RESEARCH', 'IN_REVIEW', 'RETURNED'] as const satisfies readonly ClaimStatus[];
const APPROVED_EVENT = 'review.approved';

const emptyCounts = (): StatusCounts => Object.fromEntries(CLAIM_STATUSES.map((s) => [s, 0])) as StatusCounts;

type Workload = Record<(typeof WORKLOAD_STATUSES)[number], number> & { overdue: number };

export async function getDashboard(user: SessionUser, filters: DashboardFilters, now = new Date()) {
  assertCan(user, 'dashboard.view');
  const teamId = user.teamId;
  const [members, articleOptions, filterArticle] = await Promise.all([
    listAssignees(user),
    db.article.findMany({ where: { teamId }, orderBy: { createdAt: 'desc' }, take: ARTICLE_OPTIONS, select: { id: true, title: true } }),
    filters.article ? db.article.findFirst({ where: { id: filters.article, teamId }, select: { id: true, title: true } }) : null,
  ]);
  const assignee = members.find((m) => m.id === filters.assignee) ?? null;
  const article = filterArticle ?? null;
  const range = resolveDayRange({ from: filters.from, to: filters.to }, toDay(now));
  const datesChosen = Boolean(filters.from || filters.to);
  const applied = { assignee, article, range, datesChosen };

  // The claims every panel counts: active, of the team, narrowed by the chosen member and article.
  const claimScope: Prisma.ClaimWhereInput = {
    teamId,
    archivedAt: null,
    ...(assignee ? { assigneeId: assignee.id } : {}),
    ...(article ? { articleId: article.id } : {}),
  };
  const soon = new Date(now.getTime() + SOON_DUE_DAYS * 86_400_000);
  const [progress, labels, tallies, dueList, approvals] = await Promise.all([
    articleProgress(teamId, claimScope, applied),
    db.verdictLabel.findMany({ where: { teamId }, orderBy: { position: 'asc' }, select: { id: true, name: true, retiredAt: true } }),
    claimTallies(teamId, applied, now, soon),
    dueClaims(claimScope, soon),
    approvalsPerDay(teamId, applied),
  ]);
  return {
    filters: applied,
    members,
    articleOptions: article && !articleOptions.some((a) => a.id === article.id) ? [article, ...articleOptions] : articleOptions,
    progress,
    verdicts: verdictDistribution(labels, tallies.approvedByVerdict),
    workload: memberWorkload(assignee ? [assignee] : members, tallies),
    due: { claims: dueList, total: tallies.dueSoon, overdue: tallies.overdue, soon: tallies.dueSoon - tallies.overdue },
    approvals,
  };
}

export type Dashboard = Awaited<ReturnType<typeof getDashboard>>;

type Applied = { assignee: { id: string } | null; article: { id: string } | null; range: DayRange; datesChosen: boolean };

function dayStart(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

/** The most recent articles (imported in the chosen dates, if any) with their claims by status. */
async function articleProgress(teamId: string, claimScope: Prisma.ClaimWhereInput, { assignee, article, range, datesChosen }: Applied) {
  const where: Prisma.ArticleWhereInput = {
    teamId,
    ...(article ? { id: article.id } : {}),
    ...(datesChosen ? { createdAt: { gte: dayStart(range.from), lt: dayStart(addDays(range.to, 1)) } } : {}),
    // For one member, only the articles they have claims in.
    ...(assignee ? { claims: { some: { assigneeId: assignee.id, archivedAt: null } } } : {}),
  };
  const [articles, total] = await Promise.all([
    db.article.findMany({ where, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: ARTICLES_SHOWN, select: { id: true, title: true, createdAt: true } }),
    db.article.count({ where }),
  ]);
  const grouped = articles.length
    ? await db.claim.groupBy({ by: ['articleId', 'status'], where: { ...claimScope, articleId: { in: articles.map((a) => a.id) } }, _count: { _all: true } })
    : [];
  const byArticle = new Map(articles.map((a) => [a.id, emptyCounts()]));
  for (const row of grouped) byArticle.get(row.articleId)![row.status] = row._count._all;
  return { articles: articles.map((a) => ({ ...a, counts: byArticle.get(a.id)! })), total, more: Math.max(0, total - articles.length) };
}

type Tallies = Awaited<ReturnType<typeof claimTallies>>;

/**
 * Every count the panels need but the article bars, in one pass over the team's active claims
 * (narrowed by member and article): open claims by assignee and status, those past due or due
 * soon, and approved claims by verdict (approved in the chosen dates, if any). One scan instead
 * of five matters at 100,000 claims, and most on the embedded database's single connection.
 */
async function claimTallies(teamId: string, { assignee, article, range, datesChosen }: Applied, now: Date, soon: Date) {
  const statuses = (list: readonly ClaimStatus[]) => Prisma.join(list.map((st) => Prisma.sql`${st}::"ClaimStatus"`));
  const approvedInRange = datesChosen
    ? Prisma.sql`AND EXISTS (SELECT 1 FROM "AuditEvent" e WHERE e."claimId" = c."id" AND e."teamId" = ${teamId} AND e."type" = ${APPROVED_EVENT}
        AND e."createdAt" >= ${range.from}::date AND e."createdAt" < ${addDays(range.to, 1)}::date)`
    : Prisma.empty;
  const due = Prisma.sql`c."status" IN (${statuses(DUE_STATUSES)})`;
  const rows = await db.$queryRaw<
    {
      assigneeId: string | null;
      status: ClaimStatus | null;
      verdictLabelId: string | null;
      byVerdict: boolean;
      open: number;
      overdue: number;
      dueSoon: number;
      approved: number;
    }[]
  >`
    SELECT c."assigneeId", c."status"::text AS "status", c."verdictLabelId", GROUPING(c."assigneeId") = 1 AS "byVerdict",
           count(*) FILTER (WHERE c."status" IN (${statuses(WORKLOAD_STATUSES)}))::int AS "open",
           count(*) FILTER (WHERE ${due} AND c."dueAt" < ${sqlTimestamp(now)})::int AS "overdue",
           count(*) FILTER (WHERE ${due} AND c."dueAt" < ${sqlTimestamp(soon)})::int AS "dueSoon",
           count(*) FILTER (WHERE c."status" = 'APPROVED' ${approvedInRange})::int AS "approved"
    FROM "Claim" c
    WHERE c."teamId" = ${teamId} AND c."archivedAt" IS NULL
      ${assignee ? Prisma.sql`AND c."assigneeId" = ${assignee.id}` : Prisma.empty}
      ${article ? Prisma.sql`AND c."articleId" = ${article.id}` : Prisma.empty}
    GROUP BY GROUPING SETS ((c."assigneeId", c."status"), (c."verdictLabelId"))`;
  const byAssignee = rows.filter((r) => !r.byVerdict);
  return {
    byAssignee,
    approvedByVerdict: new Map(rows.filter((r) => r.byVerdict).map((r) => [r.verdictLabelId, r.approved])),
    overdue: byAssignee.reduce((sum, r) => sum + r.overdue, 0),
    dueSoon: byAssignee.reduce((sum, r) => sum + r.dueSoon, 0),
  };
}

/** Approved claims by verdict, in the order of the team's scale; retired labels only when used. */
function verdictDistribution(labels: { id: string; name: string; retiredAt: Date | null }[], counts: Map<string | null, number>) {
  const rows = labels.map((l) => ({ id: l.id, name: l.name, count: counts.get(l.id) ?? 0 })).filter((l, i) => l.count > 0 || !labels[i].retiredAt);
  return { rows, total: rows.reduce((sum, r) => sum + r.count, 0) };
}

/** Each member's open claims by status, and how many of those are past their due date. */
function memberWorkload(members: { id: string; name: string; role: string }[], { byAssignee }: Tallies) {
  const rows = new Map<string, Workload>(members.map((m) => [m.id, { ASSIGNED: 0, IN_RESEARCH: 0, IN_REVIEW: 0, RETURNED: 0, overdue: 0 }]));
  for (const row of byAssignee) {
    const workload = row.assigneeId ? rows.get(row.assigneeId) : undefined;
    if (!workload) continue;
    if ((WORKLOAD_STATUSES as readonly string[]).includes(row.status!)) workload[row.status as keyof Workload] = row.open;
    workload.overdue += row.overdue;
  }
  return members.map((m) => ({ ...m, ...rows.get(m.id)! }));
}

/** Claims waiting on their checker that are overdue or due in the next three days, soonest first. */
function dueClaims(claimScope: Prisma.ClaimWhereInput, soon: Date) {
  return db.claim.findMany({
    where: { ...claimScope, status: { in: [...DUE_STATUSES] }, dueAt: { lt: soon } },
    orderBy: [{ dueAt: 'asc' }, { id: 'asc' }],
    take: DUE_LIST_LIMIT,
    select: {
      id: true,
      text: true,
      status: true,
      dueAt: true,
      article: { select: { id: true, title: true } },
      assignee: { select: { id: true, name: true } },
    },
  });
}

/**
 * Claims approved on each day of the range: the day of their 'review.approved' event, which
 * the approval writes in the same transaction as its Review row. A claim approved, reopened
 * and approved again on one day counts once that day.
 */
async function approvalsPerDay(teamId: string, { assignee, article, range }: Applied) {
  // Archived claims are few, and a partial index lists them: leaving them out costs a look at
  // that index, not a scan of every claim (…_dashboard_archived_claims migration).
  const narrowed =
    assignee || article
      ? Prisma.sql`AND e."claimId" IN (SELECT c."id" FROM "Claim" c WHERE c."teamId" = ${teamId} AND c."archivedAt" IS NULL
          ${assignee ? Prisma.sql`AND c."assigneeId" = ${assignee.id}` : Prisma.empty}
          ${article ? Prisma.sql`AND c."articleId" = ${article.id}` : Prisma.empty})`
      : Prisma.empty;
  const rows = await db.$queryRaw<{ day: string; count: number }[]>`
    SELECT to_char(e."createdAt", 'YYYY-MM-DD') AS day, count(DISTINCT e."claimId")::int AS count
    FROM "AuditEvent" e
    WHERE e."teamId" = ${teamId}
      AND e.type = ${APPROVED_EVENT}
      AND e."createdAt" >= ${range.from}::date
      AND e."createdAt" < ${addDays(range.to, 1)}::date
      AND NOT EXISTS (SELECT 1 FROM "Claim" a WHERE a."id" = e."claimId" AND a."archivedAt" IS NOT NULL)
      ${narrowed}
    GROUP BY 1
  `;
  const days: DayCount[] = fillDays(rows, range);
  return { days, total: days.reduce((sum, d) => sum + d.count, 0), range };
}
