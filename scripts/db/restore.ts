/**
 * `npm run db:restore -- FILE`: restores a backup made by `npm run db:backup` into an empty
 * database: DATABASE_URL, or else the embedded database in CLAIMDESK_DATA_DIR (default `.data`;
 * a new folder is created). It applies the backup's migrations, loads every row in one
 * transaction and then applies newer migrations; it refuses a database that has any rows.
 */
import { createReadStream, existsSync } from 'node:fs';
import { BackupError, databaseForTool, restoreDatabase } from '@/lib/db/backup';

async function main() {
  const file = process.argv[2];
  if (!file) throw new BackupError('Usage: npm run db:restore -- FILE   (into DATABASE_URL, or the embedded database in CLAIMDESK_DATA_DIR)');
  if (!existsSync(file)) throw new BackupError(`Cannot read ${file}: no such file.`);
  const db = await databaseForTool();
  try {
    const summary = await restoreDatabase(db.url, createReadStream(file));
    const rows = Object.values(summary.rows).reduce((a, b) => a + b, 0);
    console.log(`Restored ${file} into ${db.label}: ${summary.migrations} migrations, ${rows} rows.`);
  } finally {
    await db.stop();
  }
}

main().catch((err) => {
  console.error(`db:restore: ${err instanceof Error ? err.message : err}`);
  process.exit(err instanceof BackupError ? 2 : 1);
});
