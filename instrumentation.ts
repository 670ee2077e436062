/**
 * Runs once per server process: starts the webhook worker (lib/webhooks/worker.ts) there, and
 * on the embedded database, which has no autovacuum, the planner-statistics pass (lib/db/auto-analyze.ts).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { startWebhookWorker } = await import('@/lib/webhooks/worker');
    startWebhookWorker();
    if (process.env.CLAIMDESK_EMBEDDED === '1') {
      const [{ startAutoAnalyze }, { db }] = await Promise.all([import('@/lib/db/auto-analyze'), import('@/lib/db')]);
      startAutoAnalyze(db);
    }
  }
}
