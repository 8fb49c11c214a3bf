// Typed constants as DuckDB SQL. Every string goes through sqlString.
import type { ScalarType } from '../../../kql/types.js';
import { DUCKDB_TYPE } from '../../../schema/physical.js';
import { sqlString } from '../../escape.js';
import type { LitValue } from '../../plan.js';
import { formatNsForSql } from '../../../engine/time.js';

export function duckType(t: ScalarType): string {
  return DUCKDB_TYPE[t];
}

export function nullOf(t: ScalarType): string {
  return `CAST(NULL AS ${duckType(t)})`;
}

export function timestampNs(ns: bigint): string {
  return `TIMESTAMP_NS ${sqlString(formatNsForSql(ns))}`;
}

export function literalSql(type: ScalarType, value: LitValue): string {
  if (value === null) return nullOf(type);
  switch (type) {
    case 'string':
      return sqlString(String(value));
    case 'bool':
      return value === true || value === 'true' ? 'true' : 'false';
    case 'int':
      return `CAST(${BigInt(numText(value))} AS INTEGER)`;
    case 'long':
    case 'timespan':
      return `CAST(${BigInt(numText(value))} AS BIGINT)`;
    case 'real': {
      const n = typeof value === 'number' ? value : Number(value);
      if (Number.isNaN(n)) return `CAST('nan' AS DOUBLE)`;
      if (!Number.isFinite(n)) return `CAST('${n > 0 ? 'inf' : '-inf'}' AS DOUBLE)`;
      return `CAST(${sqlString(String(n))} AS DOUBLE)`;
    }
    case 'decimal':
      return `CAST(${sqlString(String(value))} AS DECIMAL(38,18))`;
    case 'datetime':
      return timestampNs(typeof value === 'bigint' ? value : BigInt(String(value)));
    case 'guid':
      return `CAST(${sqlString(String(value))} AS UUID)`;
    case 'dynamic':
      return `CAST(${sqlString(String(value))} AS JSON)`;
    case 'unknown':
      return sqlString(String(value));
  }
}

function numText(v: Exclude<LitValue, null>): string {
  if (typeof v === 'bigint') return v.toString();
  if (typeof v === 'number') return Math.trunc(v).toString();
  if (typeof v === 'boolean') return v ? '1' : '0';
  const s = v.trim();
  if (/^[+-]?0x[0-9a-f]+$/i.test(s)) return BigInt(s.replace(/^[+-]/, '')).toString();
  if (/^[+-]?\d+$/.test(s)) return s.replace(/^\+/, '');
  return Math.trunc(Number(s)).toString();
}
