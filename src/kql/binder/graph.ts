// Graph operators and project-by-names. make-graph binds to a graph description (not a
// table) that travels beside the bound tree: its Opaque node is registered here, and the
// operators downstream look the graph up from their input node. graph-match,
// graph-shortest-paths and graph-to-table become exact bound nodes where they can
// (graph-match.ts); the rest stay `Opaque` with the schema the official analyser computes.
import type { Expr, GraphMatchOp, Ident, MakeGraphOp, Operator } from '../ast.js';
import type { BoundColumnDef, BoundExpr, BoundTable } from '../bound.js';
import type { BoundGraph } from '../bound-graph.js';
import type { Column, ScalarType } from '../types.js';
import { schemaOf, uniqueName, type Binder, type Env } from './scope.js';
import { bindScalar } from './expr.js';
import { bindTable, tableError } from './tabular.js';
import { patternRegex } from './project.js';
import { resultName, UnnamedNames } from './naming.js';
import { bindGraphMatchExact, paramText } from './graph-match.js';
import { mapChildren } from '../ast-map.js';

interface GraphShape extends BoundGraph {
  /** make-graph with `--`: matched by the analyser, not run by the engine. */
  readonly undirected: boolean;
}

const SHAPES = new WeakMap<BoundTable, GraphShape>();
const NO_GRAPH: GraphShape = {
  edges: { kind: 'TableError', schema: { columns: [] }, span: { start: 0, end: 0 } },
  source: '',
  target: '',
  nodes: [],
  nodeIdName: null,
  nodeProps: [],
  edgeProps: [],
  nodeIdType: 'unknown',
  partition: null,
  components: null,
  undirected: true,
};

function shapeOf(t: BoundTable): GraphShape {
  return SHAPES.get(t) ?? NO_GRAPH;
}

function merge(a: readonly Column[], b: readonly Column[]): Column[] {
  const out = [...a];
  for (const c of b) if (!out.some((x) => x.name === c.name)) out.push(c);
  return out;
}

const paramName = paramText;

type GraphOperator = Extract<
  Operator,
  { kind: 'ProjectByNames' | 'MakeGraph' | 'GraphMatch' | 'GraphToTable' | 'GraphMarkComponents' }
>;

export function bindGraphOperator(b: Binder, op: GraphOperator, input: BoundTable, env: Env): BoundTable {
  switch (op.kind) {
    case 'ProjectByNames':
      return bindProjectByNames(b, op.items, input, env, op.span);
    case 'MakeGraph':
      return bindMakeGraph(b, op, input, env);
    case 'GraphMarkComponents': {
      const g = shapeOf(input);
      const id = paramName(op.params, 'with_component_id') ?? 'ComponentId';
      const kind = paramName(op.params, 'kind') ?? 'weak';
      const out: BoundTable = {
        kind: 'Opaque',
        op: 'graph-mark-components',
        input,
        schema: schemaOf([]),
        span: op.span,
      };
      // Strong components, or marking twice, are not run by the engine.
      const exact = SHAPES.has(input) && kind === 'weak' && g.components === null;
      SHAPES.set(out, {
        ...g,
        nodeProps: merge(g.nodeProps, [{ name: id, type: 'long' }]),
        components: id,
        undirected: g.undirected || !exact,
      });
      return out;
    }
    case 'GraphToTable': {
      const g = shapeOf(input);
      const results = op.outputs.map((o) => {
        const idParams =
          o.what === 'nodes'
            ? [{ p: 'with_node_id', of: 'node' as const }]
            : [
                { p: 'with_source_id', of: 'source' as const },
                { p: 'with_target_id', of: 'target' as const },
              ];
        const ids = idParams.flatMap(({ p, of }) => {
          const n = paramName(o.params, p);
          return n === null ? [] : [{ name: n, of }];
        });
        const cols = merge(
          ids.map((i) => ({ name: i.name, type: 'long' as const })),
          o.what === 'nodes' ? g.nodeProps : g.edgeProps,
        );
        // Kusto's node ids are hash() of string node ids; other id types are not reproduced.
        const exact = SHAPES.has(input) && !g.undirected && (ids.length === 0 || g.nodeIdType === 'string');
        const t: BoundTable = exact
          ? { kind: 'GraphTable', graph: g, what: o.what, ids, schema: schemaOf(cols), span: o.span }
          : { kind: 'Opaque', op: `graph-to-table ${o.what}`, input, schema: schemaOf(cols), span: o.span };
        if (o.as !== null) env.define({ kind: 'table', name: o.as.name, table: t });
        return t;
      });
      return results[0] ?? tableError(op.span);
    }
    case 'GraphMatch':
      return bindGraphMatch(b, op, input, env);
  }
}

function bindMakeGraph(b: Binder, op: MakeGraphOp, input: BoundTable, env: Env): BoundTable {
  const edges = input.schema.columns;
  const src = edges.find((c) => c.name === op.source.name);
  for (const id of [op.source, op.target]) checkColumn(b, id, edges, env);
  let nodes: Column[] = [];
  const nodeTables: { input: BoundTable; key: string }[] = [];
  for (const n of op.nodes) {
    const table = bindTable(b, n.table, env, null);
    nodeTables.push({ input: table, key: n.key.name });
    nodes = merge(nodes, table.schema.columns);
  }
  const nodeIdName = paramName(op.params, 'with_node_id');
  if (nodeIdName !== null) nodes = merge([{ name: nodeIdName, type: src?.type ?? 'unknown' }], nodes);
  const graph: BoundTable = { kind: 'Opaque', op: 'make-graph', input, schema: schemaOf([]), span: op.span };
  const shape: GraphShape = {
    edges: input,
    source: op.source.name,
    target: op.target.name,
    nodes: nodeTables,
    nodeIdName,
    nodeProps: nodes,
    edgeProps: edges,
    nodeIdType: src?.type ?? 'unknown',
    partition: null,
    components: null,
    undirected: !op.directed,
  };
  SHAPES.set(graph, shape);
  if (op.partitionedBy === null) return graph;
  checkColumn(b, op.partitionedBy.column, edges, env);
  const partition = op.partitionedBy.column.name;
  const inAll = nodeTables.every((n) => n.input.schema.columns.some((c) => c.name === partition));
  SHAPES.set(graph, { ...shape, partition, undirected: shape.undirected || !inAll });
  const body = bindTable(b, op.partitionedBy.body, env, graph);
  // Each partition's results are unioned, which is what one matcher over all partitions
  // gives; operators after the graph operator would apply per partition, so those stay Opaque,
  // except a take/limit right after graph-match, which becomes a limit per partition.
  if (body.kind === 'GraphMatch' || body.kind === 'GraphTable') return body;
  if (body.kind === 'Take' && body.input.kind === 'GraphMatch') return { ...body.input, limitPerPartition: body.count };
  return { kind: 'Opaque', op: 'make-graph', input, schema: body.schema, span: op.span };
}

function checkColumn(b: Binder, id: Ident, cols: readonly Column[], env: Env): void {
  // Reuses the ordinary unknown-column diagnostic (with its did-you-mean hint).
  bindScalar(b, { kind: 'NameRef', name: id, span: id.span }, { columns: cols }, env);
}

type Variable = { readonly kind: 'node' } | { readonly kind: 'edge'; readonly multi: boolean };

/** graph-match / graph-shortest-paths: one row per match, columns from the project clause. */
function bindGraphMatch(b: Binder, op: GraphMatchOp, input: BoundTable, env: Env): BoundTable {
  const g = shapeOf(input);
  const before = b.diagnostics.length;
  const vars = new Map<string, Variable>();
  for (const p of op.patterns)
    for (const el of p.elements) {
      if (el.name === null) continue;
      vars.set(el.name.name, el.kind === 'GraphNode' ? { kind: 'node' } : { kind: 'edge', multi: el.range !== null });
    }
  const cols: Column[] = [];
  const taken = new Set<string>();
  const unnamed = new UnnamedNames('Column', 1);
  for (const item of op.project ?? []) {
    const ctx: Ctx = { g, vars, synthetic: [], lifted: new Set() };
    const rewritten = rewrite(item.expr, ctx);
    const bound = bindScalar(b, rewritten, { columns: ctx.synthetic }, env);
    const base = item.names[0]?.name ?? resultName(item.expr, null);
    const name = base === null ? unnamed.next(taken) : uniqueName(base, taken);
    taken.add(name);
    cols.push({ name, type: bound.type });
  }
  if (SHAPES.has(input) && !g.undirected && b.diagnostics.length === before) {
    const exact = bindGraphMatchExact(b, op, g, env, cols);
    if (exact !== null) return exact;
  }
  return {
    kind: 'Opaque',
    op: op.shortestPaths ? 'graph-shortest-paths' : 'graph-match',
    input,
    schema: schemaOf(cols),
    span: op.span,
  };
}

interface Ctx {
  readonly g: GraphShape;
  readonly vars: ReadonlyMap<string, Variable>;
  readonly synthetic: Column[];
  /** Placeholders standing for `map(...)` results (or calls lifted over them). */
  readonly lifted: Set<string>;
}

const GRAPH_FUNCTIONS: Readonly<Record<string, ScalarType | 'nodeId'>> = {
  map: 'dynamic',
  inner_nodes: 'dynamic',
  labels: 'dynamic',
  all: 'bool',
  any: 'bool',
  node_degree_in: 'long',
  node_degree_out: 'long',
  node_id: 'nodeId',
};

/** Replaces graph property accesses and graph functions by typed placeholder columns. */
function rewrite(e: Expr, ctx: Ctx): Expr {
  const placeholder = (type: ScalarType): Expr => {
    const name: Ident = { kind: 'Ident', name: ` graph${ctx.synthetic.length}`, quoted: true, span: e.span };
    ctx.synthetic.push({ name: name.name, type });
    return { kind: 'NameRef', name, span: e.span };
  };
  const go = (x: Expr): Expr => rewrite(x, ctx);
  switch (e.kind) {
    case 'MemberAccess': {
      const v = e.target.kind === 'NameRef' ? ctx.vars.get(e.target.name.name) : undefined;
      if (v === undefined) return mapChildren(e, go);
      if (v.kind === 'edge' && v.multi) return placeholder('dynamic');
      const props = v.kind === 'node' ? ctx.g.nodeProps : ctx.g.edgeProps;
      return placeholder(props.find((c) => c.name === e.member.name)?.type ?? 'unknown');
    }
    case 'Call': {
      const t = GRAPH_FUNCTIONS[e.callee.name];
      if (t !== undefined) {
        const ph = placeholder(t === 'nodeId' ? ctx.g.nodeIdType : t);
        if (e.callee.name === 'map' && ph.kind === 'NameRef') ctx.lifted.add(ph.name.name);
        return ph;
      }
      const args = e.args.map(go);
      // The analyser lifts a call over a map() argument: the result is dynamic, whatever the
      // function (strcat_array(map(e, x), "-") is dynamic, not string).
      if (args.some((a) => a.kind === 'NameRef' && ctx.lifted.has(a.name.name))) {
        const ph = placeholder('dynamic');
        if (ph.kind === 'NameRef') ctx.lifted.add(ph.name.name);
        return ph;
      }
      return { ...e, args };
    }
    case 'NameRef': {
      // A bare variable (an edge list, a node) is a dynamic value.
      return ctx.vars.has(e.name.name) ? placeholder('dynamic') : e;
    }
    default:
      return mapChildren(e, go);
  }
}

/** project-by-names: the names are constants (strings, dynamic arrays, column_names_of(T)). */
function bindProjectByNames(
  b: Binder,
  items: readonly Expr[],
  input: BoundTable,
  env: Env,
  span: BoundTable['span'],
): BoundTable {
  const cols = input.schema.columns;
  const out: BoundColumnDef[] = [];
  const add = (pattern: string, exact = false): void => {
    const re = patternRegex(pattern);
    for (const c of cols)
      if ((exact ? c.name === pattern : re.test(c.name)) && !out.some((o) => o.name === c.name))
        out.push({ name: c.name, type: c.type, expr: { kind: 'Column', name: c.name, type: c.type, span } });
  };
  for (const item of items) {
    if (item.kind === 'Call' && item.callee.name === 'column_names_of' && item.args[0] !== undefined) {
      for (const c of bindTable(b, item.args[0], env, null).schema.columns) add(c.name, true);
      continue;
    }
    for (const n of constantNames(bindScalar(b, item, { columns: [] }, env))) add(n);
  }
  return { kind: 'Project', origin: 'project', input, columns: out, schema: schemaOf(out), span };
}

function constantNames(e: BoundExpr): string[] {
  if (e.kind === 'LetScalar') return constantNames(e.value);
  if (e.kind === 'Literal') return typeof e.value === 'string' ? [e.value] : [];
  if (e.kind === 'DynamicLiteral') {
    const v = e.value;
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' ? [v] : [];
  }
  return [];
}
