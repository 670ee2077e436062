import { defineConfig } from 'prisma/config';

// The CLI is used for `prisma generate` only: its native migration engine cannot be
// downloaded here, so migrations are applied by lib/db/migrate.ts (ADR 0002).
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost/unused' },
});
