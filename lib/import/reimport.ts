/**
 * A new version of an article already on the desk. Claims whose sentence is unchanged keep
 * everything (assignment, notes, evidence, verdict) and move to their new position. A changed
 * sentence of a claim still open for research becomes its text, flagged with the old one; a
 * removed one is archived, never deleted. A claim already checked (in review, approved or
 * published) is never changed by a re-import: it is flagged **Source changed** (with the new
 * sentence beside it) or **Removed from source** for an editor to decide (lib/operations/publishing.ts).
 * New sentences become new claims. The previous text is kept as a version.
 */
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { matchClaims } from '@/lib/domain/claim-edit';
import { auditEvent } from '@/lib/domain/audit-events';
import { isOpenForResearch } from '@/lib/domain/invariants';
import { recordAudit } from '@/lib/audit/record';
import { insertClaims } from '@/lib/import/claim-rows';
import { parseForImport } from '@/lib/import/article';
import { claimRecordSelect, placeClaims, writeClaim, type ClaimRecord } from '@/lib/operations/claim-writer';
import type { ImportArticleInput } from '@/lib/validation/article';

// A version's change list is for reading, not an export: long lists are cut, counts are not.
const LIST_LIMIT = 200;

export class ArticleNotFoundError extends Error {}

export type VersionChanges = {
  toVersion: number;
  counts: { kept: number; moved: number; changed: number; added: number; archived: number; flagged?: number };
  moved: { id: string; text: string }[];
  changed: { id: string; oldText: string; newText: string }[];
  added: { id: string; text: string }[];
  archived: { id: string; text: string }[];
  /** Checked claims left as they were: their sentence changed (newText) or left the source (null). */
  flagged?: { id: string; text: string; newText: string | null }[];
};

/** The sentence a claim stands for in the article now: a flagged checked claim's is the source's. */
const currentSentence = (c: ClaimRecord) => (c.sourceChange === 'CHANGED' && c.sourceText ? c.sourceText : c.text);

export async function reimportArticle(
  prisma: PrismaClient,
  { teamId, actorId, articleId, input }: { teamId: string; actorId: string; articleId: string; input: ImportArticleInput },
) {
  const current = await prisma.article.findFirst({ where: { id: articleId, teamId }, select: { language: true } });
  if (!current) throw new ArticleNotFoundError('No such article in this team.');
  const parsed = await parseForImport({ text: input.text, title: input.title ?? null, locale: input.language ?? current.language });
  return prisma.$transaction(
    async (tx) => {
      const article = await tx.article.findFirst({ where: { id: articleId, teamId } });
      if (!article) throw new ArticleNotFoundError('No such article in this team.');
      const active = await tx.claim.findMany({ where: { articleId, archivedAt: null }, orderBy: { position: 'asc' }, select: claimRecordSelect });
      // Claims already flagged as removed from the source have no sentence to match any more.
      const old = active.filter((c) => c.sourceChange !== 'REMOVED');
      const diff = matchClaims(
        old.map((c) => ({ id: c.id, text: currentSentence(c) })),
        parsed.claims.map((c) => c.text),
      );
      const oldById = new Map(active.map((c) => [c.id, c]));
      const actor = { id: actorId, teamId };
      const now = new Date();
      const flagged: NonNullable<VersionChanges['flagged']> = [];

      const kept = diff.matches.filter((m) => m.kind === 'kept');
      await placeClaims(
        tx,
        kept.map((m) => {
          const c = parsed.claims[m.newIndex];
          return { id: m.id, position: c.position, paragraph: c.paragraph, start: c.start, end: c.end };
        }),
      );
      const changed = diff.matches.filter((m) => m.kind === 'changed');
      for (const m of changed) {
        const claim = oldById.get(m.id)!;
        const c = parsed.claims[m.newIndex];
        const layout = { position: c.position, paragraph: c.paragraph, start: c.start, end: c.end };
        if (isOpenForResearch(claim)) {
          await writeClaim(tx, {
            claim,
            // If an earlier change was never reviewed, the flag keeps the text the work was done on.
            patch: {
              ...layout,
              text: c.text,
              previousText: claim.previousText ?? claim.text,
              checkWorthiness: c.worthiness.score,
              checkWorthinessReasons: c.worthiness.reasons,
            },
            actor,
            audit: auditEvent('claim.changed', { oldText: claim.text, newText: c.text }),
          });
        } else {
          await writeClaim(tx, {
            claim,
            patch: { ...layout, sourceChange: 'CHANGED', sourceText: c.text },
            actor,
            audit: auditEvent('claim.source_changed', { oldText: claim.text, newText: c.text }),
          });
          flagged.push({ id: claim.id, text: claim.text, newText: c.text });
        }
      }
      const removed = diff.removed.map((id) => oldById.get(id)!);
      const archived = removed.filter((c) => isOpenForResearch(c));
      for (const claim of archived) {
        await writeClaim(tx, { claim, patch: { archivedAt: now }, actor, audit: auditEvent('claim.archived', { reason: 'removed from the new version' }) });
      }
      for (const claim of removed.filter((c) => !isOpenForResearch(c))) {
        await writeClaim(tx, {
          claim,
          patch: { sourceChange: 'REMOVED', sourceText: null },
          actor,
          audit: auditEvent('claim.source_removed', { text: claim.text }),
        });
        flagged.push({ id: claim.id, text: claim.text, newText: null });
      }
      const added = diff.added.map((n) => parsed.claims[n]);
      const newIds = await insertClaims(tx, { teamId, articleId, language: parsed.language, claims: added });
      const addedIds = added.map((c, i) => ({ id: newIds[i], text: c.text }));
      // Checked claims whose sentence left the source stay on the desk after every sentence that is in it.
      const orphans = active.filter((c) => c.sourceChange === 'REMOVED' || (diff.removed.includes(c.id) && !isOpenForResearch(c)));
      await placeClaims(
        tx,
        orphans.map((c, i) => ({ id: c.id, position: parsed.claims.length + i + 1, paragraph: c.paragraph, start: c.start, end: c.end })),
      );

      const changes: VersionChanges = {
        toVersion: article.version + 1,
        counts: {
          kept: kept.length,
          moved: kept.filter((m) => m.kind === 'kept' && m.moved).length,
          changed: changed.length - flagged.filter((f) => f.newText !== null).length,
          added: added.length,
          archived: archived.length,
          flagged: flagged.length,
        },
        moved: kept
          .filter((m) => m.kind === 'kept' && m.moved)
          .slice(0, LIST_LIMIT)
          .map((m) => ({ id: m.id, text: oldById.get(m.id)!.text })),
        changed: changed
          .filter((m) => isOpenForResearch(oldById.get(m.id)!))
          .slice(0, LIST_LIMIT)
          .map((m) => ({ id: m.id, oldText: m.kind === 'changed' ? m.oldText : '', newText: parsed.claims[m.newIndex].text })),
        added: addedIds.slice(0, LIST_LIMIT),
        archived: archived.slice(0, LIST_LIMIT).map((c) => ({ id: c.id, text: c.text })),
        flagged: flagged.slice(0, LIST_LIMIT),
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
      const { flagged: flaggedCount = 0, ...counts } = changes.counts;
      await recordAudit(tx, {
        teamId,
        actorId,
        articleId,
        event: auditEvent('article.reimported', { version: article.version + 1, ...counts, flagged: flaggedCount }),
      });
      return { id: articleId, title: parsed.title, version: article.version + 1, changes };
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}
