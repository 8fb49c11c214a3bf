// `evaluate geo_polygon_lookup(Lookup, polygon, lng, lat [, radius] [, return_unmatched]
// [, lookup_area_radius] [, return_lookup_key])` and geo_line_lookup (radius required): a
// join of the input's points against the lookup table's shapes. The condition is the one
// the plugin pages name: geo_point_in_polygon, or, with a radius, the distance to the
// polygon (geo_distance_point_to_polygon) or to the line (geo_distance_point_to_line)
// within the radius. lookup_area_radius only tunes Kusto's index ("doesn't affect query
// correctness"), so it's checked and ignored. The output is the input's columns then the
// lookup table's, without the key column unless return_lookup_key (the binder's schema);
// with return_unmatched the unmatched input rows are kept with nulls (left outer join).
import type { BoundExpr, BoundTable } from '../kql/bound.js';
import { unsupported } from './lower-scalar.js';
import { lowerTable, type Ctx } from './lower.js';
import type { Plan, Sx } from './plan.js';

type BoundEvaluate = Extract<BoundTable, { kind: 'Evaluate' }>;

/** Positions of the optional arguments after (table, key, lng, lat). */
const OPTIONAL = ['radius', 'return_unmatched', 'lookup_area_radius', 'return_lookup_key'] as const;
type Optional = (typeof OPTIONAL)[number];

function optionalArg(t: BoundEvaluate, name: Optional): BoundExpr | undefined {
  return t.namedArgs[name] ?? t.args[4 + OPTIONAL.indexOf(name)];
}

function flag(e: BoundExpr | undefined): boolean | null {
  if (e === undefined) return false;
  if (e.kind === 'Literal' && e.type === 'bool') return e.value === 'true' || e.value === true;
  return null;
}

/** A constant non-negative number; undefined when absent, null when not such a constant. */
function meters(e: BoundExpr | undefined): number | undefined | null {
  if (e === undefined) return undefined;
  if (e.kind !== 'Literal' || !['int', 'long', 'real', 'decimal'].includes(e.type)) return null;
  const v = Number(e.value);
  return Number.isFinite(v) && v >= 0 ? v : null;
}

export function lowerGeoLookup(t: BoundEvaluate, cx: Ctx): Plan {
  const what = `evaluate ${t.plugin}`;
  const [table, key, lng, lat] = t.args;
  if (table?.kind !== 'Subquery' || key?.kind !== 'Column' || lng?.kind !== 'Column' || lat?.kind !== 'Column')
    return unsupported(`${what} without a lookup table, its shape column and two coordinate columns`, t.span);
  if (t.args.length > 4 + OPTIONAL.length) return unsupported(`${what} with too many arguments`, t.span);
  const unmatched = flag(optionalArg(t, 'return_unmatched'));
  const returnKey = flag(optionalArg(t, 'return_lookup_key'));
  if (unmatched === null || returnKey === null)
    return unsupported(`${what} with a non-constant return_unmatched or return_lookup_key`, t.span);
  const radius = meters(optionalArg(t, 'radius'));
  if (radius === null) return unsupported(`${what} with a radius that isn't a constant number >= 0`, t.span);
  if (meters(optionalArg(t, 'lookup_area_radius')) === null)
    return unsupported(`${what} with a lookup_area_radius that isn't a constant number >= 0`, t.span);
  const line = t.plugin === 'geo_line_lookup';
  if (line && radius === undefined) return unsupported(`${what} without a radius`, t.span);
  const left = lowerTable(t.input, cx);
  const right = lowerTable(table.table, cx);
  if (!right.columns.some((c) => c.name === key.name))
    return unsupported(`${what} key '${key.name}' that is not a column of the lookup table`, t.span);
  for (const c of [lng, lat])
    if (!left.columns.some((l) => l.name === c.name))
      return unsupported(`${what} coordinate '${c.name}' that is not a column of the input`, t.span);
  const clash = right.columns.find((c) => left.columns.some((l) => l.name === c.name));
  if (clash !== undefined) return unsupported(`${what} with column '${clash.name}' in both tables`, t.span);
  const side = (s: 'left' | 'right', name: string, type: Sx['type']): Sx => ({ k: 'side', side: s, name, type });
  const fnArgs = [
    side('left', lng.name, lng.type),
    side('left', lat.name, lat.type),
    side('right', key.name, key.type),
  ];
  const fn = (name: string, type: Sx['type']): Sx => ({ k: 'fn', name, args: fnArgs, type, span: t.span });
  const condition: Sx =
    radius === undefined
      ? fn('geo_point_in_polygon', 'bool')
      : {
          k: 'op',
          op: '<=',
          args: [
            fn(line ? 'geo_distance_point_to_line' : 'geo_distance_point_to_polygon', 'real'),
            { k: 'lit', type: 'real', value: radius },
          ],
          type: 'bool',
          span: t.span,
        };
  const columns = t.schema.columns;
  if (columns.some((c) => c.name === key.name) !== returnKey)
    return unsupported(`${what} whose output schema doesn't match return_lookup_key`, t.span);
  return {
    kind: 'Join',
    join: unmatched ? 'leftouter' : 'inner',
    left,
    right,
    on: [],
    condition,
    band: null,
    output: columns.map((c) => {
      const fromLeft = left.columns.some((l) => l.name === c.name);
      return { name: c.name, side: fromLeft ? ('left' as const) : ('right' as const), source: c.name, type: c.type };
    }),
    columns,
  };
}
