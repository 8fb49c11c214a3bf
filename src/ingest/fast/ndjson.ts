// DuckDB-native fast path for storage-account NDJSON (one `{time, tenantId, category,
// properties}` record per line). DuckDB reads the lines (keeping each one's line number),
// parses and converts them in SQL, and stores every row whose conversion provably agrees with
// the JS path. Every other line (bad JSON, unknown category, odd types, unknown columns, Event
// Hub messages, blank lines...) is handed, with its line number, to the JS row pipeline, which
// stores or rejects it exactly as before. So the workspace and the rejects are the same as the
// JS path's; only the work is moved.
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Column, ScalarType } from '../../kql/types.js';
import { MDE_TABLES } from '../../schema/index.js';
import { sqlIdent, sqlString } from '../../sql/escape.js';
import { lineItems } from '../sources/index.js';
import type { SourceItem } from '../sources/records.js';
import { tableColumns } from '../workspace.js';

const STAGE = '_exfilhunt_fast_lines';
const SLOW = '_exfilhunt_fast_slow';
const CONV = '_exfilhunt_fast_conv';
const PAGE = 4096;

/** JSON that DuckDB accepts but JSON.parse rejects (trailing commas, NaN/Infinity): such lines go to the JS path. */
const LENIENT = sqlString(',\\s*[\\]}]|[:\\[,]\\s*[-+]?(?i:nan|inf)');
/** The Defender timestamp shape converted in SQL; any other shape goes to the JS parser. */
const TS_RE = sqlString('(19|20|21)\\d\\d-\\d\\d-\\d\\dT([01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(\\.\\d{1,9})?Z');
const FRAC_RE = sqlString('\\.(\\d+)Z$');

/** Exact UTC nanoseconds of a Defender timestamp string (1 to 9 fractional digits), NULL if invalid. */
export function timestampNsSql(s: string): string {
  return `CASE WHEN regexp_full_match(${s}, ${TS_RE}) THEN make_timestamp_ns(epoch_us(TRY_CAST(left(${s}, 19) AS TIMESTAMP)) * 1000 + CAST(rpad(regexp_extract(${s}, ${FRAC_RE}, 1), 9, '0') AS BIGINT)) END`;
}

/**
 * SQL converting one JSON value (json type `t`, text `s`) for a column of `type`, or NULL when
 * the JS path must decide. Only the unambiguous cases are taken here: a JSON string for a
 * string column, a JSON integer for long/int (yyjson types non-negative ones UBIGINT; out of range goes to JS), a number for real, a boolean for bool, a
 * Defender timestamp string for datetime, a string holding a JSON object/array for dynamic.
 */
export function convertSql(type: ScalarType, t: string, s: string): string {
  switch (type) {
    case 'string':
    case 'unknown':
      return `CASE WHEN ${t} = 'VARCHAR' THEN ${s} END`;
    case 'long':
    case 'timespan':
      return `CASE WHEN ${t} IN ('BIGINT', 'UBIGINT') THEN TRY_CAST(${s} AS BIGINT) END`;
    case 'int':
      return `CASE WHEN ${t} IN ('BIGINT', 'UBIGINT') THEN TRY_CAST(${s} AS INTEGER) END`;
    case 'real':
      return `CASE WHEN ${t} IN ('BIGINT', 'UBIGINT', 'DOUBLE') THEN CAST(${s} AS DOUBLE) END`;
    case 'bool':
      return `CASE WHEN ${t} = 'BOOLEAN' THEN CAST(${s} AS BOOLEAN) END`;
    case 'datetime':
      return `CASE WHEN ${t} = 'VARCHAR' THEN ${timestampNsSql(s)} END`;
    case 'dynamic':
      return `CASE WHEN ${t} = 'VARCHAR' AND left(${s}, 1) IN ('{', '[') AND right(${s}, 1) IN ('}', ']') AND json_valid(${s}) AND NOT regexp_matches(${s}, ${LENIENT}) THEN CAST(${s} AS JSON) END`;
    case 'decimal':
    case 'guid':
      return 'NULL';
  }
}

function readLinesSql(path: string): string {
  return `read_csv(${sqlString(path)}, columns = {'l': 'VARCHAR'}, delim = E'\\x01', quote = '', escape = '', header = false, auto_detect = false, strict_mode = false)`;
}

/** The lines a line splitter on '\n' sees in a file: its '\n' count, plus one for a last unterminated line. */
export interface LineShape {
  newlines: number;
  lastByte: number | undefined;
}

export interface FastPlan {
  /** Store the rows SQL converted (inside the caller's transaction); `onTable` after each table. */
  insert(onTable: (table: string, rows: number) => void): Promise<void>;
  /** The remaining lines as JS source items, in line order (after `insert`). */
  rest(): AsyncGenerator<SourceItem[]>;
}

const debug = process.env['EXFILHUNT_DEBUG_FAST'] === '1';
let lastMark = Date.now();
function mark(what: string): void {
  if (debug) console.error(`fast: ${what} ${Date.now() - lastMark} ms`);
  lastMark = Date.now();
}

async function scalar(conn: DuckDBConnection, sql: string): Promise<number> {
  const r = await conn.runAndReadAll(sql);
  return Number(r.getRows()[0]?.[0] ?? 0);
}

/** Drop the fast path's temp tables (outside a transaction, or inside one that is not aborted). */
export async function dropFastTables(conn: DuckDBConnection): Promise<void> {
  const names = new Set([STAGE, SLOW, CONV, ...MDE_TABLES.map((_, i) => `${CONV}_${i}`)]);
  // One catalog query, then only the tables that exist: this runs after every file.
  const r = await conn.runAndReadAll(`SELECT table_name FROM duckdb_tables() WHERE database_name = 'temp'`);
  for (const [t] of r.getRows()) if (names.has(String(t))) await conn.run(`DROP TABLE temp.${String(t)}`);
}

export function tableSelect(table: string, cols: readonly Column[]): { select: string; names: string[] } {
  const paths = `[${cols.map((c) => sqlString(`$.${JSON.stringify(c.name)}`)).join(', ')}]`;
  const known = `[${cols.map((c) => sqlString(c.name)).join(', ')}]`;
  const conv: string[] = [];
  const ok: string[] = [`list_has_all(${known}, kp)`, 'len(kp) = len(list_distinct(kp))'];
  const has = new Set(cols.map((c) => c.name));
  cols.forEach((c, i) => {
    let t = `ty[${i + 1}]`;
    let s = `st[${i + 1}]`;
    const absent = `(${t} IS NULL OR ${t} = 'NULL')`;
    // The envelope's tenant and publish time fill TenantId / TimeGenerated when the row lacks them (as fromStreamingRecord does).
    const env = c.name === 'TenantId' ? 'tenant' : c.name === 'TimeGenerated' ? 'etime' : undefined;
    if (env !== undefined) {
      s = `CASE WHEN ${absent} THEN ${env} ELSE ${s} END`;
      t = `CASE WHEN ${absent} THEN CASE WHEN ${env} IS NOT NULL THEN 'VARCHAR' END ELSE ${t} END`;
    }
    conv.push(`${convertSql(c.type, t, s)} AS c${i}, (${t}) IS NOT NULL AND (${t}) <> 'NULL' AS n${i}`);
    ok.push(`(NOT n${i} OR c${i} IS NOT NULL)`);
  });
  if (!has.has('TenantId')) ok.push('tenant IS NULL');
  if (!has.has('TimeGenerated')) ok.push('etime IS NULL');
  const ti = cols.findIndex((c) => c.name === 'Timestamp');
  ok.push(ti < 0 ? 'false' : `c${ti} IS NOT NULL`);
  const select = `SELECT line, ${cols.map((_, i) => `c${i}`).join(', ')}, ${ok.join(' AND ')} AS ok FROM (
    SELECT line, kp, ${conv.join(', ')} FROM (
      SELECT line, tenant, etime, json_keys(props) AS kp, json_type(props, ${paths}) AS ty, json_extract_string(props, ${paths}) AS st
      FROM temp.${STAGE} WHERE cat = ${sqlString(`AdvancedHunting-${table}`)}))`;
  return { select, names: cols.map((c) => c.name) };
}

/**
 * Prepare the SQL path for `path` (plain NDJSON): read, parse and convert it into temp tables.
 * Runs outside any transaction and writes nothing to the workspace, so a failure here (which
 * in DuckDB would abort a transaction) just means "use the JS path": undefined is returned when
 * DuckDB cannot read the file as lines, sees a different number of lines than a '\n' splitter
 * would, or most lines need JS anyway. The caller drops the temp tables with dropFastTables.
 */
export async function prepareFastNdjson(
  conn: DuckDBConnection,
  path: string,
  shape: LineShape,
): Promise<FastPlan | undefined> {
  await dropFastTables(conn);
  try {
    await conn.run(`CREATE TEMP TABLE ${STAGE} AS
      SELECT line, l,
        CASE WHEN e IS NOT NULL AND json_type(e[1]) = 'VARCHAR' AND json_type(e[2]) = 'OBJECT'
          AND len(k) = len(list_distinct(k)) AND NOT list_has_any(k, ['records', 'Results', 'results'])
          THEN e[1] ->> '$' END AS cat,
        e[2] AS props,
        CASE WHEN json_type(e[3]) = 'VARCHAR' THEN e[3] ->> '$' END AS tenant,
        CASE WHEN json_type(e[4]) = 'VARCHAR' THEN e[4] ->> '$' END AS etime
      FROM (
        SELECT line, l,
          CASE WHEN v THEN json_extract(l, ['$.category', '$.properties', '$.tenantId', '$.time']) END AS e,
          CASE WHEN v THEN json_keys(l) END AS k
        FROM (
          SELECT line, l, json_valid(l) AND NOT regexp_matches(l, ${LENIENT}) AS v
          FROM (SELECT row_number() OVER () AS line, l FROM ${readLinesSql(path)})))`);
    mark('stage');
    const expected = shape.newlines + (shape.lastByte !== undefined && shape.lastByte !== 10 ? 1 : 0);
    const seen = await scalar(conn, `SELECT count(*) FROM temp.${STAGE}`);
    if (seen !== expected) throw new Error(`line count ${seen} != ${expected}`);
    const cats = MDE_TABLES.map((t) => sqlString(`AdvancedHunting-${t.name}`)).join(', ');
    await conn.run(
      `CREATE TEMP TABLE ${SLOW} AS SELECT line FROM temp.${STAGE} WHERE cat IS NULL OR cat NOT IN (${cats})`,
    );
    const present = (
      await conn.runAndReadAll(`SELECT DISTINCT cat FROM temp.${STAGE} WHERE cat IN (${cats}) ORDER BY cat`)
    )
      .getRows()
      .map((r) => String(r[0]).slice('AdvancedHunting-'.length));
    const plans: { table: string; names: string[]; conv: string }[] = [];
    for (const [i, table] of present.entries()) {
      const cols = await tableColumns(conn, table);
      const { select, names } = tableSelect(table, cols);
      const conv = `${CONV}_${i}`;
      await conn.run(`CREATE TEMP TABLE ${conv} AS ${select}`);
      await conn.run(`INSERT INTO temp.${SLOW} SELECT line FROM temp.${conv} WHERE ok IS NOT TRUE`);
      plans.push({ table, names, conv });
      mark(`convert ${table}`);
    }
    const slow = await scalar(conn, `SELECT count(*) FROM temp.${SLOW}`);
    // Mostly lines SQL cannot take (Event Hub messages, plain rows): streaming them through JS is cheaper.
    if (seen > 10_000 && slow * 2 > seen) throw new Error(`${slow} of ${seen} lines need the JS path`);
    await conn.run(
      `CREATE TEMP TABLE ${CONV} AS SELECT s.line, l FROM temp.${SLOW} s JOIN temp.${STAGE} USING (line) ORDER BY s.line`,
    );
    await conn.run(`DROP TABLE temp.${STAGE}`);
    return {
      async insert(onTable) {
        for (const p of plans) {
          const cols = p.names.map((n) => sqlIdent(n)).join(', ');
          const r = await conn.run(
            `INSERT INTO ${sqlIdent(p.table)} (${cols}) SELECT ${p.names.map((_, i) => `c${i}`).join(', ')} FROM temp.${p.conv} WHERE ok`,
          );
          onTable(p.table, r.rowsChanged);
          mark(`insert ${p.table}`);
        }
      },
      rest: () => slowLines(conn),
    };
  } catch (err) {
    if (process.env['EXFILHUNT_DEBUG_FAST'] === '1') console.error('fast path unavailable:', err);
    await dropFastTables(conn);
    return undefined;
  }
}

/** The lines SQL left, paged by line number (the connection is shared with the JS writers, so no open stream). */
async function* slowLines(conn: DuckDBConnection): AsyncGenerator<SourceItem[]> {
  let last = 0;
  for (;;) {
    const r = await conn.runAndReadAll(
      `SELECT line, l FROM temp.${CONV} WHERE line > ${last} ORDER BY line LIMIT ${PAGE}`,
    );
    const rows = r.getRows();
    if (rows.length === 0) return;
    const out: SourceItem[] = [];
    for (const [line, l] of rows) {
      last = Number(line);
      lineItems({ text: typeof l === 'string' ? l : '', line: last }, out);
    }
    yield out;
  }
}
