// Kusto's scalar type system as seen by every stage after parsing.
import type { ScalarTypeName } from './ast.js';

/** `unknown` is the error-recovery type: an expression that failed to bind has it, and it suppresses cascades. */
export type ScalarType = ScalarTypeName | 'unknown';

export interface Column {
  readonly name: string;
  readonly type: ScalarType;
}

/** The shape of a tabular value: ordered, uniquely named columns. */
export interface TableSchema {
  readonly columns: readonly Column[];
}

export const SCALAR_TYPES: readonly ScalarTypeName[] = [
  'bool',
  'int',
  'long',
  'real',
  'decimal',
  'string',
  'datetime',
  'timespan',
  'guid',
  'dynamic',
];

/** Type-name aliases Kusto accepts in declarations and conversions. */
export const TYPE_ALIASES: Readonly<Record<string, ScalarTypeName>> = {
  bool: 'bool',
  boolean: 'bool',
  int: 'int',
  int32: 'int',
  long: 'long',
  int64: 'long',
  real: 'real',
  double: 'real',
  float: 'real',
  decimal: 'decimal',
  string: 'string',
  datetime: 'datetime',
  date: 'datetime',
  timespan: 'timespan',
  time: 'timespan',
  guid: 'guid',
  uuid: 'guid',
  uniqueid: 'guid',
  dynamic: 'dynamic',
};

export function isNumeric(t: ScalarType): boolean {
  return t === 'int' || t === 'long' || t === 'real' || t === 'decimal';
}
