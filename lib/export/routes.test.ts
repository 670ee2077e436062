import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SessionUser } from '@/lib/auth/session';
import { createArticle, createMember, createTeam, uniqueSuffix } from '@/lib/testing/factories';
import { hasDatabase, testPrisma } from '@/lib/testing/database';
import { EXPORT_BATCH } from '@/lib/export/claims';

// The routes read the signed-in user from the session; here the test decides who that is.
const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock('@/lib/auth/session', () => ({ currentUser: async () => session.user }));

/** The export route handlers against a real database: sign-in, team scoping, streaming in batches, formats. */
describe.skipIf(!hasDatabase)('export routes (database)', async () => {
  const prisma = hasDatabase ? testPrisma() : (undefined as never);
  const claimsRoute = await import('@/app/api/export/articles/[articleId]/claims/route');
  const verdictsRoute = await import('@/app/api/export/verdicts/route');
  const teamRoute = await import('@/app/api/export/team/route');
  const { db } = await import('@/lib/db');
  let editor: SessionUser;
  let checker: SessionUser;
  let outsider: SessionUser;
  let smallId = '';
  let largeId = '';
  const LARGE = EXPORT_BATCH * 2 + 100;

  const claimsExport = (articleId: string, format = 'csv') =>
    claimsRoute.GET(new Request(`http://desk.test/api/export/articles/${articleId}/claims?format=${format}`), { params: Promise.resolve({ articleId }) });
  const verdictsExport = (format = 'csv') => verdictsRoute.GET(new Request(`http://desk.test/api/export/verdicts?format=${format}`));
  const teamExport = () => teamRoute.GET(new Request('http://desk.test/api/export/team'));

  beforeAll(async () => {
    const suffix = uniqueSuffix();
    const team = await createTeam(prisma, { name: `Export ${suffix}`, slug: `export-${suffix}` });
    const other = await createTeam(prisma, { name: `Elsewhere ${suffix}`, slug: `elsewhere-${suffix}` });
    editor = await createMember(prisma, team, 'Editor', 'editor');
    checker = await createMember(prisma, team, 'Checker', 'checker');
    outsider = await createMember(prisma, other, 'Outsider', 'admin');
    const small = await createArticle(prisma, {
      teamId: team.id,
      actorId: editor.id,
      text: 'Export Title\n\nThe budget rose 4%, officials said. Taxes fell 2%. Parks closed. Schools opened.',
    });
    smallId = small.id;
    const claims = await prisma.claim.findMany({ where: { articleId: smallId }, orderBy: { position: 'asc' } });
    const label = await prisma.verdictLabel.findFirstOrThrow({ where: { teamId: team.id, name: 'False' } });
    const verdict = { verdictLabelId: label.id, proposedById: checker.id, proposedAt: new Date('2026-06-01T10:00:00.000Z') };
    await prisma.claim.update({
      where: { id: claims[0].id },
      data: { status: 'APPROVED', ...verdict, rationale: '=HYPERLINK("http://evil.example")', assigneeId: checker.id },
    });
    await prisma.review.create({
      data: { teamId: team.id, claimId: claims[0].id, reviewerId: editor.id, decision: 'APPROVED', createdAt: new Date('2026-06-02T10:00:00.000Z') },
    });
    for (const url of ['https://a.example/1', 'https://b.example/2']) {
      await prisma.evidence.create({ data: { teamId: team.id, claimId: claims[0].id, url, title: 'Source', stance: 'REFUTES', authorId: checker.id } });
    }
    await prisma.claim.update({ where: { id: claims[1].id }, data: { status: 'IN_REVIEW', ...verdict, rationale: 'Line one\nline "two"' } });
    await prisma.claim.update({ where: { id: claims[2].id }, data: { status: 'IN_RESEARCH', ...verdict } });
    await prisma.claim.update({ where: { id: claims[3].id }, data: { archivedAt: new Date() } });
    const sentences = Array.from({ length: LARGE }, (_, i) => `Figure ${i + 1} rose by ${i + 1} percent.`).join(' ');
    largeId = (await createArticle(prisma, { teamId: team.id, actorId: editor.id, text: `Large Title\n\n${sentences}` })).id;
    await createArticle(prisma, { teamId: other.id, actorId: outsider.id, text: 'Other Title\n\nTheir claim rose 9%.' });
  }, 60_000);
  afterAll(async () => {
    await prisma.$disconnect();
    await db.$disconnect();
  });

  it('answers 401 without a session and 422 for an unknown format', async () => {
    session.user = null;
    for (const response of [await claimsExport(smallId), await verdictsExport(), await teamExport()]) {
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({ error: expect.stringMatching(/^Sign in/) });
    }
    session.user = editor;
    const unknown = await claimsExport(smallId, 'xlsx');
    expect(unknown.status).toBe(422);
    expect(await unknown.json()).toEqual({
      error: 'Not valid. Choose format=csv or format=json.',
      fieldErrors: { format: ['Choose format=csv or format=json.'] },
    });
  });

  it("answers 404 for another team's article", async () => {
    session.user = outsider;
    const response = await claimsExport(smallId);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: 'That article does not exist or is not in your team.' });
  });

  it("streams an article's active claims as CSV with a header, quoting and the formula guard, and no emails", async () => {
    session.user = checker;
    const response = await claimsExport(smallId);
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('Content-Disposition')).toMatch(/^attachment; filename="claims-export-title-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(response.headers.get('X-Total-Count')).toBe('3');
    const body = await response.text();
    expect(body.split('\r\n')[0]).toBe(
      'Claim ID,Position,Paragraph,Claim as stated,Claim as checked,Start offset,End offset,Status,Check-worthiness,Assignee,Due at,Verdict,Rationale,Proposed by,Proposed at,Approved at,Evidence count,Evidence URLs,Not check-worthy reason,Notes',
    );
    expect(body).toContain(`"The budget rose 4%, officials said.",`);
    expect(body).toContain(`,APPROVED,`);
    expect(body).toContain(
      `,Checker,,False,"'=HYPERLINK(""http://evil.example"")",Checker,2026-06-01T10:00:00.000Z,2026-06-02T10:00:00.000Z,2,"https://a.example/1\nhttps://b.example/2",,\r\n`,
    );
    expect(body).toContain(`"Line one\nline ""two"""`);
    expect(body).not.toContain('Schools opened.');
    expect(body).not.toMatch(/@example\.test/);
    expect(body.endsWith('\r\n')).toBe(true);
  });

  it('streams thousands of claims in keyset batches as one JSON array, each once and in order', async () => {
    session.user = editor;
    const response = await claimsExport(largeId, 'json');
    expect(response.headers.get('X-Total-Count')).toBe(String(LARGE));
    expect(response.headers.get('Content-Disposition')).toMatch(/filename="claims-large-title-.*\.json"/);
    let chunks = 0;
    let text = '';
    const decoder = new TextDecoder();
    const reader = response.body!.getReader();
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      chunks++;
      text += decoder.decode(chunk.value, { stream: true });
    }
    expect(chunks).toBeGreaterThanOrEqual(3);
    const rows = JSON.parse(text) as { position: number; claim: string; evidenceUrls: string[] }[];
    expect(rows).toHaveLength(LARGE);
    expect(rows.map((r) => r.position)).toEqual(Array.from({ length: LARGE }, (_, i) => i + 1));
    expect(rows[LARGE - 1]).toMatchObject({ claim: `Figure ${LARGE} rose by ${LARGE} percent.`, evidenceUrls: [] });
  });

  it("exports the team's verdicts approved or in review, and only its own", async () => {
    session.user = checker;
    const response = await verdictsExport('json');
    expect(response.headers.get('X-Total-Count')).toBe('2');
    const rows = (await response.json()) as Record<string, unknown>[];
    expect(rows.map((r) => [r.articleTitle, r.status, r.verdict, r.approvedAt])).toEqual([
      ['Export Title', 'APPROVED', 'False', '2026-06-02T10:00:00.000Z'],
      ['Export Title', 'IN_REVIEW', 'False', null],
    ]);
    expect(rows[0]).toMatchObject({ proposedBy: 'Checker', evidenceCount: 2, evidenceUrls: ['https://a.example/1', 'https://b.example/2'] });
    expect(JSON.stringify(rows)).not.toMatch(/@example\.test/);

    session.user = outsider;
    const theirs = await verdictsExport('csv');
    expect(theirs.headers.get('X-Total-Count')).toBe('0');
    expect(await theirs.text()).toBe(
      'Claim ID,Article ID,Article,Position,Claim,Status,Verdict,Rationale,Proposed by,Proposed at,Approved at,Evidence count,Evidence URLs\r\n',
    );
  });

  it('lets only admins download the team export', async () => {
    session.user = editor;
    expect((await teamExport()).status).toBe(403);
    session.user = outsider;
    const response = await teamExport();
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Disposition')).toMatch(/^attachment; filename="claimdesk-team-elsewhere-.*\.json"$/);
    const text = await response.text();
    const doc = JSON.parse(text);
    expect(doc).toMatchObject({ format: 'claimdesk-team', version: 1, members: [{ email: outsider.email, name: 'Outsider', role: 'admin' }] });
    expect(doc.articles.map((a: { title: string }) => a.title)).toEqual(['Other Title']);
    expect(text).not.toContain('passwordHash');
    expect(text).not.toContain('$argon2');
  });
});
