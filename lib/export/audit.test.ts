import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SessionUser } from '@/lib/auth/session';
import { createArticle, createMember, createTeam, uniqueSuffix } from '@/lib/testing/factories';
import { hasDatabase, testPrisma } from '@/lib/testing/database';
import { EXPORT_BATCH } from '@/lib/export/claims';

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock('@/lib/auth/session', () => ({ currentUser: async () => session.user }));

/** GET /api/export/audit against a real database: admins only, team-scoped, names not emails, keyset batches. */
describe.skipIf(!hasDatabase)('audit log export route (database)', async () => {
  const prisma = hasDatabase ? testPrisma() : (undefined as never);
  const route = await import('@/app/api/export/audit/route');
  const { db } = await import('@/lib/db');
  let admin: SessionUser;
  let editor: SessionUser;
  let outsider: SessionUser;
  let articleId = '';
  // More than two batches, and many events at the same instant: the keyset must break ties by id.
  const BULK = EXPORT_BATCH * 2 + 50;

  const exportAudit = (format = 'csv') => route.GET(new Request(`http://desk.test/api/export/audit?format=${format}`));

  beforeAll(async () => {
    const suffix = uniqueSuffix();
    const team = await createTeam(prisma, { name: `Audit ${suffix}`, slug: `audit-${suffix}` });
    const other = await createTeam(prisma, { name: `Elsewhere ${suffix}`, slug: `audit-elsewhere-${suffix}` });
    admin = await createMember(prisma, team, 'Avery', 'admin');
    editor = await createMember(prisma, team, '=Eve', 'editor');
    outsider = await createMember(prisma, other, 'Oscar', 'admin');
    articleId = (await createArticle(prisma, { teamId: team.id, actorId: editor.id, text: 'Audit Title\n\nThe budget rose 4%. Taxes fell.' })).id;
    const instant = new Date('2026-07-01T12:00:00.000Z');
    await prisma.auditEvent.createMany({
      data: Array.from({ length: BULK }, (_, i) => ({
        teamId: team.id,
        actorId: admin.id,
        type: 'claim.notes_updated',
        data: { n: i },
        createdAt: i < 1500 ? instant : new Date(instant.getTime() + i),
      })),
    });
    await createArticle(prisma, { teamId: other.id, actorId: outsider.id, text: 'Other Title\n\nTheir claim rose 9%.' });
  }, 60_000);
  afterAll(async () => {
    await prisma.$disconnect();
    await db.$disconnect();
  });

  it('answers 401 signed out, 403 to anyone but an admin, 422 for an unknown format', async () => {
    session.user = null;
    expect((await exportAudit()).status).toBe(401);
    session.user = editor;
    const refused = await exportAudit();
    expect(refused.status).toBe(403);
    expect(await refused.json()).toEqual({ error: 'Only admins export the audit log.' });
    session.user = admin;
    expect((await exportAudit('xlsx')).status).toBe(422);
  });

  it("streams the team's events as CSV, oldest first, with names not emails and the formula guard", async () => {
    session.user = admin;
    const response = await exportAudit();
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('Content-Disposition')).toMatch(/^attachment; filename="audit-log-audit-[0-9a-f]+-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(response.headers.get('X-Total-Count')).toBe(String(BULK + 1));
    const lines = (await response.text()).split('\r\n');
    expect(lines[0]).toBe('Event ID,Time,Event,Actor,What happened,Article ID,Claim ID,Data (JSON)');
    expect(lines[1]).toMatch(/^\w+,2026-07-01T12:00:00\.000Z,claim\.notes_updated,Avery,updated the research notes,,,"{""n"":\d+}"$/);
    // The import happened today, after the dated events; the actor whose name starts with "=" stays text.
    expect(lines[BULK + 1]).toMatch(
      new RegExp(
        `^\\w+,\\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z,article.imported,'=Eve,imported the article “Audit Title” \\(2 claims\\),${articleId},,"{""title"":""Audit Title"",""claims"":2}"$`,
      ),
    );
    expect(lines).toHaveLength(BULK + 3);
    expect(lines.join('\n')).not.toMatch(/@example\.test|Other Title|Oscar/);
  });

  it('streams thousands of events in keyset batches as one JSON array, each once and in order', async () => {
    session.user = admin;
    const response = await exportAudit('json');
    let chunks = 0;
    let text = '';
    const decoder = new TextDecoder();
    const reader = response.body!.getReader();
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      chunks++;
      text += decoder.decode(chunk.value, { stream: true });
    }
    expect(chunks).toBeGreaterThanOrEqual(3);
    const rows = JSON.parse(text) as { eventId: string; time: string; type: string; actor: string; data: string }[];
    expect(rows).toHaveLength(BULK + 1);
    expect(new Set(rows.map((r) => r.eventId)).size).toBe(BULK + 1);
    const bulk = rows.filter((r) => r.type === 'claim.notes_updated');
    expect(bulk.map((r) => JSON.parse(r.data).n).sort((a, b) => a - b)).toEqual(Array.from({ length: BULK }, (_, i) => i));
    const keys = rows.map((r) => `${r.time} ${r.eventId}`);
    expect(keys).toEqual([...keys].sort());
    expect(bulk[0]).toMatchObject({ actor: 'Avery', time: '2026-07-01T12:00:00.000Z' });
  });

  it('gives another team only its own events', async () => {
    session.user = outsider;
    const rows = (await (await exportAudit('json')).json()) as { type: string; data: string }[];
    expect(rows).toEqual([expect.objectContaining({ type: 'article.imported', data: JSON.stringify({ title: 'Other Title', claims: 1 }) })]);
  });
});
