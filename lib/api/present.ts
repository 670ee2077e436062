import 'server-only';
import type { z } from 'zod';
import { db } from '@/lib/db';
import { findClaim } from '@/lib/data/claims';
import { publicBaseUrl } from '@/lib/data/public';
import type { SessionUser } from '@/lib/auth/session';
import { notFoundError } from '@/lib/api/handler';
import type { claimDetail, importedArticle, member } from '@/lib/api/schemas';

/** The API's view of a claim: its work, evidence and history; never an email or a password. */
export async function presentClaim(user: SessionUser, claimId: string, request: Request): Promise<z.input<typeof claimDetail>> {
  const found = await findClaim(user, claimId);
  if (!found) throw notFoundError();
  const { claim, history } = found;
  const pending = claim.corrections.find((c) => c.status === 'PROPOSED');
  const publicUrl = claim.publishedAt
    ? `${await publicBaseUrl(request)}/t/${(await db.team.findUniqueOrThrow({ where: { id: user.teamId }, select: { slug: true } })).slug}/fact-checks/${claim.id}`
    : null;
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
    publicUrl,
    sourceChange: claim.sourceChange ? { kind: claim.sourceChange, sourceText: claim.sourceText } : null,
    pendingCorrection: pending
      ? {
          id: pending.id,
          kind: pending.kind,
          newVerdict: pending.newVerdict,
          newRationale: pending.newRationale,
          note: pending.note,
          proposedBy: pending.proposedByName,
          createdAt: pending.createdAt.toISOString(),
        }
      : null,
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
    history: history.map((h) => ({
      id: h.id,
      type: h.type,
      actor: h.actor?.name ?? (h.importedActorName ? `${h.importedActorName} (imported)` : null),
      createdAt: h.createdAt.toISOString(),
      data: h.data,
    })),
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

/** A member as the API shows them: the email only to admins. */
export function presentMember(
  viewer: SessionUser,
  m: { id: string; name: string; email: string; role: 'admin' | 'editor' | 'checker'; deactivatedAt: Date | null },
): z.input<typeof member> {
  return { id: m.id, name: m.name, role: m.role, removedAt: m.deactivatedAt?.toISOString() ?? null, ...(viewer.role === 'admin' ? { email: m.email } : {}) };
}
