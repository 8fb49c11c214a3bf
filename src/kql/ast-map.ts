// Rebuilds a scalar expression with `f` applied to each direct child: the structural part of
// every expression rewrite (graph patterns, element bodies), so each rewrite only states its
// own cases. Kinds without scalar children are returned as they are.
import type { Expr } from './ast.js';

export function mapChildren(e: Expr, f: (x: Expr) => Expr): Expr {
  switch (e.kind) {
    case 'Call':
      return { ...e, args: e.args.map(f) };
    case 'MemberAccess':
      return { ...e, target: f(e.target) };
    case 'Paren':
      return { ...e, expr: f(e.expr) };
    case 'Unary':
      return { ...e, operand: f(e.operand) };
    case 'Binary':
      return { ...e, left: f(e.left), right: f(e.right) };
    case 'IndexAccess':
      return { ...e, target: f(e.target), index: f(e.index) };
    case 'InExpr':
      return { ...e, left: f(e.left), values: e.values.map(f) };
    case 'BetweenExpr':
      return { ...e, left: f(e.left), low: f(e.low), high: f(e.high) };
    default:
      return e;
  }
}
