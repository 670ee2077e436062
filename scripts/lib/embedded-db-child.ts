/**
 * Child process of `npm run bench:load`: a throwaway embedded database (PGlite on a local
 * socket, migrated) in its own process, as `npm start` runs it beside the app, so that the
 * database's CPU and memory are apart from the load generator's and the server's. Prints one
 * JSON line `{ url, name }` when ready; drops the database on SIGTERM, SIGINT or when its
 * parent goes away (stdin closes).
 */
import { createTestDatabase } from './test-database';

async function main() {
  delete process.env.DATABASE_URL;
  const db = await createTestDatabase(process.argv[2] || 'claimdesk_load');
  let dropping: Promise<void> | undefined;
  const drop = () => {
    dropping ??= db
      .drop()
      .catch((err) => console.error(err))
      .finally(() => process.exit(0));
    return dropping;
  };
  process.on('SIGTERM', drop);
  process.on('SIGINT', drop);
  process.stdin.on('end', drop);
  process.stdin.on('error', drop);
  process.stdin.resume();
  process.stdout.write(`${JSON.stringify({ url: db.url, name: db.name })}\n`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
