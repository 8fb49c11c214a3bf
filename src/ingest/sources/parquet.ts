// Parquet is read by DuckDB itself, streamed chunk by chunk into the same row pipeline as
// every other format, so typing, unknown columns and rejections behave identically.
import type { DuckDBConnection } from '@duckdb/node-api';
import { sqlIdent, sqlString } from '../../sql/escape.js';
import type { SourceItem } from './records.js';

/** Non-primitive Parquet types travel as text: timestamps as ISO-like text, nested values as JSON. */
function selectExpr(name: string, type: string): string {
  const id = sqlIdent(name);
  if (/^TIMESTAMP WITH TIME ZONE|^TIMESTAMPTZ/.test(type)) return `CAST(CAST(${id} AS TIMESTAMP) AS VARCHAR) AS ${id}`;
  if (/^(TIMESTAMP|DATE|TIME|UUID|HUGEINT|UHUGEINT|UBIGINT|BLOB|INTERVAL)/.test(type))
    return `CAST(${id} AS VARCHAR) AS ${id}`;
  if (/^DECIMAL/.test(type)) return `CAST(${id} AS DOUBLE) AS ${id}`;
  if (/^(STRUCT|MAP|UNION)|\[\]$|\[\d+\]$/.test(type)) return `CAST(to_json(${id}) AS VARCHAR) AS ${id}`;
  return id;
}

/** Rows of a Parquet file in order; `only`: just these (0-based) row numbers. */
export async function* parquetItems(
  conn: DuckDBConnection,
  path: string,
  only?: readonly number[],
): AsyncGenerator<SourceItem> {
  const src = `read_parquet(${sqlString(path)}, file_row_number = true)`;
  const desc = await conn.runAndReadAll(`DESCRIBE SELECT * FROM ${src}`);
  const cols = desc
    .getRows()
    .map(([n, t]) => ({ name: String(n), type: String(t) }))
    .filter((c) => c.name !== 'file_row_number');
  const names = cols.map((c) => c.name);
  // A plain scan streams in file order already; sorting the whole file (as an ORDER BY did)
  // ran a 7.6M-row file out of ingest's memory cap before the first row.
  const sql = `SELECT file_row_number, ${cols.map((c) => selectExpr(c.name, c.type)).join(', ')} FROM ${src}${only === undefined ? '' : ` WHERE file_row_number IN (${only.map((n) => String(Math.trunc(n))).join(', ')}) ORDER BY file_row_number`}`;
  const result = await conn.stream(sql);
  for (;;) {
    const chunk = await result.fetchChunk();
    if (chunk === null || chunk.rowCount === 0) break;
    for (const row of chunk.getRows()) {
      const values: Record<string, unknown> = {};
      for (let i = 0; i < names.length; i++) {
        const v = row[i + 1];
        if (v !== null && v !== undefined) values[names[i]!] = v;
      }
      const type = values['Type'];
      yield {
        kind: 'row',
        line: Number(row[0]) + 1,
        table: typeof type === 'string' ? type : undefined,
        values,
        text: false,
        raw: undefined,
      };
    }
  }
}
