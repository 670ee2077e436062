import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { migrationSql } from './new-migration';

// Each case applies every migration to a new embedded database and introspects it: seconds, not ms.
const slow = 120_000;
const schema = readFileSync('prisma/schema.prisma', 'utf8');

describe('npm run db:migration', () => {
  it(
    'finds nothing to do: the committed migrations give exactly prisma/schema.prisma',
    async () => {
      expect(await migrationSql(schema)).toBeNull();
    },
    slow,
  );

  it(
    'writes just the statement a schema change needs',
    async () => {
      const withField = schema.replace(/^model Claim \{$/m, 'model Claim {\n  newMigrationProbe String?');
      expect(withField).not.toBe(schema);
      const sql = await migrationSql(withField);
      expect(sql?.replace(/\s+/g, ' ').trim()).toBe('-- AlterTable ALTER TABLE "Claim" ADD COLUMN "newMigrationProbe" TEXT;');
    },
    slow,
  );
});
