// Bound graph operators (make-graph followed by graph-match, graph-shortest-paths or
// graph-to-table). A graph is not a table: make-graph binds to the `BoundGraph`
// description below, and the operator that consumes it is the tabular node.
//
// Inside graph-match, references to pattern variables (`n.name`, `map(e, x)`,
// `node_degree_in(n)`) are replaced by derived columns of the match row; `derived` says
// how each is computed. Element expressions (the second argument of map/all/any) are
// bound against the properties of one edge or node, plus `__id`, `__din`, `__dout` for
// `node_id()`, `node_degree_in()`, `node_degree_out()`.
import type { BoundColumnDef, BoundExpr, BoundTable } from './bound.js';
import type { Column, ScalarType, TableSchema } from './types.js';
import type { Span } from './ast.js';

/**
 * A graph over inputs of type `T`: bound tables here, plan nodes in the relational plan
 * (src/sql/plan-graph.ts), so both stages describe a graph the same way.
 */
export interface GraphOf<T> {
  readonly edges: T;
  readonly source: string;
  readonly target: string;
  /** `with T on Key` tables; empty with `with_node_id=` or when nodes come from edges only. */
  readonly nodes: readonly { readonly input: T; readonly key: string }[];
  /** `with_node_id=Name`: nodes have one property, their id, under this name. */
  readonly nodeIdName: string | null;
  readonly nodeProps: readonly Column[];
  readonly edgeProps: readonly Column[];
  readonly nodeIdType: ScalarType;
  /** `partitioned-by Col`: one graph per value; matches never cross partitions. */
  readonly partition: string | null;
  /** graph-mark-components (weak): the node property that receives the component number. */
  readonly components: string | null;
}

export type BoundGraph = GraphOf<BoundTable>;

export type BoundGraphStep =
  /** `bound`: the variable already appeared earlier (a later pattern starts from it). */
  | { readonly kind: 'node'; readonly name: string; readonly bound?: boolean }
  | {
      readonly kind: 'edge';
      readonly name: string;
      /** As written, left to right: `->`, `<-` or `--`. */
      readonly direction: '->' | '<-' | '--';
      readonly min: number;
      readonly max: number;
      /** Variable length (`*min..max`): the variable is a list of edges. */
      readonly multi: boolean;
    };

export type GraphElementList = { readonly variable: string; readonly inner: boolean };

export type BoundGraphDerived =
  | { readonly k: 'prop'; readonly variable: string; readonly prop: string }
  | { readonly k: 'id'; readonly variable: string }
  | { readonly k: 'degree'; readonly variable: string; readonly dir: 'in' | 'out' }
  | {
      readonly k: 'list';
      readonly fn: 'map' | 'all' | 'any';
      readonly list: GraphElementList;
      readonly body: BoundExpr;
    };

export interface BoundGraphMatch {
  readonly kind: 'GraphMatch';
  readonly graph: BoundGraph;
  /** One list per comma-separated pattern, each node (edge node)*. */
  readonly paths: readonly (readonly BoundGraphStep[])[];
  /** Pairs of node variables that must be the same node (a variable repeated in a pattern). */
  readonly same: readonly (readonly [string, string])[];
  readonly cycles: 'all' | 'none' | 'unique_edges';
  /** graph-shortest-paths `output=`; null for graph-match. */
  readonly shortest: 'any' | 'all' | null;
  readonly derived: readonly { readonly name: string; readonly type: ScalarType; readonly def: BoundGraphDerived }[];
  /** Over the derived columns. */
  readonly where: BoundExpr | null;
  /** Over the derived columns; the node's schema. */
  readonly project: readonly BoundColumnDef[];
  /** `partitioned-by X (graph-match ... | take N)`: at most N matches per partition. */
  readonly limitPerPartition?: BoundExpr;
  readonly schema: TableSchema;
  readonly span: Span;
}

/** graph-to-table nodes|edges. */
export interface BoundGraphTable {
  readonly kind: 'GraphTable';
  readonly graph: BoundGraph;
  readonly what: 'nodes' | 'edges';
  /** Id columns (with_node_id=, with_source_id=, with_target_id=): Kusto's hash() of the node id. */
  readonly ids: readonly { readonly name: string; readonly of: 'node' | 'source' | 'target' }[];
  readonly schema: TableSchema;
  readonly span: Span;
}
