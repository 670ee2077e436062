'use client';

import Link from 'next/link';
import { useCallback, useEffect, useMemo, useRef, useState, type FocusEvent, type KeyboardEvent, type MouseEvent } from 'react';
import type { Segment } from '@/lib/domain/annotate';
import { STATUS_LABEL, type ClaimStatus } from '@/lib/domain/claim-status';
import { MARK_BASE, STATUS_STYLE, StatusBadge, VerdictBadge, verdictMark } from '@/components/status';

export type ReaderClaim = {
  id: string;
  position: number;
  status: ClaimStatus;
  verdict: string | null;
  assignee: string | null;
  checkWorthiness: number;
};

export type ColourBy = 'status' | 'verdict';

type Props = {
  /** Paragraphs with text, each as its plain and claim segments. */
  paragraphs: Segment[][];
  claims: ReaderClaim[];
  colourBy: ColourBy;
  verdictScale: string[];
};

const PANEL_ID = 'claim-panel';
const anchorId = (claimId: string) => `claim-${claimId}`;

function isFormField(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

function claimIdOf(target: EventTarget | null): string | null {
  return target instanceof Element ? (target.closest<HTMLElement>('[data-claim]')?.dataset.claim ?? null) : null;
}

/**
 * The article with its claims marked, and a panel for the claim chosen by click, Enter or Space.
 * Events are handled once on the article rather than on each of up to 10,000 sentences. The
 * panel's text is the claim's own segments, so the page carries each sentence only once.
 */
export function AnnotatedReader({ paragraphs, claims, colourBy, verdictScale }: Props) {
  const byId = useMemo(() => new Map(claims.map((c) => [c.id, c])), [claims]);
  const { order, textOf } = useMemo(() => {
    const order: string[] = [];
    const textOf = new Map<string, string>();
    for (const segments of paragraphs) {
      for (const s of segments) {
        if (!s.claimId) continue;
        const before = textOf.get(s.claimId);
        if (before === undefined) order.push(s.claimId);
        textOf.set(s.claimId, before === undefined ? s.text : `${before}\n\n${s.text}`);
      }
    }
    return { order, textOf };
  }, [paragraphs]);
  const indexOf = useMemo(() => new Map(order.map((id, i) => [id, i])), [order]);

  const [openId, setOpenId] = useState<string | null>(null);
  const lastFocused = useRef<string | null>(null);
  const panelHeading = useRef<HTMLHeadingElement>(null);
  const focusPanel = useRef(false);

  const open = useCallback((id: string) => {
    lastFocused.current = id;
    focusPanel.current = true;
    setOpenId(id);
  }, []);

  const close = useCallback(() => {
    setOpenId(null);
    if (lastFocused.current) document.getElementById(anchorId(lastFocused.current))?.focus();
  }, []);

  useEffect(() => {
    if (openId && focusPanel.current) {
      focusPanel.current = false;
      // On a phone the panel covers the foot of the screen: keep the sentence visible above it.
      panelHeading.current?.focus({ preventScroll: true });
      document.getElementById(anchorId(openId))?.scrollIntoView({ block: 'nearest' });
    }
  }, [openId]);

  useEffect(() => {
    function onKeyDown(event: globalThis.KeyboardEvent) {
      if (event.key === 'Escape' && openId) {
        event.preventDefault();
        close();
        return;
      }
      if ((event.key !== 'j' && event.key !== 'k') || event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return;
      if (isFormField(event.target) || order.length === 0) return;
      event.preventDefault();
      const current = claimIdOf(document.activeElement) ?? lastFocused.current ?? openId;
      const at = current === null ? -1 : (indexOf.get(current) ?? -1);
      const next = event.key === 'j' ? Math.min(at + 1, order.length - 1) : Math.max(at - 1, 0);
      const id = order[next];
      const el = document.getElementById(anchorId(id));
      if (!el) return;
      el.focus({ preventScroll: true });
      el.scrollIntoView({ block: 'nearest' });
      lastFocused.current = id;
      // While the panel is open it follows the sentence in focus.
      if (openId) setOpenId(id);
    }
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [openId, order, indexOf, close]);

  const onClick = (event: MouseEvent) => {
    const id = claimIdOf(event.target);
    if (id) open(id);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    const id = claimIdOf(event.target);
    if (!id) return;
    event.preventDefault();
    open(id);
  };
  const onFocus = (event: FocusEvent) => {
    const id = claimIdOf(event.target);
    if (id) lastFocused.current = id;
  };

  const markOf = (c: ReaderClaim) => (colourBy === 'verdict' ? verdictMark(c.verdict ? verdictScale.indexOf(c.verdict) : -1) : STATUS_STYLE[c.status].mark);
  const labelOf = (c: ReaderClaim) => {
    const status = STATUS_LABEL[c.status];
    return colourBy === 'verdict' ? `${c.verdict ?? 'No verdict'} · ${status}` : c.verdict ? `${status} · ${c.verdict}` : status;
  };

  const selected = openId ? byId.get(openId) : undefined;
  const seen = new Set<string>();

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
      <article
        aria-label="Article text with claims marked"
        onClick={onClick}
        onKeyDown={onKeyDown}
        onFocus={onFocus}
        className={`rounded-lg border border-stone-200 bg-white px-4 py-5 font-serif text-lg leading-9 text-stone-900 shadow-sm sm:px-8 sm:py-8 ${selected ? 'max-lg:mb-[55vh]' : ''}`}
      >
        {paragraphs.map((segments, p) => (
          <p key={p} className="mb-5 whitespace-pre-line last:mb-0">
            {segments.map((s, i) => {
              const claim = s.claimId ? byId.get(s.claimId) : undefined;
              if (!claim) return s.text;
              const className = `${MARK_BASE} ${markOf(claim)} cursor-pointer rounded-sm hover:ring-1 hover:ring-stone-500 aria-expanded:ring-2 aria-expanded:ring-stone-900`;
              // A claim that runs over a paragraph break is focusable and labelled once, where it starts.
              if (seen.has(claim.id))
                return (
                  <span key={i} data-claim={claim.id} className={className}>
                    {s.text}
                  </span>
                );
              seen.add(claim.id);
              return (
                <span
                  key={i}
                  id={anchorId(claim.id)}
                  data-claim={claim.id}
                  role="button"
                  tabIndex={0}
                  aria-controls={PANEL_ID}
                  aria-expanded={openId === claim.id}
                  className={`${className} scroll-my-24 max-lg:scroll-mb-[60vh]`}
                >
                  {s.text}{' '}
                  <span className="inline-block whitespace-nowrap rounded bg-white px-1 align-[0.15em] font-sans text-xs font-medium leading-5 text-stone-700 ring-1 ring-stone-300">
                    {labelOf(claim)}
                  </span>
                </span>
              );
            })}
          </p>
        ))}
      </article>

      <section
        id={PANEL_ID}
        aria-labelledby={`${PANEL_ID}-heading`}
        className={
          selected
            ? 'fixed inset-x-0 bottom-0 z-40 max-h-[55vh] overflow-y-auto rounded-t-xl border-t border-stone-300 bg-white p-4 shadow-[0_-8px_24px_rgba(0,0,0,0.12)] lg:sticky lg:inset-auto lg:top-6 lg:z-auto lg:max-h-[calc(100vh-3rem)] lg:self-start lg:rounded-lg lg:border lg:border-stone-200 lg:p-5 lg:shadow-sm'
            : 'hidden rounded-lg border border-dashed border-stone-300 bg-white p-5 text-sm text-stone-600 lg:sticky lg:top-6 lg:block lg:self-start'
        }
      >
        {selected ? (
          <>
            <div className="mb-3 flex items-start justify-between gap-3">
              <h2 id={`${PANEL_ID}-heading`} ref={panelHeading} tabIndex={-1} className="text-base font-semibold text-stone-900">
                Claim {selected.position}
              </h2>
              <button
                type="button"
                onClick={close}
                className="rounded-md border border-stone-300 bg-white px-2.5 py-1 text-sm font-medium text-stone-800 hover:bg-stone-50"
              >
                Close<span className="sr-only"> claim {selected.position}</span>
              </button>
            </div>
            <blockquote className="whitespace-pre-line border-l-4 border-stone-300 pl-3 font-serif text-base leading-7 text-stone-900">
              {textOf.get(selected.id)}
            </blockquote>
            <dl className="mt-4 grid grid-cols-[auto_1fr] items-center gap-x-4 gap-y-2 text-sm">
              <dt className="text-stone-600">Status</dt>
              <dd>
                <StatusBadge status={selected.status} />
              </dd>
              <dt className="text-stone-600">Verdict</dt>
              <dd>{selected.verdict ? <VerdictBadge name={selected.verdict} /> : <span className="text-stone-600">None yet</span>}</dd>
              <dt className="text-stone-600">Assignee</dt>
              <dd className="text-stone-900">{selected.assignee ?? <span className="text-stone-600">Nobody yet</span>}</dd>
              <dt className="text-stone-600">Check-worthiness</dt>
              <dd className="tabular-nums text-stone-900">{Math.round(selected.checkWorthiness * 100)}%</dd>
            </dl>
            <Link href={`/claims/${selected.id}`} className="mt-4 inline-block font-medium text-blue-700 underline hover:text-blue-800">
              Open claim page
            </Link>
          </>
        ) : (
          <>
            <h2 id={`${PANEL_ID}-heading`} className="mb-1 font-semibold text-stone-900">
              Claim details
            </h2>
            <p>Choose a sentence to see its status, verdict and assignee here.</p>
          </>
        )}
      </section>
    </div>
  );
}
