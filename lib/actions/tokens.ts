'use server';

import { actionFor } from '@/lib/actions/safe-action';
import { createTokenOp, revokeTokenOp } from '@/lib/operations/tokens';

export const createToken = actionFor(createTokenOp, ({ message }) => message);
export const revokeToken = actionFor(revokeTokenOp, ({ message }) => message);
