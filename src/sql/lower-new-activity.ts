// `evaluate new_activity_metrics(Id, Time, Start, End, Window [, Cohort])`
// (new-activity-metrics-plugin.md): for every pair of windows from <= to (Start..End, step
// Window; only from = Cohort when given), the cohort is the ids first seen in `from`.
// dcount_new_values: ids in `to` not seen in any window up to `from` and before `to` (the
// worked example: 4 for 11/1->11/1, 2 for 11/2->11/2, 0 for 11/2->11/3), i.e. first seen after
// `from`, or in `to` itself; retained: cohort ids seen in `to`; churn: the rest of the cohort;
// rates over the cohort's size (real division). Windows without records still pair (R=6 of the
// example). A Lookback table lists ids seen before Start (the page: "all IDs that don't appear
// in this set are New Users"): its ids, matched by the Id column's name, are in no cohort and
// never new. Dimensions and calendar windows are refused.
import type { BoundExpr, BoundTable } from '../kql/bound.js';
import type { ScalarType } from '../kql/types.js';
import { activityArgs, binnedIds, joinPlan, project, sxKit } from './lower-activity.js';
import { unsupported } from './lower-scalar.js';
import { lowerTable, type Ctx } from './lower.js';
import { col, type Plan, type Sx } from './plan.js';

type BoundEvaluate = Extract<BoundTable, { kind: 'Evaluate' }>;

export function lowerNewActivityMetrics(t: BoundEvaluate, cx: Ctx, scalar: (e: BoundExpr) => Sx): Plan {
  const a = activityArgs(t, 'new_activity_metrics');
  if (typeof a === 'string') return unsupported(a, t.span);
  const { id, time, start, end, step } = a;
  // The lookback table is the last argument (after Cohort and dimensions, which are scalars).
  const last = a.rest[a.rest.length - 1];
  const lookback = last?.kind === 'Subquery' ? last : undefined;
  const [cohort, ...rest] = lookback === undefined ? a.rest : a.rest.slice(0, -1);
  if (rest.length > 0 || Object.keys(t.namedArgs).length > 0)
    return unsupported('evaluate new_activity_metrics with dimensions', t.span);
  if (cohort !== undefined && cohort.type !== time.type)
    return unsupported('evaluate new_activity_metrics with a Cohort not of the timeline type', t.span);
  const [outFrom, outTo, outNew, outRet, outChurn, outRetRate, outChurnRate] = t.schema.columns;
  if (!outFrom || !outTo || !outNew || !outRet || !outChurn || !outRetRate || !outChurnRate)
    return unsupported('evaluate new_activity_metrics', t.span);
  const { op, fn, side } = sxKit(t.span);
  const tt: ScalarType = time.type;
  const it: ScalarType = id.type;

  const inRange = binnedIds(
    lowerTable(t.input, cx),
    id,
    time,
    { start: scalar(start), end: scalar(end), step: scalar(step) },
    '__w',
    t.span,
  );
  const seen: Plan = { kind: 'Distinct', input: inRange, columns: inRange.columns };
  let firsts: Plan = {
    kind: 'Aggregate',
    input: seen,
    keys: [{ name: '__fid', expr: col('__id', it) }],
    aggs: [{ name: '__f', expr: fn('min', [col('__w', tt)], tt) }],
    columns: [
      { name: '__fid', type: it },
      { name: '__f', type: tt },
    ],
  };
  if (lookback !== undefined) {
    const lb = lowerTable(lookback.table, cx);
    const lid = lb.columns.find((c) => c.name === id.name);
    if (lid === undefined)
      return unsupported(`evaluate new_activity_metrics with a lookback table without a '${id.name}' column`, t.span);
    // DuckDB would cast one side to the other (1 == '1'); how Kusto matches ids of different
    // types is undocumented, so it is refused rather than guessed.
    if (lid.type !== it)
      return unsupported(
        `evaluate new_activity_metrics with a lookback '${id.name}' of type ${lid.type}, not ${it}`,
        t.span,
      );
    const known: Plan = project(lb, [{ name: '__lid', expr: col(lid.name, lid.type) }]);
    firsts = joinPlan(
      'leftanti',
      firsts,
      { kind: 'Distinct', input: known, columns: known.columns },
      [{ left: col('__fid', it), right: col('__lid', lid.type) }],
      null,
      firsts.columns.map((c) => ({ name: c.name, side: 'left' as const, source: c.name, type: c.type })),
    );
  }
  const presence = joinPlan(
    'inner',
    seen,
    firsts,
    [],
    op('==', [side('left', '__id', it), side('right', '__fid', it)], 'bool'),
    [
      { name: '__w', side: 'left', source: '__w', type: tt },
      { name: '__f', side: 'right', source: '__f', type: tt },
      { name: '__id', side: 'left', source: '__id', type: it },
    ],
  );
  const windows = (name: string): Plan => ({
    kind: 'Range',
    columns: [{ name, type: tt }],
    from: scalar(start),
    to: scalar(end),
    step: scalar(step),
  });
  let froms: Plan = windows('__from');
  if (cohort !== undefined)
    froms = {
      kind: 'Filter',
      input: froms,
      predicate: op('==', [col('__from', tt), scalar(cohort)], 'bool'),
      columns: froms.columns,
    };
  const pairs = joinPlan(
    'inner',
    froms,
    windows('__to'),
    [],
    op('>=', [side('right', '__to', tt), side('left', '__from', tt)], 'bool'),
    [
      { name: '__from', side: 'left', source: '__from', type: tt },
      { name: '__to', side: 'right', source: '__to', type: tt },
    ],
  );
  const inTo = joinPlan(
    'leftouter',
    pairs,
    presence,
    [],
    op('==', [side('right', '__w', tt), side('left', '__to', tt)], 'bool'),
    [
      { name: '__from', side: 'left', source: '__from', type: tt },
      { name: '__to', side: 'left', source: '__to', type: tt },
      { name: '__f', side: 'right', source: '__f', type: tt },
    ],
  );
  const f = col('__f', tt);
  const isNew = op('or', [op('>', [f, col('__from', tt)], 'bool'), op('==', [f, col('__to', tt)], 'bool')], 'bool');
  const perPair: Plan = {
    kind: 'Aggregate',
    input: inTo,
    keys: [
      { name: '__from', expr: col('__from', tt) },
      { name: '__to', expr: col('__to', tt) },
    ],
    aggs: [
      { name: '__new', expr: fn('countif', [isNew], 'long') },
      { name: '__ret', expr: fn('countif', [op('==', [f, col('__from', tt)], 'bool')], 'long') },
    ],
    columns: [
      { name: '__from', type: tt },
      { name: '__to', type: tt },
      { name: '__new', type: 'long' },
      { name: '__ret', type: 'long' },
    ],
  };
  const cohorts: Plan = {
    kind: 'Aggregate',
    input: firsts,
    keys: [{ name: '__cf', expr: col('__f', tt) }],
    aggs: [{ name: '__cn', expr: fn('count', [], 'long') }],
    columns: [
      { name: '__cf', type: tt },
      { name: '__cn', type: 'long' },
    ],
  };
  const sized = joinPlan(
    'leftouter',
    perPair,
    cohorts,
    [],
    op('==', [side('right', '__cf', tt), side('left', '__from', tt)], 'bool'),
    [
      { name: '__from', side: 'left', source: '__from', type: tt },
      { name: '__to', side: 'left', source: '__to', type: tt },
      { name: '__new', side: 'left', source: '__new', type: 'long' },
      { name: '__ret', side: 'left', source: '__ret', type: 'long' },
      { name: '__cn', side: 'right', source: '__cn', type: 'long' },
    ],
  );
  const zero: Sx = { k: 'lit', type: 'long', value: 0n };
  const size = fn('coalesce', [col('__cn', 'long'), zero], 'long');
  const ret = col('__ret', 'long');
  const churn = op('-', [size, ret], 'long');
  const real = (x: Sx): Sx => fn('todouble', [x], 'real');
  const result = project(sized, [
    { name: outFrom.name, expr: col('__from', tt) },
    { name: outTo.name, expr: col('__to', tt) },
    { name: outNew.name, expr: col('__new', 'long') },
    { name: outRet.name, expr: ret },
    { name: outChurn.name, expr: churn },
    { name: outRetRate.name, expr: op('/', [real(ret), real(size)], 'real') },
    { name: outChurnRate.name, expr: op('/', [real(churn), real(size)], 'real') },
  ]);
  return {
    kind: 'Sort',
    input: result,
    keys: [
      { expr: col(outFrom.name, tt), desc: false, nullsFirst: true },
      { expr: col(outTo.name, tt), desc: false, nullsFirst: true },
    ],
    columns: t.schema.columns,
  };
}
