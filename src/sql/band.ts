// Time-window pivots: `A | join (B) on K | where T1 between (T - 2m .. T + 2m)`.
// Recognises a band between one left and one right datetime column after an inner
// join, so the join can be planned on (key, time bucket) instead of per-key quadratic.
import type { BoundExpr, BoundJoin } from '../kql/bound.js';
import { peel } from './lower-scalar.js';
import type { TimeBand } from './plan.js';

interface Offset {
  readonly column: string;
  readonly ticks: bigint;
}

function constTicks(e: BoundExpr): bigint | null {
  const x = peel(e);
  if (x.kind === 'Literal' && x.type === 'timespan' && typeof x.value === 'string') return BigInt(x.value);
  if (x.kind === 'Unary' && x.op === '-') {
    const t = constTicks(x.operand);
    return t === null ? null : -t;
  }
  return null;
}

/** `col`, `col + c`, `col - c`, `c + col` with c a constant timespan. */
function offsetOf(e: BoundExpr): Offset | null {
  const x = peel(e);
  if (x.kind === 'Column' && x.type === 'datetime' && x.side === undefined) return { column: x.name, ticks: 0n };
  if (x.kind === 'Binary' && (x.op === '+' || x.op === '-')) {
    const l = offsetOf(x.left);
    const rt = constTicks(x.right);
    if (l !== null && rt !== null) return { column: l.column, ticks: x.op === '+' ? l.ticks + rt : l.ticks - rt };
    if (x.op === '+') {
      const r = offsetOf(x.right);
      const lt = constTicks(x.left);
      if (r !== null && lt !== null) return { column: r.column, ticks: r.ticks + lt };
    }
  }
  return null;
}

function conjuncts(e: BoundExpr): BoundExpr[] {
  const x = peel(e);
  if (x.kind === 'Binary' && x.op === 'and') return [...conjuncts(x.left), ...conjuncts(x.right)];
  return [x];
}

function sideOf(join: BoundJoin, name: string): { side: 'left' | 'right'; column: string } | null {
  const o = join.outputs.find((c) => c.name === name);
  return o === undefined || o.type !== 'datetime' ? null : { side: o.side, column: o.column };
}

/** The band implied by `predicate` over the output of `join`, or null. */
export function detectBand(join: BoundJoin, predicate: BoundExpr): TimeBand | null {
  return detectBandConjunct(join, predicate)?.band ?? null;
}

/**
 * The band and the predicate's other conjuncts: the band join applies exactly the band's
 * `between`, so the filter after the join only needs the rest (re-checking it cost ~10%
 * of a pivot).
 */
export function detectBandConjunct(
  join: BoundJoin,
  predicate: BoundExpr,
): { readonly band: TimeBand; readonly rest: BoundExpr | null } | null {
  const all = conjuncts(predicate);
  for (const [i, c] of all.entries()) {
    const band = bandOf(join, c);
    if (band === null) continue;
    const others = all.filter((_x, j) => j !== i);
    const and = (l: BoundExpr, r: BoundExpr): BoundExpr => ({
      kind: 'Binary',
      op: 'and',
      left: l,
      right: r,
      type: 'bool',
      span: predicate.span,
    });
    const rest = others.length === 0 ? null : others.reduce(and);
    return { band, rest };
  }
  return null;
}

function bandOf(join: BoundJoin, c: BoundExpr): TimeBand | null {
  if (join.joinKind !== 'inner' && join.joinKind !== 'innerunique') return null;
  if (c.kind !== 'Between' || c.negated) return null;
  const subject = offsetOf(c.left);
  const lo = offsetOf(c.low);
  const hi = offsetOf(c.high);
  if (subject === null || lo === null || hi === null || lo.column !== hi.column) return null;
  const s = sideOf(join, subject.column);
  const o = sideOf(join, lo.column);
  if (s === null || o === null || s.side === o.side) return null;
  // subject + s.ticks in [other + lo, other + hi]
  const loT = lo.ticks - subject.ticks;
  const hiT = hi.ticks - subject.ticks;
  if (hiT < loT) return null;
  if (s.side === 'right') return { leftTime: o.column, rightTime: s.column, loTicks: loT, hiTicks: hiT };
  // left in [right + lo, right + hi]  <=>  right in [left - hi, left - lo]
  return { leftTime: s.column, rightTime: o.column, loTicks: -hiT, hiTicks: -loT };
}

/** Column names an expression reads (null if it reads something we can't see through). */
export function columnsRead(e: BoundExpr, out = new Set<string>()): Set<string> | null {
  const go = (x: BoundExpr) => columnsRead(x, out) !== null;
  switch (e.kind) {
    case 'Column':
      if (e.side !== undefined) return null;
      out.add(e.name);
      return out;
    case 'Literal':
    case 'DynamicLiteral':
      return out;
    case 'LetScalar':
      return go(e.value) ? out : null;
    case 'UdfCall':
      return go(e.body) ? out : null;
    case 'Call':
      return e.args.every(go) ? out : null;
    case 'Unary':
    case 'Convert':
      return go(e.operand) ? out : null;
    case 'Binary':
      return go(e.left) && go(e.right) ? out : null;
    case 'In':
      return go(e.left) && e.items.every(go) ? out : null;
    case 'Between':
      return go(e.left) && go(e.low) && go(e.high) ? out : null;
    case 'Index':
      return go(e.target) && go(e.index) ? out : null;
    default:
      return null;
  }
}

/**
 * Kusto applies a filter on left-only columns before innerunique's per-key dedup (its
 * optimizer pushes it down), so `join ... | where leftCol == x` keeps matching rows.
 * Returns [pushed (over left column names), kept] conjuncts.
 */
export function splitLeftOnly(join: BoundJoin, predicate: BoundExpr): { pushed: BoundExpr[]; kept: BoundExpr[] } {
  const pushed: BoundExpr[] = [];
  const kept: BoundExpr[] = [];
  for (const c of conjuncts(predicate)) {
    const cols = columnsRead(c);
    const outs = cols === null ? null : [...cols].map((n) => join.outputs.find((o) => o.name === n));
    if (
      outs !== null &&
      outs.length > 0 &&
      outs.every((o) => o !== undefined && o.side === 'left' && o.column === o.name)
    )
      pushed.push(c);
    else kept.push(c);
  }
  return { pushed, kept };
}
