/**
 * Writing claims in bulk. Every stored claim carries its check-worthiness score and reasons.
 * Many rows go in as one INSERT … SELECT FROM unnest(arrays) with ids made here: Prisma's
 * createMany built a 20,000-parameter statement and a cuid2 per row, ten times the cost of the
 * SQL itself for a 10,000-sentence article (see `npm run bench`).
 */
import type { Prisma } from '@/lib/generated/prisma/client';
import { scoreCheckWorthiness, type CheckWorthiness } from '@/lib/domain/check-worthiness';
import { newIds } from '@/lib/db/ids';

export function checkWorthinessFields(text: string, locale?: string) {
  const { score, reasons } = scoreCheckWorthiness(text, locale);
  return { checkWorthiness: score, checkWorthinessReasons: reasons };
}

/** `worthiness` when it was scored already (lib/import/parse.ts); otherwise it is scored here. */
export type NewClaim = { position: number; paragraph: number; text: string; start: number; end: number; worthiness?: CheckWorthiness };

/** Inserts the claims of one article and returns their ids, in the order given. */
export async function insertClaims(
  tx: Prisma.TransactionClient,
  { teamId, articleId, language, claims }: { teamId: string; articleId: string; language: string; claims: NewClaim[] },
): Promise<string[]> {
  if (claims.length === 0) return [];
  const ids = newIds(claims.length);
  const scored = claims.map((c) => c.worthiness ?? scoreCheckWorthiness(c.text, language));
  await tx.$executeRawUnsafe(
    `INSERT INTO "Claim" ("id", "teamId", "articleId", "position", "paragraph", "text", "start", "end", "checkWorthiness", "checkWorthinessReasons", "createdAt", "updatedAt")
     SELECT c.id, $1, $2, c.position, c.paragraph, c.text, c.start, c."end", c.score, c.reasons::jsonb, now(), now()
     FROM unnest($3::text[], $4::int[], $5::int[], $6::text[], $7::int[], $8::int[], $9::float8[], $10::text[])
       AS c(id, position, paragraph, text, start, "end", score, reasons)`,
    teamId,
    articleId,
    ids,
    claims.map((c) => c.position),
    claims.map((c) => c.paragraph),
    claims.map((c) => c.text),
    claims.map((c) => c.start),
    claims.map((c) => c.end),
    scored.map((s) => s.score),
    scored.map((s) => JSON.stringify(s.reasons)),
  );
  return ids;
}
