/**
 * Corrections to how an article was split, as pure functions over character ranges of the
 * article body: split a claim, merge two, and match the claims of an article to the
 * sentences of its new version. The text of a claim is always body.slice(start, end).
 */

export type Range = { start: number; end: number };

export type EditError = { ok: false; message: string };

function trimRange(body: string, start: number, end: number): Range {
  while (start < end && /\s/.test(body[start])) start++;
  while (end > start && /\s/.test(body[end - 1])) end--;
  return { start, end };
}

/**
 * Splits a claim at `offset` characters into its text. Both parts lose surrounding spaces
 * and must keep some text, so the offsets of each stay exact.
 */
export function splitRange(body: string, claim: Range, offset: number): { ok: true; first: Range; second: Range } | EditError {
  const length = claim.end - claim.start;
  if (!Number.isInteger(offset) || offset <= 0 || offset >= length) {
    return { ok: false, message: 'Choose a split point inside the sentence, with text on both sides.' };
  }
  const first = trimRange(body, claim.start, claim.start + offset);
  const second = trimRange(body, claim.start + offset, claim.end);
  if (first.end <= first.start || second.end <= second.start) {
    return { ok: false, message: 'Both parts of a split need some text.' };
  }
  return { ok: true, first, second };
}

/** Two adjacent claims become one range covering both, and whatever lay between them. */
export function mergeRanges(a: Range, b: Range): Range {
  return { start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) };
}

// ---------------------------------------------------------------------------------------
// Matching claims to a new version of the article

export type OldClaim = { id: string; text: string };

type ClaimMatch = { kind: 'kept'; id: string; newIndex: number; moved: boolean } | { kind: 'changed'; id: string; newIndex: number; oldText: string };

export type VersionDiff = {
  matches: ClaimMatch[];
  /** Indexes of new sentences that no old claim matched. */
  added: number[];
  /** Old claims whose sentence is gone. */
  removed: string[];
};

const tokens = (text: string) => new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);

/** Share of distinct words the two sentences have in common (Jaccard). */
export function similarity(a: string, b: string): number {
  const ta = tokens(a);
  const tb = tokens(b);
  if (ta.size === 0 && tb.size === 0) return a.trim() === b.trim() ? 1 : 0;
  let common = 0;
  for (const t of ta) if (tb.has(t)) common++;
  return common / (ta.size + tb.size - common);
}

/** Indexes (into `values`) of one longest strictly increasing subsequence. */
function longestIncreasing(values: number[]): Set<number> {
  const tailIdx: number[] = [];
  const prev = new Array<number>(values.length).fill(-1);
  for (let i = 0; i < values.length; i++) {
    let lo = 0;
    let hi = tailIdx.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (values[tailIdx[mid]] < values[i]) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[i] = tailIdx[lo - 1];
    tailIdx[lo] = i;
  }
  const keep = new Set<number>();
  for (let i = tailIdx.at(-1) ?? -1; i >= 0; i = prev[i]) keep.add(i);
  return keep;
}

const CHANGED_SIMILARITY = 0.5;

/**
 * Matches the old claims (in order) to the new sentences (in order). A sentence whose text
 * is unchanged keeps its claim, wherever it went; "moved" marks the ones out of order relative
 * to the rest. Left-over sentences between the same unchanged neighbours pair up with the
 * most similar left-over old claim as "changed". The rest is added or removed.
 */
export function matchClaims(oldClaims: OldClaim[], newTexts: string[]): VersionDiff {
  const byText = new Map<string, number[]>();
  oldClaims.forEach((c, i) => {
    const list = byText.get(c.text);
    if (list) list.push(i);
    else byText.set(c.text, [i]);
  });

  const oldForNew = new Array<number>(newTexts.length).fill(-1);
  const usedOld = new Array<boolean>(oldClaims.length).fill(false);
  newTexts.forEach((text, n) => {
    const list = byText.get(text);
    if (list?.length) {
      const o = list.shift()!;
      oldForNew[n] = o;
      usedOld[o] = true;
    }
  });

  const exact = oldForNew.map((o, n) => ({ o, n })).filter((x) => x.o >= 0);
  const inOrder = longestIncreasing(exact.map((x) => x.o));
  const matches: ClaimMatch[] = exact.map((x, i) => ({ kind: 'kept', id: oldClaims[x.o].id, newIndex: x.n, moved: !inOrder.has(i) }));

  // Between two in-order anchors, unmatched new sentences may be edits of unmatched old claims there.
  const anchors = exact.filter((_, i) => inOrder.has(i));
  const changedFor = new Map<number, number>();
  for (let a = 0; a <= anchors.length; a++) {
    const oldFrom = a === 0 ? 0 : anchors[a - 1].o + 1;
    const oldTo = a === anchors.length ? oldClaims.length : anchors[a].o;
    const newFrom = a === 0 ? 0 : anchors[a - 1].n + 1;
    const newTo = a === anchors.length ? newTexts.length : anchors[a].n;
    for (let n = newFrom; n < newTo; n++) {
      if (oldForNew[n] >= 0) continue;
      let best = -1;
      let bestScore = CHANGED_SIMILARITY;
      // Bounded window: an edit stays near where it was.
      for (let o = oldFrom; o < oldTo && o < oldFrom + 200; o++) {
        if (usedOld[o]) continue;
        const score = similarity(oldClaims[o].text, newTexts[n]);
        if (score >= bestScore) {
          best = o;
          bestScore = score;
          if (score === 1) break;
        }
      }
      if (best >= 0) {
        usedOld[best] = true;
        oldForNew[n] = best;
        changedFor.set(n, best);
      }
    }
  }
  for (const [n, o] of changedFor) matches.push({ kind: 'changed', id: oldClaims[o].id, newIndex: n, oldText: oldClaims[o].text });
  matches.sort((x, y) => x.newIndex - y.newIndex);

  return {
    matches,
    added: newTexts.map((_, n) => n).filter((n) => oldForNew[n] < 0),
    removed: oldClaims.filter((_, o) => !usedOld[o]).map((c) => c.id),
  };
}

/** Places a claim can be split: after each word followed by a space, labelled by its context. */
export function splitPoints(text: string): { offset: number; label: string }[] {
  const points: { offset: number; label: string }[] = [];
  const re = /\s+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m.index === 0 || m.index + m[0].length >= text.length) continue;
    const before = text.slice(0, m.index).split(/\s+/).slice(-3).join(' ');
    const after = text
      .slice(m.index + m[0].length)
      .split(/\s+/)
      .slice(0, 3)
      .join(' ');
    points.push({ offset: m.index, label: `…${before} ‖ ${after}…` });
  }
  return points;
}
