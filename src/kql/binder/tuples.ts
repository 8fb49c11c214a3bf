// Functions whose value is a tuple that expands into several columns in project/extend
// (series_stats(x) -> series_stats_x_min, ...; array_sort_asc(a, b) -> a_sorted, b_sorted).
// Field lists and types as reported by the official analyser.
import type { Call, NamedExpr } from '../ast.js';
import type { BoundColumnDef, BoundExpr } from '../bound.js';
import type { ScalarType } from '../types.js';
import { resultName } from './naming.js';
import { uniqueName } from './scope.js';

type Fields = readonly (readonly [string, ScalarType])[];

const R = 'real' as const;
const D = 'dynamic' as const;
const L = 'long' as const;

const TUPLES: Readonly<Record<string, Fields>> = {
  series_stats: [
    ['min', R],
    ['min_idx', L],
    ['max', R],
    ['max_idx', L],
    ['avg', R],
    ['stdev', R],
    ['variance', R],
  ],
  series_fit_line: [
    ['rsquare', R],
    ['slope', R],
    ['variance', R],
    ['rvariance', R],
    ['interception', R],
    ['line_fit', D],
  ],
  series_fit_2lines: [
    ['rsquare', R],
    ['split_idx', L],
    ['variance', R],
    ['rvariance', R],
    ['line_fit', D],
    ['right_rsquare', R],
    ['right_slope', R],
    ['right_interception', R],
    ['right_variance', R],
    ['right_rvariance', R],
    ['left_rsquare', R],
    ['left_slope', R],
    ['left_interception', R],
    ['left_variance', R],
    ['left_rvariance', R],
  ],
  series_fit_poly: [
    ['rsquare', R],
    ['coefficients', D],
    ['variance', R],
    ['rvariance', R],
    ['poly_fit', D],
  ],
  series_periods_detect: [
    ['periods', D],
    ['scores', D],
  ],
  series_periods_validate: [
    ['periods', D],
    ['scores', D],
  ],
};

function strip(e: NamedExpr['expr']): NamedExpr['expr'] {
  return e.kind === 'Paren' ? strip(e.expr) : e;
}

export function tupleCall(item: NamedExpr): Call | null {
  const e = strip(item.expr);
  if (e.kind !== 'Call') return null;
  const n = e.callee.name;
  return TUPLES[n] !== undefined || n === 'array_sort_asc' || n === 'array_sort_desc' ? e : null;
}

/** The output columns of a tuple-valued call; `names` are the `(a, b) =` names, assigned in order. */
export function tupleColumns(call: Call, bound: BoundExpr, names: readonly string[]): BoundColumnDef[] {
  const fn = call.callee.name;
  const fields: { name: string; type: ScalarType; index: BoundExpr }[] = [];
  const lit = (v: string, type: 'string' | 'long'): BoundExpr => ({ kind: 'Literal', type, value: v, span: call.span });
  if (fn === 'array_sort_asc' || fn === 'array_sort_desc') {
    const args = bound.kind === 'Call' ? bound.args : [];
    call.args.forEach((a, i) => {
      if (args[i] !== undefined && args[i]!.type !== 'dynamic') return;
      fields.push({
        name: `${resultName(a, null) ?? `array${i + 1}`}_sorted`,
        type: 'dynamic',
        index: lit(String(i), 'long'),
      });
    });
  } else {
    const argName = call.args[0] === undefined ? '' : (resultName(call.args[0], '') ?? '');
    for (const [f, t] of TUPLES[fn] ?? [])
      fields.push({ name: `${fn}_${argName}_${f}`, type: t, index: lit(f, 'string') });
  }
  const target: BoundExpr = { ...bound, type: 'dynamic' } as BoundExpr;
  // One array: the call's value is the sorted array itself, not a list of sorted arrays.
  const single = fields[0];
  if ((fn === 'array_sort_asc' || fn === 'array_sort_desc') && fields.length === 1 && single !== undefined)
    return [{ name: names[0] ?? single.name, type: 'dynamic', expr: target }];
  return fields.map((f, i) => ({
    name: names[i] ?? f.name,
    type: f.type,
    expr: { kind: 'Index', target, index: f.index, member: f.index.type === 'string', type: f.type, span: call.span },
  }));
}

/**
 * For a tuple-returning item (`(a, b) = f(x)`, series_stats(...)), appends its columns to
 * `out` under names unique in `taken` and returns true; returns false for any other item.
 */
export function appendTupleColumns(
  item: NamedExpr,
  bound: BoundExpr,
  taken: Set<string>,
  out: BoundColumnDef[],
): boolean {
  const call = tupleCall(item);
  if (call === null) return false;
  for (const d of tupleColumns(
    call,
    bound,
    item.names.map((n) => n.name),
  )) {
    const name = uniqueName(d.name, taken);
    taken.add(name);
    out.push({ ...d, name });
  }
  return true;
}
