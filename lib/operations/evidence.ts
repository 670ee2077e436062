import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import { db } from '@/lib/db';
import { recordAudit } from '@/lib/audit/record';
import { can } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/session';
import { auditEvent } from '@/lib/domain/audit-events';
import { canResearch } from '@/lib/domain/workflow';
import { ConflictError, NotAllowedError, NotFoundError } from '@/lib/operations/errors';
import { operation } from '@/lib/operations/operation';
import { loadClaim, step, writeClaim, type ClaimRecord } from '@/lib/operations/claim-writer';
import { assertResearching, revalidateClaim } from '@/lib/operations/claims';
import { evidenceRefSchema, evidenceSchema, updateEvidenceSchema } from '@/lib/validation/claim';

/**
 * Evidence links of a claim. Evidence has its own version (two people editing one link see each
 * other's change); the claim itself is written, through the claim writer, only when the
 * assignee's first evidence puts an assigned or returned claim into research.
 */

type Tx = Prisma.TransactionClient;

async function startResearchIfAssignee(tx: Tx, claim: ClaimRecord, user: SessionUser) {
  if (claim.assigneeId !== user.id || (claim.status !== 'ASSIGNED' && claim.status !== 'RETURNED')) return claim;
  const { status } = step(claim, { type: 'startResearch' }, user);
  return writeClaim(tx, { claim, patch: { status }, actor: { id: user.id, teamId: user.teamId }, audit: auditEvent('claim.research_started') });
}

/** Checker or editor: attach an evidence link to a claim in research. */
export const addEvidenceOp = operation(evidenceSchema, 'claim.research', async ({ claimId, ...fields }, user) => {
  const { claim, evidence } = await db.$transaction(async (tx) => {
    const claim = await loadClaim(tx, user, claimId);
    assertResearching(claim, user, 'add evidence');
    await startResearchIfAssignee(tx, claim, user);
    const evidence = await tx.evidence.create({ data: { ...fields, teamId: user.teamId, claimId, authorId: user.id } });
    await recordAudit(tx, {
      teamId: user.teamId,
      actorId: user.id,
      claimId,
      articleId: claim.articleId,
      event: auditEvent('evidence.added', { evidenceId: evidence.id, title: fields.title, url: fields.url, stance: fields.stance }),
    });
    return { claim, evidence };
  });
  revalidateClaim(claimId, claim.articleId);
  return evidence;
});

/** Evidence can be changed by its author while the claim is in research, or by an editor until approval. */
async function loadEditableEvidence(tx: Tx, user: SessionUser, evidenceId: string) {
  const evidence = await tx.evidence.findFirst({
    where: { id: evidenceId, teamId: user.teamId },
    select: { id: true, claimId: true, authorId: true, title: true },
  });
  if (!evidence) throw new NotFoundError();
  const claim = await loadClaim(tx, user, evidence.claimId);
  const asAuthor = evidence.authorId === user.id && canResearch(claim, user);
  const asEditor = can(user, 'evidence.editAny') && claim.status !== 'APPROVED';
  if (!asAuthor && !asEditor) throw new NotAllowedError('Only its author or an editor can change this evidence while the claim is open.');
  return { evidence, claim };
}

/** Someone edited this evidence first: their version of each field, to show beside the user's. */
async function evidenceConflict(tx: Tx, evidenceId: string) {
  const now = await tx.evidence.findUniqueOrThrow({
    where: { id: evidenceId },
    select: { version: true, url: true, title: true, publisher: true, quote: true, note: true },
  });
  return new ConflictError({
    version: now.version,
    theirs: [
      { field: 'url', label: 'URL', value: now.url },
      { field: 'title', label: 'Title', value: now.title },
      { field: 'publisher', label: 'Publisher', value: now.publisher ?? '' },
      { field: 'quote', label: 'Quoted passage', value: now.quote ?? '' },
      { field: 'note', label: 'Note', value: now.note ?? '' },
    ],
  });
}

export const updateEvidenceOp = operation(updateEvidenceSchema, 'claim.research', async ({ evidenceId, claimId: _claimId, version, ...fields }, user) => {
  const claim = await db.$transaction(async (tx) => {
    const { claim } = await loadEditableEvidence(tx, user, evidenceId);
    const { count } = await tx.evidence.updateMany({
      where: { id: evidenceId, version },
      data: {
        ...fields,
        publisher: fields.publisher ?? null,
        quote: fields.quote ?? null,
        archiveUrl: fields.archiveUrl ?? null,
        note: fields.note ?? null,
        version: { increment: 1 },
      },
    });
    if (count === 0) throw await evidenceConflict(tx, evidenceId);
    await recordAudit(tx, {
      teamId: user.teamId,
      actorId: user.id,
      claimId: claim.id,
      articleId: claim.articleId,
      event: auditEvent('evidence.updated', { evidenceId, title: fields.title, url: fields.url, stance: fields.stance }),
    });
    return claim;
  });
  revalidateClaim(claim.id, claim.articleId);
  return { evidenceId, claimId: claim.id };
});

export const removeEvidenceOp = operation(evidenceRefSchema, 'claim.research', async ({ evidenceId }, user) => {
  const claim = await db.$transaction(async (tx) => {
    const { evidence, claim } = await loadEditableEvidence(tx, user, evidenceId);
    await tx.evidence.delete({ where: { id: evidenceId } });
    await recordAudit(tx, {
      teamId: user.teamId,
      actorId: user.id,
      claimId: claim.id,
      articleId: claim.articleId,
      event: auditEvent('evidence.removed', { evidenceId, title: evidence.title }),
    });
    return claim;
  });
  revalidateClaim(claim.id, claim.articleId);
  return { evidenceId, claimId: claim.id };
});
