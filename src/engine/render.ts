// Values as Kusto renders them. Decoding from the dialect's wire encoding into the
// Backend's CellValue conventions, and CellValue -> text for table/CSV output.
import type { ScalarType } from '../kql/types.js';
import type { CellValue, JsonCell } from './types.js';
import { formatKustoDatetime, formatKustoTimespan } from './time.js';

function asBigInt(v: unknown): bigint | null {
  if (typeof v === 'bigint') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return BigInt(Math.trunc(v));
  if (typeof v === 'string' && /^-?\d+$/.test(v)) return BigInt(v);
  return null;
}

function num(v: unknown): number | bigint | null {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint')
    return v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v;
  if (typeof v === 'string') {
    // The wire carries numbers as DuckDB's text: integers beyond 2^53 stay exact as bigint.
    if (/^-?\d{16,}$/.test(v)) return num(BigInt(v));
    const special = SPECIAL_REALS[v];
    if (special !== undefined) return special;
    const n = Number(v);
    return Number.isNaN(n) ? null : n;
  }
  return null;
}

/** DuckDB's text for the non-finite doubles; 0.0/0.0 is a NaN with the sign bit set ('-nan'). */
const SPECIAL_REALS: Readonly<Record<string, number>> = {
  inf: Infinity,
  '-inf': -Infinity,
  nan: NaN,
  '-nan': NaN,
};

/** One wire value (as read from DuckDB) -> CellValue for a column of Kusto type `t`. */
export function decodeCell(v: unknown, t: ScalarType): CellValue {
  if (v === null || v === undefined) return null;
  switch (t) {
    case 'datetime': {
      const ns = asBigInt(v);
      return ns === null ? null : formatKustoDatetime(ns);
    }
    case 'timespan': {
      const ticks = asBigInt(v);
      return ticks === null ? null : formatKustoTimespan(ticks);
    }
    case 'dynamic': {
      if (typeof v !== 'string') return null;
      try {
        return JSON.parse(v) as JsonCell;
      } catch {
        return v;
      }
    }
    case 'int':
    case 'long':
    case 'real':
    case 'decimal':
      return num(v);
    case 'bool':
      return typeof v === 'boolean' ? v : v === 'true' ? true : v === 'false' ? false : null;
    default:
      return typeof v === 'string' ? v : String(v);
  }
}

/** Kusto's text for a real: integers without a fraction, otherwise shortest round-trip. */
function realText(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (!Number.isFinite(n)) return n > 0 ? 'Infinity' : '-Infinity';
  return String(n);
}

/** A cell as text: nulls empty, bools true/false, dynamic as compact JSON. */
export function cellText(v: CellValue): string {
  if (v === null) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') return realText(v);
  if (typeof v === 'bigint') return v.toString();
  return JSON.stringify(v);
}

/** JSON-safe form of a cell (bigint as a JSON number text is not portable: use a string). */
export function cellJson(v: CellValue): JsonCell {
  if (typeof v === 'bigint') return v.toString();
  // JSON has no NaN or infinities (JSON.stringify would write null); Kusto's JSON results
  // write them as the strings "NaN", "Infinity" and "-Infinity", as the table rendering does.
  if (typeof v === 'number' && !Number.isFinite(v)) return Number.isNaN(v) ? 'NaN' : v > 0 ? 'Infinity' : '-Infinity';
  return v;
}
