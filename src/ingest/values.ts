// Conversion of one source value to the stored value of a column type. Values arrive as
// JSON values (JSON sources) or strings (CSV). Nothing is coerced lossily: a value that does
// not fit its column is a "wrong type" rejection of the row, never a silent NULL.
import type { ScalarType } from '../kql/types.js';
import { parseTimestampNs } from './time.js';

export class ConversionError extends Error {}

export type Stored = string | number | bigint | boolean | null;

function describe(v: unknown): string {
  const s = typeof v === 'string' || (typeof v === 'object' && v !== null) ? JSON.stringify(v) : String(v);
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

function fail(type: string, v: unknown): never {
  throw new ConversionError(`expected ${type}, got ${describe(v)}`);
}

const INT_RE = /^\s*[+-]?\d+\s*$/;
const REAL_RE = /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** How number `v` of member `key` is written in the JSON text `raw` (JSON.parse loses digits past 2^53, and `1.0`). */
export function writtenNumber(raw: string | undefined, key: string, v: unknown): string | undefined {
  if (raw === undefined || typeof v !== 'number') return undefined;
  const re = new RegExp(
    `${JSON.stringify(key).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*:\\s*(-?\\d+(?:\\.\\d*)?(?:[eE][+-]?\\d+)?)`,
    'g',
  );
  for (let m = re.exec(raw); m !== null; m = re.exec(raw)) if (Number(m[1]) === v) return m[1];
  return undefined;
}

/** `raw`/`key` recover the exact digits of an integer JSON.parse rounded (beyond 2^53). */
function toLong(v: unknown, raw: string | undefined, key: string): bigint {
  if (typeof v === 'bigint') return checkRange(v, v);
  if (typeof v === 'number') {
    if (Number.isSafeInteger(v)) return BigInt(v);
    if (Number.isInteger(v)) {
      const w = writtenNumber(raw, key, v);
      if (w !== undefined && /^-?\d+$/.test(w)) return checkRange(BigInt(w), v);
      return BigInt(v);
    }
    fail('long', v);
  }
  if (typeof v === 'string' && INT_RE.test(v)) return checkRange(BigInt(v.trim()), v);
  if (typeof v === 'string' && /^\s*[+-]?\d+\.0*\s*$/.test(v)) return checkRange(BigInt(v.trim().split('.')[0]!), v);
  return fail('long', v);
}

function checkRange(b: bigint, v: unknown): bigint {
  if (b < INT64_MIN || b > INT64_MAX) fail('long (64-bit)', v);
  return b;
}

function toInt(v: unknown): number {
  const n =
    typeof v === 'number'
      ? v
      : typeof v === 'bigint'
        ? Number(v)
        : typeof v === 'string' && INT_RE.test(v)
          ? Number(v)
          : NaN;
  if (!Number.isInteger(n) || n < -2147483648 || n > 2147483647) fail('int', v);
  return n;
}

function toReal(v: unknown): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'string') {
    if (REAL_RE.test(v)) return Number(v);
    const t = v.trim().toLowerCase();
    if (t === 'nan') return NaN;
    if (t === 'inf' || t === 'infinity' || t === '+inf') return Infinity;
    if (t === '-inf' || t === '-infinity') return -Infinity;
  }
  return fail('real', v);
}

function toBool(v: unknown): boolean {
  if (typeof v === 'boolean') return v;
  if (v === 1 || v === 0) return v === 1;
  if (typeof v === 'string') {
    const t = v.trim().toLowerCase();
    if (t === 'true' || t === '1') return true;
    if (t === 'false' || t === '0') return false;
  }
  return fail('bool', v);
}

function toDatetime(v: unknown): bigint {
  if (typeof v === 'string') {
    const ns = parseTimestampNs(v);
    if (ns !== undefined) return ns;
  }
  return fail('datetime', v);
}

/**
 * JSON text for a dynamic column. A string holding JSON (the portal's AdditionalFields) is
 * stored as that JSON; any other string is stored as a JSON string, so no value is lost.
 */
function toDynamic(v: unknown): string | null {
  if (typeof v === 'string') {
    const t = v.trim();
    if (t === '') return null;
    const c = t.charCodeAt(0);
    // Only containers and literals are parsed; a bare word like `foo` is a string value.
    if (c === 123 || c === 91 || c === 34 || t === 'null' || t === 'true' || t === 'false' || /^-?\d/.test(t)) {
      try {
        JSON.parse(t);
        return t;
      } catch {
        return JSON.stringify(v);
      }
    }
    return JSON.stringify(v);
  }
  if (typeof v === 'bigint') return v.toString();
  return JSON.stringify(v);
}

function toStr(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  // An object in a string column keeps its JSON text rather than being rejected.
  return JSON.stringify(v);
}

/** Convert one non-null source value for a column of Kusto type `type`. Throws ConversionError. */
export function convertValue(type: ScalarType, v: unknown, raw: string | undefined, key: string): Stored {
  switch (type) {
    case 'string':
      return toStr(v);
    case 'long':
    case 'timespan':
      return toLong(v, raw, key);
    case 'int':
      return toInt(v);
    case 'real':
    case 'decimal':
      return toReal(v);
    case 'bool':
      return toBool(v);
    case 'datetime':
      return toDatetime(v);
    case 'dynamic':
      return toDynamic(v);
    case 'guid':
    case 'unknown':
      return toStr(v);
  }
}

/** Kusto type for a column the schema does not declare, from its first value (`written`: its source text, if known). */
export function inferType(v: unknown, fromText: boolean, written?: string): ScalarType {
  if (typeof v === 'number' && written !== undefined && /[.eE]/.test(written)) return 'real';
  if (fromText) return typeof v === 'string' && /^-?\d{1,18}$/.test(v.trim()) ? 'long' : 'string';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return Number.isInteger(v) ? 'long' : 'real';
  if (typeof v === 'bigint') return 'long';
  if (typeof v === 'object' && v !== null) return 'dynamic';
  return 'string';
}
