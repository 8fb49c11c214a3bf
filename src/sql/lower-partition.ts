// `T | partition by Col (subquery)`: the subquery runs on each partition's rows on its own
// (its sort, prev/next, scan and top see only that partition) and the results are unioned.
// The partition values come from the data: the first compile round throws NeedsBagKeys
// ('values') and the engine runs the distinct `tostring(Col)` query; the next round unions
// one copy of the subquery per value over the shared, materialized input.
import type { Span } from '../kql/ast.js';
import type { BoundTable } from '../kql/bound.js';
import type { Column } from '../kql/types.js';
import { unsupported } from './lower-scalar.js';
import { lowerTable, NeedsBagKeys, type Ctx } from './lower.js';
import type { Plan, Sx } from './plan.js';

/** More partitions than this would make one enormous query: refused instead. */
const MAX_PARTITIONS = 1000;

/** Lowering visits per partition operator: a function body may hold one partition used twice. */
const visits = new WeakMap<Ctx, Map<number, number>>();

function discoveryKey(cx: Ctx, span: Span): number {
  let m = visits.get(cx);
  if (m === undefined) {
    m = new Map();
    visits.set(cx, m);
  }
  const n = m.get(span.start) ?? 0;
  m.set(span.start, n + 1);
  // Distinct from every bag_unpack key (a span start, far below 2^40).
  return -(n * 2 ** 40 + span.start + 1);
}

export function lowerPartition(
  part: { readonly by: string; readonly body: BoundTable },
  input: Plan,
  columns: readonly Column[],
  span: Span,
  cx: Ctx,
): Plan {
  const keyCol = input.columns.find((c) => c.name === part.by);
  if (keyCol === undefined) return unsupported(`partition by '${part.by}' (not a column of its input)`, span);
  const keyText: Sx = {
    k: 'fn',
    name: 'tostring',
    args: [{ k: 'col', name: keyCol.name, type: keyCol.type }],
    type: 'string',
    span,
  };
  const at = discoveryKey(cx, span);
  const keys = cx.bagKeys.get(at)?.map((k) => k.name);
  if (keys === undefined) throw new NeedsBagKeys(at, input, keyText, 'values');
  if (keys.length > MAX_PARTITIONS) return unsupported(`partition into more than ${MAX_PARTITIONS} partitions`, span);
  if (keys.length === 0) return { kind: 'Values', columns, rows: [] };
  // Every partition reads the same input: one shared CTE.
  const id = -(cx.lets.size + 1);
  const shared: Plan = { kind: 'Ref', name: `partition_${-id}`, plan: input, columns: input.columns };
  cx.lets.set(id, shared);
  const branches = keys.map((k): Plan => {
    const rows: Plan = {
      kind: 'Filter',
      input: shared,
      predicate: { k: 'op', op: '==', args: [keyText, { k: 'lit', type: 'string', value: k }], type: 'bool', span },
      columns: shared.columns,
    };
    const saved = cx.implicit;
    cx.implicit = rows;
    try {
      return lowerTable(part.body, cx);
    } finally {
      cx.implicit = saved;
    }
  });
  return branches.length === 1 ? (branches[0] ?? shared) : { kind: 'Union', inputs: branches, columns };
}
