/**
 * The one import path, shared by the import form, the CLI and the benchmark: parse the
 * text into title, byline and one claim per sentence, then write the article, its claims
 * and the audit event in one transaction, so a failure leaves no half article.
 */
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { recordAudit } from '@/lib/audit/record';
import { auditEvent } from '@/lib/domain/audit-events';
import { insertClaims } from '@/lib/import/claim-rows';
import { PARSE_IN_WORKER_CHARS } from '@/lib/import/limits';
import { parseAndScore, type ParseInput, type ScoredArticle } from '@/lib/import/parse';
import { importPool } from '@/lib/import/pool';
import type { ImportArticleInput } from '@/lib/validation/article';

/**
 * Title, byline and scored claims of an article's text. A long text is split in the import
 * worker pool (up to 2 MB takes a few hundred milliseconds), so the request thread stays free;
 * a short one here, where a thread hop would cost more than the work. Always before a
 * transaction opens: the embedded database has one session, which must not wait for this.
 */
export function parseForImport(input: ParseInput): Promise<ScoredArticle> {
  return input.text.length >= PARSE_IN_WORKER_CHARS ? importPool().run('parse', input) : Promise.resolve(parseAndScore(input));
}

export async function importArticle(prisma: PrismaClient, { teamId, actorId, input }: { teamId: string; actorId: string; input: ImportArticleInput }) {
  const parsed = await parseForImport({ text: input.text, title: input.title ?? null, locale: input.language ?? null });
  return prisma.$transaction(
    async (tx) => {
      const article = await tx.article.create({
        data: {
          teamId,
          title: parsed.title,
          body: parsed.body,
          byline: parsed.byline,
          sourceUrl: input.sourceUrl,
          outlet: input.outlet,
          author: input.author,
          publishedAt: input.publishedAt,
          language: parsed.language,
          createdById: actorId,
        },
        select: { id: true, title: true, byline: true },
      });
      await insertClaims(tx, { teamId, articleId: article.id, language: parsed.language, claims: parsed.claims });
      await recordAudit(tx, {
        teamId,
        actorId,
        articleId: article.id,
        event: auditEvent('article.imported', { title: parsed.title, claims: parsed.claims.length }),
      });
      return { ...article, claims: parsed.claims };
    },
    { timeout: 60_000, maxWait: 30_000 },
  );
}
