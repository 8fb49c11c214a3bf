// Printing of the graph operators and project-by-names (see parser/ops-graph.ts).
import type { GraphEdgePattern, GraphPath, Operator } from '../ast.js';
import { printExpr, printIdent } from './expr.js';
import { printNamed, printSub } from './ops.js';

type GraphOperator = Extract<
  Operator,
  { kind: 'ProjectByNames' | 'MakeGraph' | 'GraphMatch' | 'GraphToTable' | 'GraphMarkComponents' }
>;

function edge(x: GraphEdgePattern, indent: string): string {
  const range =
    x.range === null
      ? ''
      : `*${printExpr(x.range.min, 8, indent)}${x.range.max === null ? '' : `..${printExpr(x.range.max, 8, indent)}`}`;
  const inner = x.bracketed ? `[${x.name === null ? '' : printIdent(x.name)}${range}]` : '';
  if (x.direction === '<-') return `<-${inner}-`;
  return x.direction === '->' ? `-${inner}->` : `-${inner}-`;
}

function path(p: GraphPath, indent: string): string {
  return p.elements
    .map((el) => (el.kind === 'GraphNode' ? `(${el.name === null ? '' : printIdent(el.name)})` : edge(el, indent)))
    .join('');
}

function ps(
  params: readonly { readonly name: string; readonly value: Parameters<typeof printExpr>[0] }[],
  indent: string,
): string {
  return params.map((p) => ` ${p.name}=${printExpr(p.value, 8, indent)}`).join('');
}

export function printGraphOperator(op: GraphOperator, indent: string): string {
  switch (op.kind) {
    case 'ProjectByNames':
      return `project-by-names ${op.items.map((x) => printExpr(x, 1, indent)).join(', ')}`;
    case 'MakeGraph': {
      const nodes =
        op.nodes.length === 0
          ? ''
          : ` with ${op.nodes.map((n) => `${printExpr(n.table, 8, indent)} on ${printIdent(n.key)}`).join(', ')}`;
      const part =
        op.partitionedBy === null
          ? ''
          : ` partitioned-by ${printIdent(op.partitionedBy.column)} ${printSub(op.partitionedBy.body, indent)}`;
      return `make-graph ${printIdent(op.source)} ${op.directed ? '-->' : '--'} ${printIdent(op.target)}${nodes}${ps(op.params, indent)}${part}`;
    }
    case 'GraphMatch': {
      const name = op.shortestPaths ? 'graph-shortest-paths' : 'graph-match';
      const where = op.where === null ? '' : `\n${indent}where ${printExpr(op.where, 1, indent)}`;
      const project =
        op.project === null ? '' : `\n${indent}project ${op.project.map((n) => printNamed(n, indent)).join(', ')}`;
      return `${name}${ps(op.params, indent)} ${op.patterns.map((p) => path(p, indent)).join(', ')}${where}${project}`;
    }
    case 'GraphToTable':
      return `graph-to-table ${op.outputs
        .map((o) => `${o.what}${o.as === null ? '' : ` as ${printIdent(o.as)}`}${ps(o.params, indent)}`)
        .join(', ')}`;
    case 'GraphMarkComponents':
      return `graph-mark-components${ps(op.params, indent)}`;
  }
}
