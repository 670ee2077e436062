/**
 * The floor that `npm run bench` compares importArticle against: the same article row and the
 * same claim rows (scores computed beforehand, outside the timing), inserted with hand-written
 * SQL over plain `pg` in one transaction, as one INSERT … SELECT FROM unnest(arrays).
 */
import type pg from 'pg';
import type { ParsedArticle } from '@/lib/domain/article-text';
import type { CheckWorthiness } from '@/lib/domain/check-worthiness';
import { newIds } from '@/lib/db/ids';
import type { ImportArticleInput } from '@/lib/validation/article';

export async function insertArticleRaw(
  client: pg.Client,
  { teamId, actorId, input, parsed, scores }: { teamId: string; actorId: string; input: ImportArticleInput; parsed: ParsedArticle; scores: CheckWorthiness[] },
): Promise<string> {
  const [articleId, ...claimIds] = newIds(parsed.claims.length + 1);
  const now = new Date();
  await client.query('BEGIN');
  try {
    await client.query(
      `INSERT INTO "Article" ("id", "teamId", "title", "body", "byline", "sourceUrl", "outlet", "author", "publishedAt", "language", "createdById", "createdAt", "updatedAt")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12)`,
      [
        articleId,
        teamId,
        parsed.title,
        parsed.body,
        parsed.byline,
        input.sourceUrl ?? null,
        input.outlet ?? null,
        input.author ?? null,
        input.publishedAt ?? null,
        parsed.language,
        actorId,
        now,
      ],
    );
    const claims = parsed.claims;
    await client.query(
      `INSERT INTO "Claim" ("id", "teamId", "articleId", "position", "paragraph", "text", "start", "end", "checkWorthiness", "checkWorthinessReasons", "createdAt", "updatedAt")
       SELECT c.id, $1, $2, c.position, c.paragraph, c.text, c.start, c."end", c.score, c.reasons::jsonb, $3, $3
       FROM unnest($4::text[], $5::int[], $6::int[], $7::text[], $8::int[], $9::int[], $10::float8[], $11::text[])
         AS c(id, position, paragraph, text, start, "end", score, reasons)`,
      [
        teamId,
        articleId,
        now,
        claimIds,
        claims.map((c) => c.position),
        claims.map((c) => c.paragraph),
        claims.map((c) => c.text),
        claims.map((c) => c.start),
        claims.map((c) => c.end),
        scores.map((s) => s.score),
        scores.map((s) => JSON.stringify(s.reasons)),
      ],
    );
    await client.query(`INSERT INTO "AuditEvent" ("id", "teamId", "actorId", "articleId", "type", "data") VALUES ($1, $2, $3, $4, 'article.imported', $5)`, [
      newIds(1)[0],
      teamId,
      actorId,
      articleId,
      JSON.stringify({ title: parsed.title, claims: claims.length }),
    ]);
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK');
    throw err;
  }
  return articleId;
}
