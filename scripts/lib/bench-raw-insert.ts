/**
 * The floor that `npm run bench` compares importArticle against: the same article row and the
 * same claim rows, with the same columns Prisma writes, inserted with hand-written SQL over
 * plain `pg` in one transaction. By default the claims go in as one INSERT … SELECT FROM
 * unnest(arrays), the fastest way to send many rows without COPY, so the ratio shows what the
 * ORM costs. `valuesBatch` sends them the way Prisma's createMany does instead (multi-row
 * VALUES, one bind parameter a cell), which tells the statement's cost apart from the client's.
 */
import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import type { ParsedArticle } from '@/lib/domain/article-text';
import type { ImportArticleInput } from '@/lib/validation/article';

const ID_ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/** Ids shaped like Prisma's cuid2 ("c" + 24 lowercase base-36 characters), so rows are the same size. */
export function newIds(count: number): string[] {
  const bytes = randomBytes(count * 24);
  return Array.from({ length: count }, (_, n) => {
    let id = 'c';
    for (let k = n * 24; k < (n + 1) * 24; k++) id += ID_ALPHABET[bytes[k] % 36];
    return id;
  });
}

const CLAIM_COLUMNS = '"id", "teamId", "articleId", "position", "paragraph", "text", "start", "end", "createdAt", "updatedAt"';

export async function insertArticleRaw(
  client: pg.Client,
  { teamId, actorId, input, parsed, valuesBatch }: { teamId: string; actorId: string; input: ImportArticleInput; parsed: ParsedArticle; valuesBatch?: number },
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
    const rows = parsed.claims.map((c, i) => [claimIds[i], teamId, articleId, c.position, c.paragraph, c.text, c.start, c.end, now, now]);
    if (valuesBatch) {
      for (let from = 0; from < rows.length; from += valuesBatch) {
        const batch = rows.slice(from, from + valuesBatch);
        const tuples = batch.map((row, r) => `(${row.map((_, c) => `$${r * row.length + c + 1}`).join(', ')})`);
        await client.query(`INSERT INTO "Claim" (${CLAIM_COLUMNS}) VALUES ${tuples.join(', ')}`, batch.flat());
      }
    } else {
      const column = (c: number) => rows.map((row) => row[c]);
      await client.query(
        `INSERT INTO "Claim" (${CLAIM_COLUMNS})
         SELECT c.id, $1, $2, c.position, c.paragraph, c.text, c.start, c."end", $3, $3
         FROM unnest($4::text[], $5::int[], $6::int[], $7::text[], $8::int[], $9::int[]) AS c(id, position, paragraph, text, start, "end")`,
        [teamId, articleId, now, column(0), column(3), column(4), column(5), column(6), column(7)],
      );
    }
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK');
    throw err;
  }
  return articleId;
}
