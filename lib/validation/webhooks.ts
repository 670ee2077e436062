import { z } from 'zod';
import { id, webUrl } from '@/lib/validation/fields';
import { WEBHOOK_EVENTS, type WebhookEvent } from '@/lib/webhooks/events';

/**
 * Each event is its own checkbox field, so a refused form hands the ticked boxes back like any
 * other submitted value (components/form keeps `values` by field name).
 */
export const eventField = (event: WebhookEvent) => `event:${event}`;

export const createWebhookSchema = z.preprocess(
  (input) => {
    const fields = (input ?? {}) as Record<string, unknown>;
    return { url: fields.url, events: WEBHOOK_EVENTS.filter((event) => fields[eventField(event)] === 'on') };
  },
  z.object({
    url: webUrl('The webhook URL'),
    events: z.array(z.enum(WEBHOOK_EVENTS)).min(1, 'Choose at least one event.'),
  }),
);

export const webhookRefSchema = z.object({ webhookId: id });
