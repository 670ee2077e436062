'use server';

import { actionFor } from '@/lib/actions/safe-action';
import { addEvidenceOp, removeEvidenceOp, updateEvidenceOp } from '@/lib/operations/evidence';

export const addEvidence = actionFor(addEvidenceOp, () => 'Evidence added.');
export const updateEvidence = actionFor(updateEvidenceOp, () => 'Evidence updated.');
export const removeEvidence = actionFor(removeEvidenceOp, () => 'Evidence removed.');
