import 'server-only';
import { db } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { sqlTimestamp } from '@/lib/db/sql';
import type { SessionUser } from '@/lib/auth/session';
import { CHECK_WORTHY_THRESHOLD } from '@/lib/domain/check-worthiness';
import { OPEN_STATUSES, type ClaimStatus } from '@/lib/domain/claim-status';
import { CLAIMS_LIST_PAGE_SIZE, UNASSIGNED, type ClaimListCursor, type ClaimListQuery, type ClaimListSort } from '@/lib/validation/claims-list';

export type ClaimListRow = {
  id: string;
  text: string;
  status: ClaimStatus;
  dueAt: Date | null;
  updatedAt: Date;
  checkWorthiness: number;
  articleId: string;
  articleTitle: string;
  assigneeId: string | null;
  assigneeName: string | null;
  verdictName: string | null;
  /** Full-text rank when searching, 0 otherwise. */
  rank: number;
};

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

// The claim's document is a stored generated column with a GIN index (…_claim_search_vector
// migration), so ranking reads it. The evidence expression must stay byte-for-byte that of its
// GIN index in the 20261125013724_search_similarity_notifications migration, or PostgreSQL
// cannot use it.
const claimDocument = Prisma.sql`s."searchVector"`;
const evidenceDocument = Prisma.sql`to_tsvector('simple', e."title")`;

/**
 * The team's claims that match the search, with their rank when it is needed: a claim matches
 * by its own text and notes, or by one of its evidence titles (ranked at half weight). Two
 * arms of a UNION ALL rather than `… OR EXISTS (…)`, so that each is a bitmap scan of its GIN
 * index instead of computing every claim's tsvector.
 */
function searchMatches(user: SessionUser, q: string, ranked: boolean): Prisma.Sql {
  const tsQuery = Prisma.sql`websearch_to_tsquery('simple', ${q})`;
  const rank = (document: Prisma.Sql) => (ranked ? Prisma.sql`ts_rank(${document}, ${tsQuery})::float8` : Prisma.sql`0::float8`);
  return Prisma.sql`(
    SELECT h."id", max(h."claimRank") + 0.5 * max(h."evidenceRank") AS "rank"
    FROM (
      SELECT s."id", ${rank(claimDocument)} AS "claimRank", 0::float8 AS "evidenceRank"
      FROM "Claim" s WHERE ${claimDocument} @@ ${tsQuery} AND s."teamId" = ${user.teamId}
      UNION ALL
      SELECT e."claimId", 0::float8, ${rank(evidenceDocument)}
      FROM "Evidence" e WHERE ${evidenceDocument} @@ ${tsQuery} AND e."teamId" = ${user.teamId}
    ) h
    GROUP BY h."id"
  )`;
}

function filters(user: SessionUser, query: ClaimListQuery, now: Date): Prisma.Sql[] {
  const where = [Prisma.sql`c."teamId" = ${user.teamId}`, Prisma.sql`c."archivedAt" IS NULL`];
  if (query.status) where.push(Prisma.sql`c."status" = ${query.status}::"ClaimStatus"`);
  if (query.verdict) where.push(Prisma.sql`c."verdictLabelId" = ${query.verdict}`);
  if (query.assignee === UNASSIGNED) where.push(Prisma.sql`c."assigneeId" IS NULL`);
  else if (query.assignee) where.push(Prisma.sql`c."assigneeId" = ${query.assignee}`);
  if (query.article) where.push(Prisma.sql`c."articleId" = ${query.article}`);
  if (query.due === 'overdue') {
    // Settled claims are not late, whatever their date said.
    const open = Prisma.join(OPEN_STATUSES.map((s) => Prisma.sql`${s}::"ClaimStatus"`));
    where.push(Prisma.sql`c."dueAt" < ${sqlTimestamp(now)} AND c."status" IN (${open})`);
  } else if (query.due === 'week') {
    where.push(Prisma.sql`c."dueAt" >= ${sqlTimestamp(now)} AND c."dueAt" < ${sqlTimestamp(new Date(now.getTime() + WEEK_MS))}`);
  } else if (query.due === 'none') {
    where.push(Prisma.sql`c."dueAt" IS NULL`);
  }
  if (query.worthiness === 'worthy') where.push(Prisma.sql`c."checkWorthiness" >= ${CHECK_WORTHY_THRESHOLD}::float8`);
  else if (query.worthiness === 'low') where.push(Prisma.sql`c."checkWorthiness" < ${CHECK_WORTHY_THRESHOLD}::float8`);
  return where;
}

/** The sort key of each order, as a column of the inner query, and its direction (ties: id ascending). */
const SORT_KEY: Record<ClaimListSort, { column: Prisma.Sql; order: Prisma.Sql }> = {
  updated: { column: Prisma.sql`c."updatedAt"`, order: Prisma.sql`r."sortKey" DESC, r."id" ASC` },
  due: { column: Prisma.sql`c."dueAt"`, order: Prisma.sql`r."sortKey" ASC NULLS LAST, r."id" ASC` },
  worthiness: { column: Prisma.sql`c."checkWorthiness"`, order: Prisma.sql`r."sortKey" DESC, r."id" ASC` },
  relevance: { column: Prisma.sql`m."rank"`, order: Prisma.sql`r."sortKey" DESC, r."id" ASC` },
};

/** Rows strictly after the cursor in the sort's order. */
function afterCursor(cursor: ClaimListCursor): Prisma.Sql {
  const k = Prisma.sql`r."sortKey"`;
  const id = Prisma.sql`r."id" > ${cursor.id}`;
  switch (cursor.sort) {
    case 'updated':
      return Prisma.sql`(${k} < ${sqlTimestamp(cursor.key)} OR (${k} = ${sqlTimestamp(cursor.key)} AND ${id}))`;
    case 'due':
      // Due dates ascend with the claims without one last.
      return cursor.key === null
        ? Prisma.sql`(${k} IS NULL AND ${id})`
        : Prisma.sql`(${k} > ${sqlTimestamp(cursor.key)} OR ${k} IS NULL OR (${k} = ${sqlTimestamp(cursor.key)} AND ${id}))`;
    case 'worthiness':
    case 'relevance':
      return Prisma.sql`(${k} < ${cursor.key}::float8 OR (${k} = ${cursor.key}::float8 AND ${id}))`;
  }
}

function cursorOf(sort: ClaimListSort, row: ClaimListRow): ClaimListCursor {
  switch (sort) {
    case 'updated':
      return { sort, key: row.updatedAt, id: row.id };
    case 'due':
      return { sort, key: row.dueAt, id: row.id };
    case 'worthiness':
      return { sort, key: row.checkWorthiness, id: row.id };
    case 'relevance':
      return { sort, key: row.rank, id: row.id };
  }
}

/**
 * One page of the team's active claims for /claims: searched, filtered and sorted as the URL
 * says, paged by keyset (the last row's sort key and id) so that a far page costs what the
 * first one does. `nextCursor` is null on the last page.
 */
export async function listTeamClaims(user: SessionUser, query: ClaimListQuery, now = new Date()) {
  const sortKey = SORT_KEY[query.sort];
  const where = Prisma.join(filters(user, query, now), ' AND ');
  // Ranking costs a little per matching claim (more for evidence titles), so it is only done when it is the order.
  const columns = Prisma.sql`c."id", c."text", c."status", c."dueAt", c."updatedAt", c."checkWorthiness", c."articleId", c."assigneeId", c."verdictLabelId", ${sortKey.column} AS "sortKey"`;
  const inner = query.q
    ? Prisma.sql`SELECT ${columns}, m."rank" FROM "Claim" c JOIN ${searchMatches(user, query.q, query.sort === 'relevance')} m ON m."id" = c."id" WHERE ${where}`
    : Prisma.sql`SELECT ${columns}, 0::float8 AS "rank" FROM "Claim" c WHERE ${where}`;
  const rows = await db.$queryRaw<ClaimListRow[]>`
    SELECT r."id", r."text", r."status"::text AS "status", r."dueAt", r."updatedAt", r."checkWorthiness", r."rank",
           r."articleId", a."title" AS "articleTitle", r."assigneeId", u."name" AS "assigneeName", v."name" AS "verdictName"
    FROM (${inner}) r
    JOIN "Article" a ON a."id" = r."articleId"
    LEFT JOIN "User" u ON u."id" = r."assigneeId"
    LEFT JOIN "VerdictLabel" v ON v."id" = r."verdictLabelId"
    WHERE ${query.cursor ? afterCursor(query.cursor) : Prisma.sql`TRUE`}
    ORDER BY ${sortKey.order}
    LIMIT ${CLAIMS_LIST_PAGE_SIZE + 1}`;
  const claims = rows.slice(0, CLAIMS_LIST_PAGE_SIZE);
  const last = claims.at(-1);
  const nextCursor = rows.length > CLAIMS_LIST_PAGE_SIZE && last ? cursorOf(query.sort, last) : null;
  return { claims, nextCursor };
}

/** Whether the team has any active claim: an empty list then means "no matches", not "nothing yet". */
export async function teamHasClaims(user: SessionUser) {
  return (await db.claim.findFirst({ where: { teamId: user.teamId, archivedAt: null }, select: { id: true } })) !== null;
}

/** What the filter form offers: the team's articles (newest first), verdict labels and members who check. */
export async function getClaimListOptions(user: SessionUser, selectedArticleId?: string) {
  const [articles, verdictLabels, assignees] = await Promise.all([
    db.article.findMany({ where: { teamId: user.teamId }, orderBy: { createdAt: 'desc' }, take: 200, select: { id: true, title: true } }),
    db.verdictLabel.findMany({ where: { teamId: user.teamId }, orderBy: { position: 'asc' }, select: { id: true, name: true, retiredAt: true } }),
    db.user.findMany({
      where: { teamId: user.teamId, role: { in: ['checker', 'editor'] } },
      orderBy: [{ role: 'asc' }, { name: 'asc' }],
      select: { id: true, name: true, role: true },
    }),
  ]);
  // An older article chosen from its own page stays selectable even beyond the newest 200.
  if (selectedArticleId && !articles.some((a) => a.id === selectedArticleId)) {
    const selected = await db.article.findFirst({ where: { id: selectedArticleId, teamId: user.teamId }, select: { id: true, title: true } });
    if (selected) articles.push(selected);
  }
  return { articles, verdictLabels, assignees };
}
