// SQL building blocks for Kusto values in their DuckDB storage (src/schema/physical.ts):
// datetime = TIMESTAMP_NS, timespan = BIGINT 100-ns ticks, dynamic = JSON, guid = UUID.
import type { ScalarType } from '../../kql/types.js';
import { DUCKDB_TYPE } from '../../schema/physical.js';
import type { SqlArg } from '../types.js';

export const TICKS_PER_DAY = 864_000_000_000;
export const TICKS_PER_HOUR = 36_000_000_000;
export const TICKS_PER_MINUTE = 600_000_000;
export const TICKS_PER_SECOND = 10_000_000;
/** .NET ticks of 1970-01-01: Kusto bins datetimes from 0001-01-01, not from the Unix epoch. */
export const EPOCH_DOTNET_TICKS = 621_355_968_000_000_000;

export function p(sql: string): string {
  return `(${sql})`;
}

/** datetime -> 100-ns ticks since the Unix epoch (floor division for pre-1970 values). */
export function dtTicks(dt: string): string {
  return `(epoch_ns(${dt}) // 100)`;
}

/** Unix-epoch ticks -> datetime. */
export function ticksDt(ticks: string): string {
  return `make_timestamp_ns((${ticks}) * 100)`;
}

/**
 * x - (x mod size) with a floored modulo, for integer SQL and a positive size (callers
 * guard it). Non-negative x, the usual case, skips the second modulo: about 2x faster.
 */
export function floorTo(x: string, size: string): string {
  return `((${x}) - CASE WHEN (${x}) >= 0 THEN (${x}) % (${size}) ELSE ((((${x}) % (${size})) + (${size})) % (${size})) END)`;
}

export function sqlType(t: ScalarType): string {
  return DUCKDB_TYPE[t];
}

/** Kusto's rendering of a real: integral values without ".0", .NET-style exponents (1E+20, 1E-05). */
export function realToString(x: string): string {
  return `(CASE WHEN ${x} IS NULL THEN NULL WHEN isnan(${x}) THEN 'NaN' WHEN isinf(${x}) THEN CASE WHEN ${x} > 0 THEN 'Infinity' ELSE '-Infinity' END
 WHEN ${x} = trunc(${x}) AND abs(${x}) < 1e15 THEN CAST(CAST(${x} AS BIGINT) AS VARCHAR)
 ELSE regexp_replace(upper(CAST(${x} AS VARCHAR)), 'E([+-])0*(\\d\\d)', 'E\\1\\2') END)`;
}

/** `[-][d.]hh:mm:ss[.fffffff]` from ticks. */
export function timespanToString(t: string): string {
  const a = `abs(${t})`;
  return `(CASE WHEN ${t} IS NULL THEN NULL ELSE
 (CASE WHEN ${t} < 0 THEN '-' ELSE '' END)
 || (CASE WHEN ${a} >= ${TICKS_PER_DAY} THEN CAST(${a} // ${TICKS_PER_DAY} AS VARCHAR) || '.' ELSE '' END)
 || lpad(CAST((${a} // ${TICKS_PER_HOUR}) % 24 AS VARCHAR), 2, '0') || ':'
 || lpad(CAST((${a} // ${TICKS_PER_MINUTE}) % 60 AS VARCHAR), 2, '0') || ':'
 || lpad(CAST((${a} // ${TICKS_PER_SECOND}) % 60 AS VARCHAR), 2, '0')
 || (CASE WHEN ${a} % ${TICKS_PER_SECOND} <> 0 THEN '.' || lpad(CAST(${a} % ${TICKS_PER_SECOND} AS VARCHAR), 7, '0') ELSE '' END) END)`;
}

/** ISO 8601 UTC with 7 fractional digits and Z, as Kusto renders datetimes. */
export function datetimeToString(dt: string): string {
  return `(strftime(${dt}, '%Y-%m-%dT%H:%M:%S') || '.' || lpad(CAST(((epoch_ns(${dt}) % 1000000000 + 1000000000) % 1000000000) // 100 AS VARCHAR), 7, '0') || 'Z')`;
}

/** Text of a JSON value as tostring() gives it: strings unquoted, null as null, the rest compact JSON. */
export function dynamicToString(d: string): string {
  return `(CASE json_type(${d}) WHEN 'VARCHAR' THEN json_extract_string(${d}, '$') WHEN 'NULL' THEN NULL ELSE CAST(json(${d}) AS VARCHAR) END)`;
}

/** Kusto tostring() semantics, except that null stays NULL (callers wrap with coalesce where Kusto gives ""). */
export function toStringSql(a: SqlArg): string {
  const x = p(a.sql);
  switch (a.type) {
    case 'string':
      return x;
    case 'bool':
      return `(CASE WHEN ${x} THEN 'true' WHEN NOT ${x} THEN 'false' END)`;
    case 'int':
    case 'long':
    case 'guid':
      return `CAST(${x} AS VARCHAR)`;
    case 'decimal':
      // DECIMAL(38,18) prints 18 fraction digits; Kusto prints the shortest form.
      return `regexp_replace(regexp_replace(CAST(${x} AS VARCHAR), '(\\.[0-9]*?)0+$', '\\1'), '\\.$', '')`;
    case 'real':
      return realToString(x);
    case 'datetime':
      return datetimeToString(x);
    case 'timespan':
      return timespanToString(x);
    case 'dynamic':
      return dynamicToString(x);
    case 'unknown':
      return `CAST(${x} AS VARCHAR)`;
  }
}

/** A Kusto value as a JSON value (for pack_array, bag_pack, make_list): datetimes and timespans become strings. */
export function toJsonSql(a: SqlArg): string {
  const x = p(a.sql);
  switch (a.type) {
    case 'dynamic':
      return x;
    case 'datetime':
    case 'timespan':
    case 'guid':
      return `to_json(${toStringSql(a)})`;
    case 'real':
      // NaN and infinities have no JSON form; Kusto writes them as strings.
      return `(CASE WHEN isnan(${x}) OR isinf(${x}) THEN to_json(${realToString(x)}) ELSE to_json(${x}) END)`;
    case 'decimal':
      return `to_json(CAST(${x} AS DOUBLE))`;
    default:
      return `to_json(${x})`;
  }
}

/** Casts an argument to a Kusto type's storage, used when branches of iff/case/coalesce differ. */
export function castTo(a: SqlArg, t: ScalarType): string {
  if (a.type === t || t === 'unknown') return a.sql;
  if (t === 'dynamic') return toJsonSql(a);
  return `CAST(${p(a.sql)} AS ${sqlType(t)})`;
}
