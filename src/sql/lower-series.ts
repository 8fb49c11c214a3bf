// make-series as plans: keep rows with from <= axis < to, aggregate per (by keys, bin
// index), collect (index, value) pairs per group, then fill every bin (absent ones get the
// default, 0 unless given) and build the axis. Shapes without an exact translation
// (no from/to, `in range`, non-numeric series values, nonempty with by keys) are refused.
import type { BoundTable } from '../kql/bound.js';
import type { Column } from '../kql/types.js';
import { unsupported } from './lower-scalar.js';
import { lowerTable, type Ctx } from './lower.js';
import { lowerScalar } from './lower-scalar.js';
import { col, type NamedSx, type Plan, type Sx } from './plan.js';

type BoundMakeSeries = Extract<BoundTable, { kind: 'MakeSeries' }>;

const NUMERIC = new Set(['int', 'long', 'real', 'decimal']);

export function lowerMakeSeries(t: BoundMakeSeries, cx: Ctx): Plan {
  const span = t.span;
  const scalar = (e: Parameters<typeof lowerScalar>[0]): Sx => lowerScalar(e, { table: (x) => lowerTable(x, cx) });
  if (t.from === null || t.to === null) return unsupported('make-series without from/to', span);
  if (t.inRange === true) return unsupported('make-series ... in range(...)', span);
  if (t.nonEmpty === true && t.by.length > 0) return unsupported('make-series kind=nonempty with by', span);
  const axis = scalar(t.on.expr);
  const from = scalar(t.from);
  const to = scalar(t.to);
  const step = scalar(t.step);
  const dt = axis.type === 'datetime';
  if (!(dt ? from.type === 'datetime' && to.type === 'datetime' && step.type === 'timespan' : NUMERIC.has(axis.type)))
    return unsupported(`make-series on a ${axis.type} axis`, span);
  for (const a of t.aggregates)
    if (!NUMERIC.has(a.expr.type)) return unsupported(`make-series of ${a.expr.type} values`, span);
  const op = (name: string, args: Sx[], type: Column['type']): Sx => ({ k: 'op', op: name, args, type, span });
  const input = lowerTable(t.input, cx);
  const inRange = op('and', [op('>=', [axis, from], 'bool'), op('<', [axis, to], 'bool')], 'bool');
  const kept: Plan = { kind: 'Filter', input, predicate: inRange, columns: input.columns };
  const byKeys: NamedSx[] = t.by.map((b) => ({ name: b.name, expr: scalar(b.expr) }));
  const byCols: Column[] = byKeys.map((k) => ({ name: k.name, type: k.expr.type }));
  const idx: NamedSx = { name: '__idx', expr: op('series_index', [axis, from, step], 'long') };
  const vals: NamedSx[] = t.aggregates.map((a, j) => ({ name: `__v${j}`, expr: scalar(a.expr) }));
  const perBin: Plan = {
    kind: 'Aggregate',
    input: kept,
    keys: [...byKeys, idx],
    aggs: vals,
    columns: [...byCols, { name: '__idx', type: 'long' }, ...vals.map((v) => ({ name: v.name, type: v.expr.type }))],
  };
  const pairs: NamedSx[] = vals.map((v, j) => ({
    name: `__p${j}`,
    expr: op('series_collect', [col('__idx', 'long'), col(v.name, v.expr.type)], 'unknown'),
  }));
  const rows: NamedSx = { name: '__rows', expr: { k: 'fn', name: 'count', args: [], type: 'long', span } };
  const perGroup: Plan = {
    kind: 'Aggregate',
    input: perBin,
    keys: byCols.map((c) => ({ name: c.name, expr: col(c.name, c.type) })),
    aggs: [...pairs, rows],
    columns: [
      ...byCols,
      ...pairs.map((p) => ({ name: p.name, type: 'unknown' as const })),
      { name: '__rows', type: 'long' },
    ],
  };
  // Without by keys an aggregate always yields a row; Kusto's default kind yields none on no input.
  const grouped: Plan =
    t.by.length === 0 && t.nonEmpty !== true
      ? {
          kind: 'Filter',
          input: perGroup,
          predicate: op('>', [col('__rows', 'long'), { k: 'lit', type: 'long', value: 0n }], 'bool'),
          columns: perGroup.columns,
        }
      : perGroup;
  const n = op('series_count', [from, to, step], 'long');
  const items: NamedSx[] = [
    ...byCols.map((c) => ({ name: c.name, expr: col(c.name, c.type) })),
    ...t.aggregates.map((a, j) => {
      const d: Sx = a.defaultValue === null ? { k: 'lit', type: 'long', value: 0n } : scalar(a.defaultValue);
      return { name: a.name, expr: op('series_fill', [col(`__p${j}`, 'unknown'), n, d], 'dynamic') };
    }),
    { name: t.on.name, expr: op('series_axis', [from, step, n], 'dynamic') },
  ];
  return { kind: 'Project', input: grouped, items, columns: t.schema.columns };
}
