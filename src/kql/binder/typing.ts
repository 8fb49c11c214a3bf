// Result types of Kusto's built-in operators: arithmetic promotion, datetime/timespan
// arithmetic, and which types may be compared.
import { isNumeric, type ScalarType } from '../types.js';

const NUMERIC_RANK: Readonly<Record<string, number>> = { int: 1, long: 2, decimal: 3, real: 4 };

/** Common numeric type: int+int -> long, anything+real -> real, decimal wins over long. */
export function promoteNumeric(a: ScalarType, b: ScalarType): ScalarType {
  const ra = NUMERIC_RANK[a] ?? 0;
  const rb = NUMERIC_RANK[b] ?? 0;
  const r = Math.max(ra, rb, 2);
  return r === 4 ? 'real' : r === 3 ? 'decimal' : 'long';
}

/** Result type of an arithmetic operator, or null if Kusto rejects the operand types. */
export function arithmeticType(op: string, a: ScalarType, b: ScalarType): ScalarType | null {
  if (a === 'unknown' || b === 'unknown') return 'unknown';
  if (a === 'dynamic' || b === 'dynamic') {
    const other = a === 'dynamic' ? b : a;
    if (other === 'dynamic') return 'dynamic';
    if (isNumeric(other)) return other === 'int' ? 'long' : other;
    if (other === 'datetime' || other === 'timespan') return other;
    return null;
  }
  if (isNumeric(a) && isNumeric(b)) return promoteNumeric(a, b);
  switch (op) {
    case '+':
      if (a === 'datetime' && b === 'timespan') return 'datetime';
      if (a === 'timespan' && b === 'datetime') return 'datetime';
      if (a === 'timespan' && b === 'timespan') return 'timespan';
      return null;
    case '-':
      if (a === 'datetime' && b === 'datetime') return 'timespan';
      if (a === 'datetime' && b === 'timespan') return 'datetime';
      if (a === 'timespan' && b === 'timespan') return 'timespan';
      return null;
    case '*':
      if (a === 'timespan' && isNumeric(b)) return 'timespan';
      if (isNumeric(a) && b === 'timespan') return 'timespan';
      return null;
    case '/':
      if (a === 'timespan' && b === 'timespan') return 'real';
      if (a === 'timespan' && isNumeric(b)) return 'timespan';
      return null;
    case '%':
      if (a === 'timespan' && (b === 'timespan' || isNumeric(b))) return 'timespan';
      return null;
    default:
      return null;
  }
}

/**
 * Which operand types a comparison accepts, as the official analyser decides: `==`/`!=` accept
 * any two scalars (Kusto converts, e.g. RemotePort == "443"); ordering operators need two
 * numbers, or two datetimes, timespans or bools (strings are not ordered), or a dynamic side.
 */
export function comparable(op: string, a: ScalarType, b: ScalarType): boolean {
  if (a === 'unknown' || b === 'unknown' || a === 'dynamic' || b === 'dynamic') return true;
  if (op === '==' || op === '!=') return true;
  if (isNumeric(a) && isNumeric(b)) return true;
  return a === b && (a === 'datetime' || a === 'timespan' || a === 'bool');
}
