import 'server-only';
import { notFound } from 'next/navigation';
import { db } from '@/lib/db';
import type { SessionUser } from '@/lib/auth/session';

/** A claim with everything its page shows; another team's claim is a 404. */
export async function getClaim(user: SessionUser, claimId: string) {
  const found = await findClaim(user, claimId);
  if (!found) notFound();
  return found;
}

/** The same for the API: null when the claim is not in the user's team. */
export async function findClaim(user: SessionUser, claimId: string) {
  const claim = await db.claim.findFirst({
    where: { id: claimId, teamId: user.teamId },
    include: {
      article: { select: { id: true, title: true } },
      assignee: { select: { id: true, name: true } },
      proposedBy: { select: { id: true, name: true } },
      verdictLabel: { select: { id: true, name: true, retiredAt: true } },
      evidence: { orderBy: { createdAt: 'asc' }, include: { author: { select: { id: true, name: true } } } },
      reviews: { orderBy: { createdAt: 'desc' }, include: { reviewer: { select: { name: true } } } },
      corrections: { orderBy: { createdAt: 'desc' } },
    },
  });
  if (!claim) return null;
  // Who proposed and who decided each correction, by name (the columns keep no foreign key: history outlives members).
  const deciders = [...new Set(claim.corrections.flatMap((c) => [c.createdById, c.decidedById]).filter((id): id is string => id !== null))];
  const names = new Map(
    (await db.user.findMany({ where: { id: { in: deciders }, teamId: user.teamId }, select: { id: true, name: true } })).map((u) => [u.id, u.name]),
  );
  const nameOf = (id: string | null) => (id ? (names.get(id) ?? 'a former member') : 'an earlier desk (imported)');
  const corrections = claim.corrections.map((c) => ({
    ...c,
    proposedByName: nameOf(c.createdById),
    decidedByName: c.decidedById ? nameOf(c.decidedById) : null,
  }));
  const history = await db.auditEvent.findMany({
    where: {
      teamId: user.teamId,
      OR: [{ claimId: claim.id }, { articleId: claim.articleId, type: 'article.imported' }],
    },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: 200,
    select: { id: true, type: true, data: true, createdAt: true, importedActorName: true, actor: { select: { name: true } } },
  });
  const [previous, next] = await Promise.all([
    db.claim.findFirst({ where: { articleId: claim.articleId, archivedAt: null, position: claim.position - 1 }, select: { id: true } }),
    db.claim.findFirst({ where: { articleId: claim.articleId, archivedAt: null, position: claim.position + 1 }, select: { id: true } }),
  ]);
  return { claim: { ...claim, corrections }, history, previousId: previous?.id ?? null, nextId: next?.id ?? null };
}

const listSelect = {
  id: true,
  text: true,
  status: true,
  dueAt: true,
  updatedAt: true,
  article: { select: { id: true, title: true } },
  assignee: { select: { id: true, name: true } },
  proposedBy: { select: { id: true, name: true } },
  verdictLabel: { select: { name: true } },
} as const;

/** The signed-in user's open work, soonest due first. */
export function listMyClaims(user: SessionUser) {
  return db.claim.findMany({
    where: { teamId: user.teamId, archivedAt: null, assigneeId: user.id, status: { in: ['ASSIGNED', 'IN_RESEARCH', 'RETURNED', 'IN_REVIEW'] } },
    orderBy: [{ dueAt: { sort: 'asc', nulls: 'last' } }, { updatedAt: 'desc' }],
    take: 500,
    select: listSelect,
  });
}

/** Claims waiting for an editor's decision, oldest submission first. */
export function listReviewQueue(user: SessionUser) {
  return db.claim.findMany({
    where: { teamId: user.teamId, archivedAt: null, status: 'IN_REVIEW' },
    orderBy: { updatedAt: 'asc' },
    take: 500,
    select: { ...listSelect, rationale: true },
  });
}
