// The syntax tree's operators that run sub-pipelines or state machines over their input (scan,
// partition, fork, facet); re-exported by ast-operators.ts and ast.ts: import from there.
import type { Expr, Ident, Param, Span } from './ast.js';
import type { NamedExpr, OpParam } from './ast-operators.js';

export interface ScanStep {
  readonly kind: 'ScanStep';
  readonly name: Ident;
  readonly output: 'all' | 'last' | 'none' | null;
  readonly condition: Expr;
  readonly assignments: readonly NamedExpr[];
  readonly span: Span;
}
export interface ScanOp {
  readonly kind: 'Scan';
  readonly params: readonly OpParam[];
  readonly matchId: Ident | null;
  readonly declare: readonly Param[];
  readonly steps: readonly ScanStep[];
  readonly span: Span;
}
export interface PartitionOp {
  readonly kind: 'Partition';
  readonly params: readonly OpParam[];
  readonly by: Ident;
  /** A Pipeline with a null source (each partition feeds it), or a `{ }` legacy body. */
  readonly body: Expr;
  readonly span: Span;
}
export interface ForkOp {
  readonly kind: 'Fork';
  readonly branches: readonly { readonly name: Ident | null; readonly body: Expr; readonly span: Span }[];
  readonly span: Span;
}
export interface FacetOp {
  readonly kind: 'Facet';
  readonly columns: readonly Ident[];
  readonly with: Expr | null;
  readonly span: Span;
}
