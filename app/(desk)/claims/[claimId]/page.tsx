import type { Metadata } from 'next';
import Link from 'next/link';
import { requireUser } from '@/lib/auth/session';
import { can } from '@/lib/auth/permissions';
import { getClaim } from '@/lib/data/claims';
import { getTeamSlug, listAssignees, listVerdictLabels } from '@/lib/data/team';
import { canResearch } from '@/lib/domain/workflow';
import { actorLabel, describeAuditEvent } from '@/lib/domain/audit-events';
import { Card, DateText, DueDate, PageHeader } from '@/components/layout';
import { StatusBadge, VerdictBadge } from '@/components/status';
import { EvidenceList, AddEvidenceForm } from './evidence';
import { WorkflowPanel } from './workflow-panel';
import { NotesForm } from './notes-form';
import { AsCheckedForm, ChangedSentence, SourceChangePanel, SplitMergePanel } from './claim-edit-panel';
import { isOpenForResearch } from '@/lib/domain/invariants';
import { WorthinessReasons } from '@/components/worthiness';
import { LiveUpdates } from '@/components/live-updates';
import { DraftScope } from '@/components/draft';
import { listPresent } from '@/lib/live/presence';
import { listSimilarClaims } from '@/lib/data/similar-claims';
import { SimilarClaims } from './similar-claims';
import { PublishingPanel } from './publishing-panel';

export const metadata: Metadata = { title: 'Claim' };

export default async function ClaimPage({ params }: { params: Promise<{ claimId: string }> }) {
  const user = await requireUser();
  const { claimId } = await params;
  const { claim, history, previousId, nextId } = await getClaim(user, claimId);
  const researching = !claim.archivedAt && canResearch(claim, user);
  // A fact-check kept after its sentence left the source is archived and may still be public.
  const approved = claim.status === 'APPROVED' && (!claim.archivedAt || claim.publishedAt !== null);
  const [labels, assignees, present, similar, teamSlug] = await Promise.all([
    researching || (approved && claim.publishedAt && can(user, 'claim.publish')) ? listVerdictLabels(user) : Promise.resolve([]),
    can(user, 'claim.assign') ? listAssignees(user) : Promise.resolve([]),
    listPresent(user, claim.id),
    claim.status === 'APPROVED' || claim.archivedAt ? Promise.resolve([]) : listSimilarClaims(user, claim),
    approved ? getTeamSlug(user) : Promise.resolve(''),
  ]);
  const lastReview = claim.reviews[0];
  const approval = claim.status === 'APPROVED' ? claim.reviews.find((r) => r.decision === 'APPROVED') : undefined;
  const canSplit = can(user, 'claim.edit') && !claim.archivedAt && isOpenForResearch(claim);
  const corrected = claim.corrections.filter((c) => c.status === 'APPROVED');
  // Drafts of this page's forms are kept per person and claim (components/draft).
  return (
    <DraftScope scope={`${user.id}:${claim.id}`}>
      <PageHeader
        eyebrow={
          <Link href={`/articles/${claim.article.id}`} className="hover:underline">
            ← {claim.article.title}
          </Link>
        }
        title={`Claim ${claim.position}`}
        actions={
          <nav aria-label="Other claims" className="flex gap-2 text-sm">
            {previousId ? (
              <Link href={`/claims/${previousId}`} className="rounded-md border border-stone-300 bg-white px-3 py-1.5 hover:bg-stone-50">
                ← Previous claim
              </Link>
            ) : null}
            {nextId ? (
              <Link href={`/claims/${nextId}`} className="rounded-md border border-stone-300 bg-white px-3 py-1.5 hover:bg-stone-50">
                Next claim →
              </Link>
            ) : null}
          </nav>
        }
      />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <div className="grid min-w-0 content-start gap-6">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <LiveUpdates claimId={claim.id} articleId={claim.articleId} />
            <p className="text-sm text-stone-700" aria-live="polite">
              {present.length ? `Also here: ${present.map((p) => p.user.name).join(', ')}` : 'Nobody else has this claim open.'}
            </p>
          </div>
          {claim.archivedAt ? (
            <p role="note" className="rounded-lg border border-stone-300 bg-stone-100 p-4 text-sm text-stone-800">
              This claim is archived: its sentence is no longer in the article (removed by a new version or merged into another claim). Its work is kept here.
            </p>
          ) : null}
          <SourceChangePanel claim={claim} canDecide={can(user, 'claim.review')} />
          <ChangedSentence claim={claim} canClear={can(user, 'claim.edit') || claim.assigneeId === user.id} />
          <section aria-labelledby="as-stated" className="rounded-lg border border-stone-200 bg-white p-5 shadow-sm">
            <h2 id="as-stated" className="mb-2 text-xs font-semibold uppercase tracking-wide text-stone-500">
              As stated (paragraph {claim.paragraph})
            </h2>
            <blockquote className="border-l-4 border-blue-700 pl-4 font-serif text-lg leading-relaxed text-stone-900">{claim.text}</blockquote>
            <dl className="mt-4 grid grid-cols-2 gap-3 text-sm sm:grid-cols-4">
              <div>
                <dt className="text-stone-500">Status</dt>
                <dd className="mt-0.5">
                  <StatusBadge status={claim.status} />
                </dd>
              </div>
              <div>
                <dt className="text-stone-500">Assignee</dt>
                <dd className="mt-0.5 text-stone-900">{claim.assignee?.name ?? 'Nobody yet'}</dd>
              </div>
              <div>
                <dt className="text-stone-500">Due</dt>
                <dd className="mt-0.5">
                  <DueDate value={claim.dueAt} now={new Date()} />
                </dd>
              </div>
              <div>
                <dt className="text-stone-500">Verdict</dt>
                <dd className="mt-0.5">
                  <VerdictBadge name={claim.verdictLabel?.name} />
                  {claim.verdictLabel?.retiredAt ? <span className="ml-1 text-xs text-stone-500">(retired label)</span> : null}
                </dd>
              </div>
            </dl>
            {claim.reusedFromId ? (
              <p className="mt-4 text-sm text-stone-700">
                Verdict reused from{' '}
                <Link href={`/claims/${claim.reusedFromId}`} className="text-blue-700 underline">
                  an earlier claim
                </Link>
                .
              </p>
            ) : null}
            {claim.asChecked ? (
              <div className="mt-4">
                <h3 className="text-xs font-semibold uppercase tracking-wide text-stone-500">As checked</h3>
                <p className="mt-1 text-sm text-stone-900">{claim.asChecked}</p>
              </div>
            ) : null}
            {claim.status === 'NOT_CHECK_WORTHY' && claim.notCheckWorthyReason ? (
              <p className="mt-4 rounded-md bg-stone-100 px-3 py-2 text-sm text-stone-800">
                <span className="font-medium">Not check-worthy:</span> {claim.notCheckWorthyReason}
              </p>
            ) : null}
            {claim.status === 'RETURNED' && lastReview?.comment ? (
              <div className="mt-4 rounded-md border border-rose-200 bg-rose-50 px-3 py-2 text-sm text-rose-900" role="note" aria-label="Editor's comment">
                <p className="font-medium">
                  {lastReview.decision === 'REOPENED' ? 'Reopened' : 'Returned'} by {actorLabel(lastReview.reviewer, lastReview.importedReviewerName)}:
                </p>
                <p className="mt-1 whitespace-pre-wrap">{lastReview.comment}</p>
              </div>
            ) : null}
          </section>

          {claim.rationale ? (
            <Card title={claim.status === 'APPROVED' ? 'Verdict' : 'Proposed verdict'}>
              <p className="mb-2 text-sm text-stone-700">
                <VerdictBadge name={claim.verdictLabel?.name} />{' '}
                {claim.proposedAt ? `proposed by ${claim.proposedBy?.name ?? 'a former member'}` : 'draft, not yet submitted for review'}
                {claim.proposedAt ? (
                  <>
                    {' '}
                    on <DateText value={claim.proposedAt} withTime />
                  </>
                ) : null}
                {approval ? (
                  <>
                    , approved by {actorLabel(approval.reviewer, approval.importedReviewerName)} on <DateText value={approval.createdAt} withTime />
                  </>
                ) : null}
              </p>
              <p className="whitespace-pre-wrap text-sm leading-relaxed text-stone-900">{claim.rationale}</p>
              {corrected.length ? (
                <div className="mt-4 border-t border-stone-100 pt-3">
                  <h3 className="text-xs font-semibold uppercase tracking-wide text-stone-500">Corrections</h3>
                  <ol className="mt-2 grid gap-2 text-sm text-stone-800">
                    {corrected.map((c) => (
                      <li key={c.id}>
                        <DateText value={c.decidedAt ?? c.createdAt} />:{' '}
                        {c.kind === 'VERDICT'
                          ? `${c.previousVerdict} → ${c.newVerdict}`
                          : c.kind === 'UNPUBLISH'
                            ? 'unpublished'
                            : 'reopened after the source changed'}
                        , proposed by {c.proposedByName}, approved by {c.decidedByName ?? 'someone'}: {c.note}
                      </li>
                    ))}
                  </ol>
                </div>
              ) : null}
            </Card>
          ) : null}

          {researching ? (
            <Card title="Claim as checked">
              <AsCheckedForm claim={claim} />
            </Card>
          ) : null}

          <Card title="Research notes">
            {researching ? (
              <NotesForm claimId={claim.id} version={claim.version} notes={claim.notes} />
            ) : claim.notes ? (
              <p className="whitespace-pre-wrap text-sm text-stone-800">{claim.notes}</p>
            ) : (
              <p className="text-sm text-stone-500">No notes yet.</p>
            )}
          </Card>

          <Card title={`Evidence (${claim.evidence.length})`}>
            <EvidenceList evidence={claim.evidence} user={user} claim={claim} />
            {researching ? <AddEvidenceForm claimId={claim.id} /> : null}
          </Card>
        </div>

        <div className="grid min-w-0 content-start gap-6">
          {claim.archivedAt ? null : <WorkflowPanel claim={claim} user={user} labels={labels} assignees={assignees} />}

          {approved ? (
            <PublishingPanel
              claim={claim}
              publicPath={`/t/${teamSlug}/fact-checks/${claim.id}`}
              labels={labels}
              canPublish={can(user, 'claim.publish')}
              userId={user.id}
            />
          ) : null}

          <Card title="Check-worthiness">
            <WorthinessReasons score={claim.checkWorthiness} reasons={claim.checkWorthinessReasons} />
          </Card>

          {claim.status === 'APPROVED' || claim.archivedAt ? null : (
            <SimilarClaims claim={claim} similar={similar} canReuse={researching && claim.assigneeId === user.id} />
          )}

          {canSplit ? <SplitMergePanel claim={claim} hasNext={nextId !== null} /> : null}

          {claim.reviews.length ? (
            <Card title="Review decisions">
              <ol className="grid gap-3 text-sm">
                {claim.reviews.map((r) => (
                  <li key={r.id}>
                    <p className="font-medium text-stone-900">
                      {r.decision === 'APPROVED' ? 'Approved' : r.decision === 'RETURNED' ? 'Returned' : 'Reopened'} by{' '}
                      {actorLabel(r.reviewer, r.importedReviewerName)}
                    </p>
                    <p className="text-xs text-stone-500">
                      <DateText value={r.createdAt} withTime />
                    </p>
                    {r.comment ? <p className="mt-1 whitespace-pre-wrap text-stone-800">{r.comment}</p> : null}
                  </li>
                ))}
              </ol>
            </Card>
          ) : null}

          <Card title="History">
            <ol className="grid gap-3 text-sm" aria-label="History, newest first">
              {history.map((e) => (
                <li key={e.id} className="border-l-2 border-stone-200 pl-3">
                  <p className="text-stone-900">
                    <span className="font-medium">{actorLabel(e.actor, e.importedActorName)}</span> {describeAuditEvent(e)}
                  </p>
                  <p className="text-xs text-stone-500">
                    <DateText value={e.createdAt} withTime />
                  </p>
                </li>
              ))}
            </ol>
          </Card>
        </div>
      </div>
    </DraftScope>
  );
}
