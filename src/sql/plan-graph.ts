// Plan nodes for graph operators: the graph (edges, nodes, partition) and the pattern to
// match, with the derived columns of each match. The dialect enumerates paths (a join
// per fixed edge, a recursive CTE per variable-length edge) and computes the derived
// columns; where/project run over them as ordinary scalar expressions.
import type { BoundGraphStep, GraphElementList, GraphOf } from '../kql/bound-graph.js';
import type { Column, ScalarType } from '../kql/types.js';
import type { Plan, Sx } from './plan.js';

export type GraphPlan = GraphOf<Plan>;

export type GraphDerivedPlan =
  | { readonly k: 'prop'; readonly variable: string; readonly prop: string }
  | { readonly k: 'id'; readonly variable: string }
  | { readonly k: 'degree'; readonly variable: string; readonly dir: 'in' | 'out' }
  /** `body` is over one element's fields (edge or node properties, `__id`, `__din`, `__dout`). */
  | { readonly k: 'list'; readonly fn: 'map' | 'all' | 'any'; readonly list: GraphElementList; readonly body: Sx };

export type GraphPlanNode =
  | {
      readonly kind: 'GraphMatch';
      readonly graph: GraphPlan;
      readonly paths: readonly (readonly BoundGraphStep[])[];
      readonly same: readonly (readonly [string, string])[];
      readonly cycles: 'all' | 'none' | 'unique_edges';
      readonly shortest: 'any' | 'all' | null;
      readonly derived: readonly { readonly name: string; readonly type: ScalarType; readonly def: GraphDerivedPlan }[];
      readonly where: Sx | null;
      /** At most this many matches per partition (a take inside `partitioned-by`). */
      readonly limitPerPartition: Sx | null;
      /** The derived columns. */
      readonly columns: readonly Column[];
    }
  | {
      readonly kind: 'GraphTable';
      readonly graph: GraphPlan;
      readonly what: 'nodes' | 'edges';
      readonly ids: readonly { readonly name: string; readonly of: 'node' | 'source' | 'target' }[];
      readonly columns: readonly Column[];
    };

export function graphInputs(g: GraphPlan): Plan[] {
  return [g.edges, ...g.nodes.map((n) => n.input)];
}

export function graphPlanText(p: GraphPlanNode): string {
  if (p.kind === 'GraphTable') return `GraphTable ${p.what}`;
  const pattern = p.paths
    .map((path) =>
      path
        .map((s) =>
          s.kind === 'node' ? `(${s.name})` : `-[${s.name}${s.multi ? `*${s.min}..${s.max}` : ''}]${s.direction}`,
        )
        .join(''),
    )
    .join(', ');
  const limit = p.limitPerPartition === null ? '' : ' limit-per-partition';
  return `GraphMatch ${pattern} cycles=${p.cycles}${p.shortest === null ? '' : ` shortest=${p.shortest}`}${limit}`;
}
