'use server';

import { actionFor } from '@/lib/actions/safe-action';
import { decideCorrectionOp, decideSourceChangeOp, proposeCorrectionOp, publishClaimOp, publishReportOp, updatePublisherOp } from '@/lib/operations/publishing';

export const publishClaim = actionFor(publishClaimOp, () => 'Published: anyone with the link can read it.');
export const proposeCorrection = actionFor(proposeCorrectionOp, ({ kind }) =>
  kind === 'unpublish'
    ? 'Unpublishing proposed. The page stays public until another editor approves it.'
    : 'Correction proposed. The public page is unchanged until another editor approves it.',
);
export const decideCorrection = actionFor(decideCorrectionOp, ({ decision }) =>
  decision === 'approve' ? 'Correction approved and public.' : 'Correction rejected.',
);
export const decideSourceChange = actionFor(decideSourceChangeOp, ({ outcome }) =>
  outcome === 'kept'
    ? 'Kept as checked.'
    : outcome === 'proposed'
      ? 'Reopening proposed: the fact-check stays public until another editor approves it.'
      : 'Reopened with the sentence as the source now reads.',
);
export const publishReport = actionFor(publishReportOp, ({ published }) => (published ? 'Report published.' : 'Report unpublished.'));
export const updatePublisher = actionFor(updatePublisherOp, () => 'Publisher details saved.');
