// `evaluate sliding_window_counts(Id, Time, Start, End, Lookback, Bin)`
// (sliding-window-counts-plugin.md): for every bin from Start to End (step Bin), the count and
// distinct count of Id over the records whose bin lies in the lookback window ending at that
// bin: bins t - (k-1)·Bin .. t, with k = floor(Lookback / Bin) ("rounded down to a multiple of
// Bin"). Records are binned from Start (bin_at). Planned as the bins left-joined to the binned
// records of their window, then aggregated. Dimensions and the week/month/year string bins are
// refused: which dimension combinations get the empty bins isn't specified.
import type { BoundExpr, BoundTable } from '../kql/bound.js';
import type { Column, ScalarType } from '../kql/types.js';
import { joinPlan, windowProblem } from './lower-activity.js';
import { unsupported } from './lower-scalar.js';

const NUMERIC_TYPES: readonly ScalarType[] = ['int', 'long', 'real'];
import { lowerTable, type Ctx } from './lower.js';
import { col, type Plan, type Sx } from './plan.js';

type BoundEvaluate = Extract<BoundTable, { kind: 'Evaluate' }>;

export function lowerSlidingWindowCounts(t: BoundEvaluate, cx: Ctx, scalar: (e: BoundExpr) => Sx): Plan {
  const [id, time, start, end, lookback, bin, ...dims] = t.args;
  if (id?.kind !== 'Column' || time?.kind !== 'Column')
    return unsupported('evaluate sliding_window_counts without Id and timeline columns', t.span);
  if (start === undefined || end === undefined || lookback === undefined || bin === undefined)
    return unsupported('evaluate sliding_window_counts with missing arguments', t.span);
  if (dims.length > 0) return unsupported('evaluate sliding_window_counts with dimensions', t.span);
  const problem = windowProblem(time.type, start, end, bin);
  if (problem !== null) return unsupported(`evaluate sliding_window_counts with ${problem}`, t.span);
  if (!(time.type === 'datetime' ? lookback.type === 'timespan' : NUMERIC_TYPES.includes(lookback.type)))
    return unsupported('evaluate sliding_window_counts with a lookback not of the step type', t.span);
  const [outTime, outCount, outDcount] = t.schema.columns;
  if (outTime === undefined || outCount === undefined || outDcount === undefined)
    return unsupported('evaluate sliding_window_counts', t.span);
  const span = t.span;
  const tt: ScalarType = time.type;
  const stepType: ScalarType = tt === 'datetime' ? 'timespan' : bin.type;
  const op = (o: string, args: Sx[], type: ScalarType): Sx => ({ k: 'op', op: o, args, type, span });
  const fn = (name: string, args: Sx[], type: ScalarType): Sx => ({ k: 'fn', name, args, type, span });

  const binsCols: Column[] = [{ name: '__b', type: tt }];
  const bins: Plan = { kind: 'Range', columns: binsCols, from: scalar(start), to: scalar(end), step: scalar(bin) };
  const recCols: Column[] = [
    { name: '__t', type: tt },
    { name: '__id', type: id.type },
    { name: '__hit', type: 'bool' },
  ];
  const records: Plan = {
    kind: 'Project',
    input: lowerTable(t.input, cx),
    items: [
      { name: '__t', expr: fn('bin_at', [col(time.name, tt), scalar(bin), scalar(start)], tt) },
      { name: '__id', expr: col(id.name, id.type) },
      { name: '__hit', expr: { k: 'lit', type: 'bool', value: true } },
    ],
    columns: recCols,
  };
  // Window width in whole bins: floor(Lookback / Bin) * Bin.
  const binsPerWindow = fn('tolong', [op('/', [scalar(lookback), scalar(bin)], 'real')], 'long');
  const width = op('*', [scalar(bin), binsPerWindow], stepType);
  const side = (s: 'left' | 'right', name: string): Sx => ({ k: 'side', side: s, name, type: tt });
  const condition = op(
    'and',
    [
      op('<=', [side('right', '__t'), side('left', '__b')], 'bool'),
      op('>', [side('right', '__t'), op('-', [side('left', '__b'), width], tt)], 'bool'),
    ],
    'bool',
  );
  const joined = joinPlan('leftouter', bins, records, [], condition, [
    { name: '__b', side: 'left', source: '__b', type: tt },
    { name: '__id', side: 'right', source: '__id', type: id.type },
    { name: '__hit', side: 'right', source: '__hit', type: 'bool' },
  ]);
  const agg: Plan = {
    kind: 'Aggregate',
    input: joined,
    keys: [{ name: outTime.name, expr: col('__b', tt) }],
    aggs: [
      { name: outCount.name, expr: fn('countif', [col('__hit', 'bool')], 'long') },
      { name: outDcount.name, expr: fn('dcountif', [col('__id', id.type), col('__hit', 'bool')], 'long') },
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
