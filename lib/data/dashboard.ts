import 'server-only';
import { db } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import type { SessionUser } from '@/lib/auth/session';
import { assertCan } from '@/lib/auth/permissions';
import { CLAIM_STATUSES, DUE_STATUSES, type ClaimStatus } from '@/lib/domain/claim-status';
import { addDays, fillDays, resolveDayRange, toDay, type DayCount, type DayRange } from '@/lib/domain/day-series';
import type { DashboardFilters } from '@/lib/validation/dashboard';
import type { StatusCounts } from '@/lib/data/articles';
import { listAssignees } from '@/lib/data/team';

/**
 * The editor dashboard: counts over the team's active claims, computed in the database
 * (groupBy, count, one grouped SQL query) so the page costs the same at 100,000 claims as at
 * 100. Every query is filtered by the session's team; filter ids from the URL are used only
 * once they are found in that team.
 */

export const ARTICLES_SHOWN = 20;
export const DUE_LIST_LIMIT = 50;
export const SOON_DUE_DAYS = 3;
const ARTICLE_OPTIONS = 200;
const WORKLOAD_STATUSES = ['ASSIGNED', 'IN_RESEARCH', 'IN_REVIEW', 'RETURNED'] as const satisfies readonly ClaimStatus[];
const APPROVED_EVENT = 'review.approved';

const emptyCounts = (): StatusCounts => Object.fromEntries(CLAIM_STATUSES.map((s) => [s, 0])) as StatusCounts;

export type Workload = Record<(typeof WORKLOAD_STATUSES)[number], number> & { overdue: number };

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
  const approvedInRange: Prisma.ClaimWhereInput = datesChosen
    ? { auditEvents: { some: { teamId, type: APPROVED_EVENT, createdAt: { gte: dayStart(range.from), lt: dayStart(addDays(range.to, 1)) } } } }
    : {};

  const [progress, verdicts, workload, due, approvals] = await Promise.all([
    articleProgress(teamId, claimScope, applied),
    verdictDistribution(teamId, { ...claimScope, status: 'APPROVED', ...approvedInRange }),
    memberWorkload(claimScope, assignee ? [assignee] : members, now),
    dueClaims(claimScope, now),
    approvalsPerDay(teamId, applied),
  ]);
  return {
    filters: applied,
    members,
    articleOptions: article && !articleOptions.some((a) => a.id === article.id) ? [article, ...articleOptions] : articleOptions,
    progress,
    verdicts,
    workload,
    due,
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

/** Approved claims by verdict, in the order of the team's scale; retired labels only when used. */
async function verdictDistribution(teamId: string, where: Prisma.ClaimWhereInput) {
  const [labels, grouped] = await Promise.all([
    db.verdictLabel.findMany({ where: { teamId }, orderBy: { position: 'asc' }, select: { id: true, name: true, retiredAt: true } }),
    db.claim.groupBy({ by: ['verdictLabelId'], where, _count: { _all: true } }),
  ]);
  const counts = new Map(grouped.map((g) => [g.verdictLabelId, g._count._all]));
  const rows = labels.map((l) => ({ id: l.id, name: l.name, count: counts.get(l.id) ?? 0 })).filter((l, i) => l.count > 0 || !labels[i].retiredAt);
  return { rows, total: rows.reduce((sum, r) => sum + r.count, 0) };
}

/** Each member's open claims by status, and how many of those are past their due date. */
async function memberWorkload(claimScope: Prisma.ClaimWhereInput, members: { id: string; name: string; role: string }[], now: Date) {
  const ids = members.map((m) => m.id);
  const scope = { ...claimScope, assigneeId: { in: ids } };
  const [byStatus, overdue] = await Promise.all([
    db.claim.groupBy({ by: ['assigneeId', 'status'], where: { ...scope, status: { in: [...WORKLOAD_STATUSES] } }, _count: { _all: true } }),
    db.claim.groupBy({ by: ['assigneeId'], where: { ...scope, status: { in: [...DUE_STATUSES] }, dueAt: { lt: now } }, _count: { _all: true } }),
  ]);
  const rows = new Map<string, Workload>(members.map((m) => [m.id, { ASSIGNED: 0, IN_RESEARCH: 0, IN_REVIEW: 0, RETURNED: 0, overdue: 0 }]));
  for (const row of byStatus) rows.get(row.assigneeId!)![row.status as keyof Workload] = row._count._all;
  for (const row of overdue) rows.get(row.assigneeId!)!.overdue = row._count._all;
  return members.map((m) => ({ ...m, ...rows.get(m.id)! }));
}

/** Claims waiting on their checker that are overdue or due in the next three days, soonest first. */
async function dueClaims(claimScope: Prisma.ClaimWhereInput, now: Date) {
  const soon = new Date(now.getTime() + SOON_DUE_DAYS * 86_400_000);
  const where: Prisma.ClaimWhereInput = { ...claimScope, status: { in: [...DUE_STATUSES] }, dueAt: { lt: soon } };
  const [claims, total, overdue] = await Promise.all([
    db.claim.findMany({
      where,
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
    }),
    db.claim.count({ where }),
    db.claim.count({ where: { ...where, dueAt: { lt: now } } }),
  ]);
  return { claims, total, overdue, soon: total - overdue };
}

/**
 * Claims approved on each day of the range: the day of their 'review.approved' event, which
 * the approval writes in the same transaction as its Review row. A claim approved, reopened
 * and approved again on one day counts once that day.
 */
async function approvalsPerDay(teamId: string, { assignee, article, range }: Applied) {
  const rows = await db.$queryRaw<{ day: string; count: number }[]>`
    SELECT to_char(e."createdAt", 'YYYY-MM-DD') AS day, count(DISTINCT e."claimId")::int AS count
    FROM "AuditEvent" e
    JOIN "Claim" c ON c.id = e."claimId"
    WHERE e."teamId" = ${teamId}
      AND e.type = ${APPROVED_EVENT}
      AND e."createdAt" >= ${range.from}::date
      AND e."createdAt" < ${addDays(range.to, 1)}::date
      AND c."teamId" = ${teamId}
      AND c."archivedAt" IS NULL
      ${assignee ? Prisma.sql`AND c."assigneeId" = ${assignee.id}` : Prisma.empty}
      ${article ? Prisma.sql`AND c."articleId" = ${article.id}` : Prisma.empty}
    GROUP BY 1
  `;
  const days: DayCount[] = fillDays(rows, range);
  return { days, total: days.reduce((sum, d) => sum + d.count, 0), range };
}
