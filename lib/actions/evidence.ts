'use server';

import { revalidatePath } from 'next/cache';
import type { Prisma } from '@/lib/generated/prisma/client';
import { db } from '@/lib/db';
import { recordAudit } from '@/lib/audit/record';
import { actionFor, ActionError, authedAction, ConflictError, NOT_FOUND_MESSAGE } from '@/lib/actions/safe-action';
import { addEvidenceOp } from '@/lib/operations/claims';
import { loadClaim } from '@/lib/actions/claim-mutation';
import { can } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/session';
import { canResearch } from '@/lib/domain/workflow';
import { evidenceRefSchema, updateEvidenceSchema } from '@/lib/validation/claim';

/** Evidence can be changed by its author while the claim is in research, or by an editor until approval. */
async function loadEditableEvidence(tx: Prisma.TransactionClient, user: SessionUser, evidenceId: string) {
  const evidence = await tx.evidence.findFirst({ where: { id: evidenceId, teamId: user.teamId }, select: { id: true, claimId: true, authorId: true, title: true } });
  if (!evidence) throw new ActionError(NOT_FOUND_MESSAGE);
  const claim = await loadClaim(tx, user, evidence.claimId);
  const asAuthor = evidence.authorId === user.id && canResearch(claim, user);
  const asEditor = can(user, 'evidence.editAny') && claim.status !== 'APPROVED';
  if (!asAuthor && !asEditor) throw new ActionError('Only its author or an editor can change this evidence while the claim is open.');
  return { evidence, claim };
}

/** Someone edited this evidence first: their version of each field, to show beside the user's. */
async function evidenceConflict(tx: Prisma.TransactionClient, evidenceId: string) {
  const now = await tx.evidence.findUniqueOrThrow({ where: { id: evidenceId }, select: { version: true, url: true, title: true, publisher: true, quote: true, note: true } });
  const theirs = [
    { field: 'url', label: 'URL', value: now.url },
    { field: 'title', label: 'Title', value: now.title },
    { field: 'publisher', label: 'Publisher', value: now.publisher ?? '' },
    { field: 'quote', label: 'Quoted passage', value: now.quote ?? '' },
    { field: 'note', label: 'Note', value: now.note ?? '' },
  ];
  return new ConflictError({ version: now.version, theirs });
}

function done(claimId: string, articleId: string) {
  revalidatePath(`/claims/${claimId}`);
  revalidatePath(`/articles/${articleId}`);
}

export const addEvidence = actionFor(addEvidenceOp, () => 'Evidence added.');

export const updateEvidence = authedAction(updateEvidenceSchema, 'claim.research', async ({ evidenceId, claimId: _claimId, version, ...fields }, user) => {
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
      type: 'evidence.updated',
      claimId: claim.id,
      articleId: claim.articleId,
      data: { evidenceId, title: fields.title, url: fields.url, stance: fields.stance },
    });
    return claim;
  });
  done(claim.id, claim.articleId);
  return 'Evidence updated.';
});

export const removeEvidence = authedAction(evidenceRefSchema, 'claim.research', async ({ evidenceId }, user) => {
  const claim = await db.$transaction(async (tx) => {
    const { evidence, claim } = await loadEditableEvidence(tx, user, evidenceId);
    await tx.evidence.delete({ where: { id: evidenceId } });
    await recordAudit(tx, {
      teamId: user.teamId,
      actorId: user.id,
      type: 'evidence.removed',
      claimId: claim.id,
      articleId: claim.articleId,
      data: { evidenceId, title: evidence.title },
    });
    return claim;
  });
  done(claim.id, claim.articleId);
  return 'Evidence removed.';
});
