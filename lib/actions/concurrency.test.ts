import { AsyncLocalStorage } from 'node:async_hooks';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { SessionUser } from '@/lib/auth/session';
import { initialFormState, type FormState } from '@/lib/actions/form-state';
import { createArticle, createTeam, createUser, uniqueSuffix } from '@/lib/testing/factories';
import { hasDatabase, testPrisma } from '@/lib/testing/database';

/**
 * No lost updates, under real concurrency: many saves fired at one claim at once, through the
 * same server actions the desk uses, against the real database. Each save sends the version it
 * read; the database accepts a save only at that version.
 */
const session = new AsyncLocalStorage<SessionUser>();
vi.mock('@/lib/auth/session', () => ({ currentUser: async () => session.getStore() ?? null }));
vi.mock('next/cache', () => ({ revalidatePath: () => {} }));

describe.skipIf(!hasDatabase)('concurrent updates of one claim', async () => {
  const prisma = hasDatabase ? testPrisma() : (undefined as never);
  const { saveNotes, takeClaim } = await import('@/lib/actions/claims');
  afterAll(() => prisma.$disconnect());

  async function desk(checkers: number) {
    const suffix = uniqueSuffix();
    const team = await createTeam(prisma, { name: `Race ${suffix}`, slug: `race-${suffix}` });
    const editor = await createUser(prisma, { teamId: team.id, email: `ed.${suffix}@example.test`, name: 'Editor', role: 'editor' });
    const members: SessionUser[] = [];
    for (let i = 0; i < checkers; i++) {
      const u = await createUser(prisma, {
        teamId: team.id,
        email: `c${i}.${suffix}@example.test`,
        name: `Checker ${i}`,
        role: 'checker',
        password: 'x'.repeat(12),
      });
      members.push({ ...u, teamName: team.name });
    }
    const article = await createArticle(prisma, { teamId: team.id, actorId: editor.id, text: 'Race\n\nOne rose 4%. Two fell 3%. Three held at 2%.' });
    const claims = await prisma.claim.findMany({ where: { articleId: article.id }, orderBy: { position: 'asc' } });
    return { team, editor: { ...editor, teamName: team.name }, members, article, claims };
  }

  const form = (values: Record<string, string>) => {
    const fd = new FormData();
    for (const [k, v] of Object.entries(values)) fd.set(k, v);
    return fd;
  };

  async function statusCounts(articleId: string) {
    const rows = await prisma.claim.groupBy({ by: ['status'], where: { articleId, archivedAt: null }, _count: { _all: true } });
    return rows.reduce((sum, r) => sum + r._count._all, 0);
  }

  it('50 concurrent note saves: each is accepted in history or refused with a conflict, and the last accepted one stands', async () => {
    const { editor, article, claims } = await desk(0);
    await prisma.claim.update({ where: { id: claims[0].id }, data: { status: 'IN_RESEARCH', assigneeId: editor.id } });
    const before = await statusCounts(article.id);

    const attempts = await Promise.all(
      Array.from({ length: 50 }, async (_, i) => {
        // Each "person" reads the claim, then saves: their save is based on what they read.
        const { version } = await prisma.claim.findUniqueOrThrow({ where: { id: claims[0].id }, select: { version: true } });
        const notes = `Change ${i}: called source ${i}.`;
        const state: FormState = await session.run(editor, () => saveNotes(initialFormState, form({ claimId: claims[0].id, version: String(version), notes })));
        return { i, version, notes, state };
      }),
    );

    const accepted = attempts.filter((a) => a.state.ok);
    const refused = attempts.filter((a) => !a.state.ok);
    expect(accepted.length).toBeGreaterThanOrEqual(1);
    expect(accepted.length + refused.length).toBe(50);
    for (const r of refused) {
      expect(r.state.status).toBe(409);
      expect(r.state.conflict?.theirs.find((t) => t.field === 'notes')).toBeTruthy();
      expect(r.state.values.notes).toBe(r.notes); // nothing typed is lost
    }
    // Accepted saves took distinct versions: no two were based on the same read.
    expect(new Set(accepted.map((a) => a.version)).size).toBe(accepted.length);

    const history = await prisma.auditEvent.findMany({ where: { claimId: claims[0].id, type: 'claim.notes_updated' } });
    expect(history.map((h) => (h.data as { version: number }).version).sort((a, b) => a - b)).toEqual(accepted.map((a) => a.version + 1).sort((a, b) => a - b));

    const final = await prisma.claim.findUniqueOrThrow({ where: { id: claims[0].id } });
    const last = accepted.reduce((a, b) => (b.version > a.version ? b : a));
    expect(final.notes).toBe(last.notes);
    expect(final.version).toBe(last.version + 1);
    expect(await statusCounts(article.id)).toBe(before);
  });

  it('ten checkers taking one claim at once: one gets it, nine get a conflict, counts stay whole', async () => {
    const { members, article, claims } = await desk(10);
    const before = await statusCounts(article.id);
    const { version } = claims[1];
    const results = await Promise.all(
      members.map((m) => session.run(m, () => takeClaim(initialFormState, form({ claimId: claims[1].id, version: String(version) })))),
    );
    const winners = results.flatMap((r, i) => (r.ok ? [members[i]] : []));
    expect(winners).toHaveLength(1);
    expect(results.filter((r) => !r.ok).every((r) => r.status === 409)).toBe(true);
    const final = await prisma.claim.findUniqueOrThrow({ where: { id: claims[1].id } });
    expect(final).toMatchObject({ status: 'ASSIGNED', assigneeId: winners[0].id, version: version + 1 });
    expect(await prisma.auditEvent.count({ where: { claimId: claims[1].id, type: 'claim.taken' } })).toBe(1);
    expect(await statusCounts(article.id)).toBe(before);
    const counts = await prisma.claim.groupBy({ by: ['status'], where: { articleId: article.id }, _count: { _all: true } });
    expect(Object.fromEntries(counts.map((c) => [c.status, c._count._all]))).toEqual({ UNASSIGNED: before - 1, ASSIGNED: 1 });
  });
});
