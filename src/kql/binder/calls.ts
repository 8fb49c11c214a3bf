// Function calls: user-defined (let) functions are expanded with their arguments bound;
// a few built-ins need the binder itself (toscalar, materialize, column_ifexists, table);
// everything else resolves against the catalog by signature.
import type { Call, Expr, FunctionDef } from '../ast.js';
import type { BoundExpr, BoundTable } from '../bound.js';
import { TYPE_ALIASES, type ScalarType } from '../types.js';
import * as codes from '../diagnostics/binding-codes.js';
import { didYouMean } from '../suggest.js';
import { Env, findColumn, type Binder, type RowScope } from './scope.js';
import { bindScalar, bindValue, errorExpr, type Value } from './expr.js';
import { bindStatements, bindTable, tableFromName } from './tabular.js';
import { catalogNames, lookup, resolveSignature } from './catalog.js';
import { assertCondition } from './assert.js';

const MAX_DEPTH = 64;

export function bindCall(b: Binder, e: Call, rs: RowScope, env: Env): Value {
  const name = e.callee.name;
  const sym = env.lookup(name);
  if (sym !== undefined) {
    if (sym.kind === 'function') return expandUdf(b, e, sym.def, sym.env, rs, env);
    b.report(codes.NOT_A_FUNCTION, { name }, e.callee.span);
    return { kind: 'scalar', expr: errorExpr(e) };
  }
  switch (name) {
    case 'typeof': {
      // typeof(T) is a type literal; bound as a typed null so result rules (extract(..., typeof(int))) see T.
      const arg = e.args[0];
      const t = arg !== undefined && arg.kind === 'NameRef' ? TYPE_ALIASES[arg.name.name] : undefined;
      if (t !== undefined) return { kind: 'scalar', expr: { kind: 'Literal', type: t, value: null, span: e.span } };
      break;
    }
    case 'toscalar': {
      const arg = e.args[0];
      if (arg === undefined) break;
      const v = bindValue(b, arg, rs, env);
      if (v.kind === 'scalar') return v; // toscalar(1) is just 1
      return {
        kind: 'scalar',
        expr: { kind: 'ToScalar', table: v.table, type: v.table.schema.columns[0]?.type ?? 'unknown', span: e.span },
      };
    }
    case 'materialize': {
      const arg = e.args[0];
      if (arg === undefined) break;
      return { kind: 'table', table: bindTable(b, arg, env, null) };
    }
    case 'table': {
      const arg = e.args[0];
      const tname = arg === undefined ? null : constantString(b, arg, env);
      if (arg !== undefined && tname !== null) {
        const t = tableFromName(b, tname, arg.span) ?? tableFromEnv(env, tname);
        if (t !== null) return { kind: 'table', table: t };
        b.report(codes.UNKNOWN_TABLE, { name: tname }, arg.span, didYouMean(tname, b.tables.keys()));
        return { kind: 'table', table: { kind: 'TableError', schema: { columns: [] }, span: e.span } };
      }
      break;
    }
    case 'assert': {
      const [cond, msg] = e.args;
      if (cond === undefined || msg === undefined || e.args.length !== 2) break;
      const message = constantString(b, msg, env);
      const holds = assertCondition(bindScalar(b, cond, rs, env));
      if (holds === undefined || message === null) break;
      if (!holds) b.report(codes.ASSERT_FAILED, { message }, e.span);
      return { kind: 'scalar', expr: { kind: 'Literal', type: 'bool', value: holds, span: e.span } };
    }
    case 'bin_auto': {
      // bin_auto(x) (bin-auto-function.md): bin(x, query_bin_auto_size), or bin_at with
      // query_bin_auto_at as the fixed point; without the size option it stays unsupported.
      const size = b.options.get('query_bin_auto_size');
      const at = b.options.get('query_bin_auto_at');
      const value = e.args[0];
      if (size === undefined || value === undefined || e.args.length !== 1) break;
      const callee = { ...e.callee, name: at === undefined ? 'bin' : 'bin_at' };
      const args = at === undefined ? [value, size] : [value, size, at];
      return bindCall(b, { ...e, callee, args }, rs, env);
    }
    case 'column_ifexists':
    case 'columnifexists': {
      const [nameArg, dflt] = e.args;
      // The name is a constant: a literal, or a scalar let / function parameter holding one
      // (the docs' functions-library pass column names as string parameters).
      const name = nameArg === undefined ? null : constantString(b, nameArg, env);
      if (nameArg !== undefined && dflt !== undefined && name !== null) {
        const col = findColumn(rs.columns, name);
        const d = bindScalar(b, dflt, rs, env);
        if (col !== undefined)
          return { kind: 'scalar', expr: { kind: 'Column', name: col.name, type: col.type, span: e.span } };
        return { kind: 'scalar', expr: d };
      }
      break;
    }
    default:
      break;
  }
  const spec = lookup(name, rs.aggregates === true ? 'aggregate' : 'scalar');
  if (spec === undefined) {
    const candidates = [...catalogNames(), ...env.names()];
    b.report(codes.UNKNOWN_FUNCTION, { name }, e.callee.span, didYouMean(name, candidates));
    for (const a of e.args) if (a.kind !== 'Star') bindValue(b, a, rs, env);
    return { kind: 'scalar', expr: errorExpr(e) };
  }
  if (spec.kind === 'aggregate' && rs.aggregates !== true) {
    b.report(codes.AGGREGATE_NOT_ALLOWED, { name }, e.callee.span);
  }
  // Aggregate arguments are row expressions, never aggregates themselves.
  const argScope: RowScope = rs.aggregates === true && spec.kind === 'aggregate' ? { ...rs, aggregates: false } : rs;
  const args = e.args.map((a): BoundExpr => bindArg(b, a, argScope, env));
  const types = args.map((a) => a.type);
  const r = resolveSignature(spec, args, e.args);
  if (r.error !== null) {
    if (r.error.kind === 'count') b.report(codes.ARG_COUNT, { name, min: r.error.min, max: r.error.max }, e.span);
    else if (r.error.arg !== null && r.error.expected !== null)
      b.report(codes.TYPE_EXPECTED, { types: r.error.expected }, e.args[r.error.arg]?.span ?? e.span);
    else b.report(codes.ARG_TYPES, { name, types: types.join(', ') }, e.span);
  }
  return {
    kind: 'scalar',
    expr: { kind: 'Call', name: spec.name, spec, signature: r.index, args, type: r.type, span: e.span },
  };
}

function bindArg(b: Binder, a: Expr, rs: RowScope, env: Env): BoundExpr {
  if (a.kind === 'Star') return { kind: 'Star', type: 'unknown', span: a.span };
  const v = bindValue(b, a.kind === 'NamedArg' ? a.value : a, rs, env);
  if (v.kind === 'scalar') return v.expr;
  // Tabular arguments (e.g. to catalog tabular functions) are wrapped as subqueries.
  return { kind: 'Subquery', table: v.table, type: v.table.schema.columns[0]?.type ?? 'unknown', span: a.span };
}

function tableFromEnv(env: Env, name: string): BoundTable | null {
  const s = env.lookup(name);
  return s !== undefined && s.kind === 'table' ? s.table : null;
}

/**
 * Expands a user-defined function: each parameter is bound to its argument (or default)
 * in a child of the function's defining scope, then the body is bound there.
 * `implicitInput` is the piped table for `invoke`.
 */
export function expandUdf(
  b: Binder,
  e: Call,
  def: FunctionDef,
  defEnv: Env,
  rs: RowScope,
  callerEnv: Env,
  implicitInput: BoundTable | null = null,
): Value {
  const name = e.callee.name;
  if (b.depth > MAX_DEPTH) {
    b.report(codes.EXPANSION_FAILED, { name, errors: 'recursion is too deep' }, e.span);
    return { kind: 'scalar', expr: errorExpr(e) };
  }
  const inner = new Env(defEnv);
  const params = def.params;
  const args = [...e.args];
  if (implicitInput !== null && params[0] !== undefined && params[0].type.kind === 'TabularTypeRef') {
    inner.define({ kind: 'table', name: params[0].name.name, table: implicitInput });
  }
  const first = implicitInput !== null ? 1 : 0;
  const boundArgs: BoundExpr[] = [];
  const named = new Map<string, Expr>();
  for (const a of args) if (a.kind === 'NamedArg') named.set(a.name.name, a.value);
  const positional = args.filter((a) => a.kind !== 'NamedArg');
  if (positional.length > params.length - first) {
    b.report(codes.ARG_COUNT, { name, min: requiredCount(def) - first, max: params.length - first }, e.span);
  }
  // Named arguments take their parameter; positional ones fill the remaining parameters in order.
  const queue = [...positional];
  for (let i = first; i < params.length; i++) {
    const p = params[i]!;
    const argExpr = named.get(p.name.name) ?? queue.shift() ?? null;
    if (p.type.kind === 'TabularTypeRef') {
      if (argExpr === null) {
        b.report(codes.MISSING_ARGUMENT, { name: p.name.name }, e.span);
        inner.define({
          kind: 'table',
          name: p.name.name,
          table: { kind: 'TableError', schema: { columns: [] }, span: e.span },
        });
        continue;
      }
      const v = bindValue(b, argExpr, rs, callerEnv);
      if (v.kind === 'table') inner.define({ kind: 'table', name: p.name.name, table: v.table });
      else {
        b.report(codes.TABULAR_EXPECTED, {}, argExpr.span);
        inner.define({
          kind: 'table',
          name: p.name.name,
          table: { kind: 'TableError', schema: { columns: [] }, span: argExpr.span },
        });
      }
      continue;
    }
    let value: BoundExpr;
    if (argExpr !== null) value = bindScalar(b, argExpr, rs, callerEnv);
    else if (p.defaultValue !== null) value = bindScalar(b, p.defaultValue, { columns: [] }, defEnv);
    else {
      b.report(codes.MISSING_ARGUMENT, { name: p.name.name }, e.span);
      value = errorExpr(e);
    }
    const declared: ScalarType = p.type.name;
    // The parameter has its declared type even when the argument is narrower (int for long).
    const typed: BoundExpr = value.type === declared || value.type === 'unknown' ? value : { ...value, type: declared };
    boundArgs.push(typed);
    inner.define({ kind: 'scalar', name: p.name.name, value: typed });
  }
  b.depth++;
  try {
    const result = bindStatements(b, def.body, inner, rs);
    if (result === null) return { kind: 'scalar', expr: errorExpr(e) };
    if (result.kind === 'table') {
      return {
        kind: 'table',
        table: { kind: 'UdfTable', name, body: result.table, schema: result.table.schema, span: e.span },
      };
    }
    return {
      kind: 'scalar',
      expr: { kind: 'UdfCall', name, args: boundArgs, body: result.expr, type: result.expr.type, span: e.span },
    };
  } finally {
    b.depth--;
  }
}

function requiredCount(def: FunctionDef): number {
  return def.params.filter((p) => p.defaultValue === null).length;
}

function constantString(b: Binder, e: Expr, env: Env): string | null {
  if (e.kind === 'Literal') return typeof e.value === 'string' ? e.value : null;
  if (e.kind !== 'NameRef' || env.lookup(e.name.name) === undefined) return null;
  let v: BoundExpr = bindScalar(b, e, { columns: [] }, env);
  while (v.kind === 'LetScalar') v = v.value;
  return v.kind === 'Literal' && typeof v.value === 'string' ? v.value : null;
}
