/**
 * Demo data: team "Demo Desk" with an admin, an editor and two checkers, a demo article,
 * and team "Other Desk" to show that teams never see each other's work. Runs once, on an
 * empty database (scripts/start.ts and the CLI hand `demoSeed` to prepareDatabase); all passwords
 * are DEMO_PASSWORD (lib/testing/factories.ts).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import type { Seed } from '@/lib/db/bootstrap';
import { createArticle, createTeam, createUser } from '@/lib/testing/factories';

async function seedDemo(prisma: PrismaClient): Promise<boolean> {
  if ((await prisma.team.count()) > 0) return false;
  const demo = await createTeam(prisma, { name: 'Demo Desk', slug: 'demo-desk' });
  await createUser(prisma, { teamId: demo.id, email: 'admin@example.com', name: 'Ada Admin', role: 'admin' });
  const editor = await createUser(prisma, { teamId: demo.id, email: 'editor@example.com', name: 'Eddie Editor', role: 'editor' });
  await createUser(prisma, { teamId: demo.id, email: 'checker@example.com', name: 'Chris Checker', role: 'checker' });
  await createUser(prisma, { teamId: demo.id, email: 'checker2@example.com', name: 'Kim Checker', role: 'checker' });
  const other = await createTeam(prisma, { name: 'Other Desk', slug: 'other-desk' });
  await createUser(prisma, { teamId: other.id, email: 'other@example.com', name: 'Olive Other', role: 'admin' });
  const text = readFileSync(path.join(import.meta.dirname, 'demo', 'transit-budget.txt'), 'utf8');
  await createArticle(prisma, { teamId: demo.id, actorId: editor.id, text });
  return true;
}

export const demoSeed: Seed = { description: 'demo data (Demo Desk, Other Desk)', run: seedDemo };
