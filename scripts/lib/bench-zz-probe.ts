import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { parseArticle } from '@/lib/domain/article-text';
import { createTeam, createUser } from '@/prisma/factories';
import { createTestDatabase } from '../lib/test-database';
import { generateArticle } from './bench-article';

const db = await createTestDatabase('claimdesk_probe');
try {
  const adapter = new PrismaPg({ connectionString: db.url, max: db.embedded ? 1 : 10 });
  const prisma = new PrismaClient({ adapter, log: [{ emit: 'event', level: 'query' }] });
  let qlog: { d: number; len: number; params: number }[] = [];
  prisma.$on('query', (e) => qlog.push({ d: e.duration, len: e.query.length, params: e.params.length }));
  const team = await createTeam(prisma, { name: 'P', slug: 'p' });
  const user = await createUser(prisma, { teamId: team.id, email: 'p@p.example', name: 'P', role: 'editor' });
  const parsed = parseArticle({ text: generateArticle(10_000) });
  for (let run = 0; run < 2; run++) {
    const article = await prisma.article.create({ data: { teamId: team.id, title: 't', body: parsed.body, createdById: user.id }, select: { id: true } });
    for (const n of [2000, 500]) {
      qlog = [];
      const rows = parsed.claims.slice(0, n).map((c) => ({ ...c, position: c.position + run * 100000 + n * 10, teamId: team.id, articleId: article.id }));
      const t0 = performance.now();
      await prisma.claim.createMany({ data: rows });
      const total = performance.now() - t0;
      console.log(`createMany ${n}: ${total.toFixed(0)} ms total; db-reported ${qlog.map((q) => `${q.d}ms len=${q.len}`).join(', ')}`);
    }
    // baseline: the body string alone in an article insert
    const t1 = performance.now();
    await prisma.article.create({ data: { teamId: team.id, title: 't', body: parsed.body, createdById: user.id }, select: { id: true } });
    console.log(`article.create with 1 MB body: ${(performance.now() - t1).toFixed(0)} ms`);
  }
  await prisma.$disconnect();
} finally {
  await db.drop();
}
