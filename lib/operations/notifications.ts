import 'server-only';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { db } from '@/lib/db';
import { operation } from '@/lib/operations/operation';
import { storableString } from '@/lib/validation/fields';

/** Marks the signed-in user's notifications read: one, or all of them. */
export const markNotificationsReadOp = operation(
  z.object({ notificationId: storableString('Notification').max(64).optional() }),
  null,
  async ({ notificationId }, user) => {
    await db.notification.updateMany({
      where: { userId: user.id, teamId: user.teamId, readAt: null, ...(notificationId ? { id: notificationId } : {}) },
      data: { readAt: new Date() },
    });
    revalidatePath('/', 'layout');
    return { message: notificationId ? 'Marked as read.' : 'All notifications marked as read.' };
  },
);
