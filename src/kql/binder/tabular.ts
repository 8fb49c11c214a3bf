// Tabular values: statements and lets, table names, pipelines, and the source operators
// (datatable, externaldata, print, range). Row operators are dispatched to their family.
import type { Expr, Operator, Pipeline, Span, Statement } from '../ast.js';
import type { BoundColumnDef, BoundExpr, BoundTable } from '../bound.js';
import type { Column } from '../types.js';
import * as codes from '../diagnostics/binding-codes.js';
import { didYouMean } from '../suggest.js';
import { EMPTY_ROW, schemaOf, uniqueName, type Binder, type Env, type RowScope } from './scope.js';
import { bindScalar, bindValue, type Value } from './expr.js';
import { bindProjectFamily } from './project.js';
import { appendTupleColumns } from './tuples.js';
import { bindSummarizeFamily } from './summarize.js';
import { bindJoinFamily } from './join.js';
import { bindExpandFamily } from './expand.js';
import { bindMiscOperator } from './misc.js';

export function tableError(span: Span, columns: readonly Column[] = []): BoundTable {
  return { kind: 'TableError', schema: schemaOf(columns), span };
}

/** A database table by exact name (Kusto table names are case-sensitive). */
export function tableFromName(b: Binder, name: string, span: Span): BoundTable | null {
  const t = b.tables.get(name);
  return t === undefined ? null : { kind: 'Table', name, schema: t, span };
}

/** Binds let statements into `env` and returns the value of the last expression statement. */
export function bindStatements(b: Binder, stmts: readonly Statement[], env: Env, rs: RowScope): Value | null {
  let last: Value | null = null;
  for (const s of stmts) {
    if (s.kind === 'LetStmt') bindLet(b, s, env, rs);
    else if (s.kind === 'ExprStmt') last = bindValue(b, s.expr, rs, env);
    else if (s.kind === 'DeclarePatternStmt')
      env.define({ kind: 'pattern', name: s.name.name, rules: s.definition?.rules ?? [], env });
    else if (s.kind === 'DeclareQueryParametersStmt') {
      for (const p of s.params) {
        if (p.type.kind === 'ScalarTypeRef') {
          env.define({
            kind: 'scalar',
            name: p.name.name,
            value: { kind: 'Literal', type: p.type.name, value: null, span: p.span },
          });
        }
      }
    }
  }
  return last;
}

export function bindLet(b: Binder, s: Extract<Statement, { kind: 'LetStmt' }>, env: Env, rs: RowScope): void {
  const name = s.name.name;
  if (s.value.kind === 'FunctionDef') {
    env.define({ kind: 'function', name, def: s.value, env });
    return;
  }
  const materialized = s.value.kind === 'Call' && s.value.callee.name === 'materialize';
  const v = bindValue(b, s.value, rs, env);
  if (v.kind === 'scalar') {
    env.define({ kind: 'scalar', name, value: v.expr });
    return;
  }
  const let_ = {
    kind: 'LetTable' as const,
    name,
    id: b.letId(),
    value: v.table,
    materialized,
    schema: v.table.schema,
    span: s.span,
  };
  b.lets.push(let_);
  env.define({ kind: 'table', name, table: let_ });
}

/** Binds `e` as a tabular expression. `input` feeds a pipeline with no source (sub-queries). */
export function bindTable(b: Binder, e: Expr, env: Env, input: BoundTable | null): BoundTable {
  switch (e.kind) {
    case 'Pipeline':
      return bindPipeline(b, e, env, input);
    case 'Paren':
      return bindTable(b, e.expr, env, input);
    case 'Datatable':
      return bindDatatable(b, e, env);
    case 'ExternalData':
      return {
        kind: 'ExternalData',
        uris: e.uris.map((u) => bindScalar(b, u, EMPTY_ROW, env)),
        schema: schemaOf(e.columns.map((c) => ({ name: c.name.name, type: c.type.name }))),
        span: e.span,
      };
    case 'NameRef': {
      const sym = env.lookup(e.name.name);
      if (sym === undefined && !b.tables.has(e.name.name)) {
        const candidates = [...b.tables.keys(), ...env.names()];
        b.report(codes.UNKNOWN_TABLE, { name: e.name.name }, e.span, didYouMean(e.name.name, candidates));
        return tableError(e.span);
      }
      break;
    }
    default:
      break;
  }
  const v = bindValue(b, e, EMPTY_ROW, env);
  if (v.kind === 'table') return v.table;
  if (v.expr.kind !== 'Error') b.report(codes.TABULAR_EXPECTED, {}, e.span);
  return tableError(e.span);
}

function bindPipeline(b: Binder, p: Pipeline, env: Env, input: BoundTable | null): BoundTable {
  let cur: BoundTable | null = p.source === null ? input : bindTable(b, p.source, env, null);
  for (const op of p.ops) cur = bindOperator(b, op, cur, env);
  return cur ?? tableError(p.span);
}

const SOURCE_OPS = new Set(['Print', 'Range', 'Union', 'Search', 'Find', 'Evaluate']);

export function bindOperator(b: Binder, op: Operator, input: BoundTable | null, env: Env): BoundTable {
  if (input === null && !SOURCE_OPS.has(op.kind)) {
    b.report(codes.NOT_FIRST_OPERATOR, {}, op.span);
    input = tableError(op.span);
  }
  switch (op.kind) {
    case 'Print': {
      if (input !== null) b.report(codes.FIRST_OPERATOR_ONLY, {}, op.span);
      const cols: BoundColumnDef[] = [];
      const taken = new Set<string>();
      op.items.forEach((item, i) => {
        const expr = bindScalar(b, item.expr, EMPTY_ROW, env);
        if (appendTupleColumns(item, expr, taken, cols)) return;
        // print names only what is named explicitly: `print x` is print_0, as in Kusto.
        const n = item.names[0]?.name ?? `print_${i}`;
        const name = uniqueName(n, taken);
        taken.add(name);
        cols.push({ name, type: expr.type, expr });
      });
      return {
        kind: 'Print',
        columns: cols,
        schema: schemaOf(cols.map((c) => ({ name: c.name, type: c.type }))),
        span: op.span,
      };
    }
    case 'Range': {
      const from = bindScalar(b, op.from, EMPTY_ROW, env);
      const to = bindScalar(b, op.to, EMPTY_ROW, env);
      const step = bindScalar(b, op.step, EMPTY_ROW, env);
      const type = from.type === 'int' ? 'long' : from.type;
      return {
        kind: 'Range',
        column: op.column.name,
        from,
        to,
        step,
        schema: schemaOf([{ name: op.column.name, type }]),
        span: op.span,
      };
    }
    default: {
      const r =
        bindProjectFamily(b, op, input, env) ??
        bindSummarizeFamily(b, op, input, env) ??
        bindJoinFamily(b, op, input, env) ??
        bindExpandFamily(b, op, input, env) ??
        bindMiscOperator(b, op, input, env);
      return r;
    }
  }
}

function bindDatatable(b: Binder, e: Extract<Expr, { kind: 'Datatable' }>, env: Env): BoundTable {
  const cols: Column[] = e.columns.map((c) => ({ name: c.name.name, type: c.type.name }));
  const values: BoundExpr[] = e.values.map((v) => bindScalar(b, v, EMPTY_ROW, env));
  const rows: BoundExpr[][] = [];
  if (cols.length > 0) {
    if (values.length % cols.length !== 0) b.report(codes.DATATABLE_VALUES, { multiple: cols.length }, e.span);
    for (let i = 0; i + cols.length <= values.length; i += cols.length) rows.push(values.slice(i, i + cols.length));
  }
  return { kind: 'Datatable', rows, schema: schemaOf(cols), span: e.span };
}

/** Columns of a row scope built from an input table. */
export function rowOf(t: BoundTable | null): RowScope {
  return { columns: t === null ? [] : t.schema.columns };
}
