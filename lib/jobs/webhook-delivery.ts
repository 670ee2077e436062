import type { Job } from '@/lib/jobs/schedule';
import { processDueDeliveries } from '@/lib/webhooks/worker';

/** Queued webhook deliveries go out within about a second (ADR 0010); each round sends up to 20. */
export const webhookDeliveryJob: Job = {
  name: 'webhooks',
  everyMs: 1_000,
  run: (db) => processDueDeliveries(db),
  failure: 'could not process deliveries',
};
