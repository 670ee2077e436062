/**
 * CSV cells as RFC 4180 wants them (quoted when they hold a comma, quote or line break; CRLF
 * between records), with text that a spreadsheet would run as a formula defused.
 */
import { stringify } from 'csv-stringify/sync';

/**
 * A cell starting with one of these is a formula to Excel, LibreOffice and Sheets (OWASP "CSV
 * injection"): an imported sentence like "=HYPERLINK(…)" must stay text.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function guardFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export type Cell = string | number | boolean | null | readonly string[];

/** A list (evidence URLs) is one cell with one item per line. */
function cellText(value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return guardFormula(typeof value === 'string' ? value : value.join('\n'));
}

/** Records as CSV text, each ending in CRLF; the header row (ours, never guarded) first when given. */
export function csvRecords(records: readonly (readonly Cell[])[], header?: readonly string[]): string {
  const rows = records.map((r) => r.map(cellText));
  // csv-stringify quotes a cell holding the record delimiter (CRLF) but not a lone LF or CR: RFC 4180 wants both quoted.
  return stringify(header ? [[...header], ...rows] : rows, { record_delimiter: 'windows', eof: true, quoted_match: /[\r\n]/ });
}
