import 'server-only';
import { notFound } from 'next/navigation';
import { db } from '@/lib/db';
import type { SessionUser } from '@/lib/auth/session';

/**
 * An article of the team with every active claim, for the annotated reading view; another
 * team's article is a 404. An article can hold 10,000 claims, so the claims come in one query
 * of plain columns; verdict and assignee names are resolved from the team's labels and members,
 * two short lists read at the same time.
 */
export async function getAnnotatedArticle(user: SessionUser, articleId: string) {
  const [article, claims, labels, members] = await Promise.all([
    db.article.findFirst({ where: { id: articleId, teamId: user.teamId }, select: { id: true, title: true, body: true } }),
    db.claim.findMany({
      where: { articleId, teamId: user.teamId, archivedAt: null },
      orderBy: { position: 'asc' },
      select: { id: true, position: true, start: true, end: true, text: true, status: true, checkWorthiness: true, verdictLabelId: true, assigneeId: true },
    }),
    // Retired labels too: past verdicts keep them.
    db.verdictLabel.findMany({ where: { teamId: user.teamId }, orderBy: { position: 'asc' }, select: { id: true, name: true, retiredAt: true } }),
    db.user.findMany({ where: { teamId: user.teamId }, select: { id: true, name: true } }),
  ]);
  if (!article) notFound();
  const labelName = new Map(labels.map((l) => [l.id, l.name]));
  const memberName = new Map(members.map((m) => [m.id, m.name]));
  const used = new Set(claims.map((c) => c.verdictLabelId));
  return {
    article,
    claims: claims.map(({ verdictLabelId, assigneeId, ...c }) => ({
      ...c,
      verdict: verdictLabelId ? (labelName.get(verdictLabelId) ?? null) : null,
      assignee: assigneeId ? (memberName.get(assigneeId) ?? null) : null,
    })),
    /** The team's scale in order, with retired labels only where a claim here still has one. */
    verdictScale: labels.filter((l) => !l.retiredAt || used.has(l.id)).map((l) => l.name),
  };
}
