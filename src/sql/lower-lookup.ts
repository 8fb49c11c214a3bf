// `evaluate ipv4_lookup(Lookup, srcIp, lookupKey [, extraKey...] [, return_unmatched])` and
// ipv6_lookup: a join whose condition is ipv4_is_match/ipv6_is_match (either side may be
// an IP prefix; the less specific prefix decides), plus equality on the extra key columns.
// The output columns are the binder's schema (input then lookup table; for ipv6_lookup the
// lookup table first, as its page shows); with
// return_unmatched the unmatched input rows are kept with nulls (left outer join).
import type { BoundExpr, BoundTable } from '../kql/bound.js';
import { unsupported } from './lower-scalar.js';
import { lowerTable, type Ctx } from './lower.js';
import type { Plan, Sx } from './plan.js';

type BoundEvaluate = Extract<BoundTable, { kind: 'Evaluate' }>;

function flag(e: BoundExpr | undefined): boolean | null {
  if (e === undefined) return false;
  if (e.kind === 'Literal' && e.type === 'bool') return e.value === 'true' || e.value === true;
  return null;
}

export function lowerIpLookup(t: BoundEvaluate, cx: Ctx): Plan {
  const [table, src, key, ...rest] = t.args;
  if (table?.kind !== 'Subquery' || src?.kind !== 'Column' || key?.kind !== 'Column')
    return unsupported(`evaluate ${t.plugin} without a lookup table and two key columns`, t.span);
  const last = rest[rest.length - 1];
  const trailingFlag = last !== undefined && last.type === 'bool' ? last : undefined;
  const extra = trailingFlag === undefined ? rest : rest.slice(0, -1);
  const unmatched = flag(t.namedArgs['return_unmatched'] ?? trailingFlag);
  if (unmatched === null) return unsupported(`evaluate ${t.plugin} with a non-constant return_unmatched`, t.span);
  const left = lowerTable(t.input, cx);
  const right = lowerTable(table.table, cx);
  const keys: string[] = [];
  for (const x of extra) {
    if (x.kind !== 'Column' || !right.columns.some((c) => c.name === x.name))
      return unsupported(`evaluate ${t.plugin} extra key that is not a column of both tables`, t.span);
    keys.push(x.name);
  }
  const clash = right.columns.find((c) => !keys.includes(c.name) && left.columns.some((l) => l.name === c.name));
  if (clash !== undefined)
    return unsupported(`evaluate ${t.plugin} with column '${clash.name}' in both tables`, t.span);
  const side = (s: 'left' | 'right', name: string, type: Sx['type']): Sx => ({ k: 'side', side: s, name, type });
  const condition: Sx = {
    k: 'fn',
    name: t.plugin === 'ipv6_lookup' ? 'ipv6_is_match' : 'ipv4_is_match',
    args: [side('left', src.name, src.type), side('right', key.name, key.type)],
    type: 'bool',
    span: t.span,
  };
  const typeIn = (p: Plan, name: string) => p.columns.find((c) => c.name === name)?.type ?? 'unknown';
  return {
    kind: 'Join',
    join: unmatched ? 'leftouter' : 'inner',
    left,
    right,
    on: keys.map((k) => ({
      left: { k: 'col', name: k, type: typeIn(left, k) },
      right: { k: 'col', name: k, type: typeIn(right, k) },
    })),
    condition,
    band: null,
    output: t.schema.columns.map((c) => {
      const fromLeft = left.columns.some((l) => l.name === c.name);
      return { name: c.name, side: fromLeft ? ('left' as const) : ('right' as const), source: c.name, type: c.type };
    }),
    columns: t.schema.columns,
  };
}
