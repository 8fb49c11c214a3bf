// Kusto's argument typing: which argument types a parameter kind accepts, the implicit
// numeric conversions, and the "common" / "widest" result types of iff, case, coalesce,
// max_of and bin. Rules measured against the official analyser (test/catalog/oracle.test.ts).
import type { ScalarType } from '../kql/types.js';
import type { ArgKind } from './types.js';

export type ArgType = ScalarType | 'tabular' | 'star';

const NUMERIC_RANK: Readonly<Partial<Record<ScalarType, number>>> = { int: 0, long: 1, real: 2, decimal: 3 };
const NUMERIC_BY_RANK: readonly ScalarType[] = ['int', 'long', 'real', 'decimal'];

export function isNumericType(t: ArgType): boolean {
  return t === 'int' || t === 'long' || t === 'real' || t === 'decimal';
}

/**
 * Implicit conversion of an argument to a declared parameter type: int widens to long,
 * and every number converts to real or decimal. Nothing else converts (no string->datetime,
 * no dynamic->scalar: the analyser reports "A value of type X expected").
 */
export function convertsTo(from: ScalarType, to: ScalarType): boolean {
  if (from === to) return true;
  if (to === 'long') return from === 'int';
  if (to === 'real' || to === 'decimal') return isNumericType(from);
  return false;
}

/** Does a parameter of this kind accept an argument of this type? `strict` disables conversions. */
export function accepts(kind: ArgKind, arg: ArgType, strict: boolean, starAllowed = false): boolean {
  if (arg === 'unknown') return kind !== 'tabular' && kind !== 'star';
  if (arg === 'star') return kind === 'star' || starAllowed;
  if (arg === 'tabular') return kind === 'tabular';
  switch (kind) {
    case 'scalar':
      return true;
    case 'numeric':
      return isNumericType(arg);
    case 'integer':
      return arg === 'int' || arg === 'long';
    case 'summable':
      return isNumericType(arg) || arg === 'timespan' || arg === 'datetime';
    case 'orderable':
      return isNumericType(arg) || arg === 'timespan' || arg === 'datetime' || arg === 'string' || arg === 'bool';
    case 'tabular':
    case 'star':
      return false;
    case 'string-literal':
      return arg === 'string';
    case 'string-or-dynamic':
    case 'string-or-array':
      return arg === 'string' || arg === 'dynamic';
    case 'integer-or-array':
      return arg === 'int' || arg === 'long' || arg === 'dynamic';
    case 'real-or-decimal':
      return arg === 'real' || arg === 'decimal' || (!strict && isNumericType(arg));
    case 'number-or-bool':
      return isNumericType(arg) || arg === 'bool';
    case 'not-real-or-bool':
      return arg !== 'real' && arg !== 'bool';
    case 'not-dynamic':
      return arg !== 'dynamic';
    case 'not-bool':
      return arg !== 'bool';
    default:
      return strict ? arg === kind : convertsTo(arg, kind);
  }
}

/** sum/percentile promotion: int results widen to long; everything else keeps its type. */
export function promoted(t: ScalarType): ScalarType {
  return t === 'int' ? 'long' : t;
}

function widestNumeric(types: readonly ScalarType[]): ScalarType {
  let rank = 0;
  for (const t of types) rank = Math.max(rank, NUMERIC_RANK[t] ?? 0);
  return NUMERIC_BY_RANK[rank] ?? 'real';
}

/** The common type of several values, or null when there is none (string with long, ...). */
function commonOf(types: readonly ScalarType[]): ScalarType | null {
  const known = types.filter((t) => t !== 'unknown');
  if (known.length === 0) return 'unknown';
  const first = known[0] as ScalarType;
  if (known.every((t) => t === first)) return first;
  if (known.every(isNumericType)) return widestNumeric(known);
  return null;
}

/** coalesce: a dynamic argument makes the result dynamic; otherwise the common type. */
export function commonType(types: readonly ScalarType[]): ScalarType {
  if (types.includes('dynamic')) return 'dynamic';
  return commonOf(types) ?? 'unknown';
}

/** iff/case: dynamic branches are ignored; branches with no common type give dynamic. */
export function commonNonDynamicType(types: readonly ScalarType[]): ScalarType {
  const rest = types.filter((t) => t !== 'dynamic');
  if (rest.length === 0) return types.length > 0 ? 'dynamic' : 'unknown';
  return commonOf(rest) ?? 'dynamic';
}

/**
 * bin/floor/max_of: the widest type. `promote` widens int to long first, as bin does
 * (bin(int, int) is long) while max_of (int, int) stays int.
 */
export function widestType(types: readonly ScalarType[], promote: boolean): ScalarType {
  const ts = promote ? types.map(promoted) : types;
  return commonOf(ts) ?? 'unknown';
}
