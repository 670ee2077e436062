import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createArticle, createTeam, createUser, uniqueSuffix } from '@/lib/testing/factories';
import { hasDatabase, testPrisma } from '@/lib/testing/database';
import { recordAudit } from '@/lib/audit/record';
import { auditEvent } from '@/lib/domain/audit-events';

/** The audit log is append-only in the database itself (migration …_append_only_audit), whatever the client. */
describe.skipIf(!hasDatabase)('AuditEvent is append-only (database)', () => {
  const prisma = hasDatabase ? testPrisma() : (undefined as never);
  let teamId = '';
  let actorId = '';
  let eventId = '';

  /** Runs SQL on a connection of its own inside a transaction that is always rolled back, so a missing trigger could not lose rows. */
  async function refusedSql(sql: string): Promise<string> {
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    try {
      await client.query('BEGIN');
      await client.query(sql);
      return 'accepted';
    } catch (err) {
      return (err as Error).message;
    } finally {
      await client.query('ROLLBACK').catch(() => {});
      await client.end();
    }
  }

  beforeAll(async () => {
    const suffix = uniqueSuffix();
    const team = await createTeam(prisma, { name: `Append ${suffix}`, slug: `append-${suffix}` });
    teamId = team.id;
    actorId = (await createUser(prisma, { teamId, email: `append.${suffix}@example.test`, name: 'Append Editor', role: 'editor' })).id;
    await createArticle(prisma, { teamId, actorId, text: 'Append Title\n\nThe budget rose 4%.' });
    eventId = (await prisma.$transaction((tx) => recordAudit(tx, { teamId, actorId, event: auditEvent('scale.changed', { change: 'seven labels' }) }))).id;
  });
  afterAll(() => prisma.$disconnect());

  it('accepts new events, through the app and through plain SQL', async () => {
    await prisma.$executeRaw`INSERT INTO "AuditEvent" (id, "teamId", "actorId", type, data) VALUES (${`raw-${uniqueSuffix()}`}, ${teamId}, ${actorId}, 'claim.taken', '{}')`;
    const events = await prisma.auditEvent.findMany({ where: { teamId }, orderBy: { createdAt: 'asc' }, select: { type: true } });
    expect(events.map((e) => e.type)).toEqual(['article.imported', 'scale.changed', 'claim.taken']);
  });

  it.each([
    ['UPDATE', () => `UPDATE "AuditEvent" SET type = 'forged' WHERE id = '${eventId}'`],
    ['DELETE', () => `DELETE FROM "AuditEvent" WHERE id = '${eventId}'`],
    ['TRUNCATE', () => 'TRUNCATE "AuditEvent"'],
  ])('refuses %s in SQL', async (op, sql) => {
    expect(await refusedSql(sql())).toBe(`AuditEvent is append-only: ${op} refused`);
  });

  it('refuses changes through Prisma too, and the event is as it was written', async () => {
    await expect(prisma.auditEvent.update({ where: { id: eventId }, data: { type: 'forged' } })).rejects.toThrow(/append-only: UPDATE refused/);
    await expect(prisma.auditEvent.deleteMany({ where: { teamId } })).rejects.toThrow(/append-only: DELETE refused/);
    // Cascades too: removing the article would remove its events, so the database refuses it.
    await expect(prisma.article.deleteMany({ where: { teamId } })).rejects.toThrow(/append-only: DELETE refused/);
    expect(await prisma.auditEvent.findUniqueOrThrow({ where: { id: eventId } })).toMatchObject({
      type: 'scale.changed',
      actorId,
      data: { change: 'seven labels' },
    });
    expect(await prisma.auditEvent.count({ where: { teamId } })).toBe(3);
  });
});
