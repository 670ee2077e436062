import { createPrismaClient } from '@/lib/db/client';
import { parseArticle } from '@/lib/domain/article-text';
import { createTeam, createUser } from '@/prisma/factories';
import { createTestDatabase } from '../lib/test-database';
import { generateArticle } from './bench-article';

const db = await createTestDatabase('claimdesk_probe');
try {
  const prisma = createPrismaClient(db.url, db.embedded);
  const team = await createTeam(prisma, { name: 'P', slug: 'p' });
  const user = await createUser(prisma, { teamId: team.id, email: 'p@p.example', name: 'P', role: 'editor' });
  const parsed = parseArticle({ text: generateArticle(10_000) });
  const article = await prisma.article.create({ data: { teamId: team.id, title: 't', body: 'b', createdById: user.id }, select: { id: true } });
  for (let run = 0; run < 3; run++) {
    const rows = parsed.claims.slice(0, 2000).map((c) => ({ ...c, position: c.position + run * 100000, teamId: team.id, articleId: article.id }));
    const t0 = performance.now();
    await prisma.claim.createMany({ data: rows });
    console.log(`createMany 2000: ${(performance.now() - t0).toFixed(0)} ms`);
  }
  await prisma.$disconnect();
} finally {
  await db.drop();
}
