'use server';

import { actionFor } from '@/lib/actions/safe-action';
import { excludeLowScoringOp, markChangeReviewedOp, mergeWithNextOp, reuseVerdictOp, saveAsCheckedOp, splitClaimOp } from '@/lib/operations/claim-edits';

export const splitClaim = actionFor(splitClaimOp, () => 'Claim split in two.');
export const mergeWithNext = actionFor(mergeWithNextOp, () => 'Merged with the next claim.');
export const saveAsChecked = actionFor(saveAsCheckedOp, () => 'Saved the claim as checked.');
export const markChangeReviewed = actionFor(markChangeReviewedOp, () => 'Change marked as reviewed.');
export const excludeLowScoring = actionFor(excludeLowScoringOp, ({ count }) =>
  count === 0 ? 'No unassigned claim scores that low.' : `Marked ${count} ${count === 1 ? 'claim' : 'claims'} not check-worthy.`,
);
export const reuseVerdict = actionFor(reuseVerdictOp, () => 'Verdict, rationale and evidence copied. Check them, then submit for review.');
