import { describe, expect, it } from 'vitest';
import { createWebhookSchema } from '@/lib/validation/webhooks';

describe('registering a webhook', () => {
  it('takes an http(s) URL and the ticked events', () => {
    expect(
      createWebhookSchema.parse({
        url: ' https://hooks.example.org/claimdesk ',
        'event:claim.assigned': 'on',
        'event:verdict.approved': 'on',
        'event:bogus': 'on',
      }),
    ).toEqual({
      url: 'https://hooks.example.org/claimdesk',
      events: ['claim.assigned', 'verdict.approved'],
    });
  });

  it.each([['ftp://hooks.example.org/'], ['javascript:alert(1)'], ['hooks.example.org'], ['']])(
    'refuses %j as the URL, and says so with the missing events',
    (url) => {
      const result = createWebhookSchema.safeParse({ url });
      expect(result.success).toBe(false);
      const byField = Object.fromEntries(result.error!.issues.map((i) => [String(i.path[0]), i.message]));
      expect(byField.url).toMatch(/webhook URL/);
      expect(byField.events).toBe('Choose at least one event.');
    },
  );
});
