/**
 * The article as written, cut for the annotated reading view: into paragraphs at blank lines,
 * and each paragraph into runs of plain text and claim text. Nothing is trimmed or rewritten:
 * every paragraph's segments followed by its separator spell out the body again, character for
 * character, so what the reader sees is what the claim offsets point into.
 */

export type AnnotationClaim = {
  id: string;
  start: number;
  end: number;
  /** When given, the claim is only placed if body.slice(start, end) is exactly this text. */
  text?: string;
};

export type Segment = { text: string; claimId?: string };

type AnnotatedParagraph = {
  /** Offset of the paragraph's first character in the body. */
  start: number;
  segments: Segment[];
  /** The blank lines after the paragraph, as written ('' after the last one). */
  separator: string;
};

export type Annotation = {
  paragraphs: AnnotatedParagraph[];
  /** Claims that have no text of their own to mark: empty, out of range, stale, or inside another claim. */
  unplaced: string[];
};

// A line break followed by one or more lines holding nothing but spaces or tabs.
const PARAGRAPH_BREAK = /\n(?:[^\S\n]*\n)+/g;

type Range = { id: string; start: number; end: number };

/**
 * Claims in body order, none overlapping. Active claims never overlap, but if two do, the one
 * that starts first keeps its whole sentence and the other is marked from where that one ends,
 * so both stay reachable; a claim wholly inside another has nothing left and is unplaced.
 */
function placeClaims(body: string, claims: readonly AnnotationClaim[], unplaced: string[]): Range[] {
  const valid: Range[] = [];
  for (const c of claims) {
    const inRange = Number.isInteger(c.start) && Number.isInteger(c.end) && c.start >= 0 && c.end <= body.length && c.start < c.end;
    if (inRange && (c.text === undefined || body.slice(c.start, c.end) === c.text)) valid.push({ id: c.id, start: c.start, end: c.end });
    else unplaced.push(c.id);
  }
  // Array.prototype.sort is stable: ties keep the order they were given in.
  valid.sort((a, b) => a.start - b.start || b.end - a.end);
  const placed: Range[] = [];
  let cursor = 0;
  for (const r of valid) {
    const start = Math.max(r.start, cursor);
    if (start >= r.end) {
      unplaced.push(r.id);
      continue;
    }
    placed.push({ id: r.id, start, end: r.end });
    cursor = r.end;
  }
  return placed;
}

export function annotate(body: string, claims: readonly AnnotationClaim[]): Annotation {
  const unplaced: string[] = [];
  const ranges = placeClaims(body, claims, unplaced);
  const shown = new Set<string>();
  const paragraphs: AnnotatedParagraph[] = [];
  let k = 0;

  const addParagraph = (start: number, end: number, separator: string) => {
    const segments: Segment[] = [];
    let pos = start;
    while (k < ranges.length && ranges[k].start < end) {
      const r = ranges[k];
      // A claim that runs over a paragraph break is marked in each paragraph it touches.
      const from = Math.max(r.start, start);
      const to = Math.min(r.end, end);
      if (from < to) {
        if (from > pos) segments.push({ text: body.slice(pos, from) });
        segments.push({ text: body.slice(from, to), claimId: r.id });
        shown.add(r.id);
        pos = to;
      }
      if (r.end > end) break;
      k++;
    }
    if (pos < end) segments.push({ text: body.slice(pos, end) });
    paragraphs.push({ start, segments, separator });
  };

  let start = 0;
  for (const m of body.matchAll(PARAGRAPH_BREAK)) {
    addParagraph(start, m.index, m[0]);
    start = m.index + m[0].length;
  }
  addParagraph(start, body.length, '');

  // Only possible for a claim lying wholly within blank lines.
  for (const r of ranges) if (!shown.has(r.id)) unplaced.push(r.id);
  return { paragraphs, unplaced };
}
