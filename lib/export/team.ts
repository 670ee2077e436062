/**
 * A whole team as one versioned JSON document, and back: `exportTeam` writes every field of the
 * team's articles, versions, claims, evidence, reviews, corrections, verdict scale, audit trail
 * and notifications; `importTeam` reads such a document into an empty team with new ids and
 * every reference kept. Members travel by email; passwords, sessions, API tokens and webhooks
 * belong to an installation and stay behind (docs/decisions/0011-export-and-team-import.md).
 */
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Prisma, PrismaClient } from '@/lib/generated/prisma/client';
import { ClaimStatus, CorrectionKind, CorrectionStatus, NotificationType, ReviewDecision, Role, SourceChange, Stance } from '@/lib/generated/prisma/enums';
import { hashPassword } from '@/lib/auth/password';
import { recordAudit } from '@/lib/audit/record';
import { linkReusedClaims } from '@/lib/operations/claim-writer';
import { auditEvent } from '@/lib/domain/audit-events';
import { newIds } from '@/lib/db/ids';
import { fileSlug } from '@/lib/export/response';
import { INT4_MAX, jsonProblem, storableIsoDate, storableString } from '@/lib/validation/fields';

const TEAM_EXPORT_FORMAT = 'claimdesk-team';
const TEAM_EXPORT_VERSION = 1;

const byCreation = () => [{ createdAt: 'asc' as const }, { id: 'asc' as const }];

/**
 * The team's data in a fixed order. Rows are read with `omit` rather than `select`, so a
 * column added to the schema is exported at once, and the strict import schema below refuses
 * it until the import learns it: the round-trip test then fails instead of data going missing.
 */
export async function exportTeam(db: PrismaClient, teamId: string) {
  const team = await db.team.findUniqueOrThrow({ where: { id: teamId }, omit: { id: true } });
  const [members, verdictLabels, articles, auditEvents, notifications] = await Promise.all([
    // Never the password hash: a member is who they are, not how they sign in here.
    db.user.findMany({ where: { teamId }, orderBy: { email: 'asc' }, select: { id: true, email: true, name: true, role: true } }),
    db.verdictLabel.findMany({ where: { teamId }, omit: { teamId: true }, orderBy: [{ position: 'asc' }, { id: 'asc' }] }),
    db.article.findMany({
      where: { teamId },
      omit: { teamId: true },
      orderBy: byCreation(),
      include: { versions: { omit: { articleId: true }, orderBy: [{ version: 'asc' }, { id: 'asc' }] } },
    }),
    db.auditEvent.findMany({ where: { teamId }, omit: { teamId: true }, orderBy: byCreation() }),
    db.notification.findMany({ where: { teamId }, omit: { teamId: true }, orderBy: byCreation() }),
  ]);
  const withClaims = [];
  for (const article of articles) {
    const claims = await db.claim.findMany({
      where: { teamId, articleId: article.id },
      omit: { teamId: true, articleId: true },
      orderBy: [{ position: 'asc' }, { id: 'asc' }],
      include: {
        evidence: { omit: { teamId: true, claimId: true }, orderBy: byCreation() },
        reviews: { omit: { teamId: true, claimId: true }, orderBy: byCreation() },
        corrections: { omit: { teamId: true, claimId: true }, orderBy: byCreation() },
      },
    });
    withClaims.push({ ...article, claims });
  }
  return {
    format: TEAM_EXPORT_FORMAT,
    version: TEAM_EXPORT_VERSION,
    exportedAt: new Date(),
    team,
    // A member's key is their id in this installation; every user reference in the file uses it.
    members: members.map(({ id, ...m }) => ({ key: id, ...m })),
    verdictLabels,
    articles: withClaims,
    auditEvents,
    notifications,
  };
}

export type TeamExport = Awaited<ReturnType<typeof exportTeam>>;

export function teamExportFilename(doc: Pick<TeamExport, 'team' | 'exportedAt'>): string {
  return `claimdesk-team-${fileSlug(doc.team.slug)}-${doc.exportedAt.toISOString().slice(0, 10)}.json`;
}

// The document as a file holds it: dates as ISO strings, JSON columns as JSON.
// Only what the database stores: no NUL or half surrogate pair in any text, integers that fit an
// `integer` column, dates it can read, JSON it can hold (ADR 0024).
const ref = storableString('A reference').min(1).max(200);
const text = storableString('Text');
const maybeText = text.nullable();
const int = z
  .number()
  .int()
  .min(-INT4_MAX - 1)
  .max(INT4_MAX);
const date = storableIsoDate.transform((s) => new Date(s));
const maybeDate = date.nullable();
const json = z
  .unknown()
  .refine((v) => v !== null && v !== undefined, 'must not be null')
  .superRefine((v, ctx) => {
    const problem = jsonProblem(v);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  })
  .transform((v) => v as Prisma.InputJsonValue);

const evidenceSchema = z.strictObject({
  id: ref,
  url: text,
  title: text,
  publisher: maybeText,
  stance: z.enum(Stance),
  quote: maybeText,
  archiveUrl: maybeText,
  note: maybeText,
  authorId: ref,
  version: int.min(0),
  createdAt: date,
  updatedAt: date,
});

const reviewSchema = z.strictObject({
  id: ref,
  reviewerId: ref.nullable(),
  importedReviewerName: maybeText.default(null),
  decision: z.enum(ReviewDecision),
  comment: maybeText,
  createdAt: date,
});

const correctionSchema = z.strictObject({
  id: ref,
  kind: z.enum(CorrectionKind).default('VERDICT'),
  status: z.enum(CorrectionStatus).default('APPROVED'),
  claimVersion: int.default(0),
  previousVerdict: text,
  previousRationale: text,
  newVerdict: maybeText,
  newVerdictLabelId: ref.nullable().default(null),
  newRationale: maybeText.default(null),
  note: text,
  createdById: ref.nullable(),
  createdAt: date,
  decidedById: ref.nullable().default(null),
  decidedAt: maybeDate.default(null),
  decisionComment: maybeText.default(null),
});

const claimSchema = z.strictObject({
  id: ref,
  position: int,
  paragraph: int,
  text,
  start: int,
  end: int,
  asChecked: maybeText,
  previousText: maybeText,
  archivedAt: maybeDate,
  sourceChange: z.enum(SourceChange).nullable().default(null),
  sourceText: maybeText.default(null),
  reusedFromId: ref.nullable(),
  checkWorthiness: z.number(),
  checkWorthinessReasons: json,
  status: z.enum(ClaimStatus),
  assigneeId: ref.nullable(),
  dueAt: maybeDate,
  notes: text,
  verdictLabelId: ref.nullable(),
  rationale: maybeText,
  proposedById: ref.nullable(),
  proposedAt: maybeDate,
  notCheckWorthyReason: maybeText,
  statusBeforeExclusion: z.enum(ClaimStatus).nullable(),
  version: int,
  createdAt: date,
  updatedAt: date,
  publishedAt: maybeDate,
  firstPublishedAt: maybeDate,
  evidence: z.array(evidenceSchema),
  reviews: z.array(reviewSchema),
  corrections: z.array(correctionSchema),
});

const articleSchema = z.strictObject({
  id: ref,
  title: text,
  body: text,
  byline: maybeText,
  sourceUrl: maybeText,
  outlet: maybeText,
  author: maybeText,
  publishedAt: maybeDate,
  language: text,
  version: int,
  createdById: ref,
  createdAt: date,
  updatedAt: date,
  reportPublishedAt: maybeDate,
  versions: z.array(z.strictObject({ id: ref, version: int, title: text, body: text, changes: json, createdById: ref.nullable(), createdAt: date })),
  claims: z.array(claimSchema),
});

const teamExportSchema = z.strictObject({
  format: z.literal(TEAM_EXPORT_FORMAT, { error: `This is not a Claimdesk team export (its "format" is not "${TEAM_EXPORT_FORMAT}").` }),
  version: z.literal(TEAM_EXPORT_VERSION, { error: `This team export has a version this Claimdesk cannot read (it reads version ${TEAM_EXPORT_VERSION}).` }),
  exportedAt: date,
  team: z.strictObject({ name: text, slug: text, createdAt: date, orgName: maybeText, orgUrl: maybeText, orgLogoUrl: maybeText }),
  members: z.array(z.strictObject({ key: ref, email: z.email().transform((e) => e.toLowerCase()), name: text, role: z.enum(Role) })),
  verdictLabels: z.array(z.strictObject({ id: ref, name: text, position: int, retiredAt: maybeDate, createdAt: date })),
  articles: z.array(articleSchema),
  auditEvents: z.array(
    z.strictObject({
      id: ref,
      actorId: ref.nullable(),
      importedActorName: maybeText.default(null),
      articleId: ref.nullable(),
      claimId: ref.nullable(),
      type: text,
      data: json,
      createdAt: date,
    }),
  ),
  notifications: z
    .array(z.strictObject({ id: ref, userId: ref, type: z.enum(NotificationType), claimId: ref, message: text, readAt: maybeDate, createdAt: date }))
    .default([]),
});

type ParsedExport = z.output<typeof teamExportSchema>;

/** A refusal the admin should read; `problems` lists each thing wrong. */
export class TeamImportError extends Error {
  constructor(
    message: string,
    public readonly problems: string[] = [],
  ) {
    super(message);
    this.name = 'TeamImportError';
  }
}

const LISTED = 10;

function listed(problems: string[]): string {
  const more = problems.length > LISTED ? ` … and ${problems.length - LISTED} more.` : '';
  return problems.slice(0, LISTED).join('; ') + more;
}

/** Every id unique, every reference pointing at something in the file. */
function checkReferences(doc: ParsedExport): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  const unique = (kind: string, id: string) => {
    if (seen.has(id)) problems.push(`${kind} ${id} appears twice`);
    seen.add(id);
  };
  const members = new Set(doc.members.map((m) => m.key));
  const emails = new Set<string>();
  for (const m of doc.members) {
    unique('member', m.key);
    if (emails.has(m.email)) problems.push(`the email ${m.email} belongs to two members`);
    emails.add(m.email);
  }
  for (const l of doc.verdictLabels) unique('verdict label', l.id);
  const labels = new Set(doc.verdictLabels.map((l) => l.id));
  const claims = new Set(doc.articles.flatMap((a) => a.claims.map((c) => c.id)));
  const articles = new Set(doc.articles.map((a) => a.id));
  const check = (what: string, value: string | null, known: Set<string>, kind: string) => {
    if (value !== null && !known.has(value)) problems.push(`${what} refers to ${kind} ${value}, which is not in the file`);
  };
  for (const a of doc.articles) {
    unique('article', a.id);
    check(`article ${a.id}`, a.createdById, members, 'member');
    for (const v of a.versions) unique('article version', v.id);
    for (const c of a.claims) {
      unique('claim', c.id);
      check(`claim ${c.id}`, c.assigneeId, members, 'member');
      check(`claim ${c.id}`, c.proposedById, members, 'member');
      check(`claim ${c.id}`, c.verdictLabelId, labels, 'verdict label');
      check(`claim ${c.id}`, c.reusedFromId, claims, 'claim');
      for (const e of c.evidence) {
        unique('evidence', e.id);
        check(`evidence ${e.id}`, e.authorId, members, 'member');
      }
      for (const r of c.reviews) {
        unique('review', r.id);
        check(`review ${r.id}`, r.reviewerId, members, 'member');
      }
      for (const k of c.corrections) unique('correction', k.id);
    }
  }
  for (const e of doc.auditEvents) {
    unique('audit event', e.id);
    check(`audit event ${e.id}`, e.actorId, members, 'member');
    check(`audit event ${e.id}`, e.articleId, articles, 'article');
    check(`audit event ${e.id}`, e.claimId, claims, 'claim');
  }
  for (const n of doc.notifications) {
    unique('notification', n.id);
    check(`notification ${n.id}`, n.userId, members, 'member');
    check(`notification ${n.id}`, n.claimId, claims, 'claim');
  }
  return problems;
}

export type TeamImportResult = {
  articles: number;
  claims: number;
  members: number;
  /** Emails of members created by the import: they have no usable password until an admin sets one. */
  createdMembers: string[];
};

export async function countTeamArticles(db: Prisma.TransactionClient | PrismaClient, teamId: string): Promise<number> {
  return db.article.count({ where: { teamId } });
}

async function refuseNonEmpty(db: Prisma.TransactionClient | PrismaClient, teamId: string) {
  const articles = await countTeamArticles(db, teamId);
  if (articles > 0) {
    throw new TeamImportError(
      `This team already has ${articles} ${articles === 1 ? 'article' : 'articles'}. A team export is imported only into an empty team, so nothing here is mixed up or overwritten.`,
    );
  }
}

/**
 * Reads a team export into the empty team `targetTeamId`, all or nothing. Members are matched by
 * email to the team's members; missing ones are created with a random password nobody knows;
 * an email with an account in another team stops the import. Every row gets a new id; every
 * reference, including ids inside audit data and version changes, follows it. The team keeps
 * its own name and address; its verdict scale and publisher details become the file's.
 */
export async function importTeam(db: PrismaClient, targetTeamId: string, input: unknown, actor: { id: string }): Promise<TeamImportResult> {
  const parsed = teamExportSchema.safeParse(input);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message));
    throw new TeamImportError(`This file is not a team export Claimdesk can import: ${listed(problems)}`, problems);
  }
  const doc = parsed.data;
  const problems = checkReferences(doc);
  if (problems.length) throw new TeamImportError(`This team export does not hold together: ${listed(problems)}`, problems);
  await refuseNonEmpty(db, targetTeamId);

  const accounts = await db.user.findMany({ where: { email: { in: doc.members.map((m) => m.email) } }, select: { id: true, email: true, teamId: true } });
  const elsewhere = accounts.filter((u) => u.teamId !== targetTeamId).map((u) => u.email);
  if (elsewhere.length) {
    throw new TeamImportError(
      `${elsewhere.length === 1 ? 'This member has' : 'These members have'} an account in another team, and an account belongs to one team: ${listed(elsewhere)}. Remove or rename those accounts, or edit their emails in the file, and import again.`,
      elsewhere,
    );
  }
  const accountByEmail = new Map(accounts.map((u) => [u.email, u.id]));
  const newMembers = doc.members.filter((m) => !accountByEmail.has(m.email));
  // Hashed outside the transaction: ~70 ms each, and nobody is ever told these passwords.
  const hashes = await Promise.all(newMembers.map(() => hashPassword(randomBytes(32).toString('base64url'))));

  // Old id → new id for every row and member. New ids are sorted before they are handed out in
  // the file's order, so rows that tie on their sort key (position, createdAt) keep their order.
  const ids = new Map<string, string>();
  const assign = (oldIds: string[]) => {
    const fresh = newIds(oldIds.length).sort();
    oldIds.forEach((id, i) => ids.set(id, fresh[i]));
  };
  const newMemberIds = newIds(newMembers.length);
  newMembers.forEach((m, i) => ids.set(m.key, newMemberIds[i]));
  for (const m of doc.members) if (accountByEmail.has(m.email)) ids.set(m.key, accountByEmail.get(m.email)!);
  const claims = doc.articles.flatMap((a) => a.claims.map((c) => ({ ...c, articleId: a.id })));
  const evidence = claims.flatMap((c) => c.evidence.map((e) => ({ ...e, claimId: c.id })));
  const reviews = claims.flatMap((c) => c.reviews.map((r) => ({ ...r, claimId: c.id })));
  const corrections = claims.flatMap((c) => c.corrections.map((k) => ({ ...k, claimId: c.id })));
  const versions = doc.articles.flatMap((a) => a.versions.map((v) => ({ ...v, articleId: a.id })));
  for (const rows of [doc.verdictLabels, doc.articles, versions, claims, evidence, reviews, corrections, doc.auditEvents, doc.notifications]) {
    assign(rows.map((r) => r.id));
  }
  const to = (id: string) => ids.get(id)!;
  const toMaybe = (id: string | null) => (id === null ? null : to(id));
  // Columns without a foreign key (who made a version or a correction) may name someone gone.
  const toLoose = (id: string | null) => (id === null ? null : (ids.get(id) ?? null));
  const remapJson = (value: Prisma.InputJsonValue): Prisma.InputJsonValue => {
    if (typeof value === 'string') return ids.get(value) ?? value;
    if (Array.isArray(value)) return value.map((v) => remapJson(v as Prisma.InputJsonValue));
    if (value && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, v === null ? null : remapJson(v as Prisma.InputJsonValue)]));
    }
    return value;
  };
  const teamId = targetTeamId;
  const memberName = new Map(doc.members.map((m) => [m.key, m.name]));
  const importedName = (key: string | null, given: string | null) => (key ? (memberName.get(key) ?? given ?? 'a former member') : (given ?? 'a former member'));

  return db.$transaction(
    async (tx) => {
      // Locks the team so that two imports into it cannot both find it empty.
      await tx.$queryRaw`SELECT id FROM "Team" WHERE id = ${teamId} FOR UPDATE`;
      await refuseNonEmpty(tx, teamId);
      const { orgName, orgUrl, orgLogoUrl } = doc.team;
      await tx.team.update({ where: { id: teamId }, data: { orgName, orgUrl, orgLogoUrl } });
      // No articles means no claims, so nothing uses the team's current scale: the file's replaces it.
      await tx.verdictLabel.deleteMany({ where: { teamId } });
      await tx.verdictLabel.createMany({ data: doc.verdictLabels.map((l) => ({ ...l, id: to(l.id), teamId })) });
      await tx.user.createMany({
        data: newMembers.map((m, i) => ({ id: to(m.key), teamId, email: m.email, name: m.name, role: m.role, passwordHash: hashes[i] })),
      });
      // Nothing is public until an editor of this desk publishes it.
      await tx.article.createMany({
        data: doc.articles.map(({ versions: _v, claims: _c, ...a }) => ({
          ...a,
          id: to(a.id),
          teamId,
          createdById: to(a.createdById),
          reportPublishedAt: null,
        })),
      });
      await tx.articleVersion.createMany({
        data: versions.map((v) => ({ ...v, id: to(v.id), articleId: to(v.articleId), changes: remapJson(v.changes), createdById: toLoose(v.createdById) })),
      });
      await tx.claim.createMany({
        data: claims.map(({ evidence: _e, reviews: _r, corrections: _k, ...c }) => ({
          ...c,
          id: to(c.id),
          teamId,
          articleId: to(c.articleId),
          assigneeId: toMaybe(c.assigneeId),
          proposedById: toMaybe(c.proposedById),
          verdictLabelId: toMaybe(c.verdictLabelId),
          publishedAt: null,
          // Linked below, once every claim exists: a reused claim may come later in the file.
          reusedFromId: null,
        })),
      });
      await linkReusedClaims(
        tx,
        claims.filter((c) => c.reusedFromId !== null).map((c) => ({ id: to(c.id), sourceId: to(c.reusedFromId!) })),
      );
      await tx.evidence.createMany({ data: evidence.map((e) => ({ ...e, id: to(e.id), teamId, claimId: to(e.claimId), authorId: to(e.authorId) })) });
      // Review decisions and history made elsewhere are imported as such: by name, never as a member of this team.
      await tx.review.createMany({
        data: reviews.map((r) => ({
          ...r,
          id: to(r.id),
          teamId,
          claimId: to(r.claimId),
          reviewerId: null,
          importedReviewerName: importedName(r.reviewerId, r.importedReviewerName),
        })),
      });
      await tx.correction.createMany({
        data: corrections.map((k) => ({
          ...k,
          id: to(k.id),
          teamId,
          claimId: to(k.claimId),
          newVerdictLabelId: toLoose(k.newVerdictLabelId),
          createdById: null,
          decidedById: null,
          // A proposal still waiting in the other installation is not carried over as one waiting here.
          ...(k.status === 'PROPOSED'
            ? { status: 'REJECTED' as const, decisionComment: 'Waiting for a decision when the team was exported; not carried over.' }
            : {}),
        })),
      });
      await tx.auditEvent.createMany({
        data: doc.auditEvents.map((e) => ({
          ...e,
          id: to(e.id),
          teamId,
          actorId: null,
          importedActorName: e.actorId ? importedName(e.actorId, e.importedActorName) : e.importedActorName,
          articleId: toMaybe(e.articleId),
          claimId: toMaybe(e.claimId),
          data: remapJson(e.data),
        })),
      });
      await tx.notification.createMany({
        data: doc.notifications.map((n) => ({ ...n, id: to(n.id), teamId, userId: to(n.userId), claimId: to(n.claimId) })),
      });
      const result: TeamImportResult = {
        articles: doc.articles.length,
        claims: claims.length,
        members: doc.members.length,
        createdMembers: newMembers.map((m) => m.email),
      };
      await recordAudit(tx, {
        teamId,
        actorId: actor.id,
        event: auditEvent('team.imported', { ...result, exportedAt: doc.exportedAt.toISOString(), fromTeam: doc.team.name }),
      });
      return result;
    },
    { maxWait: 30_000, timeout: 10 * 60_000 },
  );
}
