import fc from 'fast-check';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { z } from 'zod';
import type { SessionUser } from '@/lib/auth/session';
import { ForbiddenError } from '@/lib/auth/permissions';
import { createTeam, createUser, uniqueSuffix } from '@/lib/testing/factories';
import { hasDatabase, testPrisma } from '@/lib/testing/database';
import { perform, type Operation } from '@/lib/operations/operation';
import { ConflictError, NotFoundError, OperationError } from '@/lib/operations/errors';

/**
 * A model-based property test of the desk's invariants (lib/domain/invariants.ts): random
 * sequences of operations by random members of every role and of two teams, against the real
 * database, through the same operations the forms and the API use: assignments, research,
 * verdicts and reviews, setting aside, splits and merges, publishing, corrections and their
 * decisions, re-imports that change and remove sentences, decisions on those changes, and
 * concurrent saves. After every step the whole desk is checked against every invariant.
 *
 * Seeded and bounded so that CI runs it the same way on both databases; on a failure fast-check
 * prints the seed and the shrunk sequence of steps.
 */
vi.mock('next/cache', () => ({ revalidatePath: () => {} }));

const SEED = 20261208;
const RUNS = Number(process.env.CLAIMDESK_PROPERTY_RUNS ?? 20);

const SENTENCES = ['Ridership fell 40% last year.', 'The council spent $4.5 million in 2025.', 'Fares rose to $3 in March.', 'Crime dropped 12% since 2019.'];
const changedSentence = (s: string) => s.replace(/\d+/, (n) => String(Number(n) + 1));

type Role = 'editor1' | 'editor2' | 'checker1' | 'checker2' | 'admin' | 'outsider';
const ROLES: Role[] = ['editor1', 'editor2', 'checker1', 'checker2', 'admin', 'outsider'];

type Step =
  | { op: 'assign'; who: Role; claim: number; to: 'checker1' | 'checker2' | 'editor2' }
  | { op: 'take' | 'start' | 'exclude' | 'include' | 'publish' | 'merge' | 'approve' | 'return' | 'reopen' | 'unpublish'; who: Role; claim: number }
  | { op: 'notes' | 'submit'; who: Role; claim: number; label: number }
  | { op: 'split'; who: Role; claim: number; at: number }
  | { op: 'correct'; who: Role; claim: number; label: number }
  | { op: 'decideCorrection'; who: Role; claim: number; approve: boolean }
  | { op: 'reimport'; who: Role; change: 'change' | 'remove' | 'restore'; sentence: number }
  | { op: 'source'; who: Role; claim: number; keep: boolean }
  | { op: 'concurrentNotes'; who: Role; claim: number }
  /** The next step of the desk's usual path for a claim, by someone allowed to take it: keeps runs reaching review, publication and corrections. */
  | { op: 'advance'; claim: number; label: number };

const who = fc.constantFrom(...ROLES);
const claim = fc.nat(7);
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { arbitrary: fc.record({ op: fc.constant('advance' as const), claim: fc.nat(1), label: fc.nat(6) }), weight: 12 },
  fc.record({ op: fc.constant('assign' as const), who, claim, to: fc.constantFrom('checker1' as const, 'checker2' as const, 'editor2' as const) }),
  fc.record({
    op: fc.constantFrom('take' as const, 'start' as const, 'exclude' as const, 'include' as const, 'publish' as const, 'merge' as const),
    who,
    claim,
  }),
  fc.record({ op: fc.constantFrom('approve' as const, 'return' as const, 'reopen' as const, 'unpublish' as const), who, claim }),
  fc.record({ op: fc.constantFrom('notes' as const, 'submit' as const), who, claim, label: fc.nat(6) }),
  fc.record({ op: fc.constant('split' as const), who, claim, at: fc.nat(30) }),
  fc.record({ op: fc.constant('correct' as const), who, claim, label: fc.nat(6) }),
  fc.record({ op: fc.constant('decideCorrection' as const), who, claim, approve: fc.boolean() }),
  fc.record({
    op: fc.constant('reimport' as const),
    who: fc.constantFrom<Role>('editor1', 'editor2'),
    change: fc.constantFrom('change' as const, 'remove' as const, 'restore' as const),
    sentence: fc.nat(3),
  }),
  fc.record({ op: fc.constant('source' as const), who, claim, keep: fc.boolean() }),
  fc.record({ op: fc.constant('concurrentNotes' as const), who, claim }),
);

/**
 * The test's own reading of "open for research", written apart from lib/domain/invariants.ts so
 * that breaking the desk's definition does not blind the test.
 */
const RESEARCH = ['UNASSIGNED', 'ASSIGNED', 'IN_RESEARCH', 'RETURNED'];
const openForResearch = (c: { status: string; statusBeforeExclusion: string | null; publishedAt: Date | null }) =>
  !c.publishedAt &&
  (RESEARCH.includes(c.status) || (c.status === 'NOT_CHECK_WORTHY' && (c.statusBeforeExclusion === null || RESEARCH.includes(c.statusBeforeExclusion))));

/** What a second person approved, per claim: the public page must show exactly this. */
type Approved = { text: string; verdictLabelId: string | null; rationale: string | null };

describe.skipIf(!hasDatabase)('invariants of the desk, under random operations (property test)', async () => {
  const prisma = hasDatabase ? testPrisma() : (undefined as never);
  const ops = {
    ...(await import('@/lib/operations/claims')),
    ...(await import('@/lib/operations/claim-edits')),
    ...(await import('@/lib/operations/publishing')),
    ...(await import('@/lib/operations/articles')),
  };
  afterAll(() => prisma.$disconnect());

  const run = <S extends z.ZodType, R>(op: Operation<S, R>, user: SessionUser, input: z.input<S>) => perform(op, user, op.schema.parse(input));

  async function desk() {
    const suffix = uniqueSuffix();
    const team = await createTeam(prisma, { name: `Prop ${suffix}`, slug: `prop-${suffix}` });
    const other = await createTeam(prisma, { name: `Other ${suffix}`, slug: `other-${suffix}` });
    const member = async (teamOf: typeof team, role: 'admin' | 'editor' | 'checker', name: string) => ({
      ...(await createUser(prisma, { teamId: teamOf.id, role, name, email: `${name}.${suffix}@example.test` })),
      teamName: teamOf.name,
    });
    const people: Record<Role, SessionUser> = {
      editor1: await member(team, 'editor', 'editor1'),
      editor2: await member(team, 'editor', 'editor2'),
      checker1: await member(team, 'checker', 'checker1'),
      checker2: await member(team, 'checker', 'checker2'),
      admin: await member(team, 'admin', 'admin'),
      outsider: await member(other, 'editor', 'outsider'),
    };
    const labels = await prisma.verdictLabel.findMany({ where: { teamId: team.id }, orderBy: { position: 'asc' } });
    const source = [...SENTENCES];
    const body = () => `Property article\n\n${source.filter(Boolean).join(' ')}`;
    const { id: articleId } = await run(ops.importArticleOp, people.editor1, { text: body() });
    return { team, people, labels, articleId, source, body };
  }

  type Desk = Awaited<ReturnType<typeof desk>>;
  type Snapshot = Map<
    string,
    {
      version: number;
      text: string;
      status: string;
      statusBeforeExclusion: string | null;
      verdictLabelId: string | null;
      rationale: string | null;
      notes: string;
      publishedAt: Date | null;
      events: number;
    }
  >;

  async function snapshot(d: Desk): Promise<Snapshot> {
    const claims = await prisma.claim.findMany({ where: { teamId: d.team.id }, include: { _count: { select: { auditEvents: true } } } });
    return new Map(claims.map((c) => [c.id, { ...c, events: c._count.auditEvents }]));
  }

  /** The claim a step points at: the team's claims in article order (archived ones last), by index. */
  async function target(d: Desk, index: number) {
    const claims = await prisma.claim.findMany({
      where: { teamId: d.team.id },
      orderBy: [{ archivedAt: { sort: 'asc', nulls: 'first' } }, { position: 'asc' }],
    });
    return claims[index % claims.length];
  }

  /** The usual next step for a claim, as the person whose turn it is: the happy path a random walk rarely finds. */
  function advance(d: Desk, c: Awaited<ReturnType<typeof target>>, label: number): Step | null {
    const assignee = (Object.keys(d.people) as Role[]).find((r) => d.people[r].id === c.assigneeId);
    const otherEditor: Role = c.proposedById === d.people.editor1.id ? 'editor2' : 'editor1';
    const proposer = (Object.keys(d.people) as Role[]).find((r) => d.people[r].id === c.proposedById);
    const claimIndex = -1;
    switch (c.status) {
      case 'UNASSIGNED':
        // Editors check claims too: then an editor's own verdict is in review, and must not be theirs to approve.
        return { op: 'assign', who: 'editor1', claim: claimIndex, to: label >= 4 ? 'editor2' : label % 2 ? 'checker1' : 'checker2' };
      case 'ASSIGNED':
      case 'RETURNED':
        return assignee ? { op: 'start', who: assignee, claim: claimIndex } : null;
      case 'IN_RESEARCH':
        return assignee ? { op: 'submit', who: assignee, claim: claimIndex, label } : null;
      case 'IN_REVIEW':
        if (c.sourceChange) return { op: 'source', who: otherEditor, claim: claimIndex, keep: label % 2 === 0 };
        // Now and then set a claim in review aside: then try to change its text while it is aside.
        if (label === 5) return { op: 'exclude', who: otherEditor, claim: claimIndex };
        // And now and then the proposer tries to approve their own verdict.
        return { op: 'approve', who: label % 2 === 0 && proposer ? proposer : otherEditor, claim: claimIndex };
      case 'APPROVED':
        if (c.sourceChange) return { op: 'source', who: 'editor1', claim: claimIndex, keep: label % 2 === 0 };
        if (!c.publishedAt) return { op: 'publish', who: 'editor1', claim: claimIndex };
        return label % 3 === 0
          ? { op: 'decideCorrection', who: label % 2 ? 'editor2' : 'editor1', claim: claimIndex, approve: true }
          : { op: 'correct', who: 'editor1', claim: claimIndex, label };
      case 'NOT_CHECK_WORTHY':
        return label % 3 === 0
          ? { op: 'merge', who: 'editor1', claim: claimIndex }
          : label % 3 === 1
            ? { op: 'split', who: 'editor1', claim: claimIndex, at: label * 5 }
            : { op: 'include', who: 'editor1', claim: claimIndex };
    }
  }

  async function perform1(
    d: Desk,
    given: Step,
    approved: Map<string, Approved & { by: string; proposer: string | null }>,
    counts: Record<string, number>,
  ): Promise<void> {
    let picked: Awaited<ReturnType<typeof target>> | undefined;
    let next: Step | null = given;
    if (given.op === 'advance') {
      picked = await target(d, given.claim);
      next = advance(d, picked, given.label);
    }
    if (!next || next.op === 'advance') return;
    const step = next;
    const user = d.people[step.who];
    if (step.op === 'reimport') {
      if (step.change === 'change') d.source[step.sentence] = changedSentence(d.source[step.sentence] || SENTENCES[step.sentence]);
      else if (step.change === 'remove') d.source[step.sentence] = '';
      else d.source[step.sentence] = SENTENCES[step.sentence];
      if (d.source.every((s) => !s)) d.source[step.sentence] = SENTENCES[step.sentence];
      await run(ops.importArticleOp, user, { articleId: d.articleId, text: d.body() });
      counts.flagged = (counts.flagged ?? 0) + (await prisma.claim.count({ where: { teamId: d.team.id, sourceChange: { not: null } } }));
      return;
    }
    const c = picked ?? (await target(d, step.claim));
    const ref = { claimId: c.id, version: c.version };
    counts[step.op] = (counts[step.op] ?? 0) + 1;
    const label = (n: number) => d.labels[n % d.labels.length].id;
    switch (step.op) {
      case 'assign':
        return void (await run(ops.assignClaimsOp, user, { claimIds: [c.id], assigneeId: d.people[step.to].id }));
      case 'take':
        return void (await run(ops.takeClaimOp, user, ref));
      case 'start':
        return void (await run(ops.startResearchOp, user, ref));
      case 'notes':
        return void (await run(ops.saveNotesOp, user, { ...ref, notes: `Note ${step.label} by ${step.who}` }));
      case 'submit':
        return void (await run(ops.submitVerdictOp, user, { ...ref, verdictLabelId: label(step.label), rationale: `Rationale ${step.label} by ${step.who}` }));
      case 'approve': {
        const proposer = c.proposedById;
        await run(ops.reviewClaimOp, user, { ...ref, decision: 'approve' });
        const now = await prisma.claim.findUniqueOrThrow({ where: { id: c.id } });
        approved.set(c.id, { text: now.text, verdictLabelId: now.verdictLabelId, rationale: now.rationale, by: user.id, proposer });
        return;
      }
      case 'return':
      case 'reopen':
        return void (await run(ops.reviewClaimOp, user, { ...ref, decision: step.op, comment: 'Look again.' }));
      case 'exclude':
        return void (await run(ops.excludeClaimOp, user, { ...ref, reason: 'Opinion.' }));
      case 'include':
        return void (await run(ops.includeClaimOp, user, ref));
      case 'split':
        return void (await run(ops.splitClaimOp, user, { ...ref, offset: 1 + (step.at % Math.max(1, c.text.length - 1)) }));
      case 'merge':
        return void (await run(ops.mergeWithNextOp, user, ref));
      case 'publish':
        await run(ops.publishClaimOp, user, ref);
        counts.published = (counts.published ?? 0) + 1;
        return;
      case 'correct':
        return void (await run(ops.proposeCorrectionOp, user, {
          ...ref,
          kind: 'verdict',
          verdictLabelId: label(step.label),
          rationale: `Corrected ${step.label}`,
          note: 'Corrected.',
        }));
      case 'unpublish':
        return void (await run(ops.proposeCorrectionOp, user, { ...ref, kind: 'unpublish', note: 'Withdrawn.' }));
      case 'decideCorrection': {
        const pending = await prisma.correction.findFirst({ where: { claimId: c.id, status: 'PROPOSED' } });
        if (!pending) return;
        await run(ops.decideCorrectionOp, user, { claimId: c.id, correctionId: pending.id, decision: step.approve ? 'approve' : 'reject' });
        if (step.approve) {
          counts.correctionsApproved = (counts.correctionsApproved ?? 0) + 1;
          const now = await prisma.claim.findUniqueOrThrow({ where: { id: c.id } });
          approved.set(c.id, { text: now.text, verdictLabelId: now.verdictLabelId, rationale: now.rationale, by: user.id, proposer: pending.createdById });
        }
        return;
      }
      case 'source':
        return void (await run(ops.decideSourceChangeOp, user, { ...ref, decision: step.keep ? 'keep' : 'reopen', comment: 'The source changed.' }));
      case 'concurrentNotes': {
        const results = await Promise.allSettled([0, 1].map((i) => run(ops.saveNotesOp, user, { ...ref, notes: `Concurrent ${i}` })));
        const saved = results.filter((r) => r.status === 'fulfilled').length;
        // Two saves from the same version: at most one is accepted, never both.
        expect(saved, 'two saves based on one version').toBeLessThanOrEqual(1);
        const failed = results.find((r) => r.status === 'rejected');
        if (failed && saved === 1) expect((failed as PromiseRejectedResult).reason).toBeInstanceOf(ConflictError);
        if (failed && saved === 0) throw (failed as PromiseRejectedResult).reason;
        return;
      }
    }
  }

  /** Every invariant, over the whole desk, after a step (`before` is the desk before it). */
  async function checkInvariants(d: Desk, before: Snapshot, approved: Map<string, Approved & { by: string; proposer: string | null }>) {
    const after = await snapshot(d);
    for (const [id, now] of after) {
      const was = before.get(id);
      if (was) {
        const changed =
          ['text', 'status', 'verdictLabelId', 'rationale', 'notes'].some((k) => (was as Record<string, unknown>)[k] !== (now as Record<string, unknown>)[k]) ||
          Boolean(was.publishedAt) !== Boolean(now.publishedAt);
        // 5. Versioned: a change to a claim bumps its version. 6. Audited: each write is an event.
        if (changed) expect(now.version, `claim ${id} changed without a new version`).toBeGreaterThan(was.version);
        expect(now.events - was.events, `claim ${id}: ${now.version - was.version} writes but fewer audit events`).toBeGreaterThanOrEqual(
          now.version - was.version,
        );
        // 4. Text only while open for research (a reopen adopts the source's sentence once back in research).
        if (now.text !== was.text) {
          const adopted = await prisma.auditEvent.count({ where: { claimId: id, type: 'claim.source_adopted' } });
          const ok = (openForResearch(was) && openForResearch(now)) || (openForResearch(now) && adopted > 0);
          expect(ok, `claim ${id}: text changed from “${was.text}” (${was.status}) to “${now.text}” (${now.status})`).toBe(true);
        }
      }
      // 2. A public page shows exactly what a second person approved.
      if (now.publishedAt) {
        const a = approved.get(id);
        expect(a, `claim ${id} is public without an approval`).toBeDefined();
        expect(
          { text: now.text, verdictLabelId: now.verdictLabelId, rationale: now.rationale },
          `claim ${id}: public content is not what was approved`,
        ).toEqual({
          text: a!.text,
          verdictLabelId: a!.verdictLabelId,
          rationale: a!.rationale,
        });
        expect(now.status).toBe('APPROVED');
      }
    }
    // 1. Nobody approves their own verdict or correction.
    for (const [id, a] of approved) expect(a.by, `claim ${id} approved by its proposer`).not.toBe(a.proposer);
    const selfApproved = await prisma.correction.findMany({ where: { teamId: d.team.id, status: 'APPROVED' } });
    for (const k of selfApproved) expect(k.decidedById, `correction ${k.id} approved by its proposer`).not.toBe(k.createdById);
    // 3. Corrections: at most one waits per claim; only approved ones are public (lib/data/public reads status APPROVED).
    const waiting = await prisma.correction.groupBy({ by: ['claimId'], where: { teamId: d.team.id, status: 'PROPOSED' }, _count: { _all: true } });
    for (const w of waiting) expect(w._count._all).toBe(1);
  }

  it(`holds every invariant after every step (seed ${SEED}, ${RUNS} runs of 10–40 steps)`, async () => {
    let steps = 0;
    let refused = 0;
    const counts: Record<string, number> = {};
    await fc.assert(
      fc.asyncProperty(fc.array(stepArb, { minLength: 10, maxLength: 40, size: 'max' }), async (sequence) => {
        const d = await desk();
        const approved = new Map<string, Approved & { by: string; proposer: string | null }>();
        for (const step of sequence) {
          const before = await snapshot(d);
          try {
            await perform1(d, step, approved, counts);
          } catch (err) {
            // A refusal is an answer; anything else (a crash, a 500) fails the property.
            if (!(err instanceof OperationError || err instanceof ForbiddenError)) throw err;
            // Another team's claim is never found for an outsider.
            if (step.op !== 'advance' && step.who === 'outsider' && step.op !== 'reimport' && !(err instanceof ForbiddenError))
              expect(err).toBeInstanceOf(NotFoundError);
            refused += 1;
          }
          if (step.op !== 'advance' && step.who === 'outsider' && step.op !== 'reimport') expect(await snapshot(d)).toEqual(before);
          await checkInvariants(d, before, approved);
          steps += 1;
        }
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: process.env.CLAIMDESK_PROPERTY_SHRINK !== '1' },
    );
    console.log(
      `invariants property: ${RUNS} runs, ${steps} steps checked (${refused} refused as they should be), seed ${SEED}; reached: ${JSON.stringify(counts)}`,
    );
    // The runs must reach what the invariants are about, or they prove little.
    for (const reached of ['published', 'correctionsApproved', 'flagged', 'split', 'merge', 'concurrentNotes'])
      expect(counts[reached] ?? 0, reached).toBeGreaterThan(0);
  }, 240_000);
});
