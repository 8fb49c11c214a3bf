// `evaluate activity_counts_metrics(Id, Time, Start, End, Step)`
// (activity-counts-metrics-plugin.md): for every window from Start to End (step Step), the
// records and distinct ids in it, the ids first seen in it (compared with all previous windows)
// and the distinct ids from the first window to it. Records are windowed from Start (bin_at)
// and only windows Start..End count. Planned as the windows left-joined to every record of an
// earlier-or-same window (with each id's first window), then conditional counts. Dimensions and
// the week/month/year string steps are refused.
import type { BoundExpr, BoundTable } from '../kql/bound.js';
import type { Column, ScalarType } from '../kql/types.js';
import { unsupported } from './lower-scalar.js';
import { lowerTable, type Ctx } from './lower.js';
import { col, type JoinKind, type JoinOutput, type Plan, type Sx } from './plan.js';
import type { Span } from '../kql/ast.js';

type BoundEvaluate = Extract<BoundTable, { kind: 'Evaluate' }>;

/** Small constructors for the plan expressions of the activity plug-ins. */
export function sxKit(span: Span) {
  return {
    op: (o: string, args: Sx[], type: ScalarType): Sx => ({ k: 'op', op: o, args, type, span }),
    fn: (name: string, args: Sx[], type: ScalarType): Sx => ({ k: 'fn', name, args, type, span }),
    side: (s: 'left' | 'right', name: string, type: ScalarType): Sx => ({ k: 'side', side: s, name, type }),
  };
}

const NUMERIC: readonly ScalarType[] = ['int', 'long', 'real'];

/**
 * Why Start/End/step can't be windowed exactly, or null: datetime timelines need datetime
 * bounds and a timespan step, numeric ones numbers; `week`/`month`/`year` steps are refused.
 * This also catches a call without Start/End whose dimensions would land in their places.
 */
export function windowProblem(time: ScalarType, start: BoundExpr, end: BoundExpr, step: BoundExpr): string | null {
  if (step.type === 'string') return 'a calendar (week/month/year) step';
  const fits =
    time === 'datetime'
      ? start.type === 'datetime' && end.type === 'datetime' && step.type === 'timespan'
      : NUMERIC.includes(time) && [start, end, step].every((a) => NUMERIC.includes(a.type));
  return fits ? null : 'Start, End and step not of the timeline column type';
}

/** Project to `items`, columns named and typed as given. */
export function project(input: Plan, items: readonly { name: string; expr: Sx }[]): Plan {
  return {
    kind: 'Project',
    input,
    items,
    columns: items.map((i) => ({ name: i.name, type: i.expr.type })),
  };
}

/**
 * A join of two plug-in stages, its columns those of `output`: equality pairs in `on`, any
 * other predicate (over `side` references) in `condition`.
 */
export function joinPlan(
  kind: JoinKind,
  left: Plan,
  right: Plan,
  on: readonly { readonly left: Sx; readonly right: Sx }[],
  condition: Sx | null,
  output: readonly JoinOutput[],
): Plan {
  return {
    kind: 'Join',
    join: kind,
    left,
    right,
    on,
    condition,
    band: null,
    output,
    columns: output.map((o) => ({ name: o.name, type: o.type })),
  };
}

/** The shared leading arguments of the activity plug-ins: Id, timeline, Start, End, Window. */
export interface ActivityArgs {
  readonly id: { readonly name: string; readonly type: ScalarType };
  readonly time: { readonly name: string; readonly type: ScalarType };
  readonly start: BoundExpr;
  readonly end: BoundExpr;
  readonly step: BoundExpr;
  readonly rest: readonly BoundExpr[];
}

/** The plug-in's leading arguments, or why they can't be lowered exactly. */
export function activityArgs(t: BoundEvaluate, plugin: string): ActivityArgs | string {
  const [id, time, start, end, step, ...rest] = t.args;
  if (id?.kind !== 'Column' || time?.kind !== 'Column') return `evaluate ${plugin} without Id and timeline columns`;
  if (start === undefined || end === undefined || step === undefined)
    return `evaluate ${plugin} without Start, End and Window`;
  const problem = windowProblem(time.type, start, end, step);
  if (problem !== null) return `evaluate ${plugin} with ${problem}`;
  return { id, time, start, end, step, rest };
}

/**
 * The input's (window, id) pairs: each record's timeline value binned by `step` from `start`
 * into column `wName`, its id into `__id`, keeping windows from `start` to `end` inclusive.
 */
export function binnedIds(
  input: Plan,
  id: { name: string; type: ScalarType },
  time: { name: string; type: ScalarType },
  bounds: { start: Sx; end: Sx; step: Sx },
  wName: string,
  span: Span,
): Plan {
  const { op, fn } = sxKit(span);
  const tt = time.type;
  const binned = project(input, [
    { name: wName, expr: fn('bin_at', [col(time.name, tt), bounds.step, bounds.start], tt) },
    { name: '__id', expr: col(id.name, id.type) },
  ]);
  return {
    kind: 'Filter',
    input: binned,
    predicate: op(
      'and',
      [op('>=', [col(wName, tt), bounds.start], 'bool'), op('<=', [col(wName, tt), bounds.end], 'bool')],
      'bool',
    ),
    columns: binned.columns,
  };
}

export function lowerActivityCountsMetrics(t: BoundEvaluate, cx: Ctx, scalar: (e: BoundExpr) => Sx): Plan {
  const a = activityArgs(t, 'activity_counts_metrics');
  if (typeof a === 'string') return unsupported(a, t.span);
  const { id, time, start, end, step } = a;
  if (a.rest.length > 0) return unsupported('evaluate activity_counts_metrics with dimensions', t.span);
  const [outTime, outCount, outDcount, outNew, outAgg] = t.schema.columns;
  if (
    outTime === undefined ||
    outCount === undefined ||
    outDcount === undefined ||
    outNew === undefined ||
    outAgg === undefined
  )
    return unsupported('evaluate activity_counts_metrics', t.span);
  const { op, fn, side } = sxKit(t.span);
  const tt: ScalarType = time.type;
  const it: ScalarType = id.type;

  const windows: Plan = {
    kind: 'Range',
    columns: [{ name: '__b', type: tt }],
    from: scalar(start),
    to: scalar(end),
    step: scalar(step),
  };
  const inRange = binnedIds(
    lowerTable(t.input, cx),
    id,
    time,
    { start: scalar(start), end: scalar(end), step: scalar(step) },
    '__t',
    t.span,
  );
  const firstCols: Column[] = [
    { name: '__fid', type: it },
    { name: '__f', type: tt },
  ];
  const firsts: Plan = {
    kind: 'Aggregate',
    input: inRange,
    keys: [{ name: '__fid', expr: col('__id', it) }],
    aggs: [{ name: '__f', expr: fn('min', [col('__t', tt)], tt) }],
    columns: firstCols,
  };
  const records = joinPlan('inner', inRange, firsts, [{ left: col('__id', it), right: col('__fid', it) }], null, [
    { name: '__t', side: 'left', source: '__t', type: tt },
    { name: '__id', side: 'left', source: '__id', type: it },
    { name: '__f', side: 'right', source: '__f', type: tt },
  ]);
  const upTo = joinPlan(
    'leftouter',
    windows,
    records,
    [],
    op('<=', [side('right', '__t', tt), side('left', '__b', tt)], 'bool'),
    [
      { name: '__b', side: 'left', source: '__b', type: tt },
      { name: '__t', side: 'right', source: '__t', type: tt },
      { name: '__id', side: 'right', source: '__id', type: it },
      { name: '__f', side: 'right', source: '__f', type: tt },
    ],
  );
  const here = op('==', [col('__t', tt), col('__b', tt)], 'bool');
  const isNew = op('==', [col('__f', tt), col('__b', tt)], 'bool');
  const seen = fn('isnotnull', [col('__t', tt)], 'bool');
  const agg: Plan = {
    kind: 'Aggregate',
    input: upTo,
    keys: [{ name: outTime.name, expr: col('__b', tt) }],
    aggs: [
      { name: outCount.name, expr: fn('countif', [here], 'long') },
      { name: outDcount.name, expr: fn('dcountif', [col('__id', it), here], 'long') },
      { name: outNew.name, expr: fn('dcountif', [col('__id', it), isNew], 'long') },
      { name: outAgg.name, expr: fn('dcountif', [col('__id', it), seen], 'long') },
    ],
    columns: t.schema.columns,
  };
  return {
    kind: 'Sort',
    input: agg,
    keys: [{ expr: col(outTime.name, tt), desc: false, nullsFirst: true }],
    columns: t.schema.columns,
  };
}

/**
 * `evaluate active_users_count(Id, Time, Start, End, Lookback, Period, ActivePeriods, Bin)`
 * (active-users-count-plugin.md): an appearance (a record whose Bin window, from Start, lies in
 * Start..End) is active when the id's records in (appearance - Lookback, appearance] fall in
 * at least ActivePeriods distinct bin(Time, Period) periods; records before Start count. Per
 * Bin window with an active appearance: the distinct ids. The lookback's start is exclusive:
 * with it inclusive, the page's user B on 2018-07-08 (6/30, 7/4, 7/8) would be active and add
 * a row the documented output doesn't have.
 */
export function lowerActiveUsersCount(t: BoundEvaluate, cx: Ctx, scalar: (e: BoundExpr) => Sx): Plan {
  const [id, time, start, end, lookback, period, active, bin, ...dims] = t.args;
  if (id?.kind !== 'Column' || time?.kind !== 'Column')
    return unsupported('evaluate active_users_count without Id and timeline columns', t.span);
  if (
    start === undefined ||
    end === undefined ||
    lookback === undefined ||
    period === undefined ||
    active === undefined ||
    bin === undefined
  )
    return unsupported('evaluate active_users_count with missing arguments', t.span);
  if (dims.length > 0) return unsupported('evaluate active_users_count with dimensions', t.span);
  const problem = windowProblem(time.type, start, end, bin) ?? windowProblem(time.type, start, end, lookback);
  if (problem !== null) return unsupported(`evaluate active_users_count with ${problem}`, t.span);
  const [outTime, outCount] = t.schema.columns;
  if (outTime === undefined || outCount === undefined) return unsupported('evaluate active_users_count', t.span);
  const { op, fn, side } = sxKit(t.span);
  const tt: ScalarType = time.type;
  const it: ScalarType = id.type;
  const binAt = (x: Sx): Sx => fn('bin_at', [x, scalar(bin), scalar(start)], tt);

  const input = lowerTable(t.input, cx);
  const recs = project(input, [
    { name: '__ru', expr: col(id.name, it) },
    { name: '__rx', expr: col(time.name, tt) },
    { name: '__rp', expr: fn('bin', [col(time.name, tt), scalar(period)], tt) },
  ]);
  const apps0 = project(input, [
    { name: '__u', expr: col(id.name, it) },
    { name: '__x', expr: col(time.name, tt) },
  ]);
  const apps: Plan = {
    kind: 'Filter',
    input: apps0,
    predicate: op(
      'and',
      [
        op('>=', [binAt(col('__x', tt)), scalar(start)], 'bool'),
        op('<=', [binAt(col('__x', tt)), scalar(end)], 'bool'),
      ],
      'bool',
    ),
    columns: apps0.columns,
  };
  const looked = joinPlan(
    'inner',
    apps,
    recs,
    [{ left: col('__u', it), right: col('__ru', it) }],
    op(
      'and',
      [
        op('<=', [side('right', '__rx', tt), side('left', '__x', tt)], 'bool'),
        op('>', [side('right', '__rx', tt), op('-', [side('left', '__x', tt), scalar(lookback)], tt)], 'bool'),
      ],
      'bool',
    ),
    [
      { name: '__u', side: 'left', source: '__u', type: it },
      { name: '__x', side: 'left', source: '__x', type: tt },
      { name: '__rp', side: 'right', source: '__rp', type: tt },
    ],
  );
  const perApp: Plan = {
    kind: 'Aggregate',
    input: looked,
    keys: [
      { name: '__u', expr: col('__u', it) },
      { name: '__x', expr: col('__x', tt) },
    ],
    aggs: [{ name: '__n', expr: fn('dcount', [col('__rp', tt)], 'long') }],
    columns: [
      { name: '__u', type: it },
      { name: '__x', type: tt },
      { name: '__n', type: 'long' },
    ],
  };
  const activeApps: Plan = {
    kind: 'Filter',
    input: perApp,
    predicate: op('>=', [col('__n', 'long'), scalar(active)], 'bool'),
    columns: perApp.columns,
  };
  const agg: Plan = {
    kind: 'Aggregate',
    input: activeApps,
    keys: [{ name: outTime.name, expr: binAt(col('__x', tt)) }],
    aggs: [{ name: outCount.name, expr: fn('dcount', [col('__u', it)], 'long') }],
    columns: t.schema.columns,
  };
  return {
    kind: 'Sort',
    input: agg,
    keys: [{ expr: col(outTime.name, tt), desc: false, nullsFirst: true }],
    columns: t.schema.columns,
  };
}
