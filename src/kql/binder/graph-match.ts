// graph-match and graph-shortest-paths. Pattern variables are not columns: every reference
// to one (`n.name`, `map(e, x)`, `node_degree_in(n)`) becomes a typed placeholder column of
// the match row, and `derived` records how the engine computes it (see bound-graph.ts).
//
// Anything this cannot describe exactly (several patterns, a repeated variable, labels(),
// a bare variable as a value, a non-constant path length) leaves the operator `Opaque`
// with the analyser's schema, so the engine refuses it with a coded diagnostic instead of
// guessing.
import type { Expr, GraphMatchOp, Ident, OpParam } from '../ast.js';
import type { BoundColumnDef, BoundExpr, BoundTable } from '../bound.js';
import type { BoundGraph, BoundGraphDerived, BoundGraphStep, GraphElementList } from '../bound-graph.js';
import type { Column, ScalarType } from '../types.js';
import { schemaOf, uniqueName, type Binder, type Env } from './scope.js';
import { bindScalar } from './expr.js';
import { resultName, UnnamedNames } from './naming.js';
import { mapChildren } from '../ast-map.js';

type Variable = { readonly kind: 'node' } | { readonly kind: 'edge'; readonly multi: boolean };

/** Why the match can't be run exactly; the operator stays Opaque. */
class NotExact extends Error {}

interface Ctx {
  readonly b: Binder;
  readonly env: Env;
  readonly g: BoundGraph;
  readonly vars: ReadonlyMap<string, Variable>;
  readonly synthetic: Column[];
  readonly derived: { name: string; type: ScalarType; def: BoundGraphDerived }[];
}

export function paramText(ps: readonly OpParam[], name: string): string | null {
  const p = ps.find((x) => x.name === name);
  if (p === undefined) return null;
  const v = p.value;
  if (v.kind === 'NameRef') return v.name.name;
  return v.kind === 'Literal' && typeof v.value === 'string' ? v.value : null;
}

/** Binds `e` without leaving diagnostics behind; null when it did not bind cleanly. */
function quietly(b: Binder, f: () => BoundExpr): BoundExpr | null {
  const before = b.diagnostics.length;
  const out = f();
  if (b.diagnostics.length > before) {
    b.diagnostics.length = before;
    return null;
  }
  return out;
}

function constantInt(b: Binder, e: Expr, env: Env): number {
  const v = quietly(b, () => bindScalar(b, e, { columns: [] }, env));
  let x: BoundExpr | null = v;
  while (x !== null && x.kind === 'LetScalar') x = x.value;
  if (x === null || x.kind !== 'Literal' || x.value === null) throw new NotExact();
  const n = Number(x.value);
  if (!Number.isInteger(n) || n < 0) throw new NotExact();
  return n;
}

interface Pattern {
  readonly paths: BoundGraphStep[][];
  readonly same: (readonly [string, string])[];
}

function patterns(b: Binder, op: GraphMatchOp, env: Env): Pattern {
  const seen = new Set<string>();
  const same: (readonly [string, string])[] = [];
  let k = 0;
  const paths = op.patterns.map((path) =>
    path.elements.map((el, i): BoundGraphStep => {
      const name = el.name?.name ?? ` anon${k++}`;
      if (el.kind === 'GraphNode') {
        if (!seen.has(name)) {
          seen.add(name);
          return { kind: 'node', name };
        }
        // A later pattern continues from a variable already matched; anywhere else a repeated
        // variable is a fresh node constrained to be the same one.
        if (i === 0) return { kind: 'node', name, bound: true };
        const alias = ` same${k++}`;
        same.push([name, alias]);
        return { kind: 'node', name: alias };
      }
      if (seen.has(name)) throw new NotExact();
      seen.add(name);
      if (el.range === null) return { kind: 'edge', name, direction: el.direction, min: 1, max: 1, multi: false };
      const min = constantInt(b, el.range.min, env);
      const max = el.range.max === null ? min : constantInt(b, el.range.max, env);
      if (min < 1 || max < min) throw new NotExact();
      return { kind: 'edge', name, direction: el.direction, min, max, multi: true };
    }),
  );
  // Shortest paths are between the ends of one sequence.
  if (op.shortestPaths && paths.length !== 1) throw new NotExact();
  return { paths, same };
}

export function bindGraphMatchExact(
  b: Binder,
  op: GraphMatchOp,
  g: BoundGraph,
  env: Env,
  schema: readonly Column[],
): BoundTable | null {
  try {
    const pattern = patterns(b, op, env);
    const vars = new Map<string, Variable>();
    for (const s of pattern.paths.flat())
      vars.set(s.name, s.kind === 'node' ? { kind: 'node' } : { kind: 'edge', multi: s.multi });
    const ctx: Ctx = { b, env, g, vars, synthetic: [], derived: [] };
    if (op.project === null) throw new NotExact();
    const where = op.where === null ? null : bindIn(ctx, op.where);
    const project: BoundColumnDef[] = op.project.map((item, i) => {
      const expr = bindIn(ctx, item.expr);
      const c = schema[i];
      if (c === undefined) throw new NotExact();
      return { name: c.name, type: expr.type, expr };
    });
    const cycles = paramText(op.params, 'cycles') ?? (op.shortestPaths ? 'none' : 'unique_edges');
    if (cycles !== 'all' && cycles !== 'none' && cycles !== 'unique_edges') throw new NotExact();
    const output = paramText(op.params, 'output') ?? 'any';
    if (output !== 'any' && output !== 'all') throw new NotExact();
    return {
      kind: 'GraphMatch',
      graph: g,
      paths: pattern.paths,
      same: pattern.same,
      cycles,
      shortest: op.shortestPaths ? output : null,
      derived: ctx.derived,
      where,
      project,
      schema: schemaOf(project.map((p) => ({ name: p.name, type: p.type }))),
      span: op.span,
    };
  } catch (err) {
    if (err instanceof NotExact) return null;
    throw err;
  }
}

function bindIn(ctx: Ctx, e: Expr): BoundExpr {
  const rewritten = rewrite(e, ctx);
  const bound = quietly(ctx.b, () => bindScalar(ctx.b, rewritten, { columns: ctx.synthetic }, ctx.env));
  if (bound === null) throw new NotExact();
  const maps = new Set(ctx.derived.filter((d) => d.def.k === 'list' && d.def.fn === 'map').map((d) => d.name));
  return lift(bound, maps).expr;
}

/**
 * Kusto lifts a scalar function applied to a `map()` result: the call's value is dynamic
 * (`strcat_array(map(e, x), "->")` is a dynamic string), as the official analyser types it.
 */
function lift(e: BoundExpr, maps: ReadonlySet<string>): { expr: BoundExpr; lifted: boolean } {
  if (e.kind === 'Column') return { expr: e, lifted: maps.has(e.name) };
  if (e.kind !== 'Call') return { expr: e, lifted: false };
  const args = e.args.map((a) => lift(a, maps));
  const call: BoundExpr = { ...e, args: args.map((a) => a.expr) };
  if (!args.some((a) => a.lifted) || e.type === 'dynamic') return { expr: call, lifted: args.some((a) => a.lifted) };
  return { expr: { kind: 'Convert', type: 'dynamic', operand: call, span: e.span }, lifted: true };
}

function placeholder(ctx: Ctx, e: Expr, type: ScalarType, def: BoundGraphDerived): Expr {
  if (type === 'unknown') throw new NotExact();
  const name: Ident = { kind: 'Ident', name: ` graph${ctx.synthetic.length}`, quoted: true, span: e.span };
  ctx.synthetic.push({ name: name.name, type });
  ctx.derived.push({ name: name.name, type, def });
  return { kind: 'NameRef', name, span: e.span };
}

function variableOf(ctx: Ctx, e: Expr | undefined): { name: string; v: Variable } | null {
  if (e?.kind !== 'NameRef') return null;
  const v = ctx.vars.get(e.name.name);
  return v === undefined ? null : { name: e.name.name, v };
}

/** Replaces graph property accesses and graph functions by placeholder columns. */
function rewrite(e: Expr, ctx: Ctx): Expr {
  const go = (x: Expr): Expr => rewrite(x, ctx);
  switch (e.kind) {
    case 'MemberAccess': {
      const ref = variableOf(ctx, e.target);
      if (ref === null) return mapChildren(e, go);
      const def: BoundGraphDerived = { k: 'prop', variable: ref.name, prop: e.member.name };
      if (ref.v.kind === 'edge' && ref.v.multi) {
        if (!ctx.g.edgeProps.some((c) => c.name === e.member.name)) throw new NotExact();
        return placeholder(ctx, e, 'dynamic', def);
      }
      const props = ref.v.kind === 'node' ? ctx.g.nodeProps : ctx.g.edgeProps;
      return placeholder(ctx, e, props.find((c) => c.name === e.member.name)?.type ?? 'unknown', def);
    }
    case 'Call':
      return rewriteCall(e, ctx) ?? mapChildren(e, go);
    case 'NameRef':
      if (ctx.vars.has(e.name.name)) throw new NotExact();
      return e;
    default:
      return mapChildren(e, go);
  }
}

function rewriteCall(e: Extract<Expr, { kind: 'Call' }>, ctx: Ctx): Expr | null {
  const fn = e.callee.name;
  const [a0, a1] = e.args;
  switch (fn) {
    case 'node_degree_in':
    case 'node_degree_out':
    case 'node_id': {
      const ref = variableOf(ctx, a0);
      if (e.args.length !== 1 || ref === null || ref.v.kind !== 'node') throw new NotExact();
      if (fn === 'node_id') return placeholder(ctx, e, ctx.g.nodeIdType, { k: 'id', variable: ref.name });
      const dir = fn === 'node_degree_in' ? 'in' : 'out';
      return placeholder(ctx, e, 'long', { k: 'degree', variable: ref.name, dir });
    }
    case 'map':
    case 'all':
    case 'any': {
      const list = elementList(ctx, a0);
      if (list === null) {
        // `any`/`all` with other arguments are the aggregates; leave them to the binder.
        if (fn === 'map') throw new NotExact();
        return null;
      }
      if (e.args.length !== 2 || a1 === undefined) throw new NotExact();
      const body = bindElement(ctx, list, a1);
      if (fn !== 'map' && body.type !== 'bool') throw new NotExact();
      return placeholder(ctx, e, fn === 'map' ? 'dynamic' : 'bool', { k: 'list', fn, list, body });
    }
    case 'inner_nodes':
    case 'labels':
      throw new NotExact();
    default:
      return null;
  }
}

function elementList(ctx: Ctx, e: Expr | undefined): GraphElementList | null {
  if (e?.kind === 'Call' && e.callee.name === 'inner_nodes') {
    const ref = variableOf(ctx, e.args[0]);
    if (ref === null || ref.v.kind !== 'edge' || !ref.v.multi) throw new NotExact();
    return { variable: ref.name, inner: true };
  }
  const ref = variableOf(ctx, e);
  if (ref === null) return null;
  if (ref.v.kind !== 'edge' || !ref.v.multi) throw new NotExact();
  return { variable: ref.name, inner: false };
}

const ELEMENT_FUNCTIONS: Readonly<Record<string, string>> = {
  node_degree_in: '__din',
  node_degree_out: '__dout',
  node_id: '__id',
};

/** The second argument of map/all/any, bound against one element's properties. */
function bindElement(ctx: Ctx, list: GraphElementList, body: Expr): BoundExpr {
  const nodeCols: Column[] = [
    ...ctx.g.nodeProps,
    { name: '__id', type: ctx.g.nodeIdType },
    { name: '__din', type: 'long' },
    { name: '__dout', type: 'long' },
  ];
  const cols = list.inner ? nodeCols : ctx.g.edgeProps;
  const swap = (x: Expr): Expr => {
    switch (x.kind) {
      case 'Call': {
        const field = ELEMENT_FUNCTIONS[x.callee.name];
        if (field !== undefined) {
          if (!list.inner || x.args.length !== 0) throw new NotExact();
          return { kind: 'NameRef', name: { kind: 'Ident', name: field, quoted: true, span: x.span }, span: x.span };
        }
        if (x.callee.name === 'map' || x.callee.name === 'inner_nodes' || x.callee.name === 'labels')
          throw new NotExact();
        return mapChildren(x, swap);
      }
      case 'NameRef':
        if (ctx.vars.has(x.name.name)) throw new NotExact();
        return x;
      case 'MemberAccess':
        if (variableOf(ctx, x.target) !== null) throw new NotExact();
        return mapChildren(x, swap);
      default:
        return mapChildren(x, swap);
    }
  };
  const bound = quietly(ctx.b, () => bindScalar(ctx.b, swap(body), { columns: cols }, ctx.env));
  if (bound === null) throw new NotExact();
  return bound;
}

/** Output names of the project clause, as the analyser names them. */
export function projectNames(op: GraphMatchOp): string[] {
  const taken = new Set<string>();
  const unnamed = new UnnamedNames('Column', 1);
  return (op.project ?? []).map((item) => {
    const base = item.names[0]?.name ?? resultName(item.expr, null);
    const name = base === null ? unnamed.next(taken) : uniqueName(base, taken);
    taken.add(name);
    return name;
  });
}
