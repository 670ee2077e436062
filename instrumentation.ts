/** Runs once per server process: starts the webhook worker (lib/webhooks/worker.ts) there. */
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { startWebhookWorker } = await import('@/lib/webhooks/worker');
    startWebhookWorker();
  }
}
