// DuckDB templates: conditionals and null/empty tests.
import type { ScalarType } from '../../kql/types.js';
import type { SqlArg, SqlTemplate } from '../types.js';
import { commonNonDynamicType, commonType } from '../typing.js';
import { arg } from './render.js';
import { castTo, p } from './values.js';

function branchesAs(branches: readonly SqlArg[], t: ScalarType): string[] {
  return branches.map((b) => castTo(b, t));
}

/** Kusto strings are never null: a NULL string behaves as "" (relevant when storage holds NULLs). */
function isEmpty(a: SqlArg): string {
  const x = p(a.sql);
  if (a.type === 'string') return `(${x} IS NULL OR ${x} = '')`;
  if (a.type === 'dynamic')
    return `(${x} IS NULL OR json_type(${x}) = 'NULL' OR (json_type(${x}) = 'VARCHAR' AND json_extract_string(${x}, '$') = ''))`;
  return `(${x} IS NULL)`;
}

function isNull(a: SqlArg): string {
  const x = p(a.sql);
  if (a.type === 'string') return 'false';
  if (a.type === 'dynamic') return `(${x} IS NULL OR json_type(${x}) = 'NULL')`;
  return `(${x} IS NULL)`;
}

const iff: SqlTemplate = (args) => {
  const branches = [arg(args, 1), arg(args, 2)];
  const t = commonNonDynamicType(branches.map((b) => b.type));
  const [a, b] = branchesAs(branches, t);
  return `(CASE WHEN ${p(arg(args, 0).sql)} THEN ${a} ELSE ${b} END)`;
};

const caseTemplate: SqlTemplate = (args) => {
  const pairs = Math.floor((args.length - 1) / 2);
  const values = [...Array.from({ length: pairs }, (_, i) => arg(args, 2 * i + 1)), arg(args, args.length - 1)];
  const t = commonNonDynamicType(values.map((v) => v.type));
  const vs = branchesAs(values, t);
  const whens = Array.from({ length: pairs }, (_, i) => `WHEN ${p(arg(args, 2 * i).sql)} THEN ${vs[i]}`);
  return `(CASE ${whens.join(' ')} ELSE ${vs[pairs]} END)`;
};

/** First non-null argument, and for strings first non-empty. */
const coalesce: SqlTemplate = (args) => {
  const t = commonType(args.map((a) => a.type));
  const vs = branchesAs(args, t);
  if (t === 'string') return `coalesce(${vs.map((v) => `nullif(${v}, '')`).join(', ')}, '')`;
  if (t === 'dynamic')
    return `coalesce(${vs.map((v) => `(CASE WHEN json_type(${v}) <> 'NULL' THEN ${v} END)`).join(', ')})`;
  return `coalesce(${vs.join(', ')})`;
};

// Bytes per value of the fixed-width types (the docs' example counts a long as 8).
const FIXED_WIDTH: Partial<Record<ScalarType, number>> = {
  bool: 1,
  int: 4,
  long: 8,
  real: 8,
  datetime: 8,
  timespan: 8,
  guid: 16,
  decimal: 16,
};

/**
 * An estimate by definition: fixed-width types count their width, a string its UTF-8 bytes
 * (the docs count '1234567890' as 10), a dynamic value the bytes of its JSON text; an empty
 * or null string or dynamic counts 0. `*` is expanded to the input columns by the lowering.
 */
const estimate_data_size: SqlTemplate = (args) => {
  const parts = args.map((a) => {
    const w = FIXED_WIDTH[a.type];
    if (w !== undefined) return String(w);
    const x = p(a.sql);
    if (a.type === 'string') return `coalesce(strlen(${x}), 0)`;
    return `coalesce(CASE WHEN json_type(${x}) <> 'NULL' THEN strlen(CAST(${x} AS VARCHAR)) END, 0)`;
  });
  return `CAST(${parts.length === 0 ? '0' : parts.join(' + ')} AS BIGINT)`;
};

export const LOGICAL_TEMPLATES: Readonly<Record<string, SqlTemplate>> = {
  iff,
  case: caseTemplate,
  coalesce,
  not: 'NOT $0',
  isnull: (args) => isNull(arg(args, 0)),
  isnotnull: (args) => `NOT ${isNull(arg(args, 0))}`,
  isempty: (args) => isEmpty(arg(args, 0)),
  isnotempty: (args) => `NOT ${isEmpty(arg(args, 0))}`,
  new_guid: 'uuid()',
  assert: null,
  // Resolved by the binder: the column if it exists, else the default.
  column_ifexists: null,
  iscolumnexists: null,
  estimate_data_size,
};
