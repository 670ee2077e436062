/**
 * `npm start`: one command from a fresh clone to a running desk. Builds the app if needed,
 * starts the embedded database (unless DATABASE_URL is set), applies migrations, seeds the
 * demo data on an empty database and serves the app on PORT (default 3000), starting the app
 * server again whenever it dies (scripts/lib/supervise.ts). SIGINT, SIGTERM or SIGHUP stop it.
 * `npm run dev` does the same with `next dev` instead of a production build.
 */
import { prepareDatabase } from '@/lib/db/bootstrap';
import { demoSeed } from '@/prisma/seed';
import { authSecret, ensureBuild, startNext } from './lib/next';
import { supervise } from './lib/supervise';

const log = (message: string) => console.log(`[claimdesk] ${message}`);
const logAt = (message: string) => log(`${new Date().toISOString()} ${message}`);

async function main() {
  const port = Number(process.env.PORT ?? 3000);
  const dataDir = process.env.CLAIMDESK_DATA_DIR ?? '.data';
  const dev = process.argv.includes('--dev');
  if (!dev) ensureBuild();
  const db = await prepareDatabase({ seed: demoSeed, dataDir, log });
  const env = { DATABASE_URL: db.url, CLAIMDESK_EMBEDDED: db.embedded ? '1' : '0', AUTH_SECRET: authSecret(dataDir) };
  log(`Claimdesk is starting on http://localhost:${port} (sign in as editor@example.com / claimdesk-demo)`);
  const server = supervise({ start: () => startNext(env, port, { dev }), log: logAt });
  const shutdown = async (signal: NodeJS.Signals) => {
    logAt(`${signal}: stopping the app server.`);
    await server.stop();
    await db.stop();
    process.exit(0);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, shutdown);
}

main().catch((err) => {
  console.error(`[claimdesk] ${err instanceof Error ? err.message : err}`);
  process.exit(1);
});
