// `top-nested`: level k groups the input by the first k `of` values, aggregates, and keeps the
// top N_k groups (by the aggregate, desc unless `asc`) within each level-(k-1) group; a row of
// the result is a path through the kept groups of every level. Planned as one aggregate (+
// per-parent limit) per level over the shared input, joined level to level on the parent
// values (null-safe: a null value is a group like any other). `with others` is refused.
import type { BoundExpr, BoundTopNestedLevel } from '../kql/bound.js';
import type { Span } from '../kql/ast.js';
import type { Column } from '../kql/types.js';
import { unsupported } from './lower-scalar.js';
import type { Ctx } from './lower.js';
import { col, type NamedSx, type Plan, type SortKey, type Sx } from './plan.js';

export function lowerTopNested(
  levels: readonly BoundTopNestedLevel[],
  input: Plan,
  columns: readonly Column[],
  span: Span,
  cx: Ctx,
  scalar: (e: BoundExpr) => Sx,
): Plan {
  if (levels.some((l) => l.withOthers)) return unsupported('top-nested with others', span);
  const id = -(cx.lets.size + 1);
  const shared: Plan = { kind: 'Ref', name: `topnested_${-id}`, plan: input, columns: input.columns };
  cx.lets.set(id, shared);
  const keyName = (k: number) => `__k${k}`;
  const aggName = (k: number) => `__a${k}`;
  const ofs = levels.map((l) => scalar(l.of.expr));
  const tiers = levels.map((l, i): Plan => {
    const keys: NamedSx[] = ofs.slice(0, i + 1).map((e, j) => ({ name: keyName(j), expr: e }));
    const agg = scalar(l.by.expr);
    const cols: Column[] = [
      ...keys.map((k) => ({ name: k.name, type: k.expr.type })),
      { name: aggName(i), type: agg.type },
    ];
    const grouped: Plan = {
      kind: 'Aggregate',
      input: shared,
      keys,
      aggs: [{ name: aggName(i), expr: agg }],
      columns: cols,
    };
    if (l.count === null) return grouped;
    const desc = l.direction === 'desc';
    const order: SortKey = { expr: col(aggName(i), agg.type), desc, nullsFirst: !desc };
    const count = scalar(l.count);
    if (i === 0) return { kind: 'TopN', input: grouped, keys: [order], count, columns: cols };
    return {
      kind: 'GroupLimit',
      input: grouped,
      partition: keys.slice(0, i).map((k) => col(k.name, k.expr.type)),
      keys: [order],
      count,
      columns: cols,
    };
  });
  let result: Plan | undefined = tiers[0];
  for (let i = 1; i < tiers.length; i++) {
    const right = tiers[i];
    if (result === undefined || right === undefined) break;
    const left: Plan = result;
    const same = (j: number): Sx => {
      const t = left.columns.find((c) => c.name === keyName(j))?.type ?? 'unknown';
      const l: Sx = { k: 'side', side: 'left', name: keyName(j), type: t };
      const r: Sx = { k: 'side', side: 'right', name: keyName(j), type: t };
      const isnull = (x: Sx): Sx => ({ k: 'fn', name: 'isnull', args: [x], type: 'bool', span });
      return {
        k: 'op',
        op: 'or',
        args: [
          { k: 'op', op: '==', args: [l, r], type: 'bool', span },
          { k: 'op', op: 'and', args: [isnull(l), isnull(r)], type: 'bool', span },
        ],
        type: 'bool',
        span,
      };
    };
    const conds = Array.from({ length: i }, (_, j) => same(j));
    const added = right.columns.filter((c) => c.name === keyName(i) || c.name === aggName(i));
    result = {
      kind: 'Join',
      join: 'inner',
      left,
      right,
      on: [],
      condition: conds.length === 1 ? (conds[0] ?? null) : { k: 'op', op: 'and', args: conds, type: 'bool', span },
      band: null,
      output: [
        ...left.columns.map((c) => ({ name: c.name, side: 'left' as const, source: c.name, type: c.type })),
        ...added.map((c) => ({ name: c.name, side: 'right' as const, source: c.name, type: c.type })),
      ],
      columns: [...left.columns, ...added],
    };
  }
  if (result === undefined) return unsupported('top-nested without levels', span);
  const items: NamedSx[] = levels.flatMap((l, i) => [
    { name: l.of.name, expr: col(keyName(i), result?.columns.find((c) => c.name === keyName(i))?.type ?? l.of.type) },
    { name: l.by.name, expr: col(aggName(i), result?.columns.find((c) => c.name === aggName(i))?.type ?? l.by.type) },
  ]);
  return { kind: 'Project', input: result, items, columns };
}
