import 'server-only';
import { headers } from 'next/headers';
import { db } from '@/lib/db';
import { env } from '@/lib/env';

/**
 * Reads for the public pages: only what an editor published, by the team's slug. Nothing
 * here selects notes, emails, assignees or anything unpublished; an unpublished claim or a
 * report not made public is simply not found (a 404 to the public).
 */

export async function publicBaseUrl(): Promise<string> {
  if (env.CLAIMDESK_PUBLIC_URL) return env.CLAIMDESK_PUBLIC_URL.replace(/\/$/, '');
  const h = await headers();
  const host = h.get('x-forwarded-host') ?? h.get('host') ?? 'localhost';
  const proto = h.get('x-forwarded-proto') ?? (host.startsWith('localhost') || host.startsWith('127.') ? 'http' : 'https');
  return `${proto}://${host}`;
}

const publisherSelect = { id: true, name: true, slug: true, orgName: true, orgUrl: true, orgLogoUrl: true } as const;

function findPublicTeam(slug: string) {
  return db.team.findUnique({ where: { slug }, select: publisherSelect });
}

const published = { publishedAt: { not: null }, status: 'APPROVED', archivedAt: null } as const;

const publicClaimSelect = {
  id: true,
  text: true,
  rationale: true,
  publishedAt: true,
  firstPublishedAt: true,
  verdictLabel: { select: { name: true, position: true } },
  article: { select: { id: true, title: true, sourceUrl: true, outlet: true, author: true, publishedAt: true, reportPublishedAt: true } },
  evidence: {
    orderBy: { createdAt: 'asc' },
    select: { id: true, url: true, title: true, publisher: true, stance: true, quote: true, archiveUrl: true },
  },
  corrections: { orderBy: { createdAt: 'desc' }, select: { id: true, createdAt: true, previousVerdict: true, previousRationale: true, newVerdict: true, note: true } },
} as const;

export async function getPublishedClaim(teamSlug: string, claimId: string) {
  const team = await findPublicTeam(teamSlug);
  if (!team) return null;
  const claim = await db.claim.findFirst({ where: { id: claimId, teamId: team.id, ...published }, select: publicClaimSelect });
  if (!claim) return null;
  const scale = await db.verdictLabel.findMany({ where: { teamId: team.id }, select: { position: true } });
  return { team, claim, scalePositions: scale.map((l) => l.position) };
}

export async function getPublishedReport(teamSlug: string, articleId: string) {
  const team = await findPublicTeam(teamSlug);
  if (!team) return null;
  const article = await db.article.findFirst({
    where: { id: articleId, teamId: team.id, reportPublishedAt: { not: null } },
    select: {
      id: true,
      title: true,
      sourceUrl: true,
      outlet: true,
      author: true,
      publishedAt: true,
      reportPublishedAt: true,
      claims: { where: published, orderBy: { position: 'asc' }, select: { id: true, text: true, verdictLabel: { select: { name: true } }, corrections: { select: { id: true } } } },
    },
  });
  return article ? { team, article } : null;
}

/** Corrections to the team's fact-checks that are public now, newest first. */
export async function listPublicCorrections(teamSlug: string) {
  const team = await findPublicTeam(teamSlug);
  if (!team) return null;
  const corrections = await db.correction.findMany({
    where: { teamId: team.id, claim: published },
    orderBy: { createdAt: 'desc' },
    take: 500,
    select: { id: true, createdAt: true, previousVerdict: true, newVerdict: true, note: true, claim: { select: { id: true, text: true } } },
  });
  return { team, corrections };
}
