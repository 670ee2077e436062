import 'server-only';
import { headers } from 'next/headers';
import { db } from '@/lib/db';
import { env } from '@/lib/env';

/**
 * Reads for the public pages: only what an editor published, by the team's slug. Nothing
 * here selects notes, emails, assignees or anything unpublished; an unpublished claim or a
 * report not made public is simply not found (a 404 to the public).
 */

/** Where the public pages are: the configured address, or the one the request came to (a page's, or an API call's). */
export async function publicBaseUrl(request?: Request): Promise<string> {
  if (env.CLAIMDESK_PUBLIC_URL) return env.CLAIMDESK_PUBLIC_URL.replace(/\/$/, '');
  const h = request?.headers ?? (await headers());
  const host = h.get('x-forwarded-host') ?? h.get('host') ?? 'localhost';
  const proto = h.get('x-forwarded-proto') ?? (host.startsWith('localhost') || host.startsWith('127.') ? 'http' : 'https');
  return `${proto}://${host}`;
}

const publisherSelect = { id: true, name: true, slug: true, orgName: true, orgUrl: true, orgLogoUrl: true } as const;

function findPublicTeam(slug: string) {
  return db.team.findUnique({ where: { slug }, select: publisherSelect });
}

// Published is published: a fact-check kept after its sentence left the source is archived on the desk but stays public.
const published = { publishedAt: { not: null }, status: 'APPROVED' } as const;
/** Only corrections another editor approved are public; proposals and rejections never are. */
const approvedCorrection = { status: 'APPROVED' } as const;

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
  corrections: {
    where: approvedCorrection,
    orderBy: { decidedAt: 'desc' },
    select: { id: true, decidedAt: true, createdAt: true, kind: true, previousVerdict: true, previousRationale: true, newVerdict: true, note: true },
  },
} as const;

export async function getPublishedClaim(teamSlug: string, claimId: string) {
  const team = await findPublicTeam(teamSlug);
  if (!team) return null;
  const found = await db.claim.findFirst({ where: { id: claimId, teamId: team.id, ...published }, select: publicClaimSelect });
  if (!found) return null;
  const claim = { ...found, corrections: found.corrections.map(({ decidedAt, createdAt, ...c }) => ({ ...c, date: decidedAt ?? createdAt })) };
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
      claims: {
        where: published,
        orderBy: { position: 'asc' },
        select: { id: true, text: true, verdictLabel: { select: { name: true } }, corrections: { where: approvedCorrection, select: { id: true } } },
      },
    },
  });
  return article ? { team, article } : null;
}

/**
 * Approved corrections of the team's fact-checks, newest first: those of fact-checks public now,
 * and every unpublishing, so that a fact-check taken down says when and why.
 */
export async function listPublicCorrections(teamSlug: string) {
  const team = await findPublicTeam(teamSlug);
  if (!team) return null;
  const rows = await db.correction.findMany({
    where: { teamId: team.id, ...approvedCorrection, OR: [{ claim: published }, { kind: { in: ['UNPUBLISH', 'REOPEN'] } }] },
    orderBy: { decidedAt: 'desc' },
    take: 500,
    select: {
      id: true,
      kind: true,
      decidedAt: true,
      createdAt: true,
      previousVerdict: true,
      newVerdict: true,
      note: true,
      claim: { select: { id: true, text: true, publishedAt: true } },
    },
  });
  const corrections = rows.map(({ decidedAt, createdAt, ...c }) => ({ ...c, date: decidedAt ?? createdAt, public: c.claim.publishedAt !== null }));
  return { team, corrections };
}
