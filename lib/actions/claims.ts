'use server';

import { actionFor } from '@/lib/actions/safe-action';
import {
  assignClaimsOp,
  excludeClaimOp,
  includeClaimOp,
  REVIEW_DONE_MESSAGE,
  reviewClaimOp,
  saveNotesOp,
  startResearchOp,
  submitVerdictOp,
  takeClaimOp,
} from '@/lib/operations/claims';

export const assignClaims = actionFor(assignClaimsOp, ({ assignee, count }) => `Assigned ${count} ${count === 1 ? 'claim' : 'claims'} to ${assignee.name}.`, {
  arrayFields: ['claimIds'],
});
export const takeClaim = actionFor(takeClaimOp, () => 'The claim is yours.');
export const startResearch = actionFor(startResearchOp, () => 'Research started.');
export const saveNotes = actionFor(saveNotesOp, () => 'Notes saved.');
export const submitVerdict = actionFor(submitVerdictOp, (_claim, { notes }) =>
  notes === undefined ? 'Submitted for review.' : 'Notes saved and submitted for review.',
);
export const reviewClaim = actionFor(reviewClaimOp, ({ decision }) => REVIEW_DONE_MESSAGE[decision]);
export const excludeClaim = actionFor(excludeClaimOp, () => 'Marked not check-worthy.');
export const includeClaim = actionFor(includeClaimOp, () => 'Back in the workflow.');
