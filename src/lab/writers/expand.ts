// The SQL that turns a batch's narrow spool files into full Defender rows, per output format.
import { DUCKDB_TYPE } from '../../schema/physical.js';
import { sqlIdent, sqlString } from '../../sql/escape.js';
import type { ScalarType } from '../../kql/types.js';
import { layout, PROC_COLUMNS, type ColumnPlan } from '../layout.js';

export type LabFormat = 'streaming' | 'ndjson' | 'parquet' | 'csv';

/** Narrow spool column types: datetimes travel as tick offsets, JSON as text. */
function spoolType(t: ScalarType): string {
  if (t === 'datetime') return 'BIGINT';
  if (t === 'dynamic') return 'VARCHAR';
  return DUCKDB_TYPE[t];
}

function readCsv(
  path: string,
  cols: readonly { name: string; type: ScalarType }[],
  prefix: readonly [string, string][],
): string {
  const spec = [...prefix, ...cols.map((c): [string, string] => [c.name, spoolType(c.type)])]
    .map(([n, t]) => `${sqlString(n)}: ${sqlString(t)}`)
    .join(', ');
  return `read_csv(${sqlString(path)}, header = false, delim = ',', quote = '"', escape = '"', allow_quoted_nulls = false, strict_mode = true, auto_detect = false, columns = {${spec}})`;
}

export function spoolProcsSql(path: string): string {
  return readCsv(path, PROC_COLUMNS, [['key', 'BIGINT']]);
}

export function spoolTableSql(table: string, path: string): string {
  return readCsv(path, layout(table).own, [
    ['_seq', 'BIGINT'],
    ['_dev', 'INTEGER'],
    ['_actor', 'BIGINT'],
    ['_proc', 'BIGINT'],
    ['_t', 'BIGINT'],
  ]);
}

/** Typed value of a column, as the workspace stores it (DUCKDB_TYPE). */
function typedExpr(c: ColumnPlan, baseNs: bigint): string {
  const ts = (e: string): string => `make_timestamp_ns(${baseNs}::BIGINT + ${e} * 100)`;
  let e: string;
  switch (c.source.kind) {
    case 'time':
      return ts('f._t');
    case 'device':
      return `d.${sqlIdent(c.source.field)}`;
    case 'actor':
      e = `a.${sqlIdent(c.source.field)}`;
      // Defender reports the initiating image path lower-cased, the created one as on disk.
      if (c.name === 'InitiatingProcessFolderPath') e = `lower(${e})`;
      break;
    case 'created':
      e = `p.${sqlIdent(c.source.field)}`;
      break;
    case 'own':
      e = `f.${sqlIdent(c.name)}`;
      break;
  }
  if (c.type === 'datetime') return ts(e);
  if (c.type === 'string') return `coalesce(${e}, '')`;
  if (c.type === 'dynamic') return `${e}::JSON`;
  return e;
}

function fmt7(e: string): string {
  return `(strftime(${e}, '%Y-%m-%dT%H:%M:%S.%n')[1:27] || 'Z')`;
}

/** Value as the text formats carry it: 7-digit ISO timestamps, JSON columns as strings. */
function textExpr(c: ColumnPlan, baseNs: bigint): string {
  const e = typedExpr(c, baseNs);
  if (c.type === 'datetime') return fmt7(e);
  if (c.type === 'dynamic') return `${e}::VARCHAR`;
  return e;
}

export function expandSql(table: string, source: string, format: LabFormat, baseNs: bigint, tenantId: string): string {
  const lay = layout(table);
  const usesActor = lay.columns.some((c) => c.source.kind === 'actor');
  const usesCreated = lay.columns.some((c) => c.source.kind === 'created');
  const from = [
    `${source} f JOIN devices d ON d.idx = f._dev`,
    usesActor ? 'LEFT JOIN procs a ON a.key = f._actor' : '',
    usesCreated ? 'LEFT JOIN procs p ON p.key = f._proc' : '',
  ].join(' ');
  let select: string;
  if (format === 'parquet') {
    select = [
      ...lay.columns.map((c) => `${typedExpr(c, baseNs)} AS ${sqlIdent(c.name)}`),
      `${sqlString(table)} AS "Type"`,
    ].join(', ');
  } else if (format === 'streaming') {
    const props = lay.columns.map((c) => `${sqlIdent(c.name)} := ${textExpr(c, baseNs)}`);
    if (!lay.columns.some((c) => c.name === 'MachineGroup')) props.push('MachineGroup := d.MachineGroup');
    select = [
      `${fmt7(typedExpr({ name: 'Timestamp', type: 'datetime', source: { kind: 'time' } }, baseNs))} AS "time"`,
      `${sqlString(tenantId)} AS "tenantId"`,
      `'Publish' AS "operationName"`,
      `${sqlString(`AdvancedHunting-${table}`)} AS "category"`,
      `struct_pack(${props.join(', ')}) AS "properties"`,
    ].join(', ');
  } else if (format === 'ndjson') {
    select = [
      ...lay.columns.map((c) => `${textExpr(c, baseNs)} AS ${sqlIdent(c.name)}`),
      `${sqlString(table)} AS "Type"`,
    ].join(', ');
  } else {
    select = lay.columns.map((c) => `${textExpr(c, baseNs)} AS ${sqlIdent(c.name)}`).join(', ');
  }
  // Text exports are read by people and come roughly in time order from Defender: sort them. A
  // Parquet file is a table (its readers never rely on row order): it keeps the spool's order,
  // which is as deterministic, and skips a sort that cost a fifth of the lab's time (bench/lab.ts).
  return `SELECT ${select} FROM ${from}${format === 'parquet' ? '' : ' ORDER BY f._t, f._seq'}`;
}

export function copyOptions(format: LabFormat): string {
  switch (format) {
    case 'parquet':
      return '(FORMAT parquet, COMPRESSION snappy, ROW_GROUP_SIZE 122880)';
    case 'csv':
      return "(FORMAT csv, HEADER true, DELIMITER ',', QUOTE '\"', ESCAPE '\"')";
    default:
      return '(FORMAT json)';
  }
}

export function fileName(table: string, format: LabFormat, part: number, tenantId: string): string {
  const n = String(part).padStart(5, '0');
  switch (format) {
    case 'streaming':
      return `insights-logs-advancedhunting-${table.toLowerCase()}/tenantId=${tenantId}/part-${n}.json`;
    case 'ndjson':
      return `${table}/part-${n}.ndjson`;
    case 'parquet':
      return `${table}/part-${n}.parquet`;
    case 'csv':
      return `${table}/part-${n}.csv`;
  }
}
