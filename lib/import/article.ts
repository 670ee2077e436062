/**
 * The one import path, shared by the import form, the CLI and the benchmark: parse the
 * text into title, byline and one claim per sentence, then write the article, its claims
 * and the audit event in one transaction, so a failure leaves no half article.
 */
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { normalizeArticleText, parseArticle } from '@/lib/domain/article-text';
import { recordAudit } from '@/lib/audit/record';
import { auditEvent } from '@/lib/domain/audit-events';
import { insertClaims } from '@/lib/import/claim-rows';
import type { ImportArticleInput } from '@/lib/validation/article';

export async function importArticle(prisma: PrismaClient, { teamId, actorId, input }: { teamId: string; actorId: string; input: ImportArticleInput }) {
  const parsed = parseArticle({ text: normalizeArticleText(input.text), title: input.title ?? null, locale: input.language ?? null });
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
