// Bound scalar expressions -> plan scalars (Sx). No name resolution happens here: the
// binder already resolved columns, lets and functions; this only normalises values.
import type { BoundExpr } from '../kql/bound.js';
import { diagnostic } from '../kql/diagnostics/diagnostic.js';
import type { Span } from '../kql/ast.js';
import { parseKustoDatetime } from '../engine/time.js';
import { TranslationError, UNSUPPORTED_CONSTRUCT } from './diagnostics.js';
import type { Column } from '../kql/types.js';
import type { LitValue, Plan, Sx } from './plan.js';

export interface ScalarLowering {
  /** Lowers a tabular expression (for toscalar / in (T)). */
  readonly table: (t: Extract<BoundExpr, { kind: 'Subquery' | 'ToScalar' }>['table']) => Plan;
  /** The operator's input columns, for pack_all (absent where the engine doesn't track them). */
  readonly columns?: readonly Column[];
}

export function unsupported(what: string, span: Span): never {
  throw new TranslationError(diagnostic(UNSUPPORTED_CONSTRUCT, { what }, span));
}

function literalValue(e: Extract<BoundExpr, { kind: 'Literal' }>): LitValue {
  const v = e.value;
  if (v === null) return null;
  if (typeof v === 'boolean') return v;
  switch (e.type) {
    case 'int':
    case 'long': {
      const t = v.trim();
      if (/^[+-]?(0x[0-9a-f]+|\d+)$/i.test(t))
        return t.startsWith('-') ? -BigInt(t.slice(1)) : BigInt(t.replace(/^\+/, ''));
      const n = Number(t);
      return Number.isFinite(n) ? BigInt(Math.trunc(n)) : null;
    }
    case 'real': {
      // real(inf), real(+inf), real(-inf): Number() reads those spellings as NaN.
      const t = v.trim().toLowerCase();
      return /^[+-]?inf$/.test(t) ? (t.startsWith('-') ? -Infinity : Infinity) : Number(v);
    }
    case 'timespan':
      return BigInt(v);
    case 'datetime': {
      const ns = parseKustoDatetime(v);
      if (ns === null) unsupported(`datetime literal '${v}' in this format`, e.span);
      return ns;
    }
    case 'bool':
      return v === 'true';
    default:
      return v;
  }
}

/** Peels lets and user-function bodies so constant detection sees through `let w = 2m;`. */
export function peel(e: BoundExpr): BoundExpr {
  let x = e;
  for (;;) {
    if (x.kind === 'LetScalar') x = x.value;
    else if (x.kind === 'UdfCall') x = x.body;
    else return x;
  }
}

/**
 * pack_all([ignore]) packs the input columns in order: `pack_all(ignore, name1, col1, ...)`
 * for its template. bag_pack_columns(c1, c2) is bag_pack("c1", c1, "c2", c2).
 */
function packColumns(e: Extract<BoundExpr, { kind: 'Call' }>, ctx: ScalarLowering): Sx {
  const pairs = (cols: readonly { name: string; type: Column['type'] }[]): Sx[] =>
    cols.flatMap((c): Sx[] => [
      { k: 'lit', type: 'string', value: c.name },
      { k: 'col', name: c.name, type: c.type },
    ]);
  if (e.name === 'bag_pack_columns') {
    const cols = e.args.map((a) => (a.kind === 'Column' && a.side === undefined ? a : null));
    if (cols.some((c) => c === null)) unsupported('bag_pack_columns of an expression that is not a column', e.span);
    return { k: 'fn', name: 'bag_pack', args: pairs(cols.filter((c) => c !== null)), type: e.type, span: e.span };
  }
  if (ctx.columns === undefined) return unsupported('pack_all in this operator', e.span);
  const flag = e.args[0];
  const ignore: Sx = flag === undefined ? { k: 'lit', type: 'bool', value: false } : lowerScalar(flag, ctx);
  return { k: 'fn', name: 'pack_all', args: [ignore, ...pairs(ctx.columns)], type: e.type, span: e.span };
}

export function lowerScalar(e: BoundExpr, ctx: ScalarLowering): Sx {
  const low = (x: BoundExpr) => lowerScalar(x, ctx);
  switch (e.kind) {
    case 'Literal':
      return { k: 'lit', type: e.type, value: literalValue(e) };
    case 'DynamicLiteral':
      return { k: 'lit', type: 'dynamic', value: JSON.stringify(e.value) };
    case 'Column':
      return e.side === undefined
        ? { k: 'col', name: e.name, type: e.type }
        : { k: 'side', side: e.side, name: e.name, type: e.type };
    case 'LetScalar':
      return low(e.value);
    case 'UdfCall':
      return low(e.body);
    case 'Call':
      if (e.name === 'toscalar') {
        const a = e.args[0];
        if (a !== undefined && (a.kind === 'Subquery' || a.kind === 'ToScalar'))
          return { k: 'scalarq', plan: ctx.table(a.table), type: e.type };
      }
      if (e.name === 'pack_all' || e.name === 'bag_pack_columns') return packColumns(e, ctx);
      if (e.name === 'estimate_data_size' && e.args.some((a) => a.kind === 'Star')) {
        if (ctx.columns === undefined) return unsupported('estimate_data_size(*) in this operator', e.span);
        const cols = ctx.columns.map((c): Sx => ({ k: 'col', name: c.name, type: c.type }));
        return { k: 'fn', name: e.name, args: cols, type: e.type, span: e.span };
      }
      // The binder knows T's schema: its column names are a constant.
      if (e.name === 'column_names_of') {
        const a = e.args[0];
        if (a !== undefined && (a.kind === 'Subquery' || a.kind === 'ToScalar'))
          return { k: 'lit', type: 'dynamic', value: JSON.stringify(a.table.schema.columns.map((c) => c.name)) };
      }
      return {
        k: 'fn',
        name: e.name,
        args: e.args.map(low),
        type: e.type,
        span: e.span,
        ...(e.spec.kind === 'aggregate' ? { agg: true as const } : {}),
      };
    case 'Unary':
      return e.op === '+' ? low(e.operand) : { k: 'op', op: 'neg', args: [low(e.operand)], type: e.type, span: e.span };
    case 'Binary':
      return { k: 'op', op: e.op, args: [low(e.left), low(e.right)], type: e.type, span: e.span };
    case 'Convert':
      return { k: 'op', op: 'cast', args: [low(e.operand)], type: e.type, span: e.span };
    case 'In': {
      const sub = e.items.find((i) => i.kind === 'Subquery');
      if (sub !== undefined && sub.kind === 'Subquery') {
        if (e.items.length !== 1 || e.op.startsWith('has'))
          unsupported(`'${e.op}' mixing a subquery with other values`, e.span);
        return { k: 'inq', op: e.op, left: low(e.left), plan: ctx.table(sub.table), type: 'bool' };
      }
      return { k: 'op', op: e.op, args: [low(e.left), ...e.items.map(low)], type: 'bool', span: e.span };
    }
    case 'Between':
      return {
        k: 'op',
        op: e.negated ? '!between' : 'between',
        args: [low(e.left), low(e.low), low(e.high)],
        type: 'bool',
        span: e.span,
      };
    case 'Index': {
      const steps: Sx[] = [];
      let t: BoundExpr = e;
      while (t.kind === 'Index') {
        steps.unshift(low(t.index));
        t = t.target;
      }
      return { k: 'path', target: low(t), steps, type: e.type };
    }
    case 'Subquery':
      return unsupported('a tabular expression used as a scalar', e.span);
    case 'ToScalar':
      return { k: 'scalarq', plan: ctx.table(e.table), type: e.type };
    case 'Star':
      return { k: 'star', type: e.type };
    case 'Error':
      return unsupported('an expression that failed to bind', e.span);
  }
}
