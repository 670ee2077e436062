import { afterAll, describe, expect, it } from 'vitest';
import { createArticle, createTeam, createUser, DEMO_PASSWORD, uniqueSuffix } from '@/lib/testing/factories';
import { reimportArticle } from '@/lib/import/reimport';
import { importArticleSchema } from '@/lib/validation/article';
import { verifyPassword } from '@/lib/auth/password';
import { CLAIM_STATUSES } from '@/lib/domain/claim-status';
import { hasDatabase, testPrisma } from '@/lib/testing/database';
import { exportTeam, importTeam, TeamImportError } from '@/lib/export/team';

const V1 = `Harbour Tunnel Opens

The tunnel cost $2.1 billion. It opened on May 4. Traffic fell 30% in the first week.

The mayor called it a triumph. Critics said the tolls are too high.`;

const V2 = `Harbour Tunnel Opens

The mayor called it a triumph. The tunnel cost $2.1 billion. It opened on May 6.

Critics said the tolls are too high. A second tunnel is planned for 2031.`;

const BUDGET = `City Budget Passes

The budget rose 4% to $3 billion. Police spending doubled since 2019. The council voted 7 to 2.

Schools get 12 new teachers. Parks lose a fifth of their funding. Taxes will not rise. The mayor thanked the council.`;

/** A file as an admin would upload it: the export through JSON and back. */
type ExportFile = Record<string, unknown> & { exportedAt: string; team: Record<string, unknown>; auditEvents: { type: string }[] };
const asFile = (doc: unknown) => JSON.parse(JSON.stringify(doc)) as ExportFile;

/**
 * Ids differ between two exports of the same work; everything else must not. Every id and
 * member key (and any string equal to one, as in audit data) becomes its order of appearance.
 */
function normalise(doc: ExportFile) {
  const ids = new Set<string>();
  const collect = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(collect);
    else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        if ((k === 'id' || k === 'key') && typeof v === 'string') ids.add(v);
        collect(v);
      }
    }
  };
  collect(doc);
  const ordinal = new Map<string, string>();
  const replace = (value: unknown): unknown => {
    if (typeof value === 'string' && ids.has(value)) {
      if (!ordinal.has(value)) ordinal.set(value, `#${ordinal.size + 1}`);
      return ordinal.get(value);
    }
    if (Array.isArray(value)) return value.map(replace);
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, replace(v)]));
    return value;
  };
  const { exportedAt: _at, team, ...rest } = doc;
  // The target team keeps its own name, address and creation date.
  const { name: _n, slug: _s, createdAt: _c, ...settings } = team;
  return { ...(replace(rest) as object), team: settings, ids };
}

type Row = Record<string, unknown>;

/** What the import makes of a file: nothing published, decisions and history by name (imported), none by a member here. */
function asImported(doc: ExportFile): ExportFile {
  const names = new Map((doc.members as { key: string; name: string }[]).map((m) => [m.key, m.name]));
  const byName = (key: unknown, given: unknown) => (typeof key === 'string' ? (names.get(key) ?? 'a former member') : given);
  return {
    ...doc,
    articles: (doc.articles as Row[]).map((a) => ({
      ...a,
      reportPublishedAt: null,
      claims: (a.claims as Row[]).map((c) => ({
        ...c,
        publishedAt: null,
        reviews: (c.reviews as Row[]).map((r) => ({ ...r, reviewerId: null, importedReviewerName: byName(r.reviewerId, r.importedReviewerName) })),
        corrections: (c.corrections as Row[]).map((k) => ({ ...k, createdById: null, decidedById: null })),
      })),
    })),
    auditEvents: (doc.auditEvents as Row[]).map((e) => ({
      ...e,
      actorId: null,
      importedActorName: e.actorId ? byName(e.actorId, null) : e.importedActorName,
    })) as unknown as ExportFile['auditEvents'],
  };
}

describe.skipIf(!hasDatabase)('team export and import (database)', () => {
  const prisma = hasDatabase ? testPrisma() : (undefined as never);
  afterAll(() => prisma.$disconnect());

  async function newTeam(label: string) {
    const suffix = uniqueSuffix();
    const team = await createTeam(prisma, { name: `${label} ${suffix}`, slug: `${label.toLowerCase()}-${suffix}` });
    const member = (role: 'admin' | 'editor' | 'checker', name: string) =>
      createUser(prisma, { teamId: team.id, role, name, email: `${name.toLowerCase().replace(/\W+/g, '.')}.${suffix}@example.test` });
    return { team, member, suffix };
  }

  /** Articles with claims in every status, evidence, reviews, verdicts, reuse, a re-import, corrections, history and notices. */
  async function richTeam() {
    const { team, member } = await newTeam('Rich');
    const [admin, editor, checker] = [await member('admin', 'Ada Admin'), await member('editor', 'Eve Editor'), await member('checker', 'Carl Checker')];
    await prisma.team.update({
      where: { id: team.id },
      data: { orgName: 'Rich Desk Ltd', orgUrl: 'https://rich.example', orgLogoUrl: 'https://rich.example/logo.png' },
    });
    const labels = await prisma.verdictLabel.findMany({ where: { teamId: team.id }, orderBy: { position: 'asc' } });
    const label = (name: string) => labels.find((l) => l.name === name)!.id;
    await prisma.verdictLabel.update({ where: { id: label('Unverifiable') }, data: { retiredAt: new Date('2026-03-01T10:00:00.000Z') } });

    const tunnel = await createArticle(prisma, { teamId: team.id, actorId: editor.id, text: V1 });
    const tunnelClaims = await prisma.claim.findMany({ where: { articleId: tunnel.id }, orderBy: { position: 'asc' } });
    await prisma.claim.update({ where: { id: tunnelClaims[0].id }, data: { status: 'IN_RESEARCH', assigneeId: checker.id, notes: 'Audit office figure.' } });
    await prisma.evidence.create({
      data: { teamId: team.id, claimId: tunnelClaims[0].id, url: 'https://example.org/audit', title: 'Audit', stance: 'SUPPORTS', authorId: checker.id },
    });
    await prisma.claim.update({
      where: { id: tunnelClaims[1].id },
      data: { status: 'ASSIGNED', assigneeId: checker.id, dueAt: new Date('2026-07-01T00:00:00.000Z') },
    });
    // Edits one sentence (previousText), removes one (archived), keeps version 1 with its changes.
    await reimportArticle(prisma, { teamId: team.id, actorId: editor.id, articleId: tunnel.id, input: importArticleSchema.parse({ text: V2 }) });
    await prisma.article.update({
      where: { id: tunnel.id },
      data: {
        byline: 'By Ann Writer',
        sourceUrl: 'https://news.example/tunnel',
        outlet: 'News',
        author: 'Ann Writer',
        publishedAt: new Date('2026-05-05T08:00:00.000Z'),
      },
    });

    const budget = await createArticle(prisma, { teamId: team.id, actorId: editor.id, text: BUDGET });
    await prisma.article.update({ where: { id: budget.id }, data: { reportPublishedAt: new Date('2026-06-02T09:00:00.000Z'), language: 'en' } });
    const c = await prisma.claim.findMany({ where: { articleId: budget.id }, orderBy: { position: 'asc' } });
    const proposed = {
      verdictLabelId: label('False'),
      rationale: 'The audit says 2%.',
      proposedById: checker.id,
      proposedAt: new Date('2026-06-01T12:00:00.000Z'),
    };
    await prisma.claim.update({ where: { id: c[1].id }, data: { status: 'ASSIGNED', assigneeId: checker.id, dueAt: new Date('2026-06-20T00:00:00.000Z') } });
    await prisma.claim.update({
      where: { id: c[2].id },
      data: { status: 'IN_RESEARCH', assigneeId: checker.id, asChecked: 'The council approved the budget 7–2.' },
    });
    await prisma.claim.update({ where: { id: c[3].id }, data: { status: 'IN_REVIEW', assigneeId: checker.id, ...proposed, version: 3 } });
    await prisma.claim.update({ where: { id: c[4].id }, data: { status: 'RETURNED', assigneeId: checker.id, ...proposed } });
    await prisma.review.create({ data: { teamId: team.id, claimId: c[4].id, reviewerId: editor.id, decision: 'RETURNED', comment: 'Cite the audit.' } });
    const approved = c[0];
    await prisma.claim.update({
      where: { id: approved.id },
      data: {
        status: 'APPROVED',
        assigneeId: checker.id,
        ...proposed,
        verdictLabelId: label('Mostly true'),
        publishedAt: new Date('2026-06-03T09:00:00.000Z'),
        firstPublishedAt: new Date('2026-06-02T09:00:00.000Z'),
      },
    });
    const evidence = await prisma.evidence.create({
      data: {
        teamId: team.id,
        claimId: approved.id,
        url: 'https://example.org/budget',
        title: 'Budget book',
        publisher: 'City',
        stance: 'CONTEXT',
        quote: '“up 4.1%”',
        archiveUrl: 'https://archive.example/budget',
        note: 'Page 12',
        authorId: checker.id,
      },
    });
    await prisma.review.create({
      data: { teamId: team.id, claimId: approved.id, reviewerId: editor.id, decision: 'APPROVED', createdAt: new Date('2026-06-02T08:00:00.000Z') },
    });
    await prisma.correction.create({
      data: {
        teamId: team.id,
        claimId: approved.id,
        status: 'APPROVED',
        previousVerdict: 'True',
        previousRationale: 'Was 4%.',
        newVerdict: 'Mostly true',
        newVerdictLabelId: label('Mostly true'),
        newRationale: 'The audit says 2%.',
        note: 'Rounded.',
        createdById: editor.id,
        decidedById: admin.id,
        decidedAt: new Date('2026-06-04T09:00:00.000Z'),
      },
    });
    await prisma.claim.update({
      where: { id: c[5].id },
      data: { status: 'NOT_CHECK_WORTHY', notCheckWorthyReason: 'A promise.', statusBeforeExclusion: 'ASSIGNED' },
    });
    // The tunnel's first claim reuses the budget verdict: a link to a claim later in the file.
    const reusing = (await prisma.claim.findFirstOrThrow({ where: { articleId: tunnel.id, archivedAt: null }, orderBy: { position: 'asc' } })).id;
    await prisma.claim.update({ where: { id: reusing }, data: { reusedFromId: approved.id, verdictLabelId: label('Mostly true'), rationale: 'Reused.' } });
    await prisma.auditEvent.createMany({
      data: [
        {
          teamId: team.id,
          actorId: checker.id,
          claimId: approved.id,
          articleId: budget.id,
          type: 'evidence.added',
          data: { evidenceId: evidence.id, title: 'Budget book' },
        },
        {
          teamId: team.id,
          actorId: checker.id,
          claimId: reusing,
          articleId: tunnel.id,
          type: 'verdict.reused',
          data: { sourceClaimId: approved.id, nested: [{ userId: admin.id }] },
        },
        {
          teamId: team.id,
          actorId: null,
          type: 'team.member_added',
          data: { userId: checker.id, name: 'Carl Checker' },
          createdAt: new Date('2026-01-01T00:00:00.000Z'),
        },
      ],
    });
    await prisma.notification.createMany({
      data: [
        { teamId: team.id, userId: checker.id, claimId: c[1].id, type: 'ASSIGNED', message: 'Assigned to you', readAt: new Date('2026-06-05T10:00:00.000Z') },
        { teamId: team.id, userId: checker.id, claimId: approved.id, type: 'APPROVED', message: 'Approved' },
      ],
    });
    return { team, admin, editor, checker };
  }

  it('imports an export into an empty team with every field kept and every id new', async () => {
    const rich = await richTeam();
    const first = asFile(await exportTeam(prisma, rich.team.id));

    // The fixture really has what the round trip claims to cover.
    const claims = (first.articles as { claims: Record<string, unknown>[]; versions: unknown[] }[]).flatMap((a) => a.claims);
    expect(new Set(claims.map((c) => c.status))).toEqual(new Set(CLAIM_STATUSES));
    for (const field of ['archivedAt', 'previousText', 'reusedFromId', 'asChecked', 'publishedAt', 'firstPublishedAt', 'statusBeforeExclusion', 'dueAt']) {
      expect(
        claims.some((c) => c[field] !== null),
        field,
      ).toBe(true);
    }
    expect(claims.some((c) => (c.checkWorthinessReasons as unknown[]).length > 0)).toBe(true);
    expect((first.articles as { versions: unknown[] }[]).some((a) => a.versions.length > 0)).toBe(true);
    expect(claims.flatMap((c) => c.corrections as unknown[])).toHaveLength(1);
    expect(first.notifications).toHaveLength(2);
    expect(JSON.stringify(first)).not.toContain('passwordHash');

    // The team moves: its accounts make way, and the new team's admin is the same person.
    for (const u of [rich.admin, rich.editor, rich.checker]) await prisma.user.update({ where: { id: u.id }, data: { email: `moved.${u.email}` } });
    const target = await newTeam('Target');
    const targetAdmin = await createUser(prisma, { teamId: target.team.id, email: rich.admin.email, name: rich.admin.name, role: 'admin' });

    const result = await importTeam(prisma, target.team.id, first, targetAdmin);
    expect(result).toEqual({ articles: 2, claims: claims.length, members: 3, createdMembers: [rich.checker.email, rich.editor.email].sort() });

    const second = asFile(await exportTeam(prisma, target.team.id));
    const imported = second.auditEvents.filter((e) => e.type === 'team.imported');
    expect(imported).toHaveLength(1);
    second.auditEvents = second.auditEvents.filter((e) => e.type !== 'team.imported');

    // Imported, nothing is public and nobody here decided anything: decisions and history keep the names they had.
    const claimsOf = (doc: ExportFile) =>
      (doc.articles as { claims: { publishedAt: unknown; reviews: { reviewerId: unknown }[] }[] }[]).flatMap((a) => a.claims);
    expect(claimsOf(second).every((c) => c.publishedAt === null)).toBe(true);
    expect(
      claimsOf(second)
        .flatMap((c) => c.reviews)
        .every((r) => r.reviewerId === null),
    ).toBe(true);
    expect((second.auditEvents as unknown as { actorId: unknown }[]).every((e) => e.actorId === null)).toBe(true);

    const a = normalise(asImported(first));
    const b = normalise(second);
    expect([...a.ids].filter((id) => b.ids.has(id))).toEqual([]);
    const { ids: _a, ...left } = a;
    const { ids: _b, ...right } = b;
    expect(right).toEqual(left);

    // New members exist but nobody knows their password.
    const created = await prisma.user.findUniqueOrThrow({ where: { email: rich.checker.email } });
    expect(created.teamId).toBe(target.team.id);
    expect(await verifyPassword(created.passwordHash, DEMO_PASSWORD)).toBe(false);
  });

  it('refuses a team that already has articles, and changes nothing', async () => {
    const source = await newTeam('Source');
    const editor = await source.member('editor', 'Sam Source');
    await createArticle(prisma, { teamId: source.team.id, actorId: editor.id, text: 'Source Title\n\nThe budget rose 4%.' });
    const doc = asFile(await exportTeam(prisma, source.team.id));
    await prisma.user.update({ where: { id: editor.id }, data: { email: `moved.${editor.email}` } });

    const busy = await newTeam('Busy');
    const busyEditor = await busy.member('editor', 'Bea Busy');
    await createArticle(prisma, { teamId: busy.team.id, actorId: busyEditor.id, text: 'Busy Title\n\nTaxes fell 2%.' });
    await expect(importTeam(prisma, busy.team.id, doc, busyEditor)).rejects.toThrow(
      /already has 1 article\. A team export is imported only into an empty team/,
    );
    expect(await prisma.article.count({ where: { teamId: busy.team.id } })).toBe(1);
    expect(await prisma.user.count({ where: { email: editor.email } })).toBe(0);
  });

  it('refuses members whose email has an account in another team, listing them', async () => {
    const source = await newTeam('Owner');
    const [one, two] = [await source.member('editor', 'Olga Owner'), await source.member('checker', 'Otto Owner')];
    await createArticle(prisma, { teamId: source.team.id, actorId: one.id, text: 'Owner Title\n\nThe budget rose 4%.' });
    const doc = asFile(await exportTeam(prisma, source.team.id));
    const empty = await newTeam('Empty');
    const admin = await empty.member('admin', 'Emma Empty');
    const refusal = await importTeam(prisma, empty.team.id, doc, admin).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(TeamImportError);
    expect((refusal as TeamImportError).message).toMatch(/These members have an account in another team/);
    expect((refusal as TeamImportError).problems.sort()).toEqual([one.email, two.email].sort());
    expect(await prisma.article.count({ where: { teamId: empty.team.id } })).toBe(0);
  });

  it('refuses a file that is not a team export or does not hold together, with the reason', async () => {
    const empty = await newTeam('Picky');
    const admin = await empty.member('admin', 'Pia Picky');
    await expect(importTeam(prisma, empty.team.id, { format: 'something-else', version: 1 }, admin)).rejects.toThrow(/not a Claimdesk team export/);
    const source = await newTeam('Loose');
    const editor = await source.member('editor', 'Lou Loose');
    await createArticle(prisma, { teamId: source.team.id, actorId: editor.id, text: 'Loose Title\n\nThe budget rose 4%.' });
    const doc = asFile(await exportTeam(prisma, source.team.id)) as unknown as { articles: { claims: { assigneeId: string | null; extra?: number }[] }[] };
    doc.articles[0].claims[0].assigneeId = 'nobody';
    await expect(importTeam(prisma, empty.team.id, doc, admin)).rejects.toThrow(/refers to member nobody, which is not in the file/);
    doc.articles[0].claims[0].extra = 1;
    await expect(importTeam(prisma, empty.team.id, doc, admin)).rejects.toThrow(/Unrecognized key/);
  });

  it('writes all or nothing: a failure late in the import leaves the team as it was', async () => {
    const source = await newTeam('Atomic');
    const editor = await source.member('editor', 'Abe Atomic');
    const article = await createArticle(prisma, { teamId: source.team.id, actorId: editor.id, text: 'Atomic Title\n\nThe budget rose 4%. Taxes fell.' });
    await reimportArticle(prisma, {
      teamId: source.team.id,
      actorId: editor.id,
      articleId: article.id,
      input: importArticleSchema.parse({ text: 'Atomic Title\n\nThe budget rose 5%. Taxes fell.' }),
    });
    await reimportArticle(prisma, {
      teamId: source.team.id,
      actorId: editor.id,
      articleId: article.id,
      input: importArticleSchema.parse({ text: 'Atomic Title\n\nThe budget rose 6%. Taxes fell.' }),
    });
    const doc = asFile(await exportTeam(prisma, source.team.id)) as unknown as { articles: { versions: { version: number }[] }[] };
    await prisma.user.update({ where: { id: editor.id }, data: { email: `moved.${editor.email}` } });
    // Two versions with one number pass validation but break a unique index in the database.
    doc.articles[0].versions[1].version = doc.articles[0].versions[0].version;

    const empty = await newTeam('Untouched');
    const admin = await empty.member('admin', 'Una Untouched');
    const labelsBefore = await prisma.verdictLabel.findMany({ where: { teamId: empty.team.id }, orderBy: { position: 'asc' } });
    await expect(importTeam(prisma, empty.team.id, doc, admin)).rejects.toThrow();
    expect(await prisma.article.count({ where: { teamId: empty.team.id } })).toBe(0);
    expect(await prisma.user.count({ where: { email: editor.email } })).toBe(0);
    expect(await prisma.verdictLabel.findMany({ where: { teamId: empty.team.id }, orderBy: { position: 'asc' } })).toEqual(labelsBefore);
  });
});
