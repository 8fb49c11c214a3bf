// The syntax tree's operators that produce rows without a piped input (`print`, `range`) or
// scan many tables at once (`search`, `find`); split from ast-operators.ts by family.
import type { Expr, Ident, Span } from './ast.js';
import type { NamedExpr, OpParam } from './ast-operators.js';

export interface PrintOp {
  readonly kind: 'Print';
  readonly items: readonly NamedExpr[];
  readonly span: Span;
}
export interface RangeOp {
  readonly kind: 'Range';
  readonly column: Ident;
  readonly from: Expr;
  readonly to: Expr;
  readonly step: Expr;
  readonly span: Span;
}
export interface SearchOp {
  readonly kind: 'Search';
  readonly params: readonly OpParam[];
  /** `in (T1, T2)`; empty when not given. */
  readonly tables: readonly Expr[];
  readonly predicate: Expr;
  readonly span: Span;
}
export interface FindOp {
  readonly kind: 'Find';
  readonly params: readonly OpParam[];
  readonly tables: readonly Expr[];
  readonly predicate: Expr;
  /** `project ...`, `project-smart`, or null. */
  readonly project: readonly NamedExpr[] | 'smart' | null;
  readonly span: Span;
}
