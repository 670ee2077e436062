import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import { ActionError, ConflictError, NOT_FOUND_MESSAGE } from '@/lib/actions/safe-action';
import type { SessionUser } from '@/lib/auth/session';
import { transition, type WorkflowClaim, type WorkflowEvent } from '@/lib/domain/workflow';

export { CONFLICT_MESSAGE } from '@/lib/actions/safe-action';

const workflowSelect = {
  id: true,
  articleId: true,
  status: true,
  assigneeId: true,
  proposedById: true,
  statusBeforeExclusion: true,
  version: true,
  archivedAt: true,
  text: true,
} as const;

export type LoadedClaim = Prisma.ClaimGetPayload<{ select: typeof workflowSelect }>;

/** The claim if it is in the user's team; the same refusal whether it is elsewhere or nowhere. */
export async function loadClaim(tx: Prisma.TransactionClient, user: SessionUser, claimId: string): Promise<LoadedClaim> {
  const claim = await tx.claim.findFirst({ where: { id: claimId, teamId: user.teamId }, select: workflowSelect });
  if (!claim) throw new ActionError(NOT_FOUND_MESSAGE);
  if (claim.archivedAt) throw new ActionError('This claim is archived: its sentence is no longer in the article.', {}, 409);
  return claim;
}

const WORKFLOW_STATUS = { forbidden: 403, own_verdict: 403, invalid_transition: 409, missing_input: 422 } as const;

export function nextState(claim: WorkflowClaim, event: WorkflowEvent, user: SessionUser): WorkflowClaim {
  const result = transition(claim, event, user);
  if (!result.ok) throw new ActionError(result.message, {}, WORKFLOW_STATUS[result.code]);
  return result.state;
}

/**
 * Writes the claim only if nobody changed it since `expectedVersion` was read, and bumps the
 * version; otherwise the whole transaction is refused with a conflict.
 */
export async function updateClaimChecked(
  tx: Prisma.TransactionClient,
  claim: { id: string },
  expectedVersion: number,
  data: Prisma.ClaimUpdateManyMutationInput & { assigneeId?: string | null; verdictLabelId?: string | null; proposedById?: string | null },
) {
  const { count } = await tx.claim.updateMany({
    where: { id: claim.id, version: expectedVersion },
    data: { ...data, version: { increment: 1 } },
  });
  if (count === 0) throw await claimConflict(tx, claim.id, Object.keys(data));
}

/** What the people who saved first made of the fields this change touches, as the conflict shows them. */
const CONFLICT_FIELDS = {
  notes: 'Research notes',
  rationale: 'Rationale',
  verdictLabelId: 'Verdict',
  asChecked: 'Claim as checked',
  assigneeId: 'Assignee',
  dueAt: 'Due date',
} as const;

export async function claimConflict(tx: Prisma.TransactionClient, claimId: string, changed: string[]): Promise<ConflictError> {
  const now = await tx.claim.findUniqueOrThrow({
    where: { id: claimId },
    select: { version: true, notes: true, rationale: true, asChecked: true, dueAt: true, verdictLabel: { select: { name: true } }, assignee: { select: { name: true } } },
  });
  const value: Record<keyof typeof CONFLICT_FIELDS, string> = {
    notes: now.notes,
    rationale: now.rationale ?? '',
    verdictLabelId: now.verdictLabel?.name ?? 'none',
    asChecked: now.asChecked ?? '',
    assigneeId: now.assignee?.name ?? 'nobody',
    dueAt: now.dueAt?.toISOString().slice(0, 10) ?? 'none',
  };
  const fields = (Object.keys(CONFLICT_FIELDS) as (keyof typeof CONFLICT_FIELDS)[]).filter((f) => changed.includes(f));
  return new ConflictError({ version: now.version, theirs: fields.map((field) => ({ field, label: CONFLICT_FIELDS[field], value: value[field] })) });
}

export function workflowPatch(state: WorkflowClaim) {
  return {
    status: state.status,
    assigneeId: state.assigneeId,
    proposedById: state.proposedById,
    statusBeforeExclusion: state.statusBeforeExclusion,
  };
}
