import 'server-only';
import { db } from '@/lib/db';
import type { SessionUser } from '@/lib/auth/session';

/** Members who can be given claims to check. */
export function listAssignees(user: SessionUser) {
  return db.user.findMany({
    where: { teamId: user.teamId, role: { in: ['checker', 'editor'] }, deactivatedAt: null },
    orderBy: [{ role: 'asc' }, { name: 'asc' }],
    select: { id: true, name: true, role: true },
  });
}

/** The team's verdict scale in order; retired labels only when asked (settings, past verdicts). */
export function listVerdictLabels(user: SessionUser, { includeRetired = false } = {}) {
  return db.verdictLabel.findMany({
    where: { teamId: user.teamId, ...(includeRetired ? {} : { retiredAt: null }) },
    orderBy: { position: 'asc' },
    select: { id: true, name: true, position: true, retiredAt: true },
  });
}

/** The team's slug, the name of its public pages (/t/[slug]/…). */
export async function getTeamSlug(user: SessionUser): Promise<string> {
  const team = await db.team.findUniqueOrThrow({ where: { id: user.teamId }, select: { slug: true } });
  return team.slug;
}

/** Who the public pages name as publisher, for the publishing settings. */
export function getPublisher(user: SessionUser) {
  return db.team.findUniqueOrThrow({ where: { id: user.teamId }, select: { name: true, slug: true, orgName: true, orgUrl: true, orgLogoUrl: true } });
}

/** The team's fact-checks that are public now, most recently published first. */
export function listPublishedClaims(user: SessionUser) {
  return db.claim.findMany({
    where: { teamId: user.teamId, publishedAt: { not: null } },
    orderBy: { publishedAt: 'desc' },
    take: 200,
    select: { id: true, text: true, publishedAt: true, verdictLabel: { select: { name: true } }, _count: { select: { corrections: true } } },
  });
}

/** Every member of the team, removed ones too (history keeps their names), by name. */
export function listTeamMembers(user: SessionUser) {
  return db.user.findMany({
    where: { teamId: user.teamId },
    orderBy: { name: 'asc' },
    select: { id: true, name: true, email: true, role: true, deactivatedAt: true },
  });
}
