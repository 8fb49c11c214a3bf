// `reduce by Expr [with threshold=T, characters=C]`: the values are gathered into one JSON list
// (scan order, as make_list), grouped by kql_reduce (src/catalog/udf/reduce.ts), and its three
// parallel lists expanded back into Pattern, Count and Representative rows.
import type { Span } from '../kql/ast.js';
import type { BoundExpr, BoundTable } from '../kql/bound.js';
import type { Column } from '../kql/types.js';
import { unsupported } from './lower-scalar.js';
import { col, type Plan, type Sx } from './plan.js';

type BoundReduce = NonNullable<Extract<BoundTable, { kind: 'Opaque' }>['reduce']>;

const DEFAULT_THRESHOLD = 0.1;

/** A numeric literal's value (literals keep numbers as text); NaN for anything else. */
const numeric = (e: BoundExpr): number =>
  e.kind === 'Literal' && typeof e.value === 'string' && e.type !== 'string' ? Number(e.value) : NaN;

export function lowerReduce(
  r: BoundReduce,
  input: Plan,
  columns: readonly Column[],
  span: Span,
  scalar: (e: BoundExpr) => Sx,
): Plan {
  if (r.kind !== null) return unsupported(`reduce kind=${r.kind}`, span);
  const other = Object.keys(r.options).find((k) => k !== 'threshold' && k !== 'characters');
  if (other !== undefined) return unsupported(`reduce with ${other}`, span);
  const t = r.options['threshold'];
  const threshold = t === undefined ? DEFAULT_THRESHOLD : numeric(t);
  if (!(threshold >= 0 && threshold <= 1))
    return unsupported('reduce with a threshold that is not a constant between 0 and 1', span);
  const ch = r.options['characters'];
  const c = ch === undefined ? null : ch.kind === 'Literal' && ch.type === 'string' ? ch.value : undefined;
  if (typeof c !== 'string' && c !== null)
    return unsupported('reduce with characters that are not a constant string', span);
  const v = scalar(r.by);
  const value: Sx = v.type === 'string' ? v : { k: 'op', op: 'cast', args: [v], type: 'string', span };
  const groups: Sx = {
    k: 'op',
    op: 'reduce_groups',
    args: [value, { k: 'lit', type: 'real', value: threshold }, { k: 'lit', type: 'string', value: c }],
    type: 'dynamic',
    span,
  };
  const gathered: Plan = {
    kind: 'Aggregate',
    input,
    keys: [],
    aggs: [{ name: '__groups', expr: groups }],
    columns: [{ name: '__groups', type: 'dynamic' }],
  };
  const keys = ['p', 'c', 'r'];
  const lists: Plan = {
    kind: 'Project',
    input: gathered,
    items: columns.map((out, i) => ({
      name: out.name,
      expr: {
        k: 'path',
        target: col('__groups', 'dynamic'),
        steps: [{ k: 'lit', type: 'string', value: keys[i] ?? '' }],
        type: 'dynamic',
      },
    })),
    columns: columns.map((out) => ({ name: out.name, type: 'dynamic' })),
  };
  return {
    kind: 'Unnest',
    input: lists,
    items: columns.map((out) => ({ name: out.name, expr: col(out.name, 'dynamic'), toType: out.type })),
    bagArray: false,
    limit: null,
    index: null,
    columns,
  };
}
