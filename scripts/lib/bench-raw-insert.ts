/**
 * The floor that `npm run bench` compares importArticle against: the same article row and the
 * same claim rows, with the same columns Prisma writes, inserted with hand-written SQL over
 * plain `pg` in one transaction. The claims go in as one INSERT … SELECT FROM unnest(arrays),
 * the fastest way to send many rows without COPY, so the ratio shows what the ORM costs.
 */
import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import type { ParsedArticle } from '@/lib/domain/article-text';
import type { ImportArticleInput } from '@/lib/validation/article';

const ID_ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/** Ids shaped like Prisma's cuid2 ("c" + 24 lowercase base-36 characters), so rows are the same size. */
function newIds(count: number): string[] {
  const bytes = randomBytes(count * 24);
  return Array.from({ length: count }, (_, n) => {
    let id = 'c';
    for (let k = n * 24; k < (n + 1) * 24; k++) id += ID_ALPHABET[bytes[k] % 36];
    return id;
  });
}

export async function insertArticleRaw(
  client: pg.Client,
  { teamId, actorId, input, parsed }: { teamId: string; actorId: string; input: ImportArticleInput; parsed: ParsedArticle },
): Promise<string> {
  const [articleId, ...claimIds] = newIds(parsed.claims.length + 1);
  const now = new Date();
  await client.query('BEGIN');
  try {
    await client.query(
      `INSERT INTO "Article" ("id", "teamId", "title", "body", "byline", "sourceUrl", "outlet", "author", "publishedAt", "language", "createdById", "createdAt", "updatedAt")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12)`,
      [articleId, teamId, parsed.title, parsed.body, parsed.byline, input.sourceUrl ?? null, input.outlet ?? null, input.author ?? null, input.publishedAt ?? null, parsed.language, actorId, now],
    );
    await client.query(
      `INSERT INTO "Claim" ("id", "teamId", "articleId", "position", "paragraph", "text", "start", "end", "createdAt", "updatedAt")
       SELECT c.id, $1, $2, c.position, c.paragraph, c.text, c.start, c."end", $3, $3
       FROM unnest($4::text[], $5::int[], $6::int[], $7::text[], $8::int[], $9::int[]) AS c(id, position, paragraph, text, start, "end")`,
      [
        teamId,
        articleId,
        now,
        claimIds,
        parsed.claims.map((c) => c.position),
        parsed.claims.map((c) => c.paragraph),
        parsed.claims.map((c) => c.text),
        parsed.claims.map((c) => c.start),
        parsed.claims.map((c) => c.end),
      ],
    );
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK');
    throw err;
  }
  return articleId;
}
