import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Document, Packer, Paragraph } from 'docx';
import { createTeam, createUser, uniqueSuffix } from '@/lib/testing/factories';
import { hasDatabase, testPrisma } from '@/lib/testing/database';
import { docxBomb, nestedDivs } from '@/scripts/fixtures/hostile-documents';

const fixtures = path.resolve('lib/testing/fixtures/articles');

function cli(...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/claimdesk.ts', ...args], { encoding: 'utf8', env: process.env, timeout: 180_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe.skipIf(!hasDatabase)('npm run claimdesk -- import', () => {
  const prisma = hasDatabase ? testPrisma() : (undefined as never);
  let slug = '';

  beforeAll(async () => {
    const suffix = uniqueSuffix();
    slug = `cli-${suffix}`;
    const team = await createTeam(prisma, { name: `CLI ${suffix}`, slug });
    await createUser(prisma, { teamId: team.id, email: `cli.${suffix}@example.test`, name: 'CLI Editor', role: 'editor' });
  });
  afterAll(() => prisma.$disconnect());

  it('imports a fixture and prints it as JSON', () => {
    const { code, stdout, stderr } = cli('import', path.join(fixtures, 'transit-budget.txt'), '--team', slug, '--json');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    const expected = JSON.parse(readFileSync(path.join(fixtures, 'transit-budget.expected.json'), 'utf8'));
    expect(out.title).toBe(expected.title);
    expect(out.byline).toBe(expected.byline);
    expect(out.claims.map((c: { text: string }) => c.text)).toEqual(expected.claims);
    expect(Object.keys(out.claims[0]).sort()).toEqual(['end', 'paragraph', 'position', 'start', 'text']);
    expect(out.id).toEqual(expect.any(String));
  });

  it.each([
    [['import'], /Usage/],
    [['import', '/nonexistent.txt', '--team', 'x'], /no such file/],
    [['import', path.join(fixtures, 'transit-budget.txt'), '--team', 'no-such-team'], /No team with the slug "no-such-team"/],
  ])('refuses bad input %# with a message and a non-zero exit', (args, message) => {
    const { code, stderr } = cli(...args);
    expect(code).not.toBe(0);
    expect(stderr).toMatch(message);
  });

  it('reads a web page and a Word document through the import workers', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'claimdesk-cli-'));
    const page = path.join(dir, 'tunnel.html');
    writeFileSync(
      page,
      '<html><head><title>Harbour tunnel opens</title><meta name="author" content="Jane Doe"></head><body><nav><a href="/">Home</a></nav><article><p>The tunnel cost $2.1 billion. It opened on May 4.</p></article></body></html>',
    );
    const word = path.join(dir, 'bridge.docx');
    writeFileSync(
      word,
      await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('Bridge repairs'), new Paragraph('The repairs cost $14 million.')] }] })),
    );
    const fromPage = cli('import', page, '--team', slug, '--json');
    expect(fromPage.code).toBe(0);
    expect(JSON.parse(fromPage.stdout)).toMatchObject({
      title: 'Harbour tunnel opens',
      claims: [{ text: 'The tunnel cost $2.1 billion.' }, { text: 'It opened on May 4.' }],
    });
    const fromWord = cli('import', word, '--team', slug, '--json');
    expect(fromWord.code).toBe(0);
    expect(JSON.parse(fromWord.stdout)).toMatchObject({ title: 'Bridge repairs', claims: [{ text: 'The repairs cost $14 million.' }] });
  });

  it('refuses hostile documents with status 2 and the import limit they broke', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'claimdesk-cli-'));
    const nested = path.join(dir, 'nested.html');
    writeFileSync(nested, nestedDivs(5_000));
    const bomb = path.join(dir, 'bomb.docx');
    writeFileSync(bomb, await docxBomb(100 * 1024 * 1024));
    expect(cli('import', nested, '--team', slug)).toMatchObject({ code: 2, stderr: expect.stringContaining('nests its elements more than 100 deep') });
    expect(cli('import', bomb, '--team', slug)).toMatchObject({ code: 2, stderr: expect.stringContaining('unpacks to more than 20 MB') });
  });

  it('refuses an empty file', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'claimdesk-cli-'));
    const file = path.join(dir, 'empty.txt');
    writeFileSync(file, '  \n');
    const { code, stderr } = cli('import', file, '--team', slug);
    expect(code).toBe(2);
    expect(stderr).toMatch(/The article is empty/);
  });
});

describe.skipIf(!hasDatabase)('npm run claimdesk -- token create', () => {
  const prisma = hasDatabase ? testPrisma() : (undefined as never);
  afterAll(() => prisma.$disconnect());

  it('prints a new token once and stores only its hash, with the scope asked for', async () => {
    const suffix = uniqueSuffix();
    const team = await createTeam(prisma, { name: `Tok ${suffix}`, slug: `tok-${suffix}` });
    const user = await createUser(prisma, { teamId: team.id, email: `tok.${suffix}@example.test`, name: 'Token Editor', role: 'editor' });
    const { code, stdout } = cli('token', 'create', '--user', user.email, '--scope', 'write', '--name', 'CMS sync');
    expect(code).toBe(0);
    const token = stdout.trim();
    expect(token).toMatch(/^cdk_[A-Za-z0-9_-]{43}$/);
    const stored = await prisma.apiToken.findFirstOrThrow({ where: { userId: user.id } });
    expect(stored).toMatchObject({ name: 'CMS sync', scope: 'write', teamId: team.id, tokenHash: createHash('sha256').update(token).digest('hex') });
    expect(JSON.stringify(stored)).not.toContain(token);
  });

  it('refuses an unknown member or scope with status 2', () => {
    expect(cli('token', 'create', '--user', 'nobody@example.test').code).toBe(2);
    expect(cli('token', 'create', '--user', 'nobody@example.test', '--scope', 'admin').code).toBe(2);
  });
});
