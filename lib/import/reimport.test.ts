import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTeam, createUser, uniqueSuffix } from '@/lib/testing/factories';
import { importArticle } from '@/lib/import/article';
import { reimportArticle, type VersionChanges } from '@/lib/import/reimport';
import { importArticleSchema } from '@/lib/validation/article';
import { hasDatabase, testPrisma } from '@/lib/testing/database';

const V1 = `Harbour Tunnel Opens

The tunnel cost $2.1 billion. It opened on May 4. Traffic fell 30% in the first week.

The mayor called it a triumph. Critics said the tolls are too high.`;

// Sentence 2 edited, sentence 3 removed, the mayor moved to the top, one sentence added.
const V2 = `Harbour Tunnel Opens

The mayor called it a triumph. The tunnel cost $2.1 billion. It opened on May 6.

Critics said the tolls are too high. A second tunnel is planned for 2031.`;

describe.skipIf(!hasDatabase)('reimportArticle (database)', () => {
  const prisma = hasDatabase ? testPrisma() : (undefined as never);
  let teamId = '';
  let actorId = '';

  beforeAll(async () => {
    const suffix = uniqueSuffix();
    const team = await createTeam(prisma, { name: `Reimport ${suffix}`, slug: `reimport-${suffix}` });
    const editor = await createUser(prisma, { teamId: team.id, email: `reimport.${suffix}@example.test`, name: 'Re Editor', role: 'editor' });
    teamId = team.id;
    actorId = editor.id;
  });
  afterAll(() => prisma.$disconnect());

  it('keeps the work of unchanged sentences, flags changed ones, archives removed ones and keeps the old version', async () => {
    const { id } = await importArticle(prisma, { teamId, actorId, input: importArticleSchema.parse({ text: V1 }) });
    const before = await prisma.claim.findMany({ where: { articleId: id }, orderBy: { position: 'asc' } });
    const byText = (text: string) => before.find((c) => c.text === text)!;
    const cost = byText('The tunnel cost $2.1 billion.');
    const opened = byText('It opened on May 4.');
    const traffic = byText('Traffic fell 30% in the first week.');
    const mayor = byText('The mayor called it a triumph.');
    await prisma.claim.update({ where: { id: cost.id }, data: { status: 'IN_RESEARCH', assigneeId: actorId, notes: 'Audit office figure.' } });
    await prisma.evidence.create({
      data: { teamId, claimId: cost.id, url: 'https://example.org/audit', title: 'Audit', stance: 'SUPPORTS', authorId: actorId },
    });
    await prisma.claim.update({ where: { id: opened.id }, data: { status: 'ASSIGNED', assigneeId: actorId } });

    const result = await reimportArticle(prisma, { teamId, actorId, articleId: id, input: importArticleSchema.parse({ text: V2 }) });
    expect(result.version).toBe(2);
    expect(result.changes.counts).toEqual({ kept: 3, moved: 1, changed: 1, added: 1, archived: 1, flagged: 0 });

    const article = await prisma.article.findUniqueOrThrow({
      where: { id },
      include: { claims: { where: { archivedAt: null }, orderBy: { position: 'asc' } } },
    });
    expect(article.body).toBe(V2);
    expect(article.version).toBe(2);
    expect(article.claims.map((c) => c.text)).toEqual([
      'The mayor called it a triumph.',
      'The tunnel cost $2.1 billion.',
      'It opened on May 6.',
      'Critics said the tolls are too high.',
      'A second tunnel is planned for 2031.',
    ]);
    expect(article.claims.map((c) => c.position)).toEqual([1, 2, 3, 4, 5]);
    for (const c of article.claims) expect(article.body.slice(c.start, c.end)).toBe(c.text);

    const costAfter = await prisma.claim.findUniqueOrThrow({ where: { id: cost.id }, include: { evidence: true } });
    expect(costAfter).toMatchObject({
      status: 'IN_RESEARCH',
      assigneeId: actorId,
      notes: 'Audit office figure.',
      previousText: null,
      position: 2,
      paragraph: 1,
    });
    expect(costAfter.evidence).toHaveLength(1);
    expect(await prisma.claim.findUniqueOrThrow({ where: { id: mayor.id } })).toMatchObject({ position: 1, paragraph: 1, archivedAt: null });
    expect(await prisma.claim.findUniqueOrThrow({ where: { id: opened.id } })).toMatchObject({
      text: 'It opened on May 6.',
      previousText: 'It opened on May 4.',
      status: 'ASSIGNED',
      assigneeId: actorId,
    });
    const archived = await prisma.claim.findUniqueOrThrow({ where: { id: traffic.id } });
    expect(archived.archivedAt).not.toBeNull();
    expect(archived.text).toBe('Traffic fell 30% in the first week.');

    const versions = await prisma.articleVersion.findMany({ where: { articleId: id } });
    expect(versions).toHaveLength(1);
    expect(versions[0]).toMatchObject({ version: 1, body: V1, title: 'Harbour Tunnel Opens' });
    const changes = versions[0].changes as VersionChanges;
    expect(changes.changed).toEqual([{ id: opened.id, oldText: 'It opened on May 4.', newText: 'It opened on May 6.' }]);
    expect(changes.archived).toEqual([{ id: traffic.id, text: 'Traffic fell 30% in the first week.' }]);
    expect(changes.added.map((a) => a.text)).toEqual(['A second tunnel is planned for 2031.']);
    expect(await prisma.auditEvent.count({ where: { articleId: id, type: 'article.reimported' } })).toBe(1);
  });

  it('re-importing the same text changes nothing but the version', async () => {
    const { id } = await importArticle(prisma, { teamId, actorId, input: importArticleSchema.parse({ text: V1 }) });
    const ids = (await prisma.claim.findMany({ where: { articleId: id }, orderBy: { position: 'asc' } })).map((c) => c.id);
    const result = await reimportArticle(prisma, { teamId, actorId, articleId: id, input: importArticleSchema.parse({ text: V1 }) });
    expect(result.changes.counts).toEqual({ kept: 5, moved: 0, changed: 0, added: 0, archived: 0, flagged: 0 });
    expect((await prisma.claim.findMany({ where: { articleId: id, archivedAt: null }, orderBy: { position: 'asc' } })).map((c) => c.id)).toEqual(ids);
  });

  it('refuses an article of another team', async () => {
    const { id } = await importArticle(prisma, { teamId, actorId, input: importArticleSchema.parse({ text: V1 }) });
    const other = await createTeam(prisma, { name: 'Elsewhere', slug: `elsewhere-${uniqueSuffix()}` });
    await expect(reimportArticle(prisma, { teamId: other.id, actorId, articleId: id, input: importArticleSchema.parse({ text: V2 }) })).rejects.toThrow(
      'No such article',
    );
  });
});
