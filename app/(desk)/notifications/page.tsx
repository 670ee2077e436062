import type { Metadata } from 'next';
import { ListLink } from '@/components/list-link';
import { requireUser } from '@/lib/auth/session';
import { listNotifications } from '@/lib/data/notifications';
import { markNotificationsRead } from '@/lib/actions/notifications';
import { DateText, EmptyState, PageHeader } from '@/components/layout';
import { ActionForm, SubmitButton } from '@/components/form';

export const metadata: Metadata = { title: 'Notifications' };

const TYPE_LABEL = { ASSIGNED: 'Assigned', RETURNED: 'Returned', APPROVED: 'Approved', OVERDUE: 'Overdue' } as const;

export default async function NotificationsPage() {
  const user = await requireUser();
  const notifications = await listNotifications(user);
  const unread = notifications.filter((n) => !n.readAt).length;
  return (
    <>
      <PageHeader
        title="Notifications"
        description={unread ? `${unread} unread.` : 'All caught up.'}
        actions={
          unread ? (
            <ActionForm action={markNotificationsRead} aria-label="Mark all read" showSuccess={false}>
              <SubmitButton variant="secondary" pendingText="Marking…">
                Mark all read
              </SubmitButton>
            </ActionForm>
          ) : null
        }
      />
      {notifications.length === 0 ? (
        <EmptyState title="No notifications yet">You are told here when a claim is assigned or returned to you, approved, or overdue.</EmptyState>
      ) : (
        <ul className="grid gap-2" aria-label="Notifications, newest first">
          {notifications.map((n) => (
            <li
              key={n.id}
              className={`flex flex-col gap-2 rounded-lg border p-3 sm:flex-row sm:items-center sm:justify-between ${n.readAt ? 'border-stone-200 bg-white' : 'border-blue-200 bg-blue-50'}`}
            >
              <div className="min-w-0">
                <p className="text-sm">
                  <span className="mr-2 rounded bg-stone-900 px-1.5 py-0.5 text-xs font-semibold text-white">{TYPE_LABEL[n.type]}</span>
                  {n.readAt ? null : <span className="sr-only">Unread: </span>}
                  <ListLink href={`/claims/${n.claimId}`} className="text-stone-900 underline [overflow-wrap:anywhere]">
                    {n.message}
                  </ListLink>
                </p>
                <p className="mt-1 text-xs text-stone-500">
                  <DateText value={n.createdAt} withTime />
                </p>
              </div>
              {n.readAt ? null : (
                <ActionForm action={markNotificationsRead} showSuccess={false} aria-label={`Mark read: ${n.message}`}>
                  <input type="hidden" name="notificationId" value={n.id} />
                  <SubmitButton variant="secondary" pendingText="…">
                    Mark read
                  </SubmitButton>
                </ActionForm>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
