/**
 * The rules that make the desk's findings trustworthy, written once. The claim writer
 * (lib/operations/claim-writer.ts) checks every write of a claim against `claimWriteViolations`
 * before it reaches the database, and the property test (lib/operations/invariants.property.test.ts)
 * checks the whole desk against them after every random step. ADR 0021 says why each exists.
 */
import type { ClaimStatus } from '@/lib/domain/claim-status';

export const INVARIANTS = {
  secondPerson:
    'Nobody approves a verdict, a correction or a change to published content that they proposed or made: a finding is only as good as the second look it had.',
  publicIsApproved:
    'The text, verdict and rationale on a public page are always exactly ones a second person approved; re-importing the article never changes a checked claim, it flags it for an editor.',
  correctionsAreReviewed:
    'A correction is proposed by one editor and approved by another; until then the public page is unchanged. Unpublishing is a correction too, so readers see the date and the reason.',
  textOnlyWhileOpen:
    'The text of a claim changes only while it is open for research (never in review, approved or published, whatever the path), so a reviewer approves the sentence they read.',
  versioned: 'Every write of a claim checks and bumps its version, so nobody overwrites a change they have not seen.',
  audited: 'Every change to a claim is an audit event in the same transaction: the history is complete, and imported history says it was imported.',
} as const;

export type Invariant = keyof typeof INVARIANTS;

/** What the rules need to know about a claim, before and after a write. */
export type ClaimFacts = {
  status: ClaimStatus;
  statusBeforeExclusion: ClaimStatus | null;
  text: string;
  verdictLabelId: string | null;
  rationale: string | null;
  proposedById: string | null;
  publishedAt: Date | null;
  version: number;
};

const RESEARCH: readonly ClaimStatus[] = ['UNASSIGNED', 'ASSIGNED', 'IN_RESEARCH', 'RETURNED'];

/**
 * Open for research: nobody has yet put a verdict on it for review. A claim set aside is open only
 * if it was open when it was set aside; set aside from review, it stays as it was reviewed.
 */
export function isOpenForResearch(claim: Pick<ClaimFacts, 'status' | 'statusBeforeExclusion' | 'publishedAt'>): boolean {
  if (claim.publishedAt) return false;
  if (claim.status === 'NOT_CHECK_WORTHY') return claim.statusBeforeExclusion === null || RESEARCH.includes(claim.statusBeforeExclusion);
  return RESEARCH.includes(claim.status);
}

/** A write's context: who makes it and, for a change to published content, who proposed it. */
export type WriteContext = { actorId: string | null; approvalOf?: { proposedById: string | null } };

export type Violation = { invariant: Invariant; message: string };

const publicContent = (c: ClaimFacts) => [c.text, c.verdictLabelId, c.rationale, c.status].join('\u0000');

/** Every rule a single write of a claim breaks; empty when the write may go ahead. */
export function claimWriteViolations(before: ClaimFacts, after: ClaimFacts, context: WriteContext): Violation[] {
  const violations: Violation[] = [];
  const refuse = (invariant: Invariant, message: string) => violations.push({ invariant, message });

  if (after.version !== before.version + 1) refuse('versioned', 'A write of a claim must bump its version by one.');

  if (after.text !== before.text && !(isOpenForResearch(before) && isOpenForResearch(after))) {
    refuse('textOnlyWhileOpen', 'The sentence of a claim in review, approved or published cannot change. Return or reopen it first.');
  }

  if (after.status === 'APPROVED' && before.status !== 'APPROVED' && before.proposedById !== null && before.proposedById === context.actorId) {
    refuse('secondPerson', 'You proposed this verdict: another editor has to approve it.');
  }

  if (before.publishedAt && (publicContent(before) !== publicContent(after) || after.publishedAt === null)) {
    if (!context.approvalOf)
      refuse('correctionsAreReviewed', 'Changing or unpublishing a published fact-check is a correction: propose it for another editor to approve.');
    else if (context.approvalOf.proposedById === context.actorId) refuse('secondPerson', 'You proposed this correction: another editor has to approve it.');
  }

  if (after.publishedAt && !before.publishedAt && after.status !== 'APPROVED') {
    refuse('publicIsApproved', 'Only an approved verdict can be published.');
  }
  return violations;
}
