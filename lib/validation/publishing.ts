import { z } from 'zod';
import { id, optionalText, optionalWebUrl, requiredText } from '@/lib/validation/fields';

const version = z.coerce.number().int().min(0);

export const publishClaimSchema = z.object({ claimId: id, version });

export const correctVerdictSchema = z.object({
  claimId: id,
  version,
  verdictLabelId: id.or(z.literal('')).refine((v) => v !== '', 'Choose the corrected verdict.'),
  rationale: requiredText(20_000, 'Rationale'),
  note: requiredText(2_000, 'Correction note'),
});

export const articleReportSchema = z.object({ articleId: id, publish: z.enum(['1', '0']) });

export const publisherSchema = z.object({
  orgName: optionalText(200, 'Organisation name'),
  orgUrl: optionalWebUrl('Organisation URL'),
  orgLogoUrl: optionalWebUrl('Logo URL'),
});
