import { afterAll, describe, expect, it } from 'vitest';
import { createArticle, createMember, createTeam, uniqueSuffix } from '@/lib/testing/factories';
import { hasDatabase, testPrisma } from '@/lib/testing/database';
import { recordOverdueNotices } from '@/lib/jobs/overdue-sweep';

/** The overdue sweep against a real database: one notice per overdue claim, however often and however many sweep. */
describe.skipIf(!hasDatabase)('overdue sweep', async () => {
  const prisma = hasDatabase ? testPrisma() : (undefined as never);
  const { listNotifications, unreadNotificationCount } = await import('@/lib/data/notifications');
  const { db } = await import('@/lib/db');
  afterAll(async () => {
    await prisma.$disconnect();
    await db.$disconnect();
  });

  async function desk(sentences: number) {
    const suffix = uniqueSuffix();
    const team = await createTeam(prisma, { name: `Late ${suffix}`, slug: `late-${suffix}` });
    const editor = await createMember(prisma, team, 'Ed', 'editor');
    const checker = await createMember(prisma, team, 'Cy', 'checker');
    const text = `Late Title\n\n${Array.from({ length: sentences }, (_, i) => `Figure ${i + 1} rose ${i + 1}%.`).join(' ')}`;
    const article = await createArticle(prisma, { teamId: team.id, actorId: editor.id, text });
    const claims = await prisma.claim.findMany({ where: { articleId: article.id }, orderBy: { position: 'asc' } });
    const sweep = (client: Parameters<typeof recordOverdueNotices>[0] = prisma) => recordOverdueNotices(client, { teamIds: [team.id] });
    return { team, editor, checker, claims, sweep };
  }
  const overdueFor = (userId: string) => prisma.notification.findMany({ where: { userId, type: 'OVERDUE' }, orderBy: { message: 'asc' } });

  it('records one notice for a claim that became overdue, however many times it runs', async () => {
    const { checker, claims, sweep } = await desk(1);
    await prisma.claim.update({ where: { id: claims[0].id }, data: { status: 'ASSIGNED', assigneeId: checker.id, dueAt: new Date('2021-03-01') } });
    expect(await unreadNotificationCount(checker)).toBe(0);

    expect(await sweep()).toBe(1);
    expect(await sweep()).toBe(0);
    const notices = await overdueFor(checker.id);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ claimId: claims[0].id, message: 'Overdue: “Figure 1 rose 1%.”', readAt: null });
    expect(await unreadNotificationCount(checker)).toBe(1);
    expect((await listNotifications(checker)).map((n) => n.message)).toEqual(['Overdue: “Figure 1 rose 1%.”']);
  });

  it('leaves alone claims not yet due, in review, set aside, archived or unassigned, and tells a new assignee', async () => {
    const { editor, checker, claims, sweep } = await desk(6);
    const late = new Date(Date.now() - 60_000);
    const set = (i: number, data: object) => prisma.claim.update({ where: { id: claims[i].id }, data: { assigneeId: checker.id, dueAt: late, ...data } });
    await set(0, { status: 'IN_RESEARCH' });
    await set(1, { status: 'RETURNED' });
    await set(2, { status: 'ASSIGNED', dueAt: new Date(Date.now() + 3_600_000) });
    await set(3, { status: 'IN_REVIEW' });
    await set(4, { status: 'ASSIGNED', archivedAt: new Date() });
    await set(5, { status: 'UNASSIGNED', assigneeId: null });

    await sweep();
    expect((await overdueFor(checker.id)).map((n) => n.claimId).sort()).toEqual([claims[0].id, claims[1].id].sort());

    await prisma.claim.update({ where: { id: claims[0].id }, data: { assigneeId: editor.id } });
    await sweep();
    expect((await overdueFor(editor.id)).map((n) => n.claimId)).toEqual([claims[0].id]);
    expect(await overdueFor(checker.id)).toHaveLength(2);
  });

  // PostgreSQL only: the embedded database is one session and serves one app instance.
  it.skipIf(process.env.CLAIMDESK_EMBEDDED === '1')('a sweep on another instance while one is still committing waits for it, then adds nothing', async () => {
    const { checker, claims, sweep } = await desk(3);
    await prisma.claim.updateMany({
      where: { id: { in: claims.map((c) => c.id) } },
      data: { status: 'ASSIGNED', assigneeId: checker.id, dueAt: new Date('2021-03-01') },
    });
    const other = testPrisma();
    try {
      let second: Promise<number> | undefined;
      await prisma.$transaction(async (tx) => {
        expect(await sweep(tx)).toBe(claims.length);
        // The other instance does not see these rows yet: it tries the same ids and waits on them.
        second = sweep(other);
        await expect
          .poll(async () => {
            const [{ waiting }] = await db.$queryRaw<{ waiting: number }[]>`
              SELECT count(*)::int AS "waiting" FROM pg_stat_activity
              WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%INSERT INTO "Notification"%'`;
            return waiting;
          })
          .toBeGreaterThan(0);
      });
      expect(await second).toBe(0);
    } finally {
      await other.$disconnect();
    }
    expect(await overdueFor(checker.id)).toHaveLength(claims.length);
  });
});
