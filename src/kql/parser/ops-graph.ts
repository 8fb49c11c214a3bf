// Graph operators (make-graph, graph-match, graph-shortest-paths, graph-to-table,
// graph-mark-components) and project-by-names.
//
// Graph patterns have a grammar of their own ((a)-[e*1..3]->(b)) that the official parser
// checks only loosely. We parse the forms the documentation uses; anything else falls back
// to the token-text `Unmodeled` node, so the accept/reject decision stays the balanced-bracket
// rule it was before (see docs/known-differences/syntax.md).
import type {
  Expr,
  GraphEdgePattern,
  GraphMatchOp,
  GraphNodePattern,
  GraphPath,
  GraphToTableOp,
  Ident,
  MakeGraphOp,
  NamedExpr,
  OpParam,
  Operator,
  ProjectByNamesOp,
} from '../ast.js';
import type { Parser } from './core.js';
import { parseExpr, parseUnaryExpr } from './expressions.js';
import { parseName } from './literals.js';
import { parseNamedExprList, parseOpParam, parseOpParams } from './common.js';
import { parseSubquery, parseUnmodeled } from './ops-misc.js';

const ENDS = new Set(['|', ';', ')', '}', ']']);

/** Runs the structured parser; on any error, rewinds and keeps the operator as token text. */
function orUnmodeled(p: Parser, start: number, name: string, parse: () => Operator): Operator {
  const mark = p.mark();
  const op = parse();
  const t = p.tok;
  if (!p.failedSince(mark) && (t.kind === 'eof' || (t.kind === 'punct' && ENDS.has(t.text)))) return op;
  p.reset(mark);
  return parseUnmodeled(p, start, name);
}

const GRAPH_PARAMS: Record<string, ReadonlySet<string>> = {
  'make-graph': new Set(['with_node_id']),
  'graph-match': new Set(['cycles', 'output']),
  'graph-shortest-paths': new Set(['output', 'cycles']),
  'graph-mark-components': new Set(['kind', 'with_component_id']),
  'graph-to-table': new Set(['with_node_id', 'with_source_id', 'with_target_id']),
};

function params(p: Parser, op: string): OpParam[] {
  return parseOpParams(p, GRAPH_PARAMS[op] ?? new Set());
}

function atHyphenated(p: Parser, a: string, b: string): boolean {
  return p.at(a) && p.atAt(1, '-') && p.atAt(2, b);
}

export function parseMakeGraph(p: Parser, start: number): Operator {
  return orUnmodeled(p, start, 'make-graph', (): MakeGraphOp => {
    const source = parseName(p, 'source node id column');
    p.expect('-');
    p.expect('-');
    const directed = p.eat('>') !== null;
    const target = parseName(p, 'target node id column');
    const nodes: { table: Expr; key: Ident; span: { start: number; end: number } }[] = [];
    if (p.eat('with')) {
      do {
        const s = p.tok.start;
        const table = parseUnaryExpr(p);
        p.expect('on');
        const key = parseName(p, 'node id column');
        nodes.push({ table, key, span: p.span(s) });
      } while (p.eat(','));
    }
    const ps = params(p, 'make-graph');
    let partitionedBy: MakeGraphOp['partitionedBy'] = null;
    if (atHyphenated(p, 'partitioned', 'by')) {
      p.next();
      p.next();
      p.next();
      const column = parseName(p, 'partition column');
      partitionedBy = { column, body: parseSubquery(p) };
    }
    return { kind: 'MakeGraph', source, target, directed, nodes, params: ps, partitionedBy, span: p.span(start) };
  });
}

function parseNodePattern(p: Parser): GraphNodePattern {
  const s = p.tok.start;
  p.expect('(');
  const name = p.atWord() ? parseName(p, 'node variable') : null;
  p.expect(')');
  return { kind: 'GraphNode', name, span: p.span(s) };
}

function parseEdgePattern(p: Parser): GraphEdgePattern {
  const s = p.tok.start;
  const left = p.eat('<') !== null;
  p.expect('-');
  let name: Ident | null = null;
  let range: GraphEdgePattern['range'] = null;
  const bracketed = p.eat('[') !== null;
  if (bracketed) {
    if (p.atWord()) name = parseName(p, 'edge variable');
    if (p.eat('*')) {
      const min = parseUnaryExpr(p);
      const max = p.eat('..') !== null ? parseUnaryExpr(p) : null;
      range = { min, max };
    }
    p.expect(']');
  }
  p.expect('-');
  const right = !left && p.eat('>') !== null;
  const direction = left ? '<-' : right ? '->' : '--';
  return { kind: 'GraphEdge', name, direction, range, bracketed, span: p.span(s) };
}

function parsePath(p: Parser): GraphPath {
  const s = p.tok.start;
  const elements: (GraphNodePattern | GraphEdgePattern)[] = [parseNodePattern(p)];
  while (p.at('-') || (p.at('<') && p.atAt(1, '-'))) {
    elements.push(parseEdgePattern(p));
    elements.push(parseNodePattern(p));
  }
  return { kind: 'GraphPath', elements, span: p.span(s) };
}

export function parseGraphMatch(p: Parser, start: number, shortestPaths: boolean): Operator {
  const name = shortestPaths ? 'graph-shortest-paths' : 'graph-match';
  return orUnmodeled(p, start, name, (): GraphMatchOp => {
    const ps = params(p, name);
    const patterns: GraphPath[] = [];
    do patterns.push(parsePath(p));
    while (p.eat(','));
    const where = p.eat('where') !== null ? parseExpr(p) : null;
    let project: NamedExpr[] | null = null;
    if (p.eat('project')) project = parseNamedExprList(p);
    return { kind: 'GraphMatch', shortestPaths, params: ps, patterns, where, project, span: p.span(start) };
  });
}

export function parseGraphToTable(p: Parser, start: number): Operator {
  return orUnmodeled(p, start, 'graph-to-table', (): GraphToTableOp => {
    const outputs: GraphToTableOp['outputs'][number][] = [];
    do {
      const s = p.tok.start;
      const what = p.at('edges') ? 'edges' : 'nodes';
      p.expect(what);
      const ps: OpParam[] = params(p, 'graph-to-table');
      let as: Ident | null = null;
      if (p.eat('as')) as = parseName(p, 'table name');
      ps.push(...params(p, 'graph-to-table'));
      outputs.push({ what, as, params: ps, span: p.span(s) });
    } while (p.eat(','));
    return { kind: 'GraphToTable', outputs, span: p.span(start) };
  });
}

export function parseGraphMarkComponents(p: Parser, start: number): Operator {
  return orUnmodeled(p, start, 'graph-mark-components', () => {
    const ps: OpParam[] = [];
    while (p.atWord() && p.atAt(1, '=')) ps.push(parseOpParam(p));
    return { kind: 'GraphMarkComponents', params: ps, span: p.span(start) };
  });
}

export function parseProjectByNames(p: Parser, start: number): Operator {
  return orUnmodeled(p, start, 'project-by-names', (): ProjectByNamesOp => {
    const items: Expr[] = [];
    do items.push(parseExpr(p));
    while (p.eat(','));
    return { kind: 'ProjectByNames', items, span: p.span(start) };
  });
}
