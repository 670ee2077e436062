import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrismaClient } from '@/lib/db/client';
import { emptyDatabase } from '@/lib/testing/database';
import { applyMigrations } from '@/lib/db/migrate';
import { createArticle, createTeam, createUser } from '@/lib/testing/factories';
import { openWebhookSecret, sealWebhookSecret } from '@/lib/webhooks/secret-box';

/** A webhook's signing secret: the backup carries it sealed, as the database holds it (ADR 0024). */
const WEBHOOK_SECRET = 'whsec_backup-test-signing-secret';

const onServer = Boolean(process.env.DATABASE_URL) && process.env.CLAIMDESK_EMBEDDED !== '1';
const scratch = mkdtempSync(path.join(os.tmpdir(), 'claimdesk-backup-'));

/** Every row of every table as PostgreSQL prints it, and the migration list: what a restore must reproduce exactly. */
async function snapshot(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ name: string }>(
      `SELECT relname AS name FROM pg_class WHERE relkind = 'r' AND relnamespace = current_schema()::regnamespace AND relname <> '_prisma_migrations' ORDER BY relname`,
    );
    const result: Record<string, string[]> = {};
    for (const { name } of tables) {
      const { rows } = await client.query<{ line: string }>(`SELECT row_to_json(t)::text AS line FROM "${name}" t ORDER BY 1`);
      result[name] = rows.map((r) => r.line);
    }
    const { rows: migrations } = await client.query<{ m: string }>(`SELECT migration_name || ' ' || checksum AS m FROM "_prisma_migrations" ORDER BY 1`);
    result._prisma_migrations = migrations.map((r) => r.m);
    return result;
  } finally {
    await client.end();
  }
}

function tool(script: 'backup' | 'restore', url: string, file: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    // Asynchronous: on the embedded database this very process serves the socket the tool connects to.
    const child = spawn(process.execPath, ['--import', 'tsx', `scripts/db/${script}.ts`, file], { env: { ...process.env, DATABASE_URL: url } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

/** A desk with some of everything: teams, members, articles, claims with work, evidence, reviews, history, a self-reference. */
async function seed(url: string) {
  await applyMigrations(url);
  const prisma = createPrismaClient(url, !onServer);
  try {
    const other = await createTeam(prisma, { name: 'Other Desk', slug: 'other-desk' });
    await createUser(prisma, { teamId: other.id, email: 'o.admin@example.test', name: 'Olive Other', role: 'admin' });
    const team = await createTeam(prisma, { name: 'Backup Desk', slug: 'backup-desk' });
    const editor = await createUser(prisma, { teamId: team.id, email: 'b.editor@example.test', name: 'Bea "Quote" Editor', role: 'editor' });
    const checker = await createUser(prisma, { teamId: team.id, email: 'b.checker@example.test', name: 'Björn Checker', role: 'checker' });
    const first = await createArticle(prisma, {
      teamId: team.id,
      actorId: editor.id,
      text: 'Tunnel Opens\n\nThe tunnel cost $2.1 billion.\nIt opened on May 4. Traffic fell 30%, the city said.',
    });
    const second = await createArticle(prisma, {
      teamId: team.id,
      actorId: editor.id,
      text: 'Rates Rise\n\nRates rose 0.25 points — «le taux» 🚇. Inflation fell to 2.1%.',
    });
    const [a, b] = await prisma.claim.findMany({ where: { articleId: first.id }, orderBy: { position: 'asc' } });
    const [c] = await prisma.claim.findMany({ where: { articleId: second.id }, orderBy: { position: 'asc' } });
    const label = await prisma.verdictLabel.findFirstOrThrow({ where: { teamId: team.id, name: 'False' } });
    await prisma.claim.update({
      where: { id: a.id },
      data: {
        status: 'APPROVED',
        assigneeId: checker.id,
        verdictLabelId: label.id,
        rationale: 'Line one\nline "two"',
        proposedById: checker.id,
        proposedAt: new Date('2026-06-01T10:00:00.123Z'),
        publishedAt: new Date(),
        checkWorthiness: 0.1 + 0.2,
      },
    });
    // Claim.reusedFromId points at another claim: the restore has to link it after both exist.
    await prisma.claim.update({
      where: { id: c.id },
      data: { reusedFromId: a.id, status: 'IN_REVIEW', verdictLabelId: label.id, notes: 'Reused; see {"json": true}' },
    });
    await prisma.claim.update({
      where: { id: b.id },
      data: { status: 'NOT_CHECK_WORTHY', notCheckWorthyReason: 'Opinion', statusBeforeExclusion: 'UNASSIGNED', archivedAt: new Date() },
    });
    await prisma.evidence.create({
      data: {
        teamId: team.id,
        claimId: a.id,
        url: 'https://a.example/report',
        title: 'Report',
        stance: 'REFUTES',
        quote: 'It cost $1.9 billion.',
        authorId: checker.id,
      },
    });
    await prisma.review.create({ data: { teamId: team.id, claimId: a.id, reviewerId: editor.id, decision: 'APPROVED', comment: null } });
    await prisma.correction.create({
      data: {
        teamId: team.id,
        claimId: a.id,
        previousVerdict: 'True',
        previousRationale: 'Was true',
        newVerdict: 'False',
        note: 'New figures',
        createdById: editor.id,
      },
    });
    await prisma.articleVersion.create({
      data: {
        articleId: first.id,
        version: 1,
        title: 'Tunnel Opens',
        body: 'Old body',
        changes: { kept: 2, changed: [{ old: 'a', new: 'b' }] },
        createdById: editor.id,
      },
    });
    await prisma.notification.create({ data: { teamId: team.id, userId: checker.id, type: 'APPROVED', claimId: a.id, message: 'Approved' } });
    await prisma.presence.create({ data: { userId: checker.id, claimId: a.id, teamId: team.id } });
    await prisma.apiToken.create({ data: { teamId: team.id, userId: editor.id, name: 'CMS', tokenHash: 'f'.repeat(64), prefix: 'cdk_abcd', scope: 'write' } });
    const hook = await prisma.webhook.create({
      data: { teamId: team.id, url: 'https://hooks.example/x', secret: sealWebhookSecret(WEBHOOK_SECRET), events: ['claim.published', 'verdict.corrected'] },
    });
    await prisma.webhookDelivery.create({
      data: { webhookId: hook.id, teamId: team.id, event: 'claim.published', payload: { claim: { id: a.id, n: 1.5 } }, lastStatusCode: 500 },
    });
    await prisma.rateLimit.create({ data: { key: 'login:x', windowStart: new Date('2026-06-01T10:00:00.000Z'), count: 3 } });
    await prisma.endedSession.create({ data: { id: 'sid-signed-out', userId: checker.id, expiresAt: new Date('2026-06-01T22:00:00.000Z') } });
    await prisma.auditEvent.create({
      data: {
        teamId: team.id,
        actorId: checker.id,
        claimId: a.id,
        articleId: first.id,
        type: 'verdict.submitted',
        data: { verdict: 'False', nested: [1, 'two', null] },
      },
    });
  } finally {
    await prisma.$disconnect();
  }
}

describe('npm run db:backup and db:restore', () => {
  let source: Awaited<ReturnType<typeof emptyDatabase>>;
  let target: Awaited<ReturnType<typeof emptyDatabase>>;
  const file = path.join(scratch, 'backup.jsonl.gz');

  beforeAll(async () => {
    [source, target] = [await emptyDatabase('backup'), await emptyDatabase('backup')];
    await seed(source.url);
  }, 120_000);
  afterAll(async () => {
    await source?.drop();
    await target?.drop();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('backs up every table and restores it into a new database row for row', async () => {
    const backup = await tool('backup', source.url, file);
    expect(backup.stderr).toBe('');
    expect(backup.code).toBe(0);
    expect(backup.stdout).toMatch(/^Backed up the database at DATABASE_URL: \d+ migrations, \d+ tables, \d+ rows → /);

    // A file cut short is refused and leaves the target as empty as it was.
    const lines = gunzipSync(readFileSync(file)).toString('utf8').trimEnd().split('\n');
    expect(JSON.parse(lines[0])).toMatchObject({ format: 'claimdesk-backup', version: 1 });
    expect(lines.join('\n')).not.toContain(WEBHOOK_SECRET);
    const cut = path.join(scratch, 'cut.jsonl.gz');
    writeFileSync(cut, gzipSync(lines.slice(0, -3).join('\n') + '\n'));
    const refusedCut = await tool('restore', target.url, cut);
    expect(refusedCut.code).toBe(2);
    expect(refusedCut.stderr).toMatch(/the file is incomplete/);

    const restore = await tool('restore', target.url, file);
    expect(restore.stderr).toBe('');
    expect(restore.code).toBe(0);
    const [before, after] = [await snapshot(source.url), await snapshot(target.url)];
    expect(Object.keys(after)).toEqual(Object.keys(before));
    for (const table of Object.keys(before)) expect({ table, rows: after[table] }).toEqual({ table, rows: before[table] });
    expect(before.AuditEvent.length).toBeGreaterThan(2);
    expect(before.Claim.some((row) => JSON.parse(row).reusedFromId !== null)).toBe(true);
    // Restored sealed, and it opens with the same AUTH_SECRET.
    expect(openWebhookSecret(JSON.parse(after.Webhook[0]).secret)).toEqual({ secret: WEBHOOK_SECRET, stale: false });
  }, 120_000);

  it('refuses to restore into a database that has rows', async () => {
    const again = await tool('restore', target.url, file);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/The target database is not empty \(table \w+ has rows\)/);
  }, 60_000);
});
