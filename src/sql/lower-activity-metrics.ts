// `evaluate activity_metrics(Id, Time, Start, End, Window)` (activity-metrics-plugin.md): per
// window from Start to End, the distinct ids, the ids not in the previous window (Window
// earlier), retention = returning / ids of the previous window and churn = (previous -
// returning) / previous; real division, so the first window's rates are NaN (0/0), as in the
// page's output. Records are windowed from Start (bin_at). Dimensions and the week/month/year
// string windows are refused.
import type { BoundExpr, BoundTable } from '../kql/bound.js';
import type { Column, ScalarType } from '../kql/types.js';
import { activityArgs, binnedIds, joinPlan, project, sxKit } from './lower-activity.js';
import { unsupported } from './lower-scalar.js';
import { lowerTable, type Ctx } from './lower.js';
import { col, type Plan, type Sx } from './plan.js';

type BoundEvaluate = Extract<BoundTable, { kind: 'Evaluate' }>;

export function lowerActivityMetrics(t: BoundEvaluate, cx: Ctx, scalar: (e: BoundExpr) => Sx): Plan {
  const a = activityArgs(t, 'activity_metrics');
  if (typeof a === 'string') return unsupported(a, t.span);
  const { id, time, start, end, step } = a;
  if (a.rest.length > 0) return unsupported('evaluate activity_metrics with dimensions', t.span);
  const [outTime, outValues, outNew, outRet, outChurn] = t.schema.columns;
  if (
    outTime === undefined ||
    outValues === undefined ||
    outNew === undefined ||
    outRet === undefined ||
    outChurn === undefined
  )
    return unsupported('evaluate activity_metrics', t.span);
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
  const ids: Plan = { kind: 'Distinct', input: inRange, columns: inRange.columns };
  const prevIds = project(ids, [
    { name: '__pw', expr: col('__w', tt) },
    { name: '__pid', expr: col('__id', it) },
    { name: '__hit', expr: { k: 'lit', type: 'bool', value: true } },
  ]);
  // Each (window, id) with whether the id was in the previous window (a marker column: Kusto
  // strings are never null, so isnotnull() can't tell a missing match).
  const marked = joinPlan(
    'leftouter',
    ids,
    prevIds,
    [],
    op(
      'and',
      [
        op('==', [side('right', '__pid', it), side('left', '__id', it)], 'bool'),
        op('==', [side('right', '__pw', tt), op('-', [side('left', '__w', tt), scalar(step)], tt)], 'bool'),
      ],
      'bool',
    ),
    [
      { name: '__w', side: 'left', source: '__w', type: tt },
      { name: '__id', side: 'left', source: '__id', type: it },
      { name: '__hit', side: 'right', source: '__hit', type: 'bool' },
    ],
  );
  const perWindowCols: Column[] = [
    { name: '__w', type: tt },
    { name: '__n', type: 'long' },
    { name: '__r', type: 'long' },
  ];
  const perWindow: Plan = {
    kind: 'Aggregate',
    input: marked,
    keys: [{ name: '__w', expr: col('__w', tt) }],
    aggs: [
      { name: '__n', expr: fn('count', [], 'long') },
      { name: '__r', expr: fn('countif', [col('__hit', 'bool')], 'long') },
    ],
    columns: perWindowCols,
  };
  const windows: Plan = {
    kind: 'Range',
    columns: [{ name: '__b', type: tt }],
    from: scalar(start),
    to: scalar(end),
    step: scalar(step),
  };
  const withCurrent = joinPlan(
    'leftouter',
    windows,
    perWindow,
    [],
    op('==', [side('right', '__w', tt), side('left', '__b', tt)], 'bool'),
    [
      { name: '__b', side: 'left', source: '__b', type: tt },
      { name: '__n', side: 'right', source: '__n', type: 'long' },
      { name: '__r', side: 'right', source: '__r', type: 'long' },
    ],
  );
  const prevCounts = project(perWindow, [
    { name: '__pw', expr: col('__w', tt) },
    { name: '__pn', expr: col('__n', 'long') },
  ]);
  const withPrev = joinPlan(
    'leftouter',
    withCurrent,
    prevCounts,
    [],
    op('==', [side('right', '__pw', tt), op('-', [side('left', '__b', tt), scalar(step)], tt)], 'bool'),
    [
      { name: '__b', side: 'left', source: '__b', type: tt },
      { name: '__n', side: 'left', source: '__n', type: 'long' },
      { name: '__r', side: 'left', source: '__r', type: 'long' },
      { name: '__pn', side: 'right', source: '__pn', type: 'long' },
    ],
  );
  const zero: Sx = { k: 'lit', type: 'long', value: 0n };
  const count = (name: string): Sx => fn('coalesce', [col(name, 'long'), zero], 'long');
  const real = (x: Sx): Sx => fn('todouble', [x], 'real');
  const n = count('__n');
  const r = count('__r');
  const pn = count('__pn');
  const result = project(withPrev, [
    { name: outTime.name, expr: col('__b', tt) },
    { name: outValues.name, expr: n },
    { name: outNew.name, expr: op('-', [n, r], 'long') },
    { name: outRet.name, expr: op('/', [real(r), real(pn)], 'real') },
    { name: outChurn.name, expr: op('/', [real(op('-', [pn, r], 'long')), real(pn)], 'real') },
  ]);
  return {
    kind: 'Sort',
    input: result,
    keys: [{ expr: col(outTime.name, tt), desc: false, nullsFirst: true }],
    columns: t.schema.columns,
  };
}
