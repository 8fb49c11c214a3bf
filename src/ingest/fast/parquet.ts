// DuckDB-native fast path for Parquet: `INSERT INTO <table> SELECT <conversions> FROM
// read_parquet(...)` for every row whose conversion provably agrees with the JS path; the
// other rows (identified by their row number) go through the JS row pipeline, which stores or
// rejects them exactly as before. Files the SQL path does not cover (a `Type` column naming
// tables per row, columns the workspace table lacks, an uninferable table, many odd rows) are
// left to the JS path whole.
import type { DuckDBConnection } from '@duckdb/node-api';
import type { ScalarType } from '../../kql/types.js';
import { getTable } from '../../schema/index.js';
import { sqlIdent, sqlString } from '../../sql/escape.js';
import { inferTable } from '../infer.js';
import { parquetItems } from '../sources/parquet.js';
import type { SourceItem } from '../sources/records.js';
import { tableColumns } from '../workspace.js';
import { timestampNsSql, type FastPlan } from './ndjson.js';

/** More odd rows than this and the file goes to the JS path whole (their row numbers are passed as a list). */
const MAX_SLOW_ROWS = 10_000;
const LENIENT = sqlString(',\\s*[\\]}]|[:\\[,]\\s*[-+]?(?i:nan|inf)');

const INTS = /^(TINYINT|SMALLINT|INTEGER|BIGINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|HUGEINT|UHUGEINT)$/;

/** SQL converting source column `x` (Parquet type `src`) to a column of `type`, or NULL when JS must decide. */
export function parquetConvertSql(type: ScalarType, src: string, x: string): string {
  const inRange = (e: string): string =>
    `CASE WHEN year(${e}) BETWEEN 1678 AND 2261 THEN CAST(${e} AS TIMESTAMP_NS) END`;
  switch (type) {
    case 'string':
    case 'unknown':
      if (src === 'VARCHAR') return x;
      if (INTS.test(src) || src === 'BOOLEAN') return `CAST(${x} AS VARCHAR)`;
      return 'NULL';
    case 'long':
    case 'timespan':
      return INTS.test(src) ? `TRY_CAST(${x} AS BIGINT)` : 'NULL';
    case 'int':
      return INTS.test(src) ? `TRY_CAST(${x} AS INTEGER)` : 'NULL';
    case 'real':
      return INTS.test(src) || /^(DOUBLE|FLOAT|DECIMAL)/.test(src) ? `CAST(${x} AS DOUBLE)` : 'NULL';
    case 'bool':
      return src === 'BOOLEAN' ? x : 'NULL';
    case 'datetime':
      if (src === 'VARCHAR') return timestampNsSql(x);
      if (/^(TIMESTAMP WITH TIME ZONE|TIMESTAMPTZ)/.test(src)) return inRange(`CAST(${x} AS TIMESTAMP)`);
      if (/^(TIMESTAMP|DATE$)/.test(src)) return inRange(x);
      return 'NULL';
    case 'dynamic': {
      const text =
        src === 'VARCHAR' ? x : /^(STRUCT|MAP)|\[\]$|\[\d+\]$/.test(src) ? `CAST(to_json(${x}) AS VARCHAR)` : undefined;
      if (text === undefined) return 'NULL';
      return `CASE WHEN left(${text}, 1) IN ('{', '[') AND right(${text}, 1) IN ('}', ']') AND json_valid(${text}) AND NOT regexp_matches(${text}, ${LENIENT}) THEN CAST(${text} AS JSON) END`;
    }
    case 'decimal':
    case 'guid':
      return 'NULL';
  }
}

export interface ParquetPlan extends FastPlan {
  readonly message: string | undefined;
}

/** Prepare the SQL path for a Parquet file (outside any transaction; writes nothing to the workspace). */
export async function prepareFastParquet(
  conn: DuckDBConnection,
  reader: () => Promise<DuckDBConnection>,
  path: string,
  table: string | undefined,
): Promise<ParquetPlan | undefined> {
  try {
    const src = `read_parquet(${sqlString(path)}, file_row_number = true)`;
    const desc = (await conn.runAndReadAll(`DESCRIBE SELECT * FROM ${src}`))
      .getRows()
      .map(([n, t]) => ({ name: String(n), type: String(t) }))
      .filter((c) => c.name !== 'file_row_number');
    let message: string | undefined;
    if (desc.some((c) => c.name === 'Type')) {
      // A Log Analytics `Type` names each row's table. All null, or one table throughout (as in
      // a per-table export), means one table for the file, as the JS path would route it;
      // anything else takes the JS path.
      const types = (
        await conn.runAndReadAll(`SELECT DISTINCT "Type" FROM ${src} WHERE "Type" IS NOT NULL LIMIT 2`)
      ).getRows();
      if (types.length > 1) return undefined;
      const only = types[0]?.[0];
      if (only !== undefined) {
        const named = getTable(String(only));
        if (named === undefined || (table !== undefined && getTable(table)?.name !== named.name)) return undefined;
        if (named.name !== String(only)) return undefined;
        table ??= named.name;
      }
    }
    if (table === undefined) {
      // As the JS path: inferred once, from the first row's non-null columns.
      const first = (
        await conn.runAndReadAll(`SELECT * EXCLUDE (file_row_number) FROM ${src} ORDER BY file_row_number LIMIT 1`)
      ).getRowObjects()[0];
      if (first === undefined) return undefined;
      const inf = inferTable(Object.keys(first).filter((k) => first[k] !== null));
      if (!inf.ok) return undefined;
      table = inf.table;
      message = inf.message;
    }
    const def = getTable(table);
    if (def === undefined) return undefined;
    const target = def.name;
    const cols = new Map((await tableColumns(conn, target)).map((c) => [c.name, c]));
    if (desc.some((c) => !cols.has(c.name))) return undefined;
    const conv = desc.map((c, i) => `${parquetConvertSql(cols.get(c.name)!.type, c.type, sqlIdent(c.name))} AS c${i}`);
    const ok = desc.map((c, i) => `(${sqlIdent(c.name)} IS NULL OR c${i} IS NOT NULL)`);
    const ti = desc.findIndex((c) => c.name === def.timeColumn);
    ok.push(ti < 0 ? 'false' : `c${ti} IS NOT NULL`);
    // Converted twice (to list the odd rows, then to insert the others) rather than staged in a
    // temp table: listing only evaluates the checks, and staging 60 wide columns cost more than
    // the second conversion (1.23x slower on the lab's 62k-row DeviceFileEvents parts).
    const converted = `(SELECT file_row_number + 1 AS line, ${desc.map((_, i) => `c${i}`).join(', ')}, ${ok.join(' AND ')} AS ok FROM (SELECT *, ${conv.join(', ')} FROM ${src}))`;
    const slow = (
      await conn.runAndReadAll(
        `SELECT line FROM ${converted} WHERE ok IS NOT TRUE ORDER BY line LIMIT ${MAX_SLOW_ROWS + 1}`,
      )
    )
      .getRows()
      .map((r) => Number(r[0]));
    if (slow.length > MAX_SLOW_ROWS) throw new Error(`more than ${MAX_SLOW_ROWS} rows need the JS path`);
    return {
      message,
      async insert(onTable) {
        // Keeping file order makes DuckDB insert on one thread (2x slower), and row order in a
        // Kusto table carries no meaning.
        await conn.run('SET preserve_insertion_order = false');
        try {
          const r = await conn.run(
            `INSERT INTO ${sqlIdent(target)} (${desc.map((c) => sqlIdent(c.name)).join(', ')}) SELECT ${desc.map((_, i) => `c${i}`).join(', ')} FROM ${converted} WHERE ok`,
          );
          // The file was read twice: both reads must have seen the same rows (a file rewritten
          // in between fails here, and the caller rolls it back).
          const total = Number(
            (await conn.runAndReadAll(`SELECT count(*) FROM read_parquet(${sqlString(path)})`)).getRows()[0]?.[0],
          );
          if (r.rowsChanged + slow.length !== total)
            throw new Error(`${path} changed while it was read: ${r.rowsChanged} + ${slow.length} rows of ${total}`);
          onTable(target, r.rowsChanged);
        } finally {
          // In an aborted transaction these fail too; the caller rolls back and closes.
          await conn.run('RESET preserve_insertion_order').catch(() => undefined);
        }
      },
      rest: () => slowRows(reader, path, slow, target),
    };
  } catch (err) {
    if (process.env['EXFILHUNT_DEBUG_FAST'] === '1') console.error('fast path unavailable:', err);
    return undefined;
  }
}

async function* slowRows(
  reader: () => Promise<DuckDBConnection>,
  path: string,
  rows: readonly number[],
  table: string,
): AsyncGenerator<SourceItem[]> {
  if (rows.length === 0) return;
  const conn = await reader();
  try {
    const out: SourceItem[] = [];
    // The table chosen for the file (given or inferred from the first row) applies to every row, as in the JS path.
    for await (const item of parquetItems(
      conn,
      path,
      rows.map((r) => r - 1),
    ))
      out.push(item.kind === 'row' ? { ...item, table } : item);
    yield out;
  } finally {
    conn.closeSync();
  }
}
