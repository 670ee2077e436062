import 'server-only';
/**
 * The team's audit log as an export: every event, oldest first, read in keyset batches on
 * (createdAt, id). The actor appears by name, never by email; `data` is the event's JSON as text.
 */
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { describeAuditEvent } from '@/lib/domain/audit-events';
import type { SessionUser } from '@/lib/auth/session';
import { EXPORT_BATCH } from '@/lib/export/claims';
import { fileSlug, type ExportColumn, type ExportSpec } from '@/lib/export/response';

const auditSelect = {
  id: true,
  createdAt: true,
  type: true,
  articleId: true,
  claimId: true,
  data: true,
  importedActorName: true,
  actor: { select: { name: true } },
} as const;

type AuditRecord = {
  id: string;
  createdAt: Date;
  type: string;
  articleId: string | null;
  claimId: string | null;
  data: unknown;
  importedActorName: string | null;
  actor: { name: string } | null;
};

function auditRow(e: AuditRecord) {
  return {
    eventId: e.id,
    time: e.createdAt.toISOString(),
    type: e.type,
    actor: e.actor?.name ?? (e.importedActorName ? `${e.importedActorName} (imported)` : null),
    // The same words as the claim's history: someone reading the export need not know the event types.
    what: describeAuditEvent(e),
    articleId: e.articleId,
    claimId: e.claimId,
    data: JSON.stringify(e.data ?? {}),
  };
}

export type AuditRow = ReturnType<typeof auditRow>;

const AUDIT_COLUMNS: readonly ExportColumn<AuditRow>[] = [
  { key: 'eventId', header: 'Event ID' },
  { key: 'time', header: 'Time' },
  { key: 'type', header: 'Event' },
  { key: 'actor', header: 'Actor' },
  { key: 'what', header: 'What happened' },
  { key: 'articleId', header: 'Article ID' },
  { key: 'claimId', header: 'Claim ID' },
  { key: 'data', header: 'Data (JSON)' },
];

export async function teamAuditExport(db: PrismaClient, user: Pick<SessionUser, 'teamId' | 'teamName'>): Promise<ExportSpec<AuditRow>> {
  const where = { teamId: user.teamId };
  async function* batches(): AsyncGenerator<AuditRow[]> {
    let after: AuditRecord | undefined;
    for (;;) {
      const batch: AuditRecord[] = await db.auditEvent.findMany({
        where: after ? { ...where, OR: [{ createdAt: { gt: after.createdAt } }, { createdAt: after.createdAt, id: { gt: after.id } }] } : where,
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        take: EXPORT_BATCH,
        select: auditSelect,
      });
      if (batch.length > 0) yield batch.map(auditRow);
      if (batch.length < EXPORT_BATCH) return;
      after = batch[batch.length - 1];
    }
  }
  return {
    filename: `audit-log-${fileSlug(user.teamName)}-${new Date().toISOString().slice(0, 10)}`,
    total: await db.auditEvent.count({ where }),
    columns: AUDIT_COLUMNS,
    batches: batches(),
  };
}
