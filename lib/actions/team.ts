'use server';

import { actionFor } from '@/lib/actions/safe-action';
import {
  addMemberOp,
  addVerdictLabelOp,
  changeRoleOp,
  moveVerdictLabelOp,
  removeMemberOp,
  renameVerdictLabelOp,
  resetPasswordOp,
  toggleRetireVerdictLabelOp,
} from '@/lib/operations/team';

const message = ({ message }: { message: string }) => message;

export const addMember = actionFor(addMemberOp, message);
export const changeRole = actionFor(changeRoleOp, message);
export const resetPassword = actionFor(resetPasswordOp, message);
export const removeMember = actionFor(removeMemberOp, message);
export const addVerdictLabel = actionFor(addVerdictLabelOp, message);
export const renameVerdictLabel = actionFor(renameVerdictLabelOp, message);
export const moveVerdictLabel = actionFor(moveVerdictLabelOp, message);
export const toggleRetireVerdictLabel = actionFor(toggleRetireVerdictLabelOp, message);
