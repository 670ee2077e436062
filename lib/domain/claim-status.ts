/** The workflow statuses of a claim, in the order the desk works through them. */
export const CLAIM_STATUSES = ['UNASSIGNED', 'ASSIGNED', 'IN_RESEARCH', 'IN_REVIEW', 'RETURNED', 'APPROVED', 'NOT_CHECK_WORTHY'] as const;

export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

export const STATUS_LABEL: Record<ClaimStatus, string> = {
  UNASSIGNED: 'Unassigned',
  ASSIGNED: 'Assigned',
  IN_RESEARCH: 'In research',
  IN_REVIEW: 'In review',
  RETURNED: 'Returned',
  APPROVED: 'Approved',
  NOT_CHECK_WORTHY: 'Not check-worthy',
};

/** Claims still moving through the desk (work can be done on them). */
export const OPEN_STATUSES: readonly ClaimStatus[] = ['UNASSIGNED', 'ASSIGNED', 'IN_RESEARCH', 'IN_REVIEW', 'RETURNED'];

/**
 * Claims waiting on their checker: a due date that has passed makes them overdue. A claim in
 * review waits on an editor, so it is not the checker's overdue work (as on My claims).
 */
export const DUE_STATUSES: readonly ClaimStatus[] = ['ASSIGNED', 'IN_RESEARCH', 'RETURNED'];

export function isOpen(status: ClaimStatus): boolean {
  return OPEN_STATUSES.includes(status);
}
