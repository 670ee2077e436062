/**
 * What /api/v1 answers with, as zod schemas: the OpenAPI document is generated from them and
 * the contract test parses every response with them. Request bodies reuse lib/validation.
 */
import { z } from 'zod';
import { CLAIM_STATUSES } from '@/lib/domain/claim-status';
import { STANCES } from '@/lib/validation/claim';

const isoDate = z.string().meta({ format: 'date-time', example: '2026-12-01T09:30:00.000Z' });
const statusCounts = z.object(Object.fromEntries(CLAIM_STATUSES.map((s) => [s, z.number().int()])) as Record<(typeof CLAIM_STATUSES)[number], z.ZodNumber>);

export const errorResponse = z
  .object({
    error: z.object({
      status: z.number().int(),
      message: z.string(),
      fieldErrors: z.record(z.string(), z.array(z.string())).optional(),
      conflict: z
        .object({ version: z.number().int(), theirs: z.array(z.object({ field: z.string(), label: z.string(), value: z.string() })) })
        .optional()
        .meta({ description: 'On a version conflict: the version now and their value of each field your change touched.' }),
    }),
  })
  .meta({ id: 'Error' });

const articleSummary = z
  .object({
    id: z.string(),
    title: z.string(),
    byline: z.string().nullable(),
    outlet: z.string().nullable(),
    createdAt: isoDate,
    counts: statusCounts,
  })
  .meta({ id: 'ArticleSummary' });

export const articleList = z.object({ articles: z.array(articleSummary) }).meta({ id: 'ArticleList' });

export const importedArticle = z
  .object({
    id: z.string(),
    title: z.string(),
    byline: z.string().nullable(),
    reimported: z.boolean(),
    claims: z.array(z.object({ position: z.number().int(), paragraph: z.number().int(), text: z.string(), start: z.number().int(), end: z.number().int() })),
  })
  .meta({ id: 'ImportedArticle' });

const claimSummary = z
  .object({
    id: z.string(),
    text: z.string(),
    status: z.enum(CLAIM_STATUSES),
    articleId: z.string(),
    articleTitle: z.string(),
    assignee: z.object({ id: z.string(), name: z.string() }).nullable(),
    verdict: z.string().nullable(),
    dueAt: isoDate.nullable(),
    updatedAt: isoDate,
    checkWorthiness: z.number(),
  })
  .meta({ id: 'ClaimSummary' });

export const claimList = z
  .object({ claims: z.array(claimSummary), nextCursor: z.string().nullable().meta({ description: 'Pass as `cursor` for the next page; null on the last.' }) })
  .meta({ id: 'ClaimList' });

export const evidence = z
  .object({
    id: z.string(),
    url: z.string(),
    title: z.string(),
    publisher: z.string().nullable(),
    stance: z.enum(STANCES),
    quote: z.string().nullable(),
    archiveUrl: z.string().nullable(),
    note: z.string().nullable(),
    author: z.object({ id: z.string(), name: z.string() }),
    createdAt: isoDate,
  })
  .meta({ id: 'Evidence' });

export const claimDetail = z
  .object({
    id: z.string(),
    version: z.number().int().meta({ description: 'Send it back with a verdict or review: a stale version is a 409.' }),
    text: z.string(),
    asChecked: z.string().nullable(),
    position: z.number().int(),
    paragraph: z.number().int(),
    start: z.number().int(),
    end: z.number().int(),
    status: z.enum(CLAIM_STATUSES),
    article: z.object({ id: z.string(), title: z.string() }),
    assignee: z.object({ id: z.string(), name: z.string() }).nullable(),
    dueAt: isoDate.nullable(),
    notes: z.string(),
    verdict: z.object({ id: z.string(), name: z.string() }).nullable(),
    rationale: z.string().nullable(),
    proposedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
    checkWorthiness: z.number(),
    publishedAt: isoDate.nullable(),
    publicUrl: z.string().nullable().meta({ description: 'The public fact-check page while the claim is published.' }),
    sourceChange: z
      .object({ kind: z.enum(['CHANGED', 'REMOVED']), sourceText: z.string().nullable() })
      .nullable()
      .meta({
        description:
          'A re-import changed or removed the sentence of this checked claim; the claim is unchanged until an editor decides (`decideSourceChange`).',
      }),
    pendingCorrection: z
      .object({
        id: z.string(),
        kind: z.enum(['VERDICT', 'UNPUBLISH', 'REOPEN']),
        newVerdict: z.string().nullable(),
        newRationale: z.string().nullable(),
        note: z.string(),
        proposedBy: z.string(),
        createdAt: isoDate,
      })
      .nullable(),
    evidence: z.array(evidence),
    history: z.array(z.object({ id: z.string(), type: z.string(), actor: z.string().nullable(), createdAt: isoDate, data: z.unknown() })),
  })
  .meta({ id: 'ClaimDetail' });

export const verdictLabels = z
  .object({ labels: z.array(z.object({ id: z.string(), name: z.string(), position: z.number().int(), retired: z.boolean() })) })
  .meta({ id: 'VerdictLabels' });

export const countResult = z.object({ count: z.number().int() }).meta({ id: 'CountResult' });
export const reportResult = z.object({ published: z.boolean() }).meta({ id: 'ReportResult' });

export const member = z
  .object({
    id: z.string(),
    name: z.string(),
    email: z.string().optional().meta({ description: 'Admins only.' }),
    role: z.enum(['admin', 'editor', 'checker']),
    removedAt: isoDate.nullable(),
  })
  .meta({ id: 'Member' });
export const memberList = z.object({ members: z.array(member) }).meta({ id: 'MemberList' });
export const claimChanged = z.object({ claim: claimDetail }).meta({ id: 'ClaimChanged' });
