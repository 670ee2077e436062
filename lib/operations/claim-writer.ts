/**
 * The one writer of claims. Every change to a claim's workflow, text, verdict, publication or
 * work goes through `writeClaim`: the rules of lib/domain/invariants.ts, a versioned update,
 * and its audit event, inside the caller's transaction. Only the layout columns (position,
 * paragraph, offsets) move without it, through `shiftPositions` and `placeClaims`, and only
 * this module updates the Claim table (a test fails when another file does).
 */
import type { Prisma } from '@/lib/generated/prisma/client';
import type { SessionUser } from '@/lib/auth/session';
import { recordAudit } from '@/lib/audit/record';
import type { AuditEvent } from '@/lib/domain/audit-events';
import { claimWriteViolations } from '@/lib/domain/invariants';
import { transition, type Actor, type WorkflowClaim, type WorkflowEvent } from '@/lib/domain/workflow';
import { ConflictError, InvalidInputError, InvalidStateError, NotAllowedError, NotFoundError } from '@/lib/operations/errors';

type Tx = Prisma.TransactionClient;

export const claimRecordSelect = {
  id: true,
  teamId: true,
  articleId: true,
  position: true,
  paragraph: true,
  text: true,
  start: true,
  end: true,
  status: true,
  statusBeforeExclusion: true,
  assigneeId: true,
  proposedById: true,
  verdictLabelId: true,
  rationale: true,
  notes: true,
  asChecked: true,
  dueAt: true,
  previousText: true,
  sourceChange: true,
  sourceText: true,
  archivedAt: true,
  publishedAt: true,
  firstPublishedAt: true,
  notCheckWorthyReason: true,
  version: true,
} as const satisfies Prisma.ClaimSelect;

export type ClaimRecord = Prisma.ClaimGetPayload<{ select: typeof claimRecordSelect }>;

/** The claim if it is in the user's team; the same refusal whether it is elsewhere or nowhere. */
export async function loadClaim(tx: Tx, user: Pick<SessionUser, 'teamId'>, claimId: string, options: { archived?: 'allow' } = {}): Promise<ClaimRecord> {
  const claim = await tx.claim.findFirst({ where: { id: claimId, teamId: user.teamId }, select: claimRecordSelect });
  if (!claim) throw new NotFoundError();
  if (claim.archivedAt && options.archived !== 'allow') throw new InvalidStateError('This claim is archived: its sentence is no longer in the article.');
  return claim;
}

/** Several claims of the team, none archived; all of them or a refusal that names the problem. */
export async function loadClaims(tx: Tx, user: Pick<SessionUser, 'teamId'>, claimIds: string[]): Promise<ClaimRecord[]> {
  const claims = await tx.claim.findMany({
    where: { id: { in: claimIds }, teamId: user.teamId, archivedAt: null },
    select: claimRecordSelect,
    orderBy: { position: 'asc' },
  });
  if (claims.length !== new Set(claimIds).size) {
    throw new NotFoundError(
      claimIds.length === 1
        ? 'That claim does not exist, is archived or is not in your team.'
        : 'Some selected claims are not in your team or no longer in their article. Reload and try again.',
    );
  }
  return claims;
}

/** The workflow's answer to an event, or the refusal as the error of its kind. */
export function step(claim: WorkflowClaim, event: WorkflowEvent, actor: Actor): WorkflowClaim {
  const result = transition(claim, event, actor);
  if (result.ok) return result.state;
  switch (result.code) {
    case 'forbidden':
    case 'own_verdict':
      throw new NotAllowedError(result.message);
    case 'invalid_transition':
      throw new InvalidStateError(result.message);
    case 'missing_input':
      throw new InvalidInputError(result.message);
  }
}

export function workflowPatch(state: WorkflowClaim) {
  return { status: state.status, assigneeId: state.assigneeId, proposedById: state.proposedById, statusBeforeExclusion: state.statusBeforeExclusion };
}

/** What a write may set: everything but the identity, the team, the article and the version. */
export type ClaimPatch = Partial<Omit<ClaimRecord, 'id' | 'teamId' | 'articleId' | 'version'>> & {
  proposedAt?: Date | null;
  reusedFromId?: string | null;
  checkWorthiness?: number;
  checkWorthinessReasons?: Prisma.InputJsonValue;
};

export type ClaimWrite = {
  claim: ClaimRecord;
  /** The version the person saw; a write based on an older one is a conflict. Default: the claim as loaded. */
  expectedVersion?: number;
  patch: ClaimPatch;
  actor: { id: string | null; teamId: string };
  audit: AuditEvent;
  /** For a change to published content: the approved proposal it carries out. */
  approvalOf?: { proposedById: string | null };
};

/**
 * Checks the write against the desk's invariants, updates the claim if its version is still the
 * one read, bumps the version and records the audit event. Returns the claim as written.
 */
export async function writeClaim(tx: Tx, { claim, expectedVersion = claim.version, patch, actor, audit, approvalOf }: ClaimWrite): Promise<ClaimRecord> {
  if (expectedVersion !== claim.version) throw await claimConflict(tx, claim.id, Object.keys(patch));
  const after: ClaimRecord = { ...claim, ...stripExtras(patch), version: claim.version + 1 };
  const violations = claimWriteViolations(claim, after, { actorId: actor.id, approvalOf });
  if (violations.length) {
    const [first] = violations;
    throw first.invariant === 'secondPerson' ? new NotAllowedError(first.message) : new InvalidStateError(first.message);
  }
  const { count } = await tx.claim.updateMany({ where: { id: claim.id, version: claim.version }, data: { ...patch, version: { increment: 1 } } });
  if (count === 0) throw await claimConflict(tx, claim.id, Object.keys(patch));
  await recordAudit(tx, { teamId: actor.teamId, actorId: actor.id, claimId: claim.id, articleId: claim.articleId, event: audit });
  return after;
}

function stripExtras(patch: ClaimPatch): Partial<ClaimRecord> {
  const { proposedAt: _p, reusedFromId: _r, checkWorthiness: _c, checkWorthinessReasons: _cr, ...rest } = patch;
  return rest;
}

/** What the people who saved first made of the fields a change touches, as the conflict shows them. */
const CONFLICT_FIELDS = {
  text: 'Sentence',
  status: 'Status',
  notes: 'Research notes',
  rationale: 'Rationale',
  verdictLabelId: 'Verdict',
  asChecked: 'Claim as checked',
  assigneeId: 'Assignee',
  dueAt: 'Due date',
} as const;

type ConflictField = keyof typeof CONFLICT_FIELDS;

/**
 * A conflict with their version of the fields the change touches; a change that touches none of
 * them (a split, a merge, a publication) shows the sentence and the status, so there is always
 * something to compare.
 */
export async function claimConflict(tx: Tx, claimId: string, changed: string[]): Promise<ConflictError> {
  const now = await tx.claim.findUniqueOrThrow({
    where: { id: claimId },
    select: {
      version: true,
      text: true,
      status: true,
      notes: true,
      rationale: true,
      asChecked: true,
      dueAt: true,
      verdictLabel: { select: { name: true } },
      assignee: { select: { name: true } },
    },
  });
  const value: Record<ConflictField, string> = {
    text: now.text,
    status: now.status,
    notes: now.notes,
    rationale: now.rationale ?? '',
    verdictLabelId: now.verdictLabel?.name ?? 'none',
    asChecked: now.asChecked ?? '',
    assigneeId: now.assignee?.name ?? 'nobody',
    dueAt: now.dueAt?.toISOString().slice(0, 10) ?? 'none',
  };
  const all = Object.keys(CONFLICT_FIELDS) as ConflictField[];
  const touched = all.filter((f) => changed.includes(f));
  const fields = touched.length ? touched : (['text', 'status'] as const);
  return new ConflictError({ version: now.version, theirs: fields.map((field) => ({ field, label: CONFLICT_FIELDS[field], value: value[field] })) });
}

/** Moves the active claims of an article after `position` by `by` places (a split or a merge). */
export async function shiftPositions(tx: Tx, articleId: string, after: number, by: 1 | -1) {
  await tx.claim.updateMany({ where: { articleId, archivedAt: null, position: { gt: after } }, data: { position: { increment: by } } });
}

const BATCH = 2_000;

/** Sets position, paragraph and offsets of many claims in a few statements (a re-import's layout). */
export async function placeClaims(tx: Tx, rows: { id: string; position: number; paragraph: number; start: number; end: number }[]) {
  for (let i = 0; i < rows.length; i += BATCH) {
    const chunk = rows.slice(i, i + BATCH);
    const values = chunk.map((_, j) => `($${j * 5 + 1}, $${j * 5 + 2}::int, $${j * 5 + 3}::int, $${j * 5 + 4}::int, $${j * 5 + 5}::int)`).join(', ');
    await tx.$executeRawUnsafe(
      `UPDATE "Claim" AS c SET "position" = v.position, "paragraph" = v.paragraph, "start" = v.start, "end" = v."end"
       FROM (VALUES ${values}) AS v(id, position, paragraph, start, "end") WHERE c.id = v.id`,
      ...chunk.flatMap((r) => [r.id, r.position, r.paragraph, r.start, r.end]),
    );
  }
}

/** Links claims made by a team import to the claims whose verdict they reused, once all exist (raw SQL keeps updatedAt as imported). */
export async function linkReusedClaims(tx: Tx, links: { id: string; sourceId: string }[]) {
  if (links.length === 0) return;
  await tx.$executeRaw`UPDATE "Claim" AS c SET "reusedFromId" = r.source
    FROM unnest(${links.map((l) => l.id)}::text[], ${links.map((l) => l.sourceId)}::text[]) AS r(id, source)
    WHERE c.id = r.id`;
}
