/**
 * A new version of an article already on the desk. Claims whose sentence is unchanged keep
 * everything (assignment, notes, evidence, verdict) and move to their new position; changed
 * sentences keep their work and are flagged with the old text; new sentences become new
 * claims; removed ones are archived, never deleted. The previous text is kept as a version.
 */
import type { Prisma, PrismaClient } from '@/lib/generated/prisma/client';
import { normalizeArticleText, parseArticle } from '@/lib/domain/article-text';
import { matchClaims } from '@/lib/domain/claim-edit';
import { recordAudit } from '@/lib/audit/record';
import { checkWorthinessFields, insertClaims } from '@/lib/import/claim-rows';
import type { ImportArticleInput } from '@/lib/validation/article';

const BATCH = 2_000;
// A version's change list is for reading, not an export: long lists are cut, counts are not.
const LIST_LIMIT = 200;

export class ArticleNotFoundError extends Error {}

export type VersionChanges = {
  toVersion: number;
  counts: { kept: number; moved: number; changed: number; added: number; archived: number };
  moved: { id: string; text: string }[];
  changed: { id: string; oldText: string; newText: string }[];
  added: { id: string; text: string }[];
  archived: { id: string; text: string }[];
};

/** Sets position, paragraph and offsets of many claims in a few statements. */
async function moveClaims(tx: Prisma.TransactionClient, rows: { id: string; position: number; paragraph: number; start: number; end: number }[]) {
  for (let i = 0; i < rows.length; i += BATCH) {
    const chunk = rows.slice(i, i + BATCH);
    const values = chunk.map((_, j) => `($${j * 5 + 1}, $${j * 5 + 2}::int, $${j * 5 + 3}::int, $${j * 5 + 4}::int, $${j * 5 + 5}::int)`).join(', ');
    await tx.$executeRawUnsafe(
      `UPDATE "Claim" AS c SET "position" = v.position, "paragraph" = v.paragraph, "start" = v.start, "end" = v."end", "version" = c."version" + 1
       FROM (VALUES ${values}) AS v(id, position, paragraph, start, "end") WHERE c.id = v.id`,
      ...chunk.flatMap((r) => [r.id, r.position, r.paragraph, r.start, r.end]),
    );
  }
}

export async function reimportArticle(
  prisma: PrismaClient,
  { teamId, actorId, articleId, input }: { teamId: string; actorId: string; articleId: string; input: ImportArticleInput },
) {
  return prisma.$transaction(
    async (tx) => {
      const article = await tx.article.findFirst({ where: { id: articleId, teamId } });
      if (!article) throw new ArticleNotFoundError('No such article in this team.');
      const parsed = parseArticle({ text: normalizeArticleText(input.text), title: input.title ?? null, locale: input.language ?? article.language });
      const old = await tx.claim.findMany({
        where: { articleId, archivedAt: null },
        orderBy: { position: 'asc' },
        select: { id: true, text: true, previousText: true },
      });
      const diff = matchClaims(old, parsed.claims.map((c) => c.text));
      const oldById = new Map(old.map((c) => [c.id, c]));
      const now = new Date();

      const kept = diff.matches.filter((m) => m.kind === 'kept');
      await moveClaims(
        tx,
        kept.map((m) => {
          const c = parsed.claims[m.newIndex];
          return { id: m.id, position: c.position, paragraph: c.paragraph, start: c.start, end: c.end };
        }),
      );
      const changed = diff.matches.filter((m) => m.kind === 'changed');
      for (const m of changed) {
        const c = parsed.claims[m.newIndex];
        await tx.claim.update({
          where: { id: m.id },
          data: {
            position: c.position,
            paragraph: c.paragraph,
            start: c.start,
            end: c.end,
            text: c.text,
            // If an earlier change was never reviewed, the flag keeps the text the work was done on.
            previousText: oldById.get(m.id)!.previousText ?? m.oldText,
            ...checkWorthinessFields(c.text, parsed.language),
            version: { increment: 1 },
          },
        });
        await recordAudit(tx, { teamId, actorId, type: 'claim.changed', claimId: m.id, articleId, data: { oldText: m.oldText, newText: c.text } });
      }
      await tx.claim.updateMany({ where: { id: { in: diff.removed } }, data: { archivedAt: now, version: { increment: 1 } } });
      if (diff.removed.length) {
        await tx.auditEvent.createMany({
          data: diff.removed.map((claimId) => ({ teamId, actorId, type: 'claim.archived', claimId, articleId, data: { reason: 'removed from the new version' } })),
        });
      }
      const added = diff.added.map((n) => parsed.claims[n]);
      const newIds = await insertClaims(tx, { teamId, articleId, language: parsed.language, claims: added });
      const addedIds = added.map((c, i) => ({ id: newIds[i], text: c.text }));

      const changes: VersionChanges = {
        toVersion: article.version + 1,
        counts: {
          kept: kept.length,
          moved: kept.filter((m) => m.kind === 'kept' && m.moved).length,
          changed: changed.length,
          added: added.length,
          archived: diff.removed.length,
        },
        moved: kept
          .filter((m) => m.kind === 'kept' && m.moved)
          .slice(0, LIST_LIMIT)
          .map((m) => ({ id: m.id, text: oldById.get(m.id)!.text })),
        changed: changed.slice(0, LIST_LIMIT).map((m) => ({ id: m.id, oldText: m.kind === 'changed' ? m.oldText : '', newText: parsed.claims[m.newIndex].text })),
        added: addedIds.slice(0, LIST_LIMIT),
        archived: diff.removed.slice(0, LIST_LIMIT).map((id) => ({ id, text: oldById.get(id)!.text })),
      };
      await tx.articleVersion.create({
        data: { articleId, version: article.version, title: article.title, body: article.body, changes, createdById: actorId },
      });
      await tx.article.update({
        where: { id: articleId },
        data: {
          title: parsed.title,
          body: parsed.body,
          byline: parsed.byline,
          language: parsed.language,
          version: article.version + 1,
          ...(input.sourceUrl ? { sourceUrl: input.sourceUrl } : {}),
          ...(input.outlet ? { outlet: input.outlet } : {}),
          ...(input.author ? { author: input.author } : {}),
          ...(input.publishedAt ? { publishedAt: input.publishedAt } : {}),
        },
      });
      await recordAudit(tx, { teamId, actorId, type: 'article.reimported', articleId, data: { version: article.version + 1, ...changes.counts } });
      return { id: articleId, title: parsed.title, version: article.version + 1, changes };
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}
