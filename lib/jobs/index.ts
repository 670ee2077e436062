import 'server-only';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { autoAnalyzeJob } from '@/lib/jobs/auto-analyze';
import { overdueSweepJob } from '@/lib/jobs/overdue-sweep';
import { startJob } from '@/lib/jobs/schedule';
import { webhookDeliveryJob } from '@/lib/jobs/webhook-delivery';

/**
 * Every background job of an app process, started once from instrumentation.ts. Each is safe
 * to run in several processes at once; the embedded database, which has no autovacuum, also
 * gets the planner-statistics pass.
 */
export function startJobs() {
  startJob(webhookDeliveryJob, db);
  startJob(overdueSweepJob, db);
  if (env.CLAIMDESK_EMBEDDED === '1') startJob(autoAnalyzeJob, db);
}
