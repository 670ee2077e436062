'use server';

import { actionFor } from '@/lib/actions/safe-action';
import { markNotificationsReadOp } from '@/lib/operations/notifications';

export const markNotificationsRead = actionFor(markNotificationsReadOp, ({ message }) => message);
