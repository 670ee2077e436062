import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import { db } from '@/lib/db';
import type { SessionUser } from '@/lib/auth/session';

export type SimilarClaim = { id: string; text: string; articleId: string; articleTitle: string; verdict: string | null; score: number };

/**
 * The team's approved claims from other articles that read most like this one, by trigram
 * similarity (pg_trgm, indexed; the same on PGlite and PostgreSQL), best first.
 */
export function listSimilarClaims(user: SessionUser, claim: { id: string; text: string; articleId: string }, limit = 5) {
  return db.$queryRaw<SimilarClaim[]>(Prisma.sql`
    SELECT c.id, c."text", c."articleId", a."title" AS "articleTitle", v."name" AS verdict,
           round(similarity(c."text", ${claim.text})::numeric, 2)::float8 AS score
    FROM "Claim" c
    JOIN "Article" a ON a.id = c."articleId"
    LEFT JOIN "VerdictLabel" v ON v.id = c."verdictLabelId"
    WHERE c."teamId" = ${user.teamId} AND c."articleId" <> ${claim.articleId} AND c.id <> ${claim.id}
      AND c."status" = 'APPROVED' AND c."archivedAt" IS NULL
      AND c."text" % ${claim.text}
    ORDER BY similarity(c."text", ${claim.text}) DESC, c."updatedAt" DESC
    LIMIT ${limit}`);
}
