/**
 * `npm run db:backup [-- FILE]`: a logical backup of the embedded database, or of DATABASE_URL,
 * as one gzip'd JSON-lines file (lib/db/backup.ts, ADR 0016). Works while the app is running.
 * Default FILE: backups/claimdesk-<time>.jsonl.gz. Written under a temporary name and renamed
 * when complete, so a failed backup never looks like a finished one.
 */
import { createWriteStream, mkdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { backupDatabase, databaseForTool } from '@/lib/db/backup';

async function main() {
  const file = process.argv[2] ?? path.join('backups', `claimdesk-${new Date().toISOString().replace(/[:.]/g, '-')}.jsonl.gz`);
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const partial = `${file}.partial`;
  const db = await databaseForTool();
  try {
    const summary = await backupDatabase(db.url, createWriteStream(partial));
    renameSync(partial, file);
    const rows = Object.values(summary.rows).reduce((a, b) => a + b, 0);
    console.log(`Backed up ${db.label}: ${summary.migrations} migrations, ${Object.keys(summary.rows).length} tables, ${rows} rows → ${file}`);
  } catch (err) {
    rmSync(partial, { force: true });
    throw err;
  } finally {
    await db.stop();
  }
}

main().catch((err) => {
  console.error(`db:backup: ${err instanceof Error ? err.message : err}`);
  process.exit(1);
});
