/**
 * Builders for teams, users and articles, shared by the demo seed and the tests so that
 * both make data the way the app does.
 */
import { randomBytes } from 'node:crypto';
import type { PrismaClient, Role } from '@/lib/generated/prisma/client';
import { hashPassword } from '@/lib/auth/password';
import { DEFAULT_VERDICT_SCALE } from '@/lib/domain/verdict-scale';
import { importArticle } from '@/lib/import/article';
import { importArticleSchema } from '@/lib/validation/article';

export const DEMO_PASSWORD = 'claimdesk-demo';

export function uniqueSuffix(): string {
  return randomBytes(4).toString('hex');
}

export async function createTeam(prisma: PrismaClient, { name, slug }: { name: string; slug: string }) {
  return prisma.team.create({
    data: {
      name,
      slug,
      verdictLabels: { create: DEFAULT_VERDICT_SCALE.map((label, position) => ({ name: label, position })) },
    },
  });
}

export async function createUser(
  prisma: PrismaClient,
  { teamId, email, name, role, password = DEMO_PASSWORD }: { teamId: string; email: string; name: string; role: Role; password?: string },
) {
  return prisma.user.create({
    data: { teamId, email, name, role, passwordHash: await hashPassword(password) },
    select: { id: true, email: true, name: true, role: true, teamId: true },
  });
}

/** A member with an email of their own, shaped as the signed-in user (with `teamName`) that data functions and routes take. */
export async function createMember(prisma: PrismaClient, team: { id: string; name: string }, name: string, role: Role) {
  const user = await createUser(prisma, { teamId: team.id, email: `${name.toLowerCase()}.${uniqueSuffix()}@example.test`, name, role });
  return { ...user, teamName: team.name };
}

export async function createArticle(prisma: PrismaClient, { teamId, actorId, text, title }: { teamId: string; actorId: string; text: string; title?: string }) {
  const input = importArticleSchema.parse({ text, title });
  return importArticle(prisma, { teamId, actorId, input });
}
