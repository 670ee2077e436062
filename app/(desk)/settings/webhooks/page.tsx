import type { Metadata } from 'next';
import Link from 'next/link';
import { requireUser } from '@/lib/auth/session';
import { can } from '@/lib/auth/permissions';
import { DELIVERY_LOG_LIMIT, listRecentDeliveries, listWebhooks } from '@/lib/webhooks/data';
import { createWebhook, deleteWebhook, rotateWebhookSecret, toggleWebhook } from '@/lib/actions/webhooks';
import { Card, DateText, EmptyState, PageHeader } from '@/components/layout';
import { ActionForm, Field, SubmitButton } from '@/components/form';
import { EventFieldset } from './event-fieldset';

export const metadata: Metadata = { title: 'Webhooks' };

const STATUS_TEXT = { PENDING: 'Pending', SUCCEEDED: 'Delivered', FAILED: 'Failed' } as const;
const STATUS_CLASS = {
  PENDING: 'bg-amber-100 text-amber-900',
  SUCCEEDED: 'bg-emerald-100 text-emerald-900',
  FAILED: 'bg-red-100 text-red-900',
} as const;

type Delivery = Awaited<ReturnType<typeof listRecentDeliveries>>[number];

function WhenCell({ delivery }: { delivery: Delivery }) {
  if (delivery.status === 'SUCCEEDED')
    return (
      <>
        Delivered <DateText value={delivery.deliveredAt} withTime />
      </>
    );
  if (delivery.status === 'FAILED') return <>Gave up after {delivery.attempts} attempts</>;
  if (!delivery.webhook.active) return <>Paused: the webhook is disabled</>;
  return (
    <>
      Next attempt <DateText value={delivery.nextAttemptAt} withTime />
    </>
  );
}

export default async function WebhooksPage() {
  const user = await requireUser();
  const eyebrow = (
    <Link href="/settings" className="hover:underline">
      ← Settings
    </Link>
  );
  if (!can(user, 'webhook.manage')) {
    return (
      <>
        <PageHeader title="Webhooks" eyebrow={eyebrow} />
        <p className="text-stone-700">Only admins manage the team’s webhooks.</p>
      </>
    );
  }
  const [webhooks, deliveries] = await Promise.all([listWebhooks(user), listRecentDeliveries(user)]);
  return (
    <>
      <PageHeader
        title="Webhooks"
        eyebrow={eyebrow}
        description={`Tell other systems when something happens at ${user.teamName}. Each request is signed with the webhook’s secret and retried with growing pauses until the receiver answers with a 2xx status.`}
      />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="Register a webhook">
          <ActionForm action={createWebhook} aria-label="Register a webhook">
            <Field
              name="url"
              label="URL"
              type="url"
              autoComplete="off"
              placeholder="https://"
              hint="Claimdesk sends a POST with a JSON body to this address."
            />
            <EventFieldset />
            <SubmitButton pendingText="Registering…">Register webhook</SubmitButton>
          </ActionForm>
        </Card>
        <Card title="Webhooks of the team">
          {webhooks.length === 0 ? (
            <EmptyState title="No webhooks yet">Register one to have events sent to it.</EmptyState>
          ) : (
            <ul className="divide-y divide-stone-100">
              {webhooks.map((hook) => (
                <li key={hook.id} className="py-3">
                  <p className="break-all font-medium text-stone-900">{hook.url}</p>
                  <p className="mt-1 text-sm text-stone-600">
                    {hook.active ? 'Enabled' : 'Disabled'} · {hook.events.join(', ')} · added <DateText value={hook.createdAt} />
                  </p>
                  <div className="mt-2 flex flex-wrap items-start gap-2">
                    <ActionForm action={rotateWebhookSecret} aria-label={`Rotate the secret of ${hook.url}`}>
                      <input type="hidden" name="webhookId" value={hook.id} />
                      <SubmitButton variant="secondary" pendingText="Rotating…">
                        Rotate secret
                      </SubmitButton>
                    </ActionForm>
                    <ActionForm action={toggleWebhook} aria-label={`${hook.active ? 'Disable' : 'Enable'} ${hook.url}`}>
                      <input type="hidden" name="webhookId" value={hook.id} />
                      <SubmitButton variant="secondary" pendingText="Saving…">
                        {hook.active ? 'Disable' : 'Enable'}
                      </SubmitButton>
                    </ActionForm>
                    <ActionForm action={deleteWebhook} aria-label={`Delete ${hook.url}`}>
                      <input type="hidden" name="webhookId" value={hook.id} />
                      <SubmitButton variant="danger" pendingText="Deleting…">
                        Delete
                      </SubmitButton>
                    </ActionForm>
                  </div>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
      <section className="mt-6" aria-labelledby="delivery-log">
        <h2 id="delivery-log" className="mb-3 text-base font-semibold text-stone-900">
          Delivery log
        </h2>
        {deliveries.length === 0 ? (
          <EmptyState title="Nothing sent yet">Deliveries appear here as events happen.</EmptyState>
        ) : (
          <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white shadow-sm">
            <table className="w-full min-w-[48rem] text-left text-sm">
              <caption className="sr-only">The latest {DELIVERY_LOG_LIMIT} webhook deliveries, newest first</caption>
              <thead className="border-b border-stone-200 bg-stone-50 text-xs uppercase tracking-wide text-stone-600">
                <tr>
                  <th scope="col" className="px-3 py-2">
                    Event
                  </th>
                  <th scope="col" className="px-3 py-2">
                    Webhook
                  </th>
                  <th scope="col" className="px-3 py-2">
                    Status
                  </th>
                  <th scope="col" className="px-3 py-2">
                    Attempts
                  </th>
                  <th scope="col" className="px-3 py-2">
                    Last status code
                  </th>
                  <th scope="col" className="px-3 py-2">
                    Last error
                  </th>
                  <th scope="col" className="px-3 py-2">
                    Next attempt / delivered
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-stone-100">
                {deliveries.map((d) => (
                  <tr key={d.id} className="align-top">
                    <td className="whitespace-nowrap px-3 py-3">
                      <code className="text-xs">{d.event}</code>
                      <span className="mt-1 block text-xs text-stone-600">
                        <DateText value={d.createdAt} withTime />
                      </span>
                    </td>
                    <td className="max-w-56 break-all px-3 py-3 text-xs text-stone-700">{d.webhook.url}</td>
                    <td className="px-3 py-3">
                      <span className={`rounded px-1.5 py-0.5 text-xs font-semibold ${STATUS_CLASS[d.status]}`}>{STATUS_TEXT[d.status]}</span>
                    </td>
                    <td className="px-3 py-3 tabular-nums text-stone-700">{d.attempts}</td>
                    <td className="px-3 py-3 tabular-nums text-stone-700">{d.lastStatusCode ?? <span className="text-stone-500">—</span>}</td>
                    <td className="max-w-72 px-3 py-3 text-xs text-stone-700">{d.lastError ?? <span className="text-stone-500">—</span>}</td>
                    <td className="px-3 py-3 text-xs text-stone-700">
                      <WhenCell delivery={d} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
