// The DuckDB dialect's templates for catalog functions and string operators.
//
// Templates are keyed by the canonical function name (aliases resolve through
// lookupFunction first). A name that is absent or maps to null has no exact translation:
// the compiler reports a coded "unsupported" diagnostic naming the function.
import type { DialectTemplates, SqlArg, SqlContext, SqlTemplate } from '../types.js';
import { lookupFunction } from '../index.js';
import { AGGREGATE_TEMPLATES } from './aggregate.js';
import { ARRAY_TEMPLATES } from './arrays.js';
import { CONVERSION_TEMPLATES } from './conversion.js';
import { DATETIME_TEMPLATES } from './datetime.js';
import { DYNAMIC_TEMPLATES } from './dynamic.js';
import { HASH_TEMPLATES } from './hash.js';
import { IPV4_TEMPLATES } from './ipv4.js';
import { LOGICAL_TEMPLATES } from './logical.js';
import { MATH_TEMPLATES } from './math.js';
import { OPERATOR_TEMPLATES } from './operators.js';
import { renderTemplate, type RenderResult } from './render.js';
import { SERIES_TEMPLATES } from './series.js';
import { SESSION_TEMPLATES } from './session.js';
import { SKETCH_SCALARS } from './sketch.js';
import { GEO_TEMPLATES } from './geo.js';
import { GEO_CELL_TEMPLATES } from './geo-cells.js';
import { GEO_GEOMETRY_TEMPLATES } from './geo-geometry.js';
import { STRING_TEMPLATES } from './string.js';
import { UNIT_TEMPLATES } from './units.js';
import { WINDOW_TEMPLATES } from './window.js';

export { argExtremumSql } from './aggregate.js';
export { dynamicIndexSql, dynamicMemberSql, termRegex } from './operators.js';
export { binSql } from './math.js';
export { Unsupported, renderTemplate, type RenderResult } from './render.js';
export { castTo, toJsonSql, toStringSql } from './values.js';

const SCALAR_AND_AGGREGATE: Readonly<Record<string, SqlTemplate>> = {
  ...STRING_TEMPLATES,
  ...CONVERSION_TEMPLATES,
  ...LOGICAL_TEMPLATES,
  ...DATETIME_TEMPLATES,
  ...MATH_TEMPLATES,
  ...DYNAMIC_TEMPLATES,
  ...ARRAY_TEMPLATES,
  ...IPV4_TEMPLATES,
  ...HASH_TEMPLATES,
  ...WINDOW_TEMPLATES,
  ...SERIES_TEMPLATES,
  ...GEO_TEMPLATES,
  ...GEO_CELL_TEMPLATES,
  ...GEO_GEOMETRY_TEMPLATES,
  ...UNIT_TEMPLATES,
  ...SKETCH_SCALARS,
  ...SESSION_TEMPLATES,
};

export const DUCKDB_FUNCTIONS: DialectTemplates = { dialect: 'duckdb', templates: SCALAR_AND_AGGREGATE };
export const DUCKDB_AGGREGATES: DialectTemplates = { dialect: 'duckdb', templates: AGGREGATE_TEMPLATES };
export const DUCKDB_OPERATORS: DialectTemplates = { dialect: 'duckdb', templates: OPERATOR_TEMPLATES };

/** The template for a function (aggregate context picks the aggregate of names that are both). */
export function duckdbTemplate(name: string, context: 'scalar' | 'aggregate' = 'scalar'): SqlTemplate | undefined {
  const spec = lookupFunction(name, context === 'aggregate' ? 'aggregate' : 'scalar');
  if (!spec) return undefined;
  const table = spec.kind === 'aggregate' ? AGGREGATE_TEMPLATES : SCALAR_AND_AGGREGATE;
  return Object.prototype.hasOwnProperty.call(table, spec.name) ? table[spec.name] : undefined;
}

/** Renders a function call; failure carries the reason for the "unsupported" diagnostic. */
export function renderFunction(
  name: string,
  args: readonly SqlArg[],
  ctx: SqlContext,
  context: 'scalar' | 'aggregate' = 'scalar',
): RenderResult {
  return renderTemplate(duckdbTemplate(name, context), args, ctx);
}

export function renderOperator(op: string, args: readonly SqlArg[], ctx: SqlContext): RenderResult {
  const t = Object.prototype.hasOwnProperty.call(OPERATOR_TEMPLATES, op) ? OPERATOR_TEMPLATES[op] : undefined;
  return renderTemplate(t, args, ctx);
}
