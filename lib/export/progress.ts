/**
 * Counts the records of an export as its text streams in, for the progress indicator. CSV
 * records end at a line break outside quotes (a quoted cell may hold line breaks; an escaped
 * quote "" toggles twice); the JSON array has one record per line (JSON strings never hold a raw
 * line break). The first line is the header row or the opening bracket.
 */
export type ExportFormat = 'csv' | 'json';

export function recordCounter(format: ExportFormat): (chunk: string) => number {
  let lines = 0;
  let quoted = false;
  return (chunk) => {
    for (let i = 0; i < chunk.length; i++) {
      const ch = chunk.charCodeAt(i);
      if (ch === 34 /* " */ && format === 'csv') quoted = !quoted;
      else if (ch === 10 /* \n */ && !quoted) lines++;
    }
    return Math.max(0, lines - 1);
  };
}
