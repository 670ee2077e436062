import type { Job } from '@/lib/jobs/schedule';
import { resealWebhookSecrets } from '@/lib/webhooks/secret-box';
import { processDueDeliveries } from '@/lib/webhooks/worker';

let resealed = false;

/**
 * Queued webhook deliveries go out within about a second (ADR 0010); each round sends up to 20.
 * The first round of each process first seals again the secrets that are in the clear or under
 * the previous AUTH_SECRET (ADR 0024).
 */
export const webhookDeliveryJob: Job = {
  name: 'webhooks',
  everyMs: 1_000,
  run: async (db) => {
    if (!resealed) {
      const { resealed: count, unreadable } = await resealWebhookSecrets(db);
      if (count) console.log(`[webhooks] sealed ${count} webhook ${count === 1 ? 'secret' : 'secrets'} with the current AUTH_SECRET`);
      if (unreadable)
        console.error(
          `[webhooks] ${unreadable} webhook ${unreadable === 1 ? 'secret opens' : 'secrets open'} with no key: its deliveries fail until an admin rotates it`,
        );
      resealed = true;
    }
    return processDueDeliveries(db);
  },
  failure: 'could not process deliveries',
};
