/**
 * An export as a streamed HTTP response: rows arrive in batches from the database and leave as
 * CSV or as a JSON array, so a 100,000-claim export never sits in memory. The client reads
 * `X-Total-Count` to show progress (components/export-button.tsx).
 */
import { z } from 'zod';
import { csvRecords, type Cell } from '@/lib/export/csv';
import type { ExportFormat } from '@/lib/export/progress';

export type ExportRow = Record<string, Cell>;

export type ExportColumn<Row extends ExportRow> = { key: keyof Row & string; header: string };

export type ExportSpec<Row extends ExportRow> = {
  /** Without extension: "claims-belarus-air-defence-2026-06-15". */
  filename: string;
  total: number;
  columns: readonly ExportColumn<Row>[];
  batches: AsyncIterable<Row[]>;
};

/** `?format=csv|json`, CSV when not given. */
export const exportQuery = z.object({
  format: z.enum(['csv', 'json'] satisfies ExportFormat[], { error: 'Choose format=csv or format=json.' }).default('csv'),
});

/** A name for a file: lower-case ASCII words joined by hyphens, at most 60 characters. */
export function fileSlug(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || 'export';
}

export function attachment(filename: string): string {
  return `attachment; filename="${filename.replace(/[^\w.-]/g, '_')}"`;
}

function encodeBatch<Row extends ExportRow>(format: ExportFormat, spec: ExportSpec<Row>, rows: Row[], first: boolean): string {
  if (format === 'csv') return csvRecords(rows.map((row) => spec.columns.map((c) => row[c.key])));
  // One record per line: "[\n{…},\n{…}" and finally "\n]", which the progress counter relies on.
  return rows.map((row, i) => `${first && i === 0 ? '' : ',\n'}${JSON.stringify(row)}`).join('');
}

export function exportResponse<Row extends ExportRow>(format: ExportFormat, spec: ExportSpec<Row>): Response {
  const encoder = new TextEncoder();
  const iterator = spec.batches[Symbol.asyncIterator]();
  let first = true;
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(
        encoder.encode(
          format === 'json'
            ? '[\n'
            : csvRecords(
                [],
                spec.columns.map((c) => c.header),
              ),
        ),
      );
    },
    // One batch per pull: a slow download holds back the next query instead of filling memory.
    async pull(controller) {
      const next = await iterator.next();
      if (next.done) {
        if (format === 'json') controller.enqueue(encoder.encode(first ? ']' : '\n]'));
        controller.close();
        return;
      }
      if (next.value.length === 0) return;
      controller.enqueue(encoder.encode(encodeBatch(format, spec, next.value, first)));
      first = false;
    },
    async cancel() {
      await iterator.return?.();
    },
  });
  return new Response(stream, {
    headers: {
      'Content-Type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
      'Content-Disposition': attachment(`${spec.filename}.${format}`),
      'X-Total-Count': String(spec.total),
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
