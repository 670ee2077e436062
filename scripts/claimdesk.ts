/**
 * The Claimdesk command line, for automation.
 *
 *   npm run claimdesk -- import FILE --team demo-desk [--json] [--title T] [--source-url URL]
 *                        [--outlet O] [--author A] [--published-at YYYY-MM-DD] [--language de] [--as EMAIL]
 *
 *   FILE is text (.txt, .md), a web page (.html) or a Word document (.docx), read within the
 *   import limits by the same worker pool as the desk's uploads (lib/import/pool.ts).
 *
 *   npm run claimdesk -- token create --user EMAIL [--scope read|write] [--name NAME]
 *
 * Works right after `npm install`: like `npm start` it uses DATABASE_URL or the embedded
 * database (through the running app's socket if the app is up), migrating and seeding first.
 */
import { readFileSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { prepareDatabase } from '@/lib/db/bootstrap';
import { demoSeed } from '@/prisma/seed';
import { createPrismaClient } from '@/lib/db/client';
import { importArticle } from '@/lib/import/article';
import { readWebPage, readWordDocument, type ExtractedArticle } from '@/lib/import/documents';
import { ExtractError } from '@/lib/import/extract-error';
import { importArticleSchema, MAX_ARTICLE_BYTES, MAX_DOCUMENT_BYTES } from '@/lib/validation/article';
import { createTokenSchema } from '@/lib/validation/tokens';
import { createApiToken } from '@/lib/api/tokens';

class UsageError extends Error {}

const USAGE = [
  'Usage: npm run claimdesk -- import FILE --team SLUG [--json] [--title T] [--source-url URL] [--outlet O] [--author A] [--published-at DATE] [--language CODE] [--as EMAIL]',
  '       npm run claimdesk -- token create --user EMAIL [--scope read|write] [--name NAME]',
].join('\n');

/** A text file as it is; a web page (.html) or Word document (.docx) read by the import workers, as the desk's upload does. */
async function readArticleFile(file: string): Promise<ExtractedArticle> {
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    throw new UsageError(`Cannot read ${file}: no such file.`);
  }
  const document = /\.(html?|xhtml|docx)$/i.test(file);
  if (size > (document ? MAX_DOCUMENT_BYTES : MAX_ARTICLE_BYTES)) throw new UsageError(`${file} is larger than ${document ? 3 : 2} MB.`);
  if (/\.docx$/i.test(file)) return readWordDocument(readFileSync(file));
  if (document) return readWebPage(readFileSync(file));
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(file)) };
  } catch {
    throw new UsageError(`${file} is not UTF-8 text.`);
  }
}

async function importCommand(argv: string[]) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      team: { type: 'string' },
      json: { type: 'boolean', default: false },
      title: { type: 'string' },
      'source-url': { type: 'string' },
      outlet: { type: 'string' },
      author: { type: 'string' },
      'published-at': { type: 'string' },
      language: { type: 'string' },
      as: { type: 'string' },
    },
  });
  const [file] = positionals;
  if (!file || !values.team) throw new UsageError(USAGE);
  const read = await readArticleFile(file);
  const parsed = importArticleSchema.safeParse({
    text: read.text,
    title: values.title ?? read.title,
    sourceUrl: values['source-url'] ?? read.sourceUrl,
    outlet: values.outlet,
    author: values.author ?? read.byline,
    publishedAt: values['published-at'] ?? read.publishedAt?.toISOString(),
    language: values.language,
  });
  if (!parsed.success) throw new UsageError(parsed.error.issues.map((i) => i.message).join(' '));

  const log = values.json ? () => {} : (m: string) => console.error(m);
  const db = await prepareDatabase({ seed: demoSeed, log });
  const prisma = createPrismaClient(db.url, db.embedded);
  try {
    const team = await prisma.team.findUnique({ where: { slug: values.team }, select: { id: true } });
    if (!team) throw new UsageError(`No team with the slug "${values.team}".`);
    const actor = await prisma.user.findFirst({
      where: { teamId: team.id, ...(values.as ? { email: values.as.toLowerCase() } : { role: { in: ['editor', 'admin'] } }) },
      orderBy: [{ role: 'desc' }, { createdAt: 'asc' }],
      select: { id: true, role: true },
    });
    if (!actor || actor.role === 'checker')
      throw new UsageError(
        values.as ? `${values.as} is not an editor or admin of ${values.team}.` : `Team ${values.team} has no editor or admin to import as.`,
      );
    const article = await importArticle(prisma, { teamId: team.id, actorId: actor.id, input: parsed.data });
    const out = {
      id: article.id,
      title: article.title,
      byline: article.byline,
      claims: article.claims.map(({ position, paragraph, text, start, end }) => ({ position, paragraph, text, start, end })),
    };
    if (values.json) console.log(JSON.stringify(out, null, 2));
    else console.log(`Imported “${out.title}” (${out.claims.length} claims) as ${out.id}.`);
  } finally {
    await prisma.$disconnect();
    await db.stop();
  }
}

/** Prints a new personal access token for a member: shown this once, stored hashed. */
async function tokenCommand(argv: string[]) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { user: { type: 'string' }, scope: { type: 'string', default: 'read' }, name: { type: 'string', default: 'Command line' } },
  });
  if (positionals[0] !== 'create' || !values.user) throw new UsageError(USAGE);
  const parsed = createTokenSchema.safeParse({ name: values.name, scope: values.scope });
  if (!parsed.success) throw new UsageError(parsed.error.issues.map((i) => i.message).join(' '));
  const db = await prepareDatabase({ seed: demoSeed, log: () => {} });
  const prisma = createPrismaClient(db.url, db.embedded);
  try {
    const user = await prisma.user.findUnique({ where: { email: values.user.toLowerCase() }, select: { id: true, teamId: true } });
    if (!user) throw new UsageError(`No member with the email ${values.user}.`);
    const { token } = await createApiToken(prisma, { userId: user.id, teamId: user.teamId, ...parsed.data });
    console.log(token);
  } finally {
    await prisma.$disconnect();
    await db.stop();
  }
}

async function main() {
  const [command, ...rest] = process.argv.slice(2);
  if (command === 'import') return importCommand(rest);
  if (command === 'token') return tokenCommand(rest);
  throw new UsageError(USAGE);
}

main().then(
  () => process.exit(0),
  (err) => {
    // Bad input: a wrong argument, or a document refused (not an article, beyond the import limits).
    const refused = err instanceof UsageError || err instanceof ExtractError;
    console.error(refused ? `claimdesk: ${err.message}` : err);
    process.exit(refused ? 2 : 1);
  },
);
