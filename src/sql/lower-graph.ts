// Bound graph operators -> plan nodes. graph-match becomes a GraphMatch node whose columns
// are the derived placeholders, under a Project for the project clause.
import type { BoundExpr, BoundTable } from '../kql/bound.js';
import type { BoundGraph, BoundGraphMatch, BoundGraphTable } from '../kql/bound-graph.js';
import type { GraphPlan } from './plan-graph.js';
import type { Plan, Sx } from './plan.js';

interface GraphLowering {
  readonly table: (t: BoundTable) => Plan;
  readonly scalar: (e: BoundExpr) => Sx;
}

function graphPlan(g: BoundGraph, lw: GraphLowering): GraphPlan {
  return {
    edges: lw.table(g.edges),
    source: g.source,
    target: g.target,
    nodes: g.nodes.map((n) => ({ input: lw.table(n.input), key: n.key })),
    nodeIdName: g.nodeIdName,
    nodeProps: g.nodeProps,
    edgeProps: g.edgeProps,
    nodeIdType: g.nodeIdType,
    partition: g.partition,
    components: g.components,
  };
}

export function lowerGraphMatch(t: BoundGraphMatch, lw: GraphLowering): Plan {
  const derived = t.derived.map((d) => ({
    name: d.name,
    type: d.type,
    def: d.def.k === 'list' ? { ...d.def, body: lw.scalar(d.def.body) } : d.def,
  }));
  const match: Plan = {
    kind: 'GraphMatch',
    graph: graphPlan(t.graph, lw),
    paths: t.paths,
    same: t.same,
    cycles: t.cycles,
    shortest: t.shortest,
    derived,
    where: t.where === null ? null : lw.scalar(t.where),
    limitPerPartition: t.limitPerPartition === undefined ? null : lw.scalar(t.limitPerPartition),
    columns: derived.map((d) => ({ name: d.name, type: d.type })),
  };
  return {
    kind: 'Project',
    input: match,
    items: t.project.map((p) => ({ name: p.name, expr: lw.scalar(p.expr) })),
    columns: t.schema.columns,
  };
}

export function lowerGraphTable(t: BoundGraphTable, lw: GraphLowering): Plan {
  return { kind: 'GraphTable', graph: graphPlan(t.graph, lw), what: t.what, ids: t.ids, columns: t.schema.columns };
}
