/**
 * Every /api/v1 route, as data: method, path, scope, inputs and responses. The route handlers
 * are built from these (lib/api/handler.ts), the OpenAPI document is generated from them
 * (lib/api/openapi.ts), and the tests check that each route file has exactly one entry here.
 */
import { z } from 'zod';
import { importArticleSchema } from '@/lib/validation/article';
import { assignClaimsSchema, evidenceSchema, reviewSchema, submitVerdictSchema } from '@/lib/validation/claim';
import { claimListParamsSchema } from '@/lib/validation/claims-list';
import { id } from '@/lib/validation/fields';
import * as out from '@/lib/api/schemas';
import type { TokenScope } from '@/lib/api/tokens';
import type { Permission } from '@/lib/auth/permissions';

export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 422 | 429;

export type ApiRouteDef = {
  operationId: string;
  method: 'get' | 'post';
  /** OpenAPI style, under /api/v1: `/claims/{claimId}`. */
  path: string;
  summary: string;
  description?: string;
  scope: TokenScope;
  /** The role permission the route needs beyond a token of its scope; null: any member. */
  permission: Permission | null;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodObject;
  success: { status: 200 | 201; description: string; schema: z.ZodType };
  errors: readonly ErrorStatus[];
};

const claimParams = z.object({ claimId: id.meta({ description: 'The claim id, as in its desk URL.' }) });
const ALWAYS = [401, 403, 429] as const;

export const API_ROUTES = {
  listArticles: {
    operationId: 'listArticles',
    method: 'get',
    path: '/articles',
    summary: 'List the team’s articles, newest first, with claim counts by status',
    scope: 'read',
    permission: null,
    success: { status: 200, description: 'Up to 200 articles.', schema: out.articleList },
    errors: ALWAYS,
  },
  importArticle: {
    operationId: 'importArticle',
    method: 'post',
    path: '/articles',
    summary: 'Import an article: every sentence becomes a claim',
    description:
      'The same import as the desk’s form. With `articleId`, or a `sourceUrl` the team already has, the text becomes a new version of that article and every unchanged sentence keeps its work. Editors and admins only.',
    scope: 'write',
    permission: 'article.import',
    body: importArticleSchema,
    success: { status: 201, description: 'The article and its claims.', schema: out.importedArticle },
    errors: [400, ...ALWAYS, 404, 422],
  },
  listClaims: {
    operationId: 'listClaims',
    method: 'get',
    path: '/claims',
    summary: 'Search and filter the team’s claims, 50 a page',
    description: 'The same search, filters and keyset pages as the desk’s Claims list. Pass `nextCursor` back as `cursor` for the next page.',
    scope: 'read',
    permission: null,
    query: claimListParamsSchema,
    success: { status: 200, description: 'One page of claims.', schema: out.claimList },
    errors: [...ALWAYS, 422],
  },
  getClaim: {
    operationId: 'getClaim',
    method: 'get',
    path: '/claims/{claimId}',
    summary: 'Read a claim with its evidence and history',
    scope: 'read',
    permission: null,
    params: claimParams,
    success: { status: 200, description: 'The claim.', schema: out.claimDetail },
    errors: [...ALWAYS, 404],
  },
  listVerdictLabels: {
    operationId: 'listVerdictLabels',
    method: 'get',
    path: '/verdict-labels',
    summary: 'The team’s verdict scale, in order (ids for proposing a verdict)',
    scope: 'read',
    permission: null,
    success: { status: 200, description: 'Every label, retired ones too.', schema: out.verdictLabels },
    errors: ALWAYS,
  },
  assignClaim: {
    operationId: 'assignClaim',
    method: 'post',
    path: '/claims/{claimId}/assign',
    summary: 'Assign a claim to a checker, with an optional due date',
    description: 'Editors and admins only.',
    scope: 'write',
    permission: 'claim.assign',
    params: claimParams,
    body: assignClaimsSchema.omit({ claimIds: true }),
    success: { status: 200, description: 'The claim as it is now.', schema: out.claimChanged },
    errors: [400, ...ALWAYS, 404, 409, 422],
  },
  addEvidence: {
    operationId: 'addEvidence',
    method: 'post',
    path: '/claims/{claimId}/evidence',
    summary: 'Attach an evidence link (http or https) to a claim in research',
    scope: 'write',
    permission: 'claim.research',
    params: claimParams,
    body: evidenceSchema.omit({ claimId: true }),
    success: { status: 201, description: 'The evidence as stored.', schema: out.evidence },
    errors: [400, ...ALWAYS, 404, 409, 422],
  },
  proposeVerdict: {
    operationId: 'proposeVerdict',
    method: 'post',
    path: '/claims/{claimId}/verdict',
    summary: 'Propose a verdict with a rationale and submit the claim for review',
    description: 'Send the claim’s `version` as read: if someone changed the claim since, nothing is saved and the answer is a 409.',
    scope: 'write',
    permission: 'claim.research',
    params: claimParams,
    body: submitVerdictSchema.omit({ claimId: true }),
    success: { status: 200, description: 'The claim as it is now.', schema: out.claimChanged },
    errors: [400, ...ALWAYS, 404, 409, 422],
  },
  reviewVerdict: {
    operationId: 'reviewVerdict',
    method: 'post',
    path: '/claims/{claimId}/review',
    summary: 'Approve a proposed verdict, return it with a comment, or reopen an approved one',
    description: 'Editors and admins only; nobody approves a verdict they proposed (403).',
    scope: 'write',
    permission: 'claim.review',
    params: claimParams,
    body: reviewSchema.omit({ claimId: true }),
    success: { status: 200, description: 'The claim as it is now.', schema: out.claimChanged },
    errors: [400, ...ALWAYS, 404, 409, 422],
  },
} as const satisfies Record<string, ApiRouteDef>;

export type ApiRouteName = keyof typeof API_ROUTES;
