import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '@/lib/auth/session';
import { createArticle, createMember, createTeam, uniqueSuffix } from '@/lib/testing/factories';
import { hasDatabase, testPrisma } from '@/lib/testing/database';

/** The dashboard's counts against a real database: grouped queries, the per-day SQL, team scoping. */
describe.skipIf(!hasDatabase)('editor dashboard data', async () => {
  const prisma = hasDatabase ? testPrisma() : (undefined as never);
  const { getDashboard } = await import('@/lib/data/dashboard');
  const now = new Date('2026-06-15T12:00:00Z');
  let editor: SessionUser;
  let checker: SessionUser;
  let outsider: SessionUser;
  let articleId = '';

  beforeAll(async () => {
    const suffix = uniqueSuffix();
    const team = await createTeam(prisma, { name: `Dash ${suffix}`, slug: `dash-${suffix}` });
    const other = await createTeam(prisma, { name: `Other ${suffix}`, slug: `other-${suffix}` });
    editor = await createMember(prisma, team, 'Editor', 'editor');
    checker = await createMember(prisma, team, 'Checker', 'checker');
    outsider = await createMember(prisma, other, 'Outsider', 'editor');
    const article = await createArticle(prisma, {
      teamId: team.id,
      actorId: editor.id,
      text: 'Dashboard Title\n\nOne rose 4%. Two fell. Three held. Four grew. Five shrank. Six stayed.',
    });
    articleId = article.id;
    const claims = await prisma.claim.findMany({ where: { articleId }, orderBy: { position: 'asc' } });
    const label = await prisma.verdictLabel.findFirstOrThrow({ where: { teamId: team.id, name: 'False' } });
    const set = (i: number, data: object) => prisma.claim.update({ where: { id: claims[i].id }, data });
    await set(0, { status: 'ASSIGNED', assigneeId: checker.id, dueAt: new Date('2026-06-10') });
    await set(1, { status: 'IN_RESEARCH', assigneeId: checker.id, dueAt: new Date('2026-06-16') });
    await set(2, { status: 'IN_REVIEW', assigneeId: checker.id, dueAt: new Date('2026-06-01') });
    for (const [i, day] of [
      [3, '2026-06-14'],
      [4, '2026-06-14'],
      [5, '2026-05-01'],
    ] as const) {
      await set(i, { status: 'APPROVED', assigneeId: checker.id, verdictLabelId: label.id });
      await prisma.auditEvent.create({
        data: { teamId: team.id, actorId: editor.id, claimId: claims[i].id, articleId, type: 'review.approved', createdAt: new Date(`${day}T09:00:00Z`) },
      });
    }
    // Archived claims count nowhere.
    await set(5, { archivedAt: new Date() });
  });
  afterAll(() => prisma.$disconnect());

  it('counts progress, verdicts, workload, deadlines and approvals of active claims', async () => {
    const data = await getDashboard(editor, {}, now);
    expect(data.progress.articles.map((a) => a.id)).toEqual([articleId]);
    expect(data.progress.articles[0].counts).toMatchObject({ UNASSIGNED: 0, ASSIGNED: 1, IN_RESEARCH: 1, IN_REVIEW: 1, APPROVED: 2 });
    expect(data.verdicts.total).toBe(2);
    expect(data.verdicts.rows.find((r) => r.name === 'False')?.count).toBe(2);
    expect(data.verdicts.rows.map((r) => r.name).slice(0, 2)).toEqual(['True', 'Mostly true']);
    expect(data.workload.find((m) => m.id === checker.id)).toMatchObject({ ASSIGNED: 1, IN_RESEARCH: 1, IN_REVIEW: 1, RETURNED: 0, overdue: 1 });
    expect(data.due).toMatchObject({ total: 2, overdue: 1, soon: 1 });
    expect(data.approvals.days).toHaveLength(30);
    expect(data.approvals.days.find((d) => d.day === '2026-06-14')?.count).toBe(2);
    expect(data.approvals.total).toBe(2);
  });

  it('narrows every panel by member and dates', async () => {
    const forEditor = await getDashboard(editor, { assignee: editor.id }, now);
    expect(forEditor.progress.articles).toEqual([]);
    expect(forEditor.verdicts.total).toBe(0);
    expect(forEditor.workload.map((m) => m.id)).toEqual([editor.id]);
    const june13 = await getDashboard(editor, { from: '2026-06-13', to: '2026-06-13' }, now);
    expect(june13.approvals.days).toEqual([{ day: '2026-06-13', count: 0 }]);
    expect(june13.verdicts.total).toBe(0);
    expect(june13.progress.articles).toEqual([]);
    expect(forEditor.approvals.total).toBe(0);
    const byCheckerAndArticle = await getDashboard(editor, { assignee: checker.id, article: articleId }, now);
    expect(byCheckerAndArticle.approvals.days.find((d) => d.day === '2026-06-14')?.count).toBe(2);
    // The archived claim was approved on 1 May: it counts on no day.
    const may1 = await getDashboard(editor, { from: '2026-05-01', to: '2026-05-01' }, now);
    expect(may1.approvals.days).toEqual([{ day: '2026-05-01', count: 0 }]);
  });

  it('ignores filter ids of another team and shows another team nothing', async () => {
    const theirs = await getDashboard(outsider, { article: articleId, assignee: checker.id }, now);
    expect(theirs.filters.article).toBeNull();
    expect(theirs.filters.assignee).toBeNull();
    expect(theirs.progress.total).toBe(0);
    expect(theirs.approvals.total).toBe(0);
    expect(theirs.due.total).toBe(0);
    expect(theirs.workload.map((m) => m.id)).toEqual([outsider.id]);
  });

  it('refuses a checker', async () => {
    await expect(getDashboard(checker, {}, now)).rejects.toThrow(/dashboard.view/);
  });
});
