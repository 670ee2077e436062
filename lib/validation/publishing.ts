import { z } from 'zod';
import { id, optionalText, optionalWebUrl, plainText, requiredText, version } from '@/lib/validation/fields';

export const publishClaimSchema = z.object({ claimId: id, version });

/**
 * A proposed correction of a published fact-check: a new verdict and rationale, or taking it off
 * its public page. The note is shown to readers, dated, once another editor approves it.
 */
const correctionFields = z.object({
  version,
  kind: z.enum(['verdict', 'unpublish']).default('verdict'),
  verdictLabelId: id.or(z.literal('').transform(() => undefined)).optional(),
  rationale: plainText(20_000, 'Rationale').optional(),
  note: requiredText(2_000, 'Correction note'),
});

function verdictNeedsLabelAndRationale(v: z.output<typeof correctionFields>, ctx: z.RefinementCtx) {
  if (v.kind !== 'verdict') return;
  if (!v.verdictLabelId) ctx.addIssue({ code: 'custom', path: ['verdictLabelId'], message: 'Choose the corrected verdict.' });
  if (!v.rationale) ctx.addIssue({ code: 'custom', path: ['rationale'], message: 'Rationale is required.' });
}

/** The REST API's body: the claim comes from the path. */
export const correctionBodySchema = correctionFields.superRefine(verdictNeedsLabelAndRationale);
export const proposeCorrectionSchema = correctionFields.extend({ claimId: id }).superRefine(verdictNeedsLabelAndRationale);

export const decideCorrectionSchema = z.object({
  claimId: id,
  correctionId: id,
  decision: z.enum(['approve', 'reject']),
  comment: plainText(2_000, 'Comment', 'At most 2,000 characters.').default(''),
});

export const sourceChangeSchema = z.object({
  claimId: id,
  version,
  decision: z.enum(['keep', 'reopen']),
  comment: plainText(2_000, 'Comment', 'At most 2,000 characters.').default(''),
});

export const articleReportSchema = z.object({ articleId: id, publish: z.enum(['1', '0']) });

export const publisherSchema = z.object({
  orgName: optionalText(200, 'Organisation name'),
  orgUrl: optionalWebUrl('Organisation URL'),
  orgLogoUrl: optionalWebUrl('Logo URL'),
});
