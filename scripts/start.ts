/**
 * `npm start`: one command from a fresh clone to a running desk. Builds the app if needed,
 * starts the embedded database (unless DATABASE_URL is set), applies migrations, seeds the
 * demo data on an empty database and serves the app on PORT (default 3000).
 * `npm run dev` does the same with `next dev` instead of a production build.
 */
import { prepareDatabase } from '@/lib/db/bootstrap';
import { demoSeed } from '@/prisma/seed';
import { authSecret, ensureBuild, startNext, stopProcessGroup } from './lib/next';

async function main() {
  const port = Number(process.env.PORT ?? 3000);
  const dataDir = process.env.CLAIMDESK_DATA_DIR ?? '.data';
  const dev = process.argv.includes('--dev');
  if (!dev) ensureBuild();
  const db = await prepareDatabase({ seed: demoSeed, dataDir, log: (m) => console.log(`[claimdesk] ${m}`) });
  const server = startNext(
    {
      DATABASE_URL: db.url,
      CLAIMDESK_EMBEDDED: db.embedded ? '1' : '0',
      AUTH_SECRET: authSecret(dataDir),
    },
    port,
    { dev },
  );
  console.log(`[claimdesk] Claimdesk is starting on http://localhost:${port} (sign in as editor@example.com / claimdesk-demo)`);
  const shutdown = async () => {
    stopProcessGroup(server);
    await db.stop();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  server.on('exit', async (code) => {
    await db.stop();
    process.exit(code ?? 0);
  });
}

main().catch((err) => {
  console.error(`[claimdesk] ${err instanceof Error ? err.message : err}`);
  process.exit(1);
});
