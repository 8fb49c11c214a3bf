// join, lookup, union: key resolution and the output column mapping (duplicate names
// from the right side get 1, 2, ... suffixes; union merges same-name columns of
// different types into Name_type columns, as Kusto's analyser does).
import type { Expr, OpParam, Operator } from '../ast.js';
import type { BoundExpr, BoundJoinOutput, BoundTable, JoinKind } from '../bound.js';
import type { Column, ScalarType } from '../types.js';
import * as codes from '../diagnostics/binding-codes.js';
import { didYouMean } from '../suggest.js';
import { schemaOf, uniqueName, type Binder, type Env } from './scope.js';
import { bindScalar } from './expr.js';
import { bindTable, tableError } from './tabular.js';
import { patternRegex } from './project.js';

const JOIN_KINDS: Readonly<Record<string, JoinKind>> = {
  innerunique: 'innerunique',
  inner: 'inner',
  leftouter: 'leftouter',
  rightouter: 'rightouter',
  fullouter: 'fullouter',
  outer: 'fullouter',
  leftanti: 'leftanti',
  anti: 'leftanti',
  leftantisemi: 'leftanti',
  rightanti: 'rightanti',
  rightantisemi: 'rightanti',
  leftsemi: 'leftsemi',
  semi: 'leftsemi',
  rightsemi: 'rightsemi',
};

export function paramText(p: OpParam | undefined): string | null {
  if (p === undefined) return null;
  const v = p.value;
  if (v.kind === 'NameRef') return v.name.name;
  if (v.kind === 'Literal') return v.value === null ? null : String(v.value);
  return null;
}

function param(params: readonly OpParam[], name: string): OpParam | undefined {
  return params.find((p) => p.name.toLowerCase() === name);
}

type Key = { left: string; right: string };

function bindKeys(
  b: Binder,
  on: readonly Expr[],
  left: readonly Column[],
  right: readonly Column[],
  env: Env,
): { keys: Key[]; condition: BoundExpr | null } {
  const keys: Key[] = [];
  // `on a and $left.b == $right.c` is the same as `on a, $left.b == $right.c`.
  const flat: Expr[] = [];
  const flatten = (e: Expr): void => {
    if (e.kind === 'Binary' && e.op === 'and') {
      flatten(e.left);
      flatten(e.right);
    } else if (e.kind === 'Paren' && e.expr.kind === 'Binary' && e.expr.op === 'and') flatten(e.expr);
    else flat.push(e);
  };
  on.forEach(flatten);
  for (const raw of flat) {
    const e = raw.kind === 'Paren' ? raw.expr : raw;
    if (e.kind === 'NameRef') {
      const n = e.name.name;
      const inL = left.some((c) => c.name === n);
      const inR = right.some((c) => c.name === n);
      if (!inL || !inR) {
        const cands = [...left, ...right].map((c) => c.name);
        b.report(codes.JOIN_COLUMN_MISSING, { name: n }, e.span, didYouMean(n, cands));
      } else keys.push({ left: n, right: n });
      continue;
    }
    if (e.kind === 'Binary' && e.op === '==') {
      const l = bindScalar(b, e.left, { columns: [], left, right }, env);
      const r = bindScalar(b, e.right, { columns: [], left, right }, env);
      if (
        l.kind === 'Column' &&
        r.kind === 'Column' &&
        l.side !== undefined &&
        r.side !== undefined &&
        l.side !== r.side
      ) {
        keys.push(l.side === 'left' ? { left: l.name, right: r.name } : { left: r.name, right: l.name });
        continue;
      }
      if (l.kind === 'Error' || r.kind === 'Error') continue;
    }
    b.report(codes.JOIN_CONDITION, {}, e.span);
  }
  return { keys, condition: null };
}

function mergeOutputs(
  left: readonly Column[],
  right: readonly Column[],
  skipRight: ReadonlySet<string>,
): BoundJoinOutput[] {
  const out: BoundJoinOutput[] = left.map((c) => ({
    name: c.name,
    type: c.type,
    side: 'left' as const,
    column: c.name,
  }));
  // Suffixes avoid every name of both sides (right's Timestamp becomes Timestamp2 if the right side already has Timestamp1).
  const leftNames = new Set(left.map((c) => c.name));
  const taken = new Set([...leftNames, ...right.filter((c) => !skipRight.has(c.name)).map((c) => c.name)]);
  for (const c of right) {
    if (skipRight.has(c.name)) continue;
    const name = leftNames.has(c.name) ? uniqueName(c.name, taken) : c.name;
    taken.add(name);
    out.push({ name, type: c.type, side: 'right', column: c.name });
  }
  return out;
}

export function bindJoinFamily(b: Binder, op: Operator, input: BoundTable | null, env: Env): BoundTable | null {
  switch (op.kind) {
    case 'Join': {
      const left = input ?? tableError(op.span);
      const right = bindTable(b, op.right, env, null);
      const kindText = paramText(param(op.params, 'kind')) ?? 'innerunique';
      const joinKind = JOIN_KINDS[kindText.toLowerCase()] ?? 'innerunique';
      const L = left.schema.columns;
      const R = right.schema.columns;
      const { keys } = bindKeys(b, op.on, L, R, env);
      const condition = op.where === null ? null : bindScalar(b, op.where, { columns: [], left: L, right: R }, env);
      let outputs: BoundJoinOutput[];
      if (joinKind === 'leftanti' || joinKind === 'leftsemi') outputs = mergeOutputs(L, [], new Set());
      else if (joinKind === 'rightanti' || joinKind === 'rightsemi')
        outputs = R.map((c) => ({ name: c.name, type: c.type, side: 'right', column: c.name }));
      else outputs = mergeOutputs(L, R, new Set());
      const hints: Record<string, string> = {};
      for (const p of op.params) if (p.name.toLowerCase().startsWith('hint.')) hints[p.name] = paramText(p) ?? '';
      return {
        kind: 'Join',
        input: left,
        joinKind,
        right,
        keys,
        condition,
        outputs,
        hints,
        schema: schemaOf(outputs.map((o) => ({ name: o.name, type: o.type }))),
        span: op.span,
      };
    }
    case 'Lookup': {
      const left = input ?? tableError(op.span);
      const right = bindTable(b, op.right, env, null);
      const kindText = paramText(param(op.params, 'kind')) ?? 'leftouter';
      const joinKind = kindText.toLowerCase() === 'inner' ? 'inner' : 'leftouter';
      const { keys } = bindKeys(b, op.on, left.schema.columns, right.schema.columns, env);
      const skip = new Set(keys.filter((k) => k.left === k.right).map((k) => k.right));
      const outputs = mergeOutputs(left.schema.columns, right.schema.columns, skip);
      return {
        kind: 'Lookup',
        input: left,
        joinKind,
        right,
        keys,
        outputs,
        schema: schemaOf(outputs.map((o) => ({ name: o.name, type: o.type }))),
        span: op.span,
      };
    }
    case 'Union':
      return bindUnion(b, op, input, env);
    default:
      return null;
  }
}

function unionInputs(
  b: Binder,
  tables: readonly Expr[],
  env: Env,
  fuzzy: boolean,
): { table: BoundTable; sourceName: string }[] {
  const out: { table: BoundTable; sourceName: string }[] = [];
  for (const t of tables) {
    if (t.kind === 'NameRef' && t.name.name.includes('*')) {
      const re = patternRegex(t.name.name);
      const names = [...b.tables.keys()].filter((n) => re.test(n)).sort();
      for (const n of names)
        out.push({ table: { kind: 'Table', name: n, schema: b.tables.get(n)!, span: t.span }, sourceName: n });
      continue;
    }
    const mark = b.diagnostics.length;
    const table = bindTable(b, t, env, null);
    // isfuzzy: a leg that doesn't resolve is silently dropped.
    if (fuzzy && b.diagnostics.slice(mark).some((d) => d.severity === 'error')) {
      b.diagnostics.splice(mark);
      continue;
    }
    out.push({ table, sourceName: t.kind === 'NameRef' ? t.name.name : sourceNameOf(table) });
  }
  return out;
}

function sourceNameOf(t: BoundTable): string {
  if (t.kind === 'Table' || t.kind === 'LetTable') return t.name;
  if ('input' in t && t.input !== null) return sourceNameOf(t.input);
  return 'union_arg';
}

function bindUnion(
  b: Binder,
  op: Extract<Operator, { kind: 'Union' }>,
  input: BoundTable | null,
  env: Env,
): BoundTable {
  const fuzzy = (paramText(param(op.params, 'isfuzzy')) ?? 'false').toLowerCase() === 'true';
  const kind = (paramText(param(op.params, 'kind')) ?? 'outer').toLowerCase() === 'inner' ? 'inner' : 'outer';
  const withSource = paramText(param(op.params, 'withsource')) ?? paramText(param(op.params, 'source'));
  const legs = [
    ...(input === null ? [] : [{ table: input, sourceName: sourceNameOf(input) }]),
    ...unionInputs(b, op.tables, env, fuzzy),
  ];
  // Group by name in order of first appearance; a name seen with several types splits into Name_type.
  const byName = new Map<string, ScalarType[]>();
  for (const leg of legs) {
    for (const c of leg.table.schema.columns) {
      const ts = byName.get(c.name) ?? [];
      if (!ts.includes(c.type)) ts.push(c.type);
      byName.set(c.name, ts);
    }
  }
  const outCols: { name: string; type: ScalarType; from: string }[] = [];
  for (const [name, types] of byName) {
    if (kind === 'inner' && !legs.every((l) => l.table.schema.columns.some((c) => c.name === name))) continue;
    if (types.length === 1) outCols.push({ name, type: types[0]!, from: name });
    else for (const t of types) outCols.push({ name: `${name}_${t}`, type: t, from: name });
  }
  const seen = new Set<string>();
  for (const c of outCols) {
    c.name = uniqueName(c.name, seen);
    seen.add(c.name);
  }
  const inputs = legs.map((l) => ({
    table: l.table,
    sourceName: l.sourceName,
    columns: outCols.map((oc) =>
      l.table.schema.columns.some((c) => c.name === oc.from && c.type === oc.type) ? oc.from : null,
    ),
  }));
  const columns: Column[] = [
    ...(withSource === null ? [] : [{ name: withSource, type: 'string' as const }]),
    ...outCols.map((c) => ({ name: c.name, type: c.type })),
  ];
  return { kind: 'Union', unionKind: kind, inputs, withSource, schema: schemaOf(columns), span: op.span };
}
