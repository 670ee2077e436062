import { createHash, randomBytes } from 'node:crypto';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import type { SessionUser } from '@/lib/auth/session';
import type { TokenScope } from '@/lib/validation/token-scopes';

/**
 * Personal access tokens for /api/v1. A token is 32 random bytes; only its SHA-256 is stored
 * (a fast hash is enough for a secret with that much entropy, and lets a request find its
 * token by an index lookup). The token itself is shown once, when it is made.
 */
const TOKEN_PREFIX = 'cdk_';
export type { TokenScope } from '@/lib/validation/token-scopes';

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function createApiToken(
  prisma: Pick<PrismaClient, 'apiToken'>,
  { userId, teamId, name, scope }: { userId: string; teamId: string; name: string; scope: TokenScope },
) {
  const token = `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
  const record = await prisma.apiToken.create({
    data: { userId, teamId, name, scope, tokenHash: hashToken(token), prefix: token.slice(0, TOKEN_PREFIX.length + 6) },
    select: { id: true, name: true, scope: true, prefix: true, createdAt: true },
  });
  return { token, record };
}

export type TokenUser = SessionUser & { tokenId: string; scope: TokenScope; rateLimitPerMinute: number };

/** The member a bearer token acts for, as the database has them now; null for an unknown or revoked token, or a removed member's. */
export async function userForToken(prisma: PrismaClient, token: string): Promise<TokenUser | null> {
  if (!token.startsWith(TOKEN_PREFIX) || token.length > 200) return null;
  const found = await prisma.apiToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      id: true,
      scope: true,
      teamId: true,
      revokedAt: true,
      lastUsedAt: true,
      rateLimitPerMinute: true,
      user: { select: { id: true, name: true, email: true, role: true, teamId: true, deactivatedAt: true, team: { select: { name: true } } } },
    },
  });
  // A member moved to another team keeps no access to the old one through an old token; a removed member keeps none at all.
  if (!found || found.revokedAt || found.user.deactivatedAt || found.user.teamId !== found.teamId) return null;
  // Last use is kept to the minute: one write a minute per token, not one per request.
  if (!found.lastUsedAt || Date.now() - found.lastUsedAt.getTime() > 60_000) {
    await prisma.apiToken.update({ where: { id: found.id }, data: { lastUsedAt: new Date() } });
  }
  const { user } = found;
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
    teamId: user.teamId,
    teamName: user.team.name,
    tokenId: found.id,
    scope: found.scope,
    rateLimitPerMinute: found.rateLimitPerMinute,
  };
}
