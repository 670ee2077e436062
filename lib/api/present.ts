import 'server-only';
import type { z } from 'zod';
import { db } from '@/lib/db';
import { findClaim } from '@/lib/data/claims';
import type { SessionUser } from '@/lib/auth/session';
import { notFoundError } from '@/lib/api/handler';
import type { claimDetail, importedArticle } from '@/lib/api/schemas';

/** The API's view of a claim: its work, evidence and history; never an email or a password. */
export async function presentClaim(user: SessionUser, claimId: string): Promise<z.input<typeof claimDetail>> {
  const found = await findClaim(user, claimId);
  if (!found) throw notFoundError();
  const { claim, history } = found;
  return {
    id: claim.id,
    version: claim.version,
    text: claim.text,
    asChecked: claim.asChecked,
    position: claim.position,
    paragraph: claim.paragraph,
    start: claim.start,
    end: claim.end,
    status: claim.status,
    article: claim.article,
    assignee: claim.assignee,
    dueAt: claim.dueAt?.toISOString() ?? null,
    notes: claim.notes,
    verdict: claim.verdictLabel ? { id: claim.verdictLabel.id, name: claim.verdictLabel.name } : null,
    rationale: claim.rationale,
    proposedBy: claim.proposedBy,
    checkWorthiness: claim.checkWorthiness,
    publishedAt: claim.publishedAt?.toISOString() ?? null,
    evidence: claim.evidence.map((e) => ({
      id: e.id,
      url: e.url,
      title: e.title,
      publisher: e.publisher,
      stance: e.stance,
      quote: e.quote,
      archiveUrl: e.archiveUrl,
      note: e.note,
      author: e.author,
      createdAt: e.createdAt.toISOString(),
    })),
    history: history.map((h) => ({ id: h.id, type: h.type, actor: h.actor?.name ?? null, createdAt: h.createdAt.toISOString(), data: h.data })),
  };
}

export async function presentImportedArticle(user: SessionUser, articleId: string, reimported: boolean): Promise<z.input<typeof importedArticle>> {
  const article = await db.article.findFirst({
    where: { id: articleId, teamId: user.teamId },
    select: {
      id: true,
      title: true,
      byline: true,
      claims: { where: { archivedAt: null }, orderBy: { position: 'asc' }, select: { position: true, paragraph: true, text: true, start: true, end: true } },
    },
  });
  if (!article) throw notFoundError();
  return { ...article, reimported };
}
