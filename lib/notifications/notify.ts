/**
 * In-app notifications, written in the same transaction as the change they announce.
 * Nobody is told about their own action.
 */
import type { Prisma } from '@/lib/generated/prisma/client';

export type NotificationInput = {
  teamId: string;
  actorId: string;
  userId: string | null | undefined;
  type: 'ASSIGNED' | 'RETURNED' | 'APPROVED';
  claimId: string;
  message: string;
};

export async function notify(tx: Prisma.TransactionClient, notifications: NotificationInput[]) {
  const data = notifications
    .filter((n): n is NotificationInput & { userId: string } => Boolean(n.userId) && n.userId !== n.actorId)
    .map(({ teamId, userId, type, claimId, message }) => ({ teamId, userId, type, claimId, message }));
  if (data.length) await tx.notification.createMany({ data });
}

/** A short quote of the claim for a notification line. */
export function quote(text: string, max = 90): string {
  return `“${text.length > max ? `${text.slice(0, max - 1)}…` : text}”`;
}
