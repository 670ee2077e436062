import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTeam, createUser, uniqueSuffix } from '@/lib/testing/factories';
import { importArticle } from '@/lib/import/article';
import { importArticleSchema } from '@/lib/validation/article';
import { hasDatabase, testPrisma } from '@/lib/testing/database';

const fixture = (name: string) => readFileSync(`lib/testing/fixtures/articles/${name}`, 'utf8');

describe.skipIf(!hasDatabase)('importArticle (database)', () => {
  const prisma = hasDatabase ? testPrisma() : (undefined as never);
  let teamId = '';
  let actorId = '';

  beforeAll(async () => {
    const suffix = uniqueSuffix();
    const team = await createTeam(prisma, { name: `Import ${suffix}`, slug: `import-${suffix}` });
    const editor = await createUser(prisma, { teamId: team.id, email: `import.${suffix}@example.test`, name: 'Import Editor', role: 'editor' });
    teamId = team.id;
    actorId = editor.id;
  });
  afterAll(() => prisma.$disconnect());

  it.each(['belarus-air-defense', 'transit-budget'])('stores %s with exact offsets into the stored body', async (name) => {
    const expected = JSON.parse(fixture(`${name}.expected.json`));
    const input = importArticleSchema.parse({ text: fixture(`${name}.txt`) });
    const { id } = await importArticle(prisma, { teamId, actorId, input });
    const article = await prisma.article.findUniqueOrThrow({ where: { id }, include: { claims: { orderBy: { position: 'asc' } } } });
    expect(article.title).toBe(expected.title);
    expect(article.byline).toBe(expected.byline ?? null);
    expect(article.claims.map((c) => c.text)).toEqual(expected.claims);
    for (const claim of article.claims) {
      expect(article.body.slice(claim.start, claim.end)).toBe(claim.text);
      expect(claim.status).toBe('UNASSIGNED');
      expect(claim.teamId).toBe(teamId);
    }
    expect(article.claims.map((c) => c.position)).toEqual(expected.claims.map((_: string, i: number) => i + 1));
    const events = await prisma.auditEvent.findMany({ where: { articleId: id } });
    expect(events).toMatchObject([{ type: 'article.imported', actorId, data: { claims: expected.claims.length } }]);
  });

  it('is atomic: a failure after the claims were written leaves no article and no claim behind', async () => {
    // The audit event is the last write of an import: failing it rolls back everything before.
    const failing = prisma.$extends({
      query: {
        auditEvent: {
          create() {
            throw new Error('disk full');
          },
        },
      },
    }) as unknown as typeof prisma;
    const claimsBefore = await prisma.claim.count({ where: { teamId } });
    const before = await prisma.article.count({ where: { teamId } });
    const input = importArticleSchema.parse({ text: fixture('transit-budget.txt'), title: 'Doomed import' });
    await expect(importArticle(failing, { teamId, actorId, input })).rejects.toThrow('disk full');
    expect(await prisma.article.count({ where: { teamId } })).toBe(before);
    expect(await prisma.article.count({ where: { title: 'Doomed import' } })).toBe(0);
    expect(await prisma.claim.count({ where: { teamId } })).toBe(claimsBefore);
  });

  it('writes large articles', async () => {
    const text = ['A Long Day', ...Array.from({ length: 4_500 }, (_, i) => `Officials counted ${i + 1} ballots in ward ${i % 40}.`)].join('\n\n');
    const { id, claims } = await importArticle(prisma, { teamId, actorId, input: importArticleSchema.parse({ text }) });
    expect(claims).toHaveLength(4_500);
    expect(await prisma.claim.count({ where: { articleId: id } })).toBe(4_500);
  });
});
