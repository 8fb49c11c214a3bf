// Result output formats for the CLI: an aligned table (terminal-safe), JSON, JSONL, CSV.
import type { Column } from '../kql/types.js';
import { sanitizeCell } from '../util/terminal.js';
import { cellJson, cellText } from './render.js';
import type { QueryResult } from './types.js';

export type OutputFormat = 'table' | 'json' | 'jsonl' | 'csv';

function columnsJson(cols: readonly Column[]): { name: string; type: string }[] {
  return cols.map((c) => ({ name: c.name, type: c.type }));
}

function csvField(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function tableJson(r: QueryResult): { columns: { name: string; type: string }[]; rows: unknown[][] } {
  return { columns: columnsJson(r.columns), rows: r.rows.map((row) => row.map(cellJson)) };
}

/**
 * Every table of the result: a query with several tabular statements has one per statement.
 * JSON keeps the first at the top level and the others under `more`; JSONL writes all rows in
 * order; CSV and the terminal table separate the tables by a blank line.
 */
export function formatResult(r: QueryResult, format: OutputFormat): string {
  const more = r.more ?? [];
  if (format === 'json')
    return `${JSON.stringify(more.length === 0 ? tableJson(r) : { ...tableJson(r), more: more.map(tableJson) })}\n`;
  const all = [r, ...more];
  if (all.length === 1) return formatTable(r, format);
  if (format === 'jsonl') return all.map((t) => formatTable(t, format)).join('');
  const sep = format === 'csv' ? '\r\n' : '\n';
  return all
    .map((t, i) => (format === 'table' ? `result ${i + 1} of ${all.length}\n` : '') + formatTable(t, format))
    .join(sep);
}

function formatTable(r: QueryResult, format: OutputFormat): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(tableJson(r))}\n`;
    case 'jsonl':
      return r.rows
        .map(
          (row) =>
            `${JSON.stringify(Object.fromEntries(r.columns.map((c, i) => [c.name, cellJson(row[i] ?? null)])))}\n`,
        )
        .join('');
    case 'csv':
      return [
        r.columns.map((c) => csvField(c.name)).join(','),
        ...r.rows.map((row) => row.map((v) => csvField(cellText(v))).join(',')),
      ]
        .map((l) => `${l}\r\n`)
        .join('');
    case 'table': {
      const header = r.columns.map((c) => sanitizeCell(c.name));
      const body = r.rows.map((row) => row.map((v) => sanitizeCell(cellText(v))));
      const widths = header.map((h, i) => Math.min(80, Math.max(h.length, ...body.map((b) => (b[i] ?? '').length))));
      const cut = (s: string, w: number) => (s.length > w ? `${s.slice(0, w - 1)}…` : s.padEnd(w));
      const line = (cells: readonly string[]) =>
        cells
          .map((c, i) => cut(c, widths[i] ?? 0))
          .join(' | ')
          .trimEnd();
      const sep = widths.map((w) => '-'.repeat(w)).join('-+-');
      return (
        [line(header), sep, ...body.map(line), `(${r.rows.length} row${r.rows.length === 1 ? '' : 's'})`].join('\n') +
        '\n'
      );
    }
  }
}
