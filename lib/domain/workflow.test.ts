import { describe, expect, it } from 'vitest';
import { CLAIM_STATUSES, type ClaimStatus } from '@/lib/domain/claim-status';
import { canResearch, transition, type Actor, type WorkflowClaim, type WorkflowEvent } from '@/lib/domain/workflow';

const checker: Actor = { id: 'checker', role: 'checker' };
const otherChecker: Actor = { id: 'checker-2', role: 'checker' };
const editor: Actor = { id: 'editor', role: 'editor' };
const admin: Actor = { id: 'admin', role: 'admin' };

const claim = (status: ClaimStatus, patch: Partial<WorkflowClaim> = {}): WorkflowClaim => ({
  status,
  assigneeId: status === 'UNASSIGNED' ? null : checker.id,
  proposedById: ['IN_REVIEW', 'APPROVED'].includes(status) ? checker.id : null,
  statusBeforeExclusion: status === 'NOT_CHECK_WORTHY' ? 'IN_RESEARCH' : null,
  ...patch,
});

const events: Record<string, WorkflowEvent> = {
  assign: { type: 'assign', assigneeId: otherChecker.id },
  take: { type: 'take' },
  startResearch: { type: 'startResearch' },
  submit: { type: 'submit', hasVerdict: true, hasRationale: true },
  approve: { type: 'approve' },
  return: { type: 'return', comment: 'Source two is a press release.' },
  reopen: { type: 'reopen', comment: 'A correction was published.' },
  exclude: { type: 'exclude', reason: 'Opinion.' },
  include: { type: 'include' },
};

/**
 * Every allowed (status, event, actor) with the status it leads to. Every combination not
 * listed here must be refused: the exhaustive test below walks all of them.
 */
const allowed: [ClaimStatus, keyof typeof events, Actor, ClaimStatus][] = [
  ['UNASSIGNED', 'assign', editor, 'ASSIGNED'],
  ['UNASSIGNED', 'assign', admin, 'ASSIGNED'],
  ['ASSIGNED', 'assign', editor, 'ASSIGNED'],
  ['ASSIGNED', 'assign', admin, 'ASSIGNED'],
  ['IN_RESEARCH', 'assign', editor, 'IN_RESEARCH'],
  ['IN_RESEARCH', 'assign', admin, 'IN_RESEARCH'],
  ['RETURNED', 'assign', editor, 'RETURNED'],
  ['RETURNED', 'assign', admin, 'RETURNED'],
  ['UNASSIGNED', 'take', checker, 'ASSIGNED'],
  ['UNASSIGNED', 'take', otherChecker, 'ASSIGNED'],
  ['UNASSIGNED', 'take', editor, 'ASSIGNED'],
  ['UNASSIGNED', 'take', admin, 'ASSIGNED'],
  ['ASSIGNED', 'startResearch', checker, 'IN_RESEARCH'],
  ['RETURNED', 'startResearch', checker, 'IN_RESEARCH'],
  ['IN_RESEARCH', 'submit', checker, 'IN_REVIEW'],
  ['IN_REVIEW', 'approve', editor, 'APPROVED'],
  ['IN_REVIEW', 'approve', admin, 'APPROVED'],
  ['IN_REVIEW', 'return', editor, 'RETURNED'],
  ['IN_REVIEW', 'return', admin, 'RETURNED'],
  ['APPROVED', 'reopen', editor, 'RETURNED'],
  ['APPROVED', 'reopen', admin, 'RETURNED'],
  ...(['UNASSIGNED', 'ASSIGNED', 'IN_RESEARCH', 'IN_REVIEW', 'RETURNED'] as const).flatMap((s): [ClaimStatus, keyof typeof events, Actor, ClaimStatus][] => [
    [s, 'exclude', editor, 'NOT_CHECK_WORTHY'],
    [s, 'exclude', admin, 'NOT_CHECK_WORTHY'],
    [s, 'exclude', checker, 'NOT_CHECK_WORTHY'],
  ]),
  ['UNASSIGNED', 'exclude', otherChecker, 'NOT_CHECK_WORTHY'],
  ['NOT_CHECK_WORTHY', 'include', editor, 'IN_RESEARCH'],
  ['NOT_CHECK_WORTHY', 'include', admin, 'IN_RESEARCH'],
  ['NOT_CHECK_WORTHY', 'include', checker, 'IN_RESEARCH'],
];

const actors = [checker, otherChecker, editor, admin];

describe('transition: every status × event × actor', () => {
  for (const status of CLAIM_STATUSES) {
    for (const [name, event] of Object.entries(events)) {
      for (const actor of actors) {
        const expected = allowed.find(([s, e, a]) => s === status && e === name && a === actor);
        const title = `${status} --${name}--> by ${actor.id}: ${expected ? expected[3] : 'refused'}`;
        it(title, () => {
          const result = transition(claim(status), event, actor);
          if (expected) {
            expect(result).toMatchObject({ ok: true, state: { status: expected[3] } });
          } else {
            expect(result.ok).toBe(false);
          }
        });
      }
    }
  }
});

describe('transition: rules beyond status and role', () => {
  it('nobody approves a verdict they proposed themselves', () => {
    const result = transition(claim('IN_REVIEW', { proposedById: editor.id, assigneeId: editor.id }), events.approve, editor);
    expect(result).toMatchObject({ ok: false, code: 'own_verdict' });
  });

  it('submitting records the proposer', () => {
    expect(transition(claim('IN_RESEARCH'), events.submit, checker)).toMatchObject({
      ok: true,
      state: { proposedById: checker.id },
    });
  });

  it.each([[{ type: 'submit', hasVerdict: false, hasRationale: true }], [{ type: 'submit', hasVerdict: true, hasRationale: false }]] as const)(
    'submit without verdict or rationale is refused: %j',
    (event) => {
      expect(transition(claim('IN_RESEARCH'), event, checker)).toMatchObject({ ok: false, code: 'missing_input' });
    },
  );

  it.each([
    ['return', { type: 'return', comment: '  ' }, 'IN_REVIEW'],
    ['reopen', { type: 'reopen', comment: '' }, 'APPROVED'],
    ['exclude', { type: 'exclude', reason: ' ' }, 'IN_RESEARCH'],
  ] as const)('%s needs a written reason', (_name, event, status) => {
    expect(transition(claim(status), event, editor)).toMatchObject({ ok: false, code: 'missing_input' });
  });

  it('assigning sets the assignee', () => {
    expect(transition(claim('UNASSIGNED'), events.assign, editor)).toMatchObject({
      ok: true,
      state: { assigneeId: otherChecker.id, status: 'ASSIGNED' },
    });
  });

  it('taking a claim assigns it to the taker', () => {
    expect(transition(claim('UNASSIGNED'), events.take, otherChecker)).toMatchObject({
      ok: true,
      state: { assigneeId: otherChecker.id },
    });
  });

  it('bringing back an excluded claim restores the status it had', () => {
    const excluded = transition(claim('RETURNED'), events.exclude, editor);
    expect(excluded.ok).toBe(true);
    if (!excluded.ok) return;
    expect(transition(excluded.state, events.include, editor)).toMatchObject({
      ok: true,
      state: { status: 'RETURNED', statusBeforeExclusion: null },
    });
  });
});

describe('canResearch', () => {
  it.each([
    ['ASSIGNED', checker, true],
    ['IN_RESEARCH', checker, true],
    ['RETURNED', checker, true],
    ['IN_RESEARCH', otherChecker, false],
    ['IN_RESEARCH', editor, true],
    ['IN_REVIEW', checker, false],
    ['APPROVED', checker, false],
    ['APPROVED', editor, false],
    ['UNASSIGNED', checker, false],
    ['NOT_CHECK_WORTHY', checker, false],
  ] as const)('%s by %o: %s', (status, actor, expected) => {
    expect(canResearch(claim(status), actor)).toBe(expected);
  });
});
