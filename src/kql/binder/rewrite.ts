// Inlining of sibling columns: in `extend a = x + 1, b = a * 2` the binder rewrites `b`
// to `(x + 1) * 2`, so every bound column expression refers only to input columns.
import type { BoundExpr } from '../bound.js';

export function substituteColumns(e: BoundExpr, defs: ReadonlyMap<string, BoundExpr>): BoundExpr {
  if (defs.size === 0) return e;
  const go = (x: BoundExpr): BoundExpr => substituteColumns(x, defs);
  switch (e.kind) {
    case 'Column':
      return e.side === undefined ? (defs.get(e.name) ?? e) : e;
    case 'LetScalar':
    case 'Literal':
    case 'DynamicLiteral':
    case 'Subquery':
    case 'ToScalar':
    case 'Star':
    case 'Error':
      return e;
    case 'Call':
      return { ...e, args: e.args.map(go) };
    case 'UdfCall':
      return { ...e, args: e.args.map(go), body: go(e.body) };
    case 'Unary':
      return { ...e, operand: go(e.operand) };
    case 'Binary':
      return { ...e, left: go(e.left), right: go(e.right) };
    case 'Convert':
      return { ...e, operand: go(e.operand) };
    case 'In':
      return { ...e, left: go(e.left), items: e.items.map(go) };
    case 'Between':
      return { ...e, left: go(e.left), low: go(e.low), high: go(e.high) };
    case 'Index':
      return { ...e, target: go(e.target), index: go(e.index) };
  }
}

/** Does the expression contain an aggregate call (outside nested subqueries)? */
export function containsAggregate(e: BoundExpr): boolean {
  switch (e.kind) {
    case 'Call':
      return e.spec.kind === 'aggregate' || e.args.some(containsAggregate);
    case 'UdfCall':
      return e.args.some(containsAggregate) || containsAggregate(e.body);
    case 'Unary':
    case 'Convert':
      return containsAggregate(e.operand);
    case 'Binary':
      return containsAggregate(e.left) || containsAggregate(e.right);
    case 'In':
      return containsAggregate(e.left) || e.items.some(containsAggregate);
    case 'Between':
      return containsAggregate(e.left) || containsAggregate(e.low) || containsAggregate(e.high);
    case 'Index':
      return containsAggregate(e.target) || containsAggregate(e.index);
    default:
      return false;
  }
}
