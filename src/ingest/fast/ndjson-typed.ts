// The typed fast path for storage-account NDJSON: JavaScript checks every line, DuckDB stores.
//
// Measured (docs/ingest.md): checking JSON in SQL costs as much as parsing it again per column,
// and DuckDB's reader is lenient (NaN, trailing commas, numbers converted across types), while
// V8's JSON.parse is strict and fast. So JS parses each line once, exactly as the row pipeline
// does, and checks that every value is of the one JSON type whose conversion DuckDB's typed
// `read_json` performs identically (a string for a string column, a safe integer for a long, a
// Defender timestamp for a datetime, ...). Only if every line of the file passes does DuckDB read
// the file with a typed schema and insert it in bulk; one odd line anywhere sends the whole file
// to the JS row pipeline, which stores or rejects each line as before. So the workspace is the
// same either way; only the work moves. An insert whose row count differs from the check's, or
// any DuckDB error, raises TypedPathError: the caller rolls the file back and re-runs it in JS.
import type { DuckDBConnection } from '@duckdb/node-api';
import type { ScalarType } from '../../kql/types.js';
import { sqlIdent, sqlString } from '../../sql/escape.js';
import { open } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { MDE_TABLES } from '../../schema/index.js';
import { allTableColumns } from '../workspace.js';
import type { FastPlan } from './ndjson.js';
import { checkGzip, gzipHeaderProblem } from './gzip-check.js';
import {
  WORKER_MIN_BYTES,
  checkRange,
  inWorker,
  splitPoints,
  type ColumnTypes,
  type RangeResult,
  type TypedCheck,
  type TypedTable,
} from './typed-check.js';

export class TypedPathError extends Error {}

const CATEGORY_PREFIX = 'AdvancedHunting-';

/** How DuckDB reads a column's JSON value (datetime and dynamic as text, converted in the SELECT). */
function readType(type: ScalarType): string {
  switch (type) {
    case 'long':
    case 'timespan':
      return 'BIGINT';
    case 'int':
      return 'INTEGER';
    case 'bool':
      return 'BOOLEAN';
    default:
      return 'VARCHAR';
  }
}

/**
 * The INSERT for one table. Rows of the file's other tables are read with this table's struct
 * too (DuckDB filters after reading), so a key read with different types by two tables of the
 * file is read as text by both and cast (an exact cast of a checked integer or boolean).
 */
export function typedInsertSql(
  path: string,
  table: string,
  t: TypedTable,
  asText: ReadonlySet<string>,
  gzip = false,
): string {
  const keys = [...t.keys].sort();
  const fields = keys.map((k) => `${sqlIdent(k)} ${asText.has(k) ? 'VARCHAR' : readType(t.cols.get(k)!)}`);
  const struct = `STRUCT(${fields.length > 0 ? fields.join(', ') : '"Timestamp" VARCHAR'})`;
  const exprs = keys.map((k) => {
    const type = t.cols.get(k)!;
    const v = `p.${sqlIdent(k)}`;
    if (type === 'datetime') {
      const own = `CAST(${v} AS TIMESTAMP_NS)`;
      // TRY_: the envelope's time is only read (and only checked) when the row lacks TimeGenerated.
      return k === 'TimeGenerated' ? `coalesce(${own}, TRY_CAST(etime AS TIMESTAMP_NS))` : own;
    }
    // NULLIF, not CASE: DuckDB may evaluate the cast of '' even in a branch not taken.
    if (type === 'dynamic') return `CAST(NULLIF(${v}, '') AS JSON)`;
    const read = asText.has(k) && readType(type) !== 'VARCHAR' ? `CAST(${v} AS ${readType(type)})` : v;
    return k === 'TenantId' ? `coalesce(${read}, tenant)` : read;
  });
  const columns = `{'category': 'VARCHAR', 'tenantId': 'VARCHAR', 'time': 'VARCHAR', 'properties': ${sqlString(struct)}}`;
  // The compression is what the content says (by default DuckDB goes by the file's extension).
  const compression = gzip ? 'gzip' : 'uncompressed';
  const src = `read_json(${sqlString(path)}, format = 'newline_delimited', compression = '${compression}', columns = ${columns})`;
  return `INSERT INTO ${sqlIdent(table)} (${keys.map((k) => sqlIdent(k)).join(', ')})
    SELECT ${exprs.join(', ')} FROM (SELECT properties AS p, tenantId AS tenant, "time" AS etime FROM ${src}
    WHERE category = ${sqlString(CATEGORY_PREFIX + table)})`;
}

/** Keys that two tables of the file read with different DuckDB types. */
function conflicting(tables: ReadonlyMap<string, TypedTable>): Set<string> {
  const seen = new Map<string, string>();
  const out = new Set<string>();
  for (const t of tables.values())
    for (const [name, type] of t.cols) {
      const ty = readType(type);
      const prev = seen.get(name);
      if (prev !== undefined && prev !== ty) out.add(name);
      seen.set(name, ty);
    }
  return out;
}

/** The plan for a file that passed the check: one typed INSERT per table, nothing left for JS. */
export function typedPlan(
  conn: DuckDBConnection,
  path: string,
  tables: ReadonlyMap<string, TypedTable>,
  gzip = false,
): FastPlan {
  const asText = tables.size > 1 ? conflicting(tables) : new Set<string>();
  return {
    async insert(onTable) {
      try {
        // Row order in a Kusto table carries no meaning; keeping file order would insert on one thread.
        await conn.run('SET preserve_insertion_order = false');
        for (const [table, t] of tables) {
          if (t.rows === 0) continue;
          const r = await conn.run(typedInsertSql(path, table, t, asText, gzip));
          if (r.rowsChanged !== t.rows)
            throw new TypedPathError(`typed insert stored ${r.rowsChanged} ${table} rows, the check counted ${t.rows}`);
          onTable(table, r.rowsChanged);
        }
      } catch (err) {
        if (err instanceof TypedPathError) throw err;
        throw new TypedPathError(`typed insert failed: ${err instanceof Error ? err.message : String(err)}`);
      } finally {
        await conn.run('RESET preserve_insertion_order').catch(() => undefined);
      }
    },
    // eslint-disable-next-line require-yield
    async *rest() {
      return;
    },
  };
}

async function columnTypes(conn: DuckDBConnection): Promise<ColumnTypes> {
  const all = await allTableColumns(conn);
  const out: ColumnTypes = {};
  for (const t of MDE_TABLES) out[t.name] = (all.get(t.name) ?? []).map((c) => [c.name, c.type]);
  return out;
}

/**
 * Check every line of an NDJSON file of `size` bytes for the typed path: a plain file in up to two
 * line-aligned ranges, a gzip file as one decompressed stream (see gzip-check.ts).
 */
export async function checkTypedNdjson(
  conn: DuckDBConnection,
  path: string,
  size: number,
  onBytes: (n: number) => void = () => undefined,
  gzip = false,
): Promise<TypedCheck> {
  const types = await columnTypes(conn);
  let results: RangeResult[];
  if (gzip) {
    const why = await gzipHeaderProblem(path);
    if (why !== undefined) return { ok: false, reason: why, line: 0 };
    results = [await checkGzip(path, types, onBytes)];
  } else {
    const fh = await open(path, 'r');
    const head = Buffer.alloc(1);
    await fh.read(head, 0, 1, 0).finally(() => fh.close());
    // DuckDB refuses a byte-order mark, which the JS splitter drops.
    if (size > 0 && head[0] === 0xef) return { ok: false, reason: 'byte-order mark', line: 1 };
    const n = size >= WORKER_MIN_BYTES ? Math.max(1, Math.min(2, availableParallelism())) : 1;
    const points = await splitPoints(path, size, n);
    const ranges = points.slice(1).map((end, i) => [points[i]!, end] as const);
    // A worker that can't start (an odd runtime) costs time, not correctness: check on this thread.
    results = await Promise.all(
      ranges.map(([s, e]) => (n === 1 ? checkRange(path, s, e, types, onBytes) : inWorker(path, s, e, types, onBytes))),
    ).catch(() => Promise.all(ranges.map(([s, e]) => checkRange(path, s, e, types, onBytes))));
  }
  const tables = new Map<string, TypedTable>();
  let contentSha256: string | undefined;
  for (const r of results) {
    if (!r.ok) return r;
    contentSha256 = r.contentSha256;
    for (const [name, rows, keys] of r.tables) {
      let t = tables.get(name);
      if (t === undefined) {
        t = { rows: 0, keys: new Set(), cols: new Map(types[name]) };
        tables.set(name, t);
      }
      t.rows += rows;
      for (const k of keys) t.keys.add(k);
    }
  }
  return { ok: true, tables, contentSha256 };
}
