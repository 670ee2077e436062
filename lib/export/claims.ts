import 'server-only';
/**
 * The two claim exports: one article's claims, and the team's verdicts (claims with a verdict
 * approved or in review). Rows come in keyset-paged batches. Only names of people, never emails.
 */
import type { Prisma, PrismaClient } from '@/lib/generated/prisma/client';
import type { SessionUser } from '@/lib/auth/session';
import { fileSlug, type ExportColumn, type ExportSpec } from '@/lib/export/response';

export const EXPORT_BATCH = 1_000;

const claimSelect = {
  id: true,
  articleId: true,
  position: true,
  paragraph: true,
  text: true,
  asChecked: true,
  start: true,
  end: true,
  status: true,
  checkWorthiness: true,
  dueAt: true,
  notes: true,
  rationale: true,
  proposedAt: true,
  notCheckWorthyReason: true,
  article: { select: { title: true } },
  assignee: { select: { name: true } },
  proposedBy: { select: { name: true } },
  verdictLabel: { select: { name: true } },
  evidence: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], select: { url: true } },
  reviews: { where: { decision: 'APPROVED' }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: 1, select: { createdAt: true } },
} satisfies Prisma.ClaimSelect;

type ClaimRecord = Prisma.ClaimGetPayload<{ select: typeof claimSelect }>;

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

/** What both exports say about a claim's verdict and its evidence. */
function verdictFields(c: ClaimRecord) {
  return {
    verdict: c.verdictLabel?.name ?? null,
    rationale: c.rationale,
    proposedBy: c.proposedBy?.name ?? null,
    proposedAt: iso(c.proposedAt),
    // A reopened claim was approved once but is not any more.
    approvedAt: c.status === 'APPROVED' ? iso(c.reviews[0]?.createdAt) : null,
    evidenceCount: c.evidence.length,
    evidenceUrls: c.evidence.map((e) => e.url),
  };
}

const verdictColumns = [
  { key: 'verdict', header: 'Verdict' },
  { key: 'rationale', header: 'Rationale' },
  { key: 'proposedBy', header: 'Proposed by' },
  { key: 'proposedAt', header: 'Proposed at' },
  { key: 'approvedAt', header: 'Approved at' },
  { key: 'evidenceCount', header: 'Evidence count' },
  { key: 'evidenceUrls', header: 'Evidence URLs' },
] as const;

function articleClaimRow(c: ClaimRecord) {
  return {
    claimId: c.id,
    position: c.position,
    paragraph: c.paragraph,
    claim: c.text,
    asChecked: c.asChecked,
    start: c.start,
    end: c.end,
    status: c.status,
    checkWorthiness: c.checkWorthiness,
    assignee: c.assignee?.name ?? null,
    dueAt: iso(c.dueAt),
    ...verdictFields(c),
    notCheckWorthyReason: c.notCheckWorthyReason,
    notes: c.notes,
  };
}

export type ArticleClaimRow = ReturnType<typeof articleClaimRow>;

const ARTICLE_CLAIM_COLUMNS: readonly ExportColumn<ArticleClaimRow>[] = [
  { key: 'claimId', header: 'Claim ID' },
  { key: 'position', header: 'Position' },
  { key: 'paragraph', header: 'Paragraph' },
  { key: 'claim', header: 'Claim as stated' },
  { key: 'asChecked', header: 'Claim as checked' },
  { key: 'start', header: 'Start offset' },
  { key: 'end', header: 'End offset' },
  { key: 'status', header: 'Status' },
  { key: 'checkWorthiness', header: 'Check-worthiness' },
  { key: 'assignee', header: 'Assignee' },
  { key: 'dueAt', header: 'Due at' },
  ...verdictColumns,
  { key: 'notCheckWorthyReason', header: 'Not check-worthy reason' },
  { key: 'notes', header: 'Notes' },
];

function verdictRow(c: ClaimRecord) {
  return {
    claimId: c.id,
    articleId: c.articleId,
    articleTitle: c.article.title,
    position: c.position,
    claim: c.text,
    status: c.status,
    ...verdictFields(c),
  };
}

export type VerdictRow = ReturnType<typeof verdictRow>;

const VERDICT_COLUMNS: readonly ExportColumn<VerdictRow>[] = [
  { key: 'claimId', header: 'Claim ID' },
  { key: 'articleId', header: 'Article ID' },
  { key: 'articleTitle', header: 'Article' },
  { key: 'position', header: 'Position' },
  { key: 'claim', header: 'Claim' },
  { key: 'status', header: 'Status' },
  ...verdictColumns,
];

/**
 * Batches of `EXPORT_BATCH` rows in a fixed order, each query starting after the last row of
 * the one before (keyset, not offset: the 100th batch costs what the first does).
 */
async function* keysetBatches<Row>(
  fetchBatch: (after: ClaimRecord | undefined) => Promise<ClaimRecord[]>,
  toRow: (c: ClaimRecord) => Row,
): AsyncGenerator<Row[]> {
  let after: ClaimRecord | undefined;
  for (;;) {
    const batch = await fetchBatch(after);
    if (batch.length > 0) yield batch.map(toRow);
    if (batch.length < EXPORT_BATCH) return;
    after = batch[batch.length - 1];
  }
}

const today = () => new Date().toISOString().slice(0, 10);

/** The active claims of one article of the user's team, as written; null for another team's article. */
export async function articleClaimsExport(db: PrismaClient, user: Pick<SessionUser, 'teamId'>, articleId: string): Promise<ExportSpec<ArticleClaimRow> | null> {
  const article = await db.article.findFirst({ where: { id: articleId, teamId: user.teamId }, select: { id: true, title: true } });
  if (!article) return null;
  const where = { teamId: user.teamId, articleId: article.id, archivedAt: null } satisfies Prisma.ClaimWhereInput;
  return {
    filename: `claims-${fileSlug(article.title)}-${today()}`,
    total: await db.claim.count({ where }),
    columns: ARTICLE_CLAIM_COLUMNS,
    batches: keysetBatches(
      (after) =>
        db.claim.findMany({
          where: after ? { ...where, OR: [{ position: { gt: after.position } }, { position: after.position, id: { gt: after.id } }] } : where,
          orderBy: [{ position: 'asc' }, { id: 'asc' }],
          take: EXPORT_BATCH,
          select: claimSelect,
        }),
      articleClaimRow,
    ),
  };
}

/** The team's active claims with a verdict approved or in review, article by article. */
export async function teamVerdictsExport(db: PrismaClient, user: Pick<SessionUser, 'teamId' | 'teamName'>): Promise<ExportSpec<VerdictRow>> {
  const where = {
    teamId: user.teamId,
    archivedAt: null,
    status: { in: ['APPROVED', 'IN_REVIEW'] },
    verdictLabelId: { not: null },
  } satisfies Prisma.ClaimWhereInput;
  return {
    filename: `verdicts-${fileSlug(user.teamName)}-${today()}`,
    total: await db.claim.count({ where }),
    columns: VERDICT_COLUMNS,
    batches: keysetBatches(
      (after) =>
        db.claim.findMany({
          where: after
            ? {
                ...where,
                OR: [
                  { articleId: { gt: after.articleId } },
                  { articleId: after.articleId, position: { gt: after.position } },
                  { articleId: after.articleId, position: after.position, id: { gt: after.id } },
                ],
              }
            : where,
          orderBy: [{ articleId: 'asc' }, { position: 'asc' }, { id: 'asc' }],
          take: EXPORT_BATCH,
          select: claimSelect,
        }),
      verdictRow,
    ),
  };
}
