'use server';

import { actionFor } from '@/lib/actions/safe-action';
import { correctVerdictOp, publishClaimOp, publishReportOp, unpublishClaimOp, updatePublisherOp } from '@/lib/operations/publishing';

export const publishClaim = actionFor(publishClaimOp, () => 'Published: anyone with the link can read it.');
export const unpublishClaim = actionFor(unpublishClaimOp, () => 'Unpublished: the public page is gone.');
export const correctVerdict = actionFor(correctVerdictOp, () => 'Correction published: the public page shows it with the date and the previous verdict.');
export const publishReport = actionFor(publishReportOp, ({ published }) => (published ? 'Report published.' : 'Report unpublished.'));
export const updatePublisher = actionFor(updatePublisherOp, () => 'Publisher details saved.');
