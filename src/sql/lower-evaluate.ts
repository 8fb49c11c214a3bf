// Plug-ins (`evaluate`) and the operators bound as Opaque that the engine can still run
// (scan, partition, top-nested, reduce): each dispatches to its own lowering.
import type { BoundExpr, BoundTable } from '../kql/bound.js';
import type { ScalarType } from '../kql/types.js';
import { unsupported } from './lower-scalar.js';
import { unpackItems, unpackOptions } from '../kql/binder/bag-unpack.js';
import { lowerTable, NeedsBagKeys, type Ctx } from './lower.js';
import { lowerIpLookup } from './lower-lookup.js';
import { lowerGeoLookup } from './lower-geo-lookup.js';
import { lowerPartition } from './lower-partition.js';
import { lowerRollingPercentile } from './lower-rolling.js';
import { lowerRowsNear } from './lower-rows-near.js';
import { lowerReduce } from './lower-reduce.js';
import { lowerScan } from './lower-scan.js';
import { lowerSchemaMerge } from './lower-schema-merge.js';
import { lowerActivityMetrics } from './lower-activity-metrics.js';
import { lowerNewActivityMetrics } from './lower-new-activity.js';
import { lowerActiveUsersCount, lowerActivityCountsMetrics } from './lower-activity.js';
import { lowerSlidingWindowCounts } from './lower-sliding-window.js';
import { lowerTopNested } from './lower-topnested.js';
import { col, type NamedSx, type Plan, type Sx } from './plan.js';

type BoundEvaluate = Extract<BoundTable, { kind: 'Evaluate' }>;
type BoundOpaque = Extract<BoundTable, { kind: 'Opaque' }>;

export function lowerEvaluate(t: BoundEvaluate, cx: Ctx, scalar: (e: BoundExpr) => Sx): Plan {
  switch (t.plugin) {
    case 'bag_unpack':
      return lowerBagUnpack(t, cx, scalar);
    case 'ipv4_lookup':
    case 'ipv6_lookup':
      return lowerIpLookup(t, cx);
    case 'geo_polygon_lookup':
    case 'geo_line_lookup':
      return lowerGeoLookup(t, cx);
    case 'rolling_percentile':
      return lowerRollingPercentile(t, cx, scalar);
    case 'rows_near':
      return lowerRowsNear(t, cx, scalar);
    case 'new_activity_metrics':
      return lowerNewActivityMetrics(t, cx, scalar);
    case 'activity_metrics':
      return lowerActivityMetrics(t, cx, scalar);
    case 'active_users_count':
      return lowerActiveUsersCount(t, cx, scalar);
    case 'activity_counts_metrics':
      return lowerActivityCountsMetrics(t, cx, scalar);
    case 'sliding_window_counts':
      return lowerSlidingWindowCounts(t, cx, scalar);
    case 'dcount_intersect':
      return lowerDcountIntersect(t, cx, scalar);
    case 'schema_merge':
      return lowerSchemaMerge(t, cx);
    default:
      return unsupported(`evaluate ${t.plugin}`, t.span);
  }
}

/** The Opaque operators with an exact lowering; null for the others (reported unsupported). */
export function lowerOpaque(t: BoundOpaque, input: BoundTable, cx: Ctx, scalar: (e: BoundExpr) => Sx): Plan | null {
  const columns = t.schema.columns;
  if (t.op === 'partition' && t.partition !== undefined)
    return lowerPartition(t.partition, lowerTable(input, cx), columns, t.span, cx);
  if (t.op === 'top-nested' && t.topNested !== undefined)
    return lowerTopNested(t.topNested, lowerTable(input, cx), columns, t.span, cx, scalar);
  if (t.op === 'scan' && t.scan !== undefined) return lowerScan(t.scan, lowerTable(input, cx), columns, t.span, scalar);
  if (t.op === 'reduce' && t.reduce !== undefined)
    return lowerReduce(t.reduce, lowerTable(input, cx), columns, t.span, scalar);
  return null;
}

/**
 * bag_unpack with a declared output schema: exactly the declared columns (`*` = the input's
 * other columns), each declared one read from the bag and converted to its declared type.
 * No key discovery is needed, so other operators may follow.
 */
function declaredBagUnpack(t: BoundEvaluate, input: Plan, bag: Sx, prefix: string, ignored: readonly string[]): Plan {
  if (prefix !== '' || ignored.length > 0)
    return unsupported('bag_unpack with an output schema and a prefix or ignoredProperties', t.span);
  const items: NamedSx[] = t.schema.columns.map((c) => {
    const own = input.columns.find((x) => x.name === c.name);
    if (own !== undefined && own.type === c.type) return { name: c.name, expr: col(c.name, c.type) };
    const value: Sx = { k: 'path', target: bag, steps: [{ k: 'lit', type: 'string', value: c.name }], type: 'dynamic' };
    return {
      name: c.name,
      expr: c.type === 'dynamic' ? value : { k: 'op', op: 'cast', args: [value], type: c.type, span: t.span },
    };
  });
  return { kind: 'Project', input, items, columns: t.schema.columns };
}

function lowerBagUnpack(t: BoundEvaluate, cx: Ctx, scalar: (e: BoundExpr) => Sx): Plan {
  const opts = unpackOptions(t.args, t.namedArgs);
  if (opts === null) return unsupported('bag_unpack with non-constant ignoredProperties', t.span);
  if (t.declaredSchema === true) {
    const first = t.args[0];
    if (first === undefined) return unsupported('evaluate bag_unpack without a column', t.span);
    return declaredBagUnpack(t, lowerTable(t.input, cx), scalar(first), opts.prefix, opts.ignored);
  }
  const bagArg = t.args[0];
  if (bagArg === undefined) return unsupported('evaluate bag_unpack without a column', t.span);
  const input = lowerTable(t.input, cx);
  const bag = scalar(bagArg);
  // The engine reads the keys from the data, then binds and lowers the query again with them
  // (the binder gave the operators after this one the same columns: src/kql/binder/bag-unpack.ts).
  const keys = cx.bagKeys.get(t.span.start);
  if (keys === undefined) throw new NeedsBagKeys(t.span.start, input, bag);
  const kept = input.columns.filter((c) => !(bagArg.kind === 'Column' && c.name === bagArg.name));
  const items = unpackItems(kept, keys, opts);
  if ('clash' in items)
    return unsupported(`bag_unpack producing existing column '${items.clash}' (use columnsConflict)`, t.span);
  const get = (key: string): Sx => ({
    k: 'path',
    target: bag,
    steps: [{ k: 'lit', type: 'string', value: key }],
    type: 'dynamic',
  });
  // A key whose values share one type is a column of that type (bag-unpack-plugin.md).
  const typed = (key: string, type: ScalarType): Sx =>
    type === 'dynamic' ? get(key) : { k: 'op', op: 'cast', args: [get(key)], type, span: t.span };
  const named: NamedSx[] = items.map((i) => ({
    name: i.name,
    expr: i.key === null ? col(i.name, i.type) : typed(i.key, i.type),
  }));
  return { kind: 'Project', input, items: named, columns: named.map((i) => ({ name: i.name, type: i.expr.type })) };
}

/**
 * dcount_intersect(h0, h1, ...): the input's columns, then s0 = the distinct count of h0 and
 * s_i = that of the intersection of h0..h_i. Exact, as the hll sketches are
 * (src/catalog/duckdb/sketch.ts): the sets are intersected, not estimated.
 */
function lowerDcountIntersect(t: BoundEvaluate, cx: Ctx, scalar: (e: BoundExpr) => Sx): Plan {
  if (t.args.length < 2 || t.args.length > 16) return unsupported('dcount_intersect needs 2 to 16 hll values', t.span);
  const input = lowerTable(t.input, cx);
  const hs = t.args.map(scalar);
  const fn = (name: string, args: Sx[], type: 'long' | 'dynamic'): Sx => ({ k: 'fn', name, args, type, span: t.span });
  const items: NamedSx[] = input.columns.map((c) => ({ name: c.name, expr: col(c.name, c.type) }));
  hs.forEach((_, i) =>
    items.push({
      name: `s${i}`,
      expr:
        i === 0
          ? fn('dcount_hll', [hs[0]!], 'long')
          : fn('array_length', [fn('set_intersect', hs.slice(0, i + 1), 'dynamic')], 'long'),
    }),
  );
  return { kind: 'Project', input, items, columns: t.schema.columns };
}
