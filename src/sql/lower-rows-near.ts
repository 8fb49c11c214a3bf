// `evaluate rows_near(Condition, NumRows [, RowsAfter])`: the rows of the serialized input
// within NumRows before, or RowsAfter (default NumRows) after, a row where Condition holds.
// A window over the current row order flags them (rows_near_flag); counts must be constants.
import type { BoundExpr, BoundTable } from '../kql/bound.js';
import { unsupported } from './lower-scalar.js';
import { lowerTable, type Ctx } from './lower.js';
import { col, passThrough, type Plan, type Sx } from './plan.js';

type BoundEvaluate = Extract<BoundTable, { kind: 'Evaluate' }>;

function count(e: BoundExpr | undefined): bigint | null {
  if (e?.kind !== 'Literal' || e.value === null || !/^\d+$/.test(String(e.value))) return null;
  return BigInt(String(e.value));
}

export function lowerRowsNear(t: BoundEvaluate, cx: Ctx, scalar: (e: BoundExpr) => Sx): Plan {
  const [cond, numRows, rowsAfter] = t.args;
  const before = count(numRows);
  const after = rowsAfter === undefined ? before : count(rowsAfter);
  if (cond === undefined || before === null || after === null)
    return unsupported('evaluate rows_near with non-constant row counts', t.span);
  const input = lowerTable(t.input, cx);
  const flag: Sx = {
    k: 'op',
    op: 'rows_near_flag',
    args: [scalar(cond), { k: 'lit', type: 'long', value: before }, { k: 'lit', type: 'long', value: after }],
    type: 'bool',
    span: t.span,
  };
  const flagged: Plan = {
    kind: 'Window',
    input,
    items: [...passThrough(input.columns), { name: '__near', expr: flag }],
    columns: [...input.columns, { name: '__near', type: 'bool' }],
  };
  const kept: Plan = { kind: 'Filter', input: flagged, predicate: col('__near', 'bool'), columns: flagged.columns };
  return { kind: 'Project', input: kept, items: passThrough(input.columns), columns: t.schema.columns };
}
