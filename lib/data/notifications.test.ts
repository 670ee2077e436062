import { afterAll, describe, expect, it } from 'vitest';
import { createArticle, createTeam, createUser, uniqueSuffix } from '@/lib/testing/factories';
import { hasDatabase, testPrisma } from '@/lib/testing/database';

/** Overdue notices against a real database: made once per claim even when requests race. */
describe.skipIf(!hasDatabase)('overdue notifications', async () => {
  const prisma = hasDatabase ? testPrisma() : (undefined as never);
  const { listNotifications, unreadNotificationCount } = await import('@/lib/data/notifications');
  afterAll(() => prisma.$disconnect());

  it('the bell and the page loading together make one notice per overdue claim', async () => {
    const suffix = uniqueSuffix();
    const team = await createTeam(prisma, { name: `Late ${suffix}`, slug: `late-${suffix}` });
    const editor = await createUser(prisma, { teamId: team.id, email: `ed.${suffix}@example.test`, name: 'Ed', role: 'editor' });
    const checker = await createUser(prisma, { teamId: team.id, email: `ch.${suffix}@example.test`, name: 'Cy', role: 'checker' });
    const article = await createArticle(prisma, { teamId: team.id, actorId: editor.id, text: 'Late Title\n\nOne rose 4%. Two fell 3%.' });
    const claims = await prisma.claim.findMany({ where: { articleId: article.id }, orderBy: { position: 'asc' } });
    await prisma.claim.updateMany({
      where: { id: { in: claims.map((c) => c.id) } },
      data: { status: 'ASSIGNED', assigneeId: checker.id, dueAt: new Date('2021-03-01') },
    });
    const user = { ...checker, teamName: team.name };

    const counts = await Promise.all(Array.from({ length: 6 }, (_, i) => (i % 2 ? unreadNotificationCount(user) : listNotifications(user).then((l) => l.length))));
    expect(counts.every((n) => n === 2)).toBe(true);
    expect(await prisma.notification.count({ where: { userId: checker.id, type: 'OVERDUE' } })).toBe(2);
    // Looking again adds nothing.
    expect(await listNotifications(user)).toHaveLength(2);
  });
});
