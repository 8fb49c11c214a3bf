// The syntax tree's graph operators (make-graph, graph-match, graph-to-table, ...); re-exported
// by ast-operators.ts and ast.ts: import from there.
import type { Expr, Ident, Span } from './ast.js';
import type { NamedExpr, OpParam } from './ast-operators.js';

/** `(name)` in a graph pattern; the name may be omitted: `()`. */
export interface GraphNodePattern {
  readonly kind: 'GraphNode';
  readonly name: Ident | null;
  readonly span: Span;
}
/**
 * An edge in a graph pattern: `-[e]->`, `<-[e]-`, `-[e]-`, `-->`, `<--`, `--`.
 * `range` is the variable-length quantifier `*min..max` (or `*n`, max null).
 */
export interface GraphEdgePattern {
  readonly kind: 'GraphEdge';
  readonly name: Ident | null;
  readonly direction: '->' | '<-' | '--';
  readonly range: { readonly min: Expr; readonly max: Expr | null } | null;
  /** Written with `[...]` (always true when named or ranged). */
  readonly bracketed: boolean;
  readonly span: Span;
}
/** One path: node (edge node)*. */
export interface GraphPath {
  readonly kind: 'GraphPath';
  readonly elements: readonly (GraphNodePattern | GraphEdgePattern)[];
  readonly span: Span;
}
/** `make-graph Src --> Dst [with T on Key, ...] [with_node_id=Name] [partitioned-by Col (subquery)]`. */
export interface MakeGraphOp {
  readonly kind: 'MakeGraph';
  readonly source: Ident;
  readonly target: Ident;
  /** `-->` (true) or `--` (false). */
  readonly directed: boolean;
  readonly nodes: readonly { readonly table: Expr; readonly key: Ident; readonly span: Span }[];
  /** `with_node_id=Name` (and any further `name=value` parameters). */
  readonly params: readonly OpParam[];
  readonly partitionedBy: { readonly column: Ident; readonly body: Expr } | null;
  readonly span: Span;
}
/** `graph-match` / `graph-shortest-paths [params] pattern, ... [where pred] project items`. */
export interface GraphMatchOp {
  readonly kind: 'GraphMatch';
  readonly shortestPaths: boolean;
  readonly params: readonly OpParam[];
  readonly patterns: readonly GraphPath[];
  readonly where: Expr | null;
  /** Null when the project clause is absent. */
  readonly project: readonly NamedExpr[] | null;
  readonly span: Span;
}
/** `graph-to-table nodes [as N] [with_node_id=X] [, edges [as E] [with_source_id=S] [with_target_id=T]]`. */
export interface GraphToTableOp {
  readonly kind: 'GraphToTable';
  readonly outputs: readonly {
    readonly what: 'nodes' | 'edges';
    readonly as: Ident | null;
    readonly params: readonly OpParam[];
    readonly span: Span;
  }[];
  readonly span: Span;
}
/** `graph-mark-components [kind=weak|strong] [with_component_id=Name]`. */
export interface GraphMarkComponentsOp {
  readonly kind: 'GraphMarkComponents';
  readonly params: readonly OpParam[];
  readonly span: Span;
}
