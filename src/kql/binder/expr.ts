// Scalar expressions: names, literals, operators, member access. Calls live in calls.ts,
// tabular values in tabular.ts; `bindValue` is the one entry that may yield either.
import type { Expr, NameRef } from '../ast.js';
import type { BoundExpr, BoundTable } from '../bound.js';
import type { ScalarType } from '../types.js';
import { isNumeric } from '../types.js';
import * as codes from '../diagnostics/binding-codes.js';
import { didYouMean } from '../suggest.js';
import { findColumn, type Binder, type Env, type RowScope } from './scope.js';
import { arithmeticType, comparable } from './typing.js';
import { bindCall } from './calls.js';
import { bindTable, tableFromName } from './tabular.js';
import { bindPatternInvocation, patternInvocation } from './patterns.js';

export type Value =
  { readonly kind: 'scalar'; readonly expr: BoundExpr } | { readonly kind: 'table'; readonly table: BoundTable };

export function errorExpr(e: Expr): BoundExpr {
  return { kind: 'Error', type: 'unknown', span: e.span };
}

/** Binds an expression that must be scalar. */
export function bindScalar(b: Binder, e: Expr, rs: RowScope, env: Env): BoundExpr {
  const v = bindValue(b, e, rs, env);
  if (v.kind === 'scalar') return v.expr;
  b.report(codes.SCALAR_EXPECTED, {}, e.span);
  return errorExpr(e);
}

/** Binds an expression that may be scalar or tabular (NameRef, Call and Pipeline can be either). */
export function bindValue(b: Binder, e: Expr, rs: RowScope, env: Env): Value {
  const inv = patternInvocation(e, env);
  if (inv !== null) return bindPatternInvocation(b, inv, env);
  switch (e.kind) {
    case 'NameRef':
      return bindName(b, e, rs, env);
    case 'Call':
      return bindCall(b, e, rs, env);
    case 'Pipeline':
    case 'Datatable':
    case 'ExternalData':
      return { kind: 'table', table: bindTable(b, e, env, null) };
    case 'Paren':
      return bindValue(b, e.expr, rs, env);
    default:
      return { kind: 'scalar', expr: bindScalarNode(b, e, rs, env) };
  }
}

function bindName(b: Binder, e: NameRef, rs: RowScope, env: Env): Value {
  const name = e.name.name;
  // Columns shadow lets, as in Kusto.
  const col = findColumn(rs.columns, name);
  if (col !== undefined) return { kind: 'scalar', expr: { kind: 'Column', name, type: col.type, span: e.span } };
  const sym = env.lookup(name);
  if (sym !== undefined) {
    if (sym.kind === 'scalar')
      return {
        kind: 'scalar',
        expr: { kind: 'LetScalar', name, value: sym.value, type: sym.value.type, span: e.span },
      };
    if (sym.kind === 'table') return { kind: 'table', table: sym.table };
    if (sym.kind === 'pattern')
      return bindPatternInvocation(
        b,
        { call: { kind: 'Call', callee: e.name, args: [], span: e.span }, path: null, pathExpr: null },
        env,
      );
    // A function name without an argument list: Kusto calls it with no arguments.
    return bindCall(b, { kind: 'Call', callee: e.name, args: [], span: e.span }, rs, env);
  }
  const t = tableFromName(b, name, e.span);
  if (t !== null) return { kind: 'table', table: t };
  const candidates = [...rs.columns.map((c) => c.name), ...env.names(), ...b.tables.keys()];
  b.report(
    codes.UNKNOWN_NAME,
    { name, entity: 'column, table, variable or function' },
    e.span,
    didYouMean(name, candidates),
  );
  return { kind: 'scalar', expr: errorExpr(e) };
}

function bindScalarNode(b: Binder, e: Expr, rs: RowScope, env: Env): BoundExpr {
  switch (e.kind) {
    case 'Literal':
      return { kind: 'Literal', type: e.type, value: e.value, span: e.span };
    case 'DynamicLiteral':
      return { kind: 'DynamicLiteral', type: 'dynamic', value: e.value, span: e.span };
    case 'JoinSideRef': {
      const cols = e.side === 'left' ? rs.left : rs.right;
      if (cols === undefined) {
        b.report(codes.JOIN_CONDITION, {}, e.span);
        return errorExpr(e);
      }
      const c = findColumn(cols, e.name.name);
      if (c === undefined) {
        b.report(
          codes.UNKNOWN_NAME,
          { name: e.name.name, entity: 'column' },
          e.name.span,
          didYouMean(
            e.name.name,
            cols.map((x) => x.name),
          ),
        );
        return errorExpr(e);
      }
      return { kind: 'Column', name: c.name, type: c.type, side: e.side, span: e.span };
    }
    case 'MemberAccess': {
      const target = bindScalar(b, e.target, rs, env);
      const index: BoundExpr = { kind: 'Literal', type: 'string', value: e.member.name, span: e.member.span };
      if (target.type !== 'dynamic' && target.type !== 'unknown') {
        b.report(codes.TYPE_EXPECTED, { types: 'dynamic' }, e.target.span);
        return { kind: 'Index', target, index, member: true, type: 'unknown', span: e.span };
      }
      return {
        kind: 'Index',
        target,
        index,
        member: true,
        type: target.type === 'unknown' ? 'unknown' : 'dynamic',
        span: e.span,
      };
    }
    case 'IndexAccess': {
      const target = bindScalar(b, e.target, rs, env);
      const index = bindScalar(b, e.index, rs, env);
      return {
        kind: 'Index',
        target,
        index,
        member: false,
        type: target.type === 'unknown' ? 'unknown' : 'dynamic',
        span: e.span,
      };
    }
    case 'Unary': {
      const operand = bindScalar(b, e.operand, rs, env);
      const t = operand.type;
      if (!(isNumeric(t) || t === 'timespan' || t === 'dynamic' || t === 'unknown')) {
        b.report(codes.OPERATOR_TYPES, { op: e.op, types: t }, e.span);
      }
      return { kind: 'Unary', op: e.op, operand, type: t, span: e.span };
    }
    case 'Binary':
      return bindBinary(b, e, rs, env);
    case 'InExpr': {
      const left = bindScalar(b, e.left, rs, env);
      const items = e.values.map((v): BoundExpr => {
        const bv = bindValue(b, v, rs, env);
        if (bv.kind === 'scalar') return bv.expr;
        const cols = bv.table.schema.columns;
        if (cols.length !== 1 && cols.length !== 0) b.report(codes.ONE_COLUMN_EXPECTED, {}, v.span);
        return { kind: 'Subquery', table: bv.table, type: cols[0]?.type ?? 'unknown', span: v.span };
      });
      return { kind: 'In', op: e.op, left, items, type: 'bool', span: e.span };
    }
    case 'BetweenExpr': {
      const left = bindScalar(b, e.left, rs, env);
      const low = bindScalar(b, e.low, rs, env);
      const high = bindScalar(b, e.high, rs, env);
      return { kind: 'Between', negated: e.negated, left, low, high, type: 'bool', span: e.span };
    }
    case 'Star':
      return { kind: 'Star', type: 'unknown', span: e.span };
    case 'NamedArg':
      return bindScalar(b, e.value, rs, env);
    default:
      b.report(codes.SCALAR_EXPECTED, {}, e.span);
      return errorExpr(e);
  }
}

const COMPARISONS = new Set(['==', '!=', '<>', '<', '<=', '>', '>=']);

function bindBinary(b: Binder, e: Extract<Expr, { kind: 'Binary' }>, rs: RowScope, env: Env): BoundExpr {
  let left = bindScalar(b, e.left, rs, env);
  let right = bindScalar(b, e.right, rs, env);
  const op = e.op === '<>' ? '!=' : e.op;
  const lt = left.type;
  const rt = right.type;
  let type: ScalarType = 'bool';
  if (op === 'and' || op === 'or') {
    for (const [x, src] of [
      [left, e.left],
      [right, e.right],
    ] as const) {
      if (x.type !== 'bool' && x.type !== 'unknown' && x.type !== 'dynamic')
        b.report(codes.TYPE_EXPECTED, { types: 'bool' }, src.span);
    }
  } else if (op === '+' || op === '-' || op === '*' || op === '/' || op === '%') {
    const t = arithmeticType(op, lt, rt);
    if (t === null) {
      b.report(codes.OPERATOR_TYPES, { op, types: `${lt} and ${rt}` }, e.span);
      type = 'unknown';
    } else type = t;
  } else if (COMPARISONS.has(op)) {
    if (!comparable(op, lt, rt)) b.report(codes.OPERATOR_TYPES, { op, types: `${lt} and ${rt}` }, e.span);
    else if (isNumeric(lt) && rt === 'string' && right.kind === 'Literal')
      right = { kind: 'Convert', operand: right, type: lt, span: right.span };
    else if (isNumeric(rt) && lt === 'string' && left.kind === 'Literal')
      left = { kind: 'Convert', operand: left, type: rt, span: left.span };
  }
  // String operators (has, contains, =~ ...) accept any scalar: Kusto converts to string.
  return { kind: 'Binary', op, left, right, type, span: e.span };
}
