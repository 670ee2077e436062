import { z } from 'zod';
import { hasUnpairedSurrogate, id, int4, optionalDate, optionalText, optionalWebUrl, plainText, requiredText, version, webUrl } from '@/lib/validation/fields';

export const STANCES = ['SUPPORTS', 'REFUTES', 'CONTEXT'] as const;
export const STANCE_LABEL: Record<(typeof STANCES)[number], string> = {
  SUPPORTS: 'Supports',
  REFUTES: 'Refutes',
  CONTEXT: 'Adds context',
};

export const assignClaimsSchema = z.object({
  claimIds: z.array(id).min(1, 'Select at least one claim.').max(10_000),
  assigneeId: id
    .or(z.literal('').transform(() => undefined))
    .optional()
    .refine((v) => v, 'Choose a checker.'),
  dueAt: optionalDate('Due date'),
});

export const claimRefSchema = z.object({ claimId: id, version });

// Browsers send a textarea's line breaks as CRLF; notes are kept with plain line feeds (and no NUL, which PostgreSQL refuses:
// notes are pasted from anywhere, so a stray NUL is dropped rather than refused; half a surrogate pair has no such excuse).
const notes = z
  .string({ error: 'Notes must be text.' })
  .max(100_000, 'Notes must be at most 100,000 characters.')
  .refine((v) => !hasUnpairedSurrogate(v), 'Notes contain a broken character (half of a surrogate pair). Remove it.')
  .transform((v) => v.replace(/\r\n?/g, '\n').replace(/\u0000/g, ''));

export const notesSchema = z.object({ claimId: id, version, notes });

export const evidenceSchema = z.object({
  claimId: id,
  url: webUrl('URL'),
  title: requiredText(300, 'Title'),
  publisher: optionalText(200, 'Publisher'),
  stance: z.enum(STANCES, { error: 'Choose whether the source supports, refutes or adds context.' }),
  quote: optionalText(5_000, 'Quoted passage'),
  archiveUrl: optionalWebUrl('Archived copy URL'),
  note: optionalText(1_000, 'Note'),
});

export const updateEvidenceSchema = evidenceSchema.extend({ evidenceId: id, version });
export const evidenceRefSchema = z.object({ evidenceId: id });

export const submitVerdictSchema = z.object({
  claimId: id,
  version,
  verdictLabelId: id.or(z.literal('')).refine((v) => v !== '', 'Choose a verdict.'),
  rationale: requiredText(20_000, 'Rationale'),
  /** The notes typed on the same page, saved with the submission so that none are lost. */
  notes: notes.optional(),
});

export const reviewSchema = z.object({
  claimId: id,
  version,
  decision: z.enum(['approve', 'return', 'reopen']),
  comment: plainText(5_000, 'Comment').default(''),
});

export const excludeSchema = z.object({
  claimId: id,
  version,
  reason: requiredText(1_000, 'Reason'),
});

export const splitClaimSchema = z.object({ claimId: id, version, offset: int4('Split point', 'Choose where to split.') });
export const mergeClaimSchema = z.object({ claimId: id, version });
export const asCheckedSchema = z.object({ claimId: id, version, asChecked: plainText(2_000, 'The claim as checked', 'At most 2,000 characters.') });
export const bulkExcludeSchema = z.object({
  articleId: id,
  below: z.coerce.number().min(0).max(1),
  reason: requiredText(1_000, 'Reason'),
});

export const reuseVerdictSchema = z.object({ claimId: id, version, sourceClaimId: id });

const selectedClaimIds = z.array(id).min(1, 'Select at least one claim.').max(10_000);

export const setDueDateSchema = z.object({
  claimIds: selectedClaimIds,
  dueAt: optionalDate('Due date').pipe(z.date({ error: 'Choose a due date.' })),
});

export const excludeClaimsSchema = z.object({
  claimIds: selectedClaimIds,
  reason: requiredText(1_000, 'Reason'),
});
