// Result schemas of `evaluate` plugins, as the official analyser computes them. The time
// column keeps the name of the time argument; dimension arguments (plain columns) follow it.
import type { Call, Expr } from '../ast.js';
import type { BoundExpr } from '../bound.js';
import type { Column, ScalarType } from '../types.js';
import { resultName } from './naming.js';

function strip(e: Expr): Expr {
  return e.kind === 'Paren' ? strip(e.expr) : e;
}

/** Plain column arguments from position `from` on, with their input types. */
function dims(call: Call, input: readonly Column[], from: number): Column[] {
  const out: Column[] = [];
  call.args.slice(from).forEach((a) => {
    const s = strip(a);
    if (s.kind !== 'NameRef') return;
    const c = input.find((x) => x.name === s.name.name);
    if (c !== undefined) out.push(c);
  });
  return out;
}

function argName(call: Call, i: number): string {
  const a = call.args[i];
  return a === undefined ? '' : (resultName(a, '') ?? '');
}

function literal(call: Call, i: number): string {
  const a = call.args[i];
  const s = a === undefined ? undefined : strip(a);
  return s !== undefined && s.kind === 'Literal' && s.value !== null ? String(s.value).replace(/\./g, '_') : '';
}

const col = (name: string, type: ScalarType): Column => ({ name, type });

/** Output columns of plugin `name`, or null when the plugin keeps the input's schema (or is unknown). */
export function pluginSchema(
  name: string,
  call: Call,
  args: readonly BoundExpr[],
  input: readonly Column[],
): readonly Column[] | null {
  switch (name) {
    case 'activity_metrics':
      return [
        col(argName(call, 1), 'datetime'),
        ...dims(call, input, 5),
        col('dcount_values', 'long'),
        col('dcount_newvalues', 'long'),
        col('retention_rate', 'real'),
        col('churn_rate', 'real'),
      ];
    case 'new_activity_metrics': {
      const t = argName(call, 1);
      return [
        col(`from_${t}`, 'datetime'),
        col(`to_${t}`, 'datetime'),
        ...dims(call, input, 5),
        col('dcount_new_values', 'long'),
        col('dcount_retained_values', 'long'),
        col('dcount_churn_values', 'long'),
        col('retention_rate', 'real'),
        col('churn_rate', 'real'),
      ];
    }
    case 'active_users_count':
      return [col(argName(call, 1), 'datetime'), ...dims(call, input, 8), col('dcount', 'long')];
    case 'activity_counts_metrics':
      return [
        col(argName(call, 1), 'datetime'),
        ...dims(call, input, 5),
        col('count', 'long'),
        col('dcount', 'long'),
        col('new_dcount', 'long'),
        col('aggregated_dcount', 'long'),
      ];
    case 'sliding_window_counts':
      return [col(argName(call, 1), 'datetime'), ...dims(call, input, 6), col('Count', 'long'), col('Dcount', 'long')];
    case 'rolling_percentile': {
      const v = args[0]?.type ?? 'unknown';
      return [
        col(argName(call, 2), args[2]?.type === undefined || args[2].type === 'unknown' ? 'datetime' : args[2].type),
        ...dims(call, input, 5),
        col(`rolling_${literal(call, 4)}_percentile_${argName(call, 0)}_${literal(call, 1)}`, v === 'int' ? 'long' : v),
      ];
    }
    case 'dcount_intersect':
      return [...input, ...call.args.map((_, i) => col(`s${i}`, 'long'))];
    case 'narrow':
      return [col('Row', 'long'), col('Column', 'string'), col('Value', 'string')];
    case 'schema_merge':
      // getschema's shape (ColumnOrdinal as our getschema types it).
      return [
        col('ColumnName', 'string'),
        col('ColumnOrdinal', 'long'),
        col('DataType', 'string'),
        col('ColumnType', 'string'),
      ];
    case 'pivot': {
      const grouping = dims(call, input, 2);
      if (grouping.length > 0) return grouping;
      const used = new Set(args.flatMap((a) => referencedColumns(a)));
      return input.filter((c) => !used.has(c.name));
    }
    case 'bag_unpack': {
      const bag = args[0];
      return bag !== undefined && bag.kind === 'Column' ? input.filter((c) => c.name !== bag.name) : input;
    }
    default:
      return null;
  }
}

function referencedColumns(e: BoundExpr): string[] {
  switch (e.kind) {
    case 'Column':
      return [e.name];
    case 'Call':
      return e.args.flatMap(referencedColumns);
    case 'Binary':
      return [...referencedColumns(e.left), ...referencedColumns(e.right)];
    case 'Unary':
    case 'Convert':
      return referencedColumns(e.operand);
    default:
      return [];
  }
}
