/**
 * The desk `npm run bench:load` works on: one team with an editor, `articles` articles of
 * `claimsPerArticle` claims imported the way the app imports them, and `checkers` checkers,
 * each with `assignedPerChecker` claims assigned (spread over the articles, with due dates from
 * overdue to a fortnight ahead, an audit event and a notification each, as an editor's
 * assignment leaves them) and a write-scoped API token.
 */
import { createApiToken } from '@/lib/api/tokens';
import { hashPassword } from '@/lib/auth/password';
import { newIds } from '@/lib/db/ids';
import type { PrismaClient } from '@/lib/db/client';
import { createArticle, createTeam, createUser, DEMO_PASSWORD } from '@/lib/testing/factories';
import { generateArticle } from './bench-article';

export type LoadClaim = { id: string; articleId: string; text: string };

export type LoadChecker = { id: string; email: string; token: string; claims: LoadClaim[] };

export type LoadDesk = {
  teamId: string;
  editorId: string;
  articleIds: string[];
  checkers: LoadChecker[];
  verdictLabelIds: string[];
  claimCount: number;
};

export type LoadDeskOptions = { articles: number; claimsPerArticle: number; checkers: number; assignedPerChecker: number };

const DAY = 24 * 3600_000;

export async function createLoadDesk(prisma: PrismaClient, opts: LoadDeskOptions, log: (m: string) => void): Promise<LoadDesk> {
  const team = await createTeam(prisma, { name: 'Load desk', slug: 'load-desk' });
  const editor = await createUser(prisma, { teamId: team.id, email: 'editor@load.example', name: 'Erin Editor', role: 'editor' });

  const articleIds: string[] = [];
  for (let a = 0; a < opts.articles; a++) {
    // A different seed per article, so that the articles (and their search hits) differ.
    const article = await createArticle(prisma, { teamId: team.id, actorId: editor.id, text: generateArticle(opts.claimsPerArticle, 1000 + a) });
    articleIds.push(article.id);
  }
  const claims = await prisma.claim.findMany({
    where: { teamId: team.id, archivedAt: null },
    orderBy: [{ articleId: 'asc' }, { position: 'asc' }],
    select: { id: true, articleId: true, text: true },
  });
  log(`imported ${opts.articles} articles, ${claims.length} claims`);

  // One hash for all: the same password, and 50 argon2 hashes would only slow the setup down.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const userIds = newIds(opts.checkers);
  await prisma.user.createMany({
    data: userIds.map((id, i) => ({
      id,
      teamId: team.id,
      email: `checker${i + 1}@load.example`,
      name: `Checker ${i + 1}`,
      role: 'checker' as const,
      passwordHash,
    })),
  });

  const wanted = opts.checkers * opts.assignedPerChecker;
  if (wanted > claims.length)
    throw new Error(`${opts.checkers} checkers × ${opts.assignedPerChecker} claims need ${wanted} claims; the desk has ${claims.length}`);
  const checkers: LoadChecker[] = [];
  const now = Date.now();
  for (let c = 0; c < opts.checkers; c++) {
    // Round robin over the claims in article order: every checker has claims in many articles.
    const mine = claims.filter((_, k) => k < wanted && k % opts.checkers === c);
    const dueAt = (k: number) => new Date(now + ((k % 17) - 2) * DAY);
    const byDue = new Map<number, string[]>();
    for (const [k, claim] of mine.entries()) byDue.set(k % 17, [...(byDue.get(k % 17) ?? []), claim.id]);
    for (const [k, ids] of byDue) {
      await prisma.claim.updateMany({
        where: { id: { in: ids } },
        data: { assigneeId: userIds[c], status: 'ASSIGNED', dueAt: dueAt(k), version: { increment: 1 } },
      });
    }
    await prisma.auditEvent.createMany({
      data: mine.map((claim, k) => ({
        teamId: team.id,
        actorId: editor.id,
        type: 'claim.assigned',
        claimId: claim.id,
        articleId: claim.articleId,
        data: { assignee: `Checker ${c + 1}`, dueAt: dueAt(k).toISOString() },
      })),
    });
    await prisma.notification.createMany({
      data: mine.map((claim) => ({
        teamId: team.id,
        userId: userIds[c],
        type: 'ASSIGNED' as const,
        claimId: claim.id,
        message: `Erin Editor assigned you “${claim.text.slice(0, 80)}”`,
      })),
    });
    const { token } = await createApiToken(prisma, { userId: userIds[c], teamId: team.id, name: 'load bench', scope: 'write' });
    // Soonest due first, as My claims lists them: the checker works through them in that order.
    const ordered = mine
      .map((claim, k) => ({ claim, due: dueAt(k).getTime() }))
      .sort((x, y) => x.due - y.due)
      .map((x) => x.claim);
    checkers.push({ id: userIds[c], email: `checker${c + 1}@load.example`, token, claims: ordered });
  }
  // As after any bulk load: planner statistics for the new rows (PostgreSQL's autovacuum may be off, and would be a minute late).
  await prisma.$executeRaw`ANALYZE`;
  const labels = await prisma.verdictLabel.findMany({ where: { teamId: team.id, retiredAt: null }, orderBy: { position: 'asc' }, select: { id: true } });
  log(`${opts.checkers} checkers with ${opts.assignedPerChecker} claims and an API token each`);
  return { teamId: team.id, editorId: editor.id, articleIds, checkers, verdictLabelIds: labels.map((l) => l.id), claimCount: claims.length };
}
