// Kusto conversions: null on failure (never an error), Kusto's string renderings.
import type { SqlArg, SqlContext } from '../../../catalog/types.js';
import type { ScalarType } from '../../../kql/types.js';
import { duckType } from './literals.js';

/** SQL rendering a datetime the way Kusto's tostring() does: 7 fractional digits and Z. */
export function datetimeToString(sql: string): string {
  return `(strftime(${sql}, '%Y-%m-%dT%H:%M:%S') || '.' || lpad(CAST(((epoch_ns(${sql}) % 1000000000 + 1000000000) % 1000000000) // 100 AS VARCHAR), 7, '0') || 'Z')`;
}

/** SQL rendering a tick count as `[-][d.]hh:mm:ss[.fffffff]`. */
export function timespanToString(sql: string): string {
  const a = `abs(${sql})`;
  const frac = `(${a} % 10000000)`;
  return (
    `(CASE WHEN ${sql} IS NULL THEN NULL ELSE ` +
    `(CASE WHEN ${sql} < 0 THEN '-' ELSE '' END) || ` +
    `(CASE WHEN ${a} >= 864000000000 THEN CAST(${a} // 864000000000 AS VARCHAR) || '.' ELSE '' END) || ` +
    `lpad(CAST((${a} // 36000000000) % 24 AS VARCHAR), 2, '0') || ':' || ` +
    `lpad(CAST((${a} // 600000000) % 60 AS VARCHAR), 2, '0') || ':' || ` +
    `lpad(CAST((${a} // 10000000) % 60 AS VARCHAR), 2, '0') || ` +
    `(CASE WHEN ${frac} > 0 THEN '.' || lpad(CAST(${frac} AS VARCHAR), 7, '0') ELSE '' END) END)`
  );
}

/** `[-][d.]hh:mm[:ss[.f]]` text to ticks, null if malformed. */
export function stringToTimespan(sql: string): string {
  const re = `'^\\s*(-)?(?:(\\d+)\\.)?(\\d+):(\\d+)(?::(\\d+)(?:\\.(\\d+))?)?\\s*$'`;
  const g = (i: number) => `regexp_extract(${sql}, ${re}, ${i})`;
  const num = (i: number) => `coalesce(TRY_CAST(nullif(${g(i)}, '') AS BIGINT), 0)`;
  return (
    `(CASE WHEN regexp_matches(${sql}, ${re}) THEN ` +
    `(CASE WHEN ${g(1)} = '-' THEN -1 ELSE 1 END) * (${num(2)} * 864000000000 + ${num(3)} * 36000000000 + ${num(4)} * 600000000 + ${num(5)} * 10000000 + ` +
    `coalesce(TRY_CAST(nullif(rpad(left(${g(6)}, 7), 7, '0'), '0000000') AS BIGINT), 0)) END)`
  );
}

export function toStringSql(a: SqlArg): string {
  switch (a.type) {
    case 'string':
      return a.sql;
    case 'datetime':
      return datetimeToString(a.sql);
    case 'timespan':
      return timespanToString(a.sql);
    case 'dynamic':
      return `json_extract_string(${a.sql}, '$')`;
    case 'bool':
      return `(CASE WHEN ${a.sql} THEN 'true' WHEN NOT ${a.sql} THEN 'false' END)`;
    default:
      return `CAST(${a.sql} AS VARCHAR)`;
  }
}

function fromDynamic(sql: string): string {
  return `json_extract_string(${sql}, '$')`;
}

export function convertSql(a: SqlArg, to: ScalarType, _ctx: SqlContext): string {
  if (a.type === to || to === 'unknown') return a.sql;
  const s = a.sql;
  switch (to) {
    case 'string':
      return toStringSql(a);
    case 'int':
    case 'long': {
      const t = duckType(to);
      if (a.type === 'real' || a.type === 'decimal') return `TRY_CAST(trunc(${s}) AS ${t})`;
      if (a.type === 'bool') return `CAST(${s} AS ${t})`;
      if (a.type === 'timespan') return `TRY_CAST(${s} AS ${t})`;
      if (a.type === 'datetime') return `(epoch_ns(${s}) // 100 + 621355968000000000)`;
      const txt = a.type === 'dynamic' ? fromDynamic(s) : `CAST(${s} AS VARCHAR)`;
      return `coalesce(TRY_CAST(${txt} AS ${t}), TRY_CAST(trunc(TRY_CAST(${txt} AS DOUBLE)) AS ${t}))`;
    }
    case 'real':
      if (a.type === 'dynamic') return `TRY_CAST(${fromDynamic(s)} AS DOUBLE)`;
      if (a.type === 'bool') return `CAST(CAST(${s} AS INTEGER) AS DOUBLE)`;
      if (a.type === 'datetime') return `CAST(epoch_ns(${s}) // 100 + 621355968000000000 AS DOUBLE)`;
      return `TRY_CAST(${s} AS DOUBLE)`;
    case 'decimal':
      return `TRY_CAST(${a.type === 'dynamic' ? fromDynamic(s) : s} AS DECIMAL(38,18))`;
    case 'bool': {
      if (a.type === 'int' || a.type === 'long' || a.type === 'real' || a.type === 'decimal') return `(${s} <> 0)`;
      const txt = `lower(trim(${a.type === 'dynamic' ? fromDynamic(s) : `CAST(${s} AS VARCHAR)`}))`;
      return `(CASE WHEN ${txt} IN ('true', '1') THEN true WHEN ${txt} IN ('false', '0') THEN false END)`;
    }
    case 'datetime': {
      if (a.type === 'long' || a.type === 'int') return `make_timestamp_ns((${s} - 621355968000000000) * 100)`;
      const txt = a.type === 'dynamic' ? fromDynamic(s) : `CAST(${s} AS VARCHAR)`;
      // ISO forms first, then the US month/day/year forms Kusto also accepts.
      const t = `trim(${txt})`;
      return `coalesce(TRY_CAST(regexp_replace(${t}, '(?i)z$', '') AS TIMESTAMP_NS), CAST(coalesce(try_strptime(${t}, '%m/%d/%Y %H:%M:%S'), try_strptime(${t}, '%m/%d/%Y %H:%M'), try_strptime(${t}, '%m/%d/%Y')) AS TIMESTAMP_NS))`;
    }
    case 'timespan': {
      if (a.type === 'int' || a.type === 'long') return `CAST(${s} AS BIGINT)`;
      if (a.type === 'real') return `TRY_CAST(trunc(${s}) AS BIGINT)`;
      const txt = a.type === 'dynamic' ? fromDynamic(s) : `CAST(${s} AS VARCHAR)`;
      return stringToTimespan(txt);
    }
    case 'guid':
      return `TRY_CAST(${a.type === 'dynamic' ? fromDynamic(s) : s} AS UUID)`;
    case 'dynamic':
      if (a.type === 'string') return `(CASE WHEN json_valid(${s}) THEN CAST(${s} AS JSON) ELSE to_json(${s}) END)`;
      if (a.type === 'datetime') return `to_json(${datetimeToString(s)})`;
      if (a.type === 'timespan') return `to_json(${timespanToString(s)})`;
      return `to_json(${s})`;
  }
}
