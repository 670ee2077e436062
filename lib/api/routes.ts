/**
 * Every /api/v1 route, as data: method, path, scope, inputs and responses. The route handlers
 * are built from these (lib/api/handler.ts), the OpenAPI document is generated from them
 * (lib/api/openapi.ts), and the tests check that each route file has exactly one entry here.
 */
import { z } from 'zod';
import { importArticleSchema } from '@/lib/validation/article';
import {
  asCheckedSchema,
  assignClaimsSchema,
  bulkExcludeSchema,
  claimRefSchema,
  evidenceRefSchema,
  evidenceSchema,
  excludeSchema,
  notesSchema,
  reuseVerdictSchema,
  reviewSchema,
  setDueDateSchema,
  splitClaimSchema,
  submitVerdictSchema,
  updateEvidenceSchema,
} from '@/lib/validation/claim';
import { articleReportSchema, correctionBodySchema, decideCorrectionSchema, publishClaimSchema, sourceChangeSchema } from '@/lib/validation/publishing';
import { addMemberSchema, changeRoleSchema } from '@/lib/validation/team';
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
const articleParams = z.object({ articleId: id.meta({ description: 'The article id, as in its desk URL.' }) });
const evidenceParams = z.object({ evidenceId: id.meta({ description: 'The evidence id, as in the claim’s `evidence`.' }) });
const memberParams = z.object({ userId: id.meta({ description: 'The member’s id, as in `listMembers`.' }) });
const correctionParams = claimParams.extend({ correctionId: id.meta({ description: 'The correction id, as in the claim’s `pendingCorrection`.' }) });
const ALWAYS = [401, 403, 429] as const;
const WRITE_ERRORS = [400, ...ALWAYS, 404, 409, 422] as const;
const VERSIONED =
  'Send the claim’s `version` as read: if someone changed the claim since, nothing is saved and the answer is a 409 with their version (`error.conflict`).';

/** A write on one claim that answers with the claim as it is now. */
function claimWrite<B extends z.ZodObject>(operationId: string, action: string, summary: string, body: B, description?: string) {
  return {
    operationId,
    method: 'post',
    path: `/claims/{claimId}/${action}`,
    summary,
    description: description ? `${description} ${VERSIONED}` : VERSIONED,
    scope: 'write',
    params: claimParams,
    body,
    success: { status: 200, description: 'The claim as it is now.', schema: out.claimChanged },
    errors: WRITE_ERRORS,
  } as const;
}

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
  saveNotes: { ...claimWrite('saveNotes', 'notes', 'Replace the research notes', notesSchema.omit({ claimId: true })), permission: 'claim.research' },
  takeClaim: { ...claimWrite('takeClaim', 'take', 'Take an unassigned claim', claimRefSchema.omit({ claimId: true })), permission: 'claim.take' },
  startResearch: {
    ...claimWrite('startResearch', 'start-research', 'Start research on a claim assigned to you', claimRefSchema.omit({ claimId: true })),
    permission: 'claim.research',
  },
  saveAsChecked: {
    ...claimWrite(
      'saveAsChecked',
      'as-checked',
      'Restate the claim as checked (the sentence as stated never changes)',
      asCheckedSchema.omit({ claimId: true }),
    ),
    permission: 'claim.research',
  },
  setDueDate: {
    ...claimWrite('setDueDate', 'due-date', 'Set the due date', setDueDateSchema.omit({ claimIds: true })),
    permission: 'claim.assign',
    description: 'Editors and admins only.',
  },
  setAside: {
    ...claimWrite('setAside', 'set-aside', 'Set a claim aside as not check-worthy, with the reason', excludeSchema.omit({ claimId: true })),
    permission: 'claim.exclude',
  },
  bringBack: {
    ...claimWrite('bringBack', 'bring-back', 'Bring a claim set aside back into the workflow', claimRefSchema.omit({ claimId: true })),
    permission: 'claim.exclude',
  },
  splitClaim: {
    ...claimWrite(
      'splitClaim',
      'split',
      'Split a claim in two at a character offset into its text',
      splitClaimSchema.omit({ claimId: true }),
      'Editors and admins, while the claim is open for research (never in review, approved or published).',
    ),
    permission: 'claim.edit',
  },
  mergeWithNext: {
    ...claimWrite(
      'mergeWithNext',
      'merge-with-next',
      'Merge a claim with the next one',
      claimRefSchema.omit({ claimId: true }),
      'Editors and admins, while both claims are open for research.',
    ),
    permission: 'claim.edit',
  },
  reuseVerdict: {
    ...claimWrite(
      'reuseVerdict',
      'reuse',
      'Reuse the verdict, rationale and evidence of an approved claim of the team',
      reuseVerdictSchema.omit({ claimId: true }),
      'The claim stays in research: it is still submitted and reviewed.',
    ),
    permission: 'claim.research',
  },
  publishClaim: {
    ...claimWrite(
      'publishClaim',
      'publish',
      'Publish an approved verdict on its public page',
      publishClaimSchema.omit({ claimId: true }),
      'Editors and admins.',
    ),
    permission: 'claim.publish',
  },
  proposeCorrection: {
    ...claimWrite(
      'proposeCorrection',
      'corrections',
      'Propose a correction of a published fact-check: a new verdict, or unpublishing it',
      correctionBodySchema,
      'Nothing public changes until another editor approves it (`decideCorrection`). `kind: "verdict"` needs `verdictLabelId` and `rationale`, differing from the published ones in at least one; `kind: "unpublish"` takes the page down once approved. The note is shown to readers, dated.',
    ),
    permission: 'claim.publish',
  },
  decideCorrection: {
    operationId: 'decideCorrection',
    method: 'post',
    path: '/claims/{claimId}/corrections/{correctionId}/decision',
    summary: 'Approve or reject a proposed correction',
    description: 'Editors and admins; nobody approves a correction they proposed (403). The proposer may reject (withdraw) it.',
    scope: 'write',
    permission: 'claim.publish',
    params: correctionParams,
    body: decideCorrectionSchema.omit({ claimId: true, correctionId: true }),
    success: { status: 200, description: 'The claim as it is now.', schema: out.claimChanged },
    errors: WRITE_ERRORS,
  },
  decideSourceChange: {
    ...claimWrite(
      'decideSourceChange',
      'source-change',
      'Decide on a re-import’s change to a checked claim: keep it as checked, or reopen it',
      sourceChangeSchema.omit({ claimId: true }),
      'For a claim flagged `sourceChange`. Reopening a published claim proposes a correction that another editor approves.',
    ),
    permission: 'claim.review',
  },
  markChangeReviewed: {
    ...claimWrite(
      'markChangeReviewed',
      'change-reviewed',
      'Clear the flag of a sentence a re-import changed while it was in research',
      claimRefSchema.omit({ claimId: true }),
    ),
    permission: 'claim.research',
  },
  updateEvidence: {
    operationId: 'updateEvidence',
    method: 'post',
    path: '/evidence/{evidenceId}',
    summary: 'Edit an evidence link',
    description: 'Send the evidence’s `version` as read: a stale one is a 409 with their version.',
    scope: 'write',
    permission: 'claim.research',
    params: evidenceParams,
    body: updateEvidenceSchema.omit({ evidenceId: true, claimId: true }),
    success: { status: 200, description: 'The claim the evidence belongs to, as it is now.', schema: out.claimChanged },
    errors: WRITE_ERRORS,
  },
  removeEvidence: {
    operationId: 'removeEvidence',
    method: 'post',
    path: '/evidence/{evidenceId}/remove',
    summary: 'Remove an evidence link',
    scope: 'write',
    permission: 'claim.research',
    params: evidenceParams,
    body: evidenceRefSchema.omit({ evidenceId: true }),
    success: { status: 200, description: 'The claim the evidence belonged to, as it is now.', schema: out.claimChanged },
    errors: WRITE_ERRORS,
  },
  setAsideLowScoring: {
    operationId: 'setAsideLowScoring',
    method: 'post',
    path: '/articles/{articleId}/set-aside-low-scoring',
    summary: 'Set aside every unassigned claim of an article scoring below a threshold',
    description: 'Editors and admins. All or nothing: a claim changed meanwhile refuses the whole request (409).',
    scope: 'write',
    permission: 'claim.edit',
    params: articleParams,
    body: bulkExcludeSchema.omit({ articleId: true }),
    success: { status: 200, description: 'How many claims were set aside.', schema: out.countResult },
    errors: WRITE_ERRORS,
  },
  publishReport: {
    operationId: 'publishReport',
    method: 'post',
    path: '/articles/{articleId}/report',
    summary: 'Make the article’s report (its published fact-checks together) public, or hide it',
    scope: 'write',
    permission: 'claim.publish',
    params: articleParams,
    body: articleReportSchema.omit({ articleId: true }),
    success: { status: 200, description: 'Whether the report is public now.', schema: out.reportResult },
    errors: WRITE_ERRORS,
  },
  listMembers: {
    operationId: 'listMembers',
    method: 'get',
    path: '/members',
    summary: 'The team’s members: name, role, and whether they were removed',
    description: 'Emails only for admins.',
    scope: 'read',
    permission: null,
    success: { status: 200, description: 'Every member, removed ones too (history keeps their names).', schema: out.memberList },
    errors: ALWAYS,
  },
  addMember: {
    operationId: 'addMember',
    method: 'post',
    path: '/members',
    summary: 'Add a member with a password (admins)',
    scope: 'write',
    permission: 'team.manage',
    body: addMemberSchema,
    success: { status: 201, description: 'The new member.', schema: out.member },
    errors: [400, ...ALWAYS, 422],
  },
  changeRole: {
    operationId: 'changeRole',
    method: 'post',
    path: '/members/{userId}/role',
    summary: 'Change a member’s role (admins; not your own)',
    scope: 'write',
    permission: 'team.manage',
    params: memberParams,
    body: changeRoleSchema.omit({ userId: true }),
    success: { status: 200, description: 'The member as they are now.', schema: out.member },
    errors: WRITE_ERRORS,
  },
  removeMember: {
    operationId: 'removeMember',
    method: 'post',
    path: '/members/{userId}/remove',
    summary: 'Remove a member (admins): their sessions and tokens end at once; history keeps their name',
    scope: 'write',
    permission: 'team.manage',
    params: memberParams,
    body: z.object({ confirm: z.literal('on', { error: 'Send "confirm": "on" to remove the member.' }) }),
    success: { status: 200, description: 'The member as they are now (removed).', schema: out.member },
    errors: WRITE_ERRORS,
  },
} as const satisfies Record<string, ApiRouteDef>;

export type ApiRouteName = keyof typeof API_ROUTES;
