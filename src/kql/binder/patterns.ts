// `declare pattern` statements and their invocations: `P("a")`, `P("a").Path`, `P("a").["Path"]`.
// An invocation with constant arguments selects the rule whose argument (and path) values are
// equal and is bound as that rule's body; Kusto resolves patterns the same way, statically.
import type { Call, Expr, PatternRule } from '../ast.js';
import type { BoundExpr } from '../bound.js';
import * as codes from '../diagnostics/binding-codes.js';
import { EMPTY_ROW, type Binder, type Env } from './scope.js';
import { bindScalar, errorExpr, type Value } from './expr.js';
import { bindTable, tableError } from './tabular.js';

/** The callee of `P(...)` or `P(...).path` when P is a declared pattern, else null. */
export function patternInvocation(
  e: Expr,
  env: Env,
): { call: Call; path: string | null; pathExpr: Expr | null } | null {
  if (e.kind === 'Call')
    return env.lookup(e.callee.name)?.kind === 'pattern' ? { call: e, path: null, pathExpr: null } : null;
  if (e.kind === 'MemberAccess' && e.target.kind === 'Call' && env.lookup(e.target.callee.name)?.kind === 'pattern')
    return { call: e.target, path: e.member.name, pathExpr: null };
  if (e.kind === 'IndexAccess' && e.target.kind === 'Call' && env.lookup(e.target.callee.name)?.kind === 'pattern')
    return { call: e.target, path: null, pathExpr: e.index };
  return null;
}

function constant(e: BoundExpr): string | null {
  if (e.kind === 'LetScalar') return constant(e.value);
  if (e.kind === 'Literal' && e.value !== null) return String(e.value);
  return null;
}

export function bindPatternInvocation(
  b: Binder,
  inv: { call: Call; path: string | null; pathExpr: Expr | null },
  env: Env,
): Value {
  const sym = env.lookup(inv.call.callee.name);
  if (sym === undefined || sym.kind !== 'pattern') return { kind: 'scalar', expr: errorExpr(inv.call) };
  const args = inv.call.args.map((a) => constant(bindScalar(b, a, EMPTY_ROW, env)));
  const path = inv.pathExpr !== null ? constant(bindScalar(b, inv.pathExpr, EMPTY_ROW, env)) : inv.path;
  const matches = (r: PatternRule): boolean =>
    r.args.length === args.length &&
    r.args.every((a, i) => constant(bindScalar(b, a, EMPTY_ROW, sym.env)) === args[i]) &&
    (r.path === null ? path === null : path !== null && constant(bindScalar(b, r.path, EMPTY_ROW, sym.env)) === path);
  const rule = sym.rules.find(matches);
  if (rule === undefined) {
    b.report(codes.UNKNOWN_FUNCTION, { name: inv.call.callee.name }, inv.call.span);
    return { kind: 'table', table: tableError(inv.call.span) };
  }
  return { kind: 'table', table: bindTable(b, rule.body, sym.env, null) };
}
