// `evaluate rolling_percentile(Value, Pct, Index, BinSize, BinsPerWindow [, dim...])`: for each
// bin of Index (bin(Index, BinSize)) present in the data, per dimension combination, the
// percentile (nearest rank, as percentile()) of Value over the window of BinsPerWindow bins
// ending at that bin, inclusive. Planned as the distinct (bin, dims) joined to the binned
// rows of the window, then aggregated; rows ordered by dimensions, then bin.
import type { BoundExpr, BoundTable } from '../kql/bound.js';
import type { Column } from '../kql/types.js';
import { unsupported } from './lower-scalar.js';
import { lowerTable, type Ctx } from './lower.js';
import { col, type NamedSx, type Plan, type Sx } from './plan.js';

type BoundEvaluate = Extract<BoundTable, { kind: 'Evaluate' }>;

export function lowerRollingPercentile(t: BoundEvaluate, cx: Ctx, scalar: (e: BoundExpr) => Sx): Plan {
  const [value, pct, index, size, window, ...dimArgs] = t.args;
  if (value?.kind !== 'Column' || index?.kind !== 'Column' || pct === undefined || size === undefined)
    return unsupported('evaluate rolling_percentile without value and index columns', t.span);
  if (window?.kind !== 'Literal' || window.value === null || !/^\d+$/.test(String(window.value)))
    return unsupported('evaluate rolling_percentile with a non-constant BinsPerWindow', t.span);
  const dims = dimArgs.map((d) => (d.kind === 'Column' ? d : null));
  if (dims.some((d) => d === null))
    return unsupported('evaluate rolling_percentile dimension that is not a column', t.span);
  const dimCols: Column[] = dims.flatMap((d) => (d === null ? [] : [{ name: d.name, type: d.type }]));
  const outIndex = t.schema.columns[0];
  const outValue = t.schema.columns[t.schema.columns.length - 1];
  if (outIndex === undefined || outValue === undefined) return unsupported('evaluate rolling_percentile', t.span);

  const input = lowerTable(t.input, cx);
  const binT = index.type;
  const bin: Sx = { k: 'fn', name: 'bin', args: [col(index.name, index.type), scalar(size)], type: binT, span: t.span };
  const binnedCols: Column[] = [{ name: '__t', type: binT }, { name: '__v', type: value.type }, ...dimCols];
  const binned: Plan = {
    kind: 'Project',
    input,
    items: [
      { name: '__t', expr: bin },
      { name: '__v', expr: col(value.name, value.type) },
      ...dimCols.map((d) => ({ name: d.name, expr: col(d.name, d.type) })),
    ],
    columns: binnedCols,
  };
  const keyCols: Column[] = [{ name: '__t', type: binT }, ...dimCols];
  const keys: Plan = {
    kind: 'Distinct',
    input: {
      kind: 'Project',
      input: binned,
      items: keyCols.map((c) => ({ name: c.name, expr: col(c.name, c.type) })),
      columns: keyCols,
    },
    columns: keyCols,
  };
  const side = (s: 'left' | 'right', name: string, type: Sx['type']): Sx => ({ k: 'side', side: s, name, type });
  const span = t.span;
  const widthType = binT === 'datetime' ? 'timespan' : size.type;
  const width: Sx = {
    k: 'op',
    op: '*',
    args: [scalar(size), { k: 'lit', type: 'long', value: BigInt(String(window.value)) }],
    type: widthType,
    span,
  };
  const condition: Sx = {
    k: 'op',
    op: 'and',
    args: [
      { k: 'op', op: '<=', args: [side('right', '__t', binT), side('left', '__t', binT)], type: 'bool', span },
      {
        k: 'op',
        op: '>',
        args: [
          side('right', '__t', binT),
          { k: 'op', op: '-', args: [side('left', '__t', binT), width], type: binT, span },
        ],
        type: 'bool',
        span,
      },
    ],
    type: 'bool',
    span,
  };
  const joinedCols: Column[] = [{ name: '__t', type: binT }, ...dimCols, { name: '__v', type: value.type }];
  const joined: Plan = {
    kind: 'Join',
    join: 'inner',
    left: keys,
    right: binned,
    on: dimCols.map((d) => ({ left: col(d.name, d.type), right: col(d.name, d.type) })),
    condition,
    band: null,
    output: [
      ...keyCols.map((c) => ({ name: c.name, side: 'left' as const, source: c.name, type: c.type })),
      { name: '__v', side: 'right', source: '__v', type: value.type },
    ],
    columns: joinedCols,
  };
  const aggKeys: NamedSx[] = [
    { name: outIndex.name, expr: col('__t', binT) },
    ...dimCols.map((d) => ({ name: d.name, expr: col(d.name, d.type) })),
  ];
  const agg: Plan = {
    kind: 'Aggregate',
    input: joined,
    keys: aggKeys,
    aggs: [
      {
        name: outValue.name,
        expr: { k: 'fn', name: 'percentile', args: [col('__v', value.type), scalar(pct)], type: outValue.type, span },
      },
    ],
    columns: t.schema.columns,
  };
  // The docs' outputs list rows by dimensions, then by bin.
  const order = [...dimCols, { name: outIndex.name, type: binT }];
  return {
    kind: 'Sort',
    input: agg,
    keys: order.map((c) => ({ expr: col(c.name, c.type), desc: false, nullsFirst: true })),
    columns: t.schema.columns,
  };
}
