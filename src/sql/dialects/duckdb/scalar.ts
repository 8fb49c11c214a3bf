// Scalar plan expressions -> DuckDB SQL. Operators come from OPERATORS, functions only from
// the catalog's DuckDB templates (src/catalog/duckdb/); anything without an exact
// translation raises a coded "unsupported" diagnostic.
import type { SqlArg, SqlContext } from '../../../catalog/types.js';
import { diagnostic } from '../../../kql/diagnostics/diagnostic.js';
import type { ScalarType } from '../../../kql/types.js';
import { sqlIdent, sqlString } from '../../escape.js';
import { TranslationError, UNSUPPORTED_FUNCTION, UNSUPPORTED_OPERATOR } from '../../diagnostics.js';
import type { Plan, Sx } from '../../plan.js';
import { convertSql } from './convert.js';
import { renderFunction } from '../../../catalog/duckdb/index.js';
import { literalSql } from './literals.js';
import { codePoints, equality, lowered, OPERATORS } from './operators.js';

export interface ScalarEnv {
  readonly ctx: SqlContext;
  /** Qualifier for plain column references ('' for none). */
  readonly qualifier: string;
  /** Qualifiers for `side` references in join conditions. */
  readonly sides?: { readonly left: string; readonly right: string };
  /** True while emitting a filter predicate (through and/or): null and false filter alike. */
  readonly predicate?: boolean;
  /** Emits a subplan as a SELECT (for toscalar / in (T)). */
  readonly subquery: (p: Plan) => string;
}

const ZERO_SPAN = { start: 0, end: 0 };

function constantOf(e: Sx): string | number | boolean | null | undefined {
  if (e.k !== 'lit') return undefined;
  const v = e.value;
  if (typeof v === 'bigint') return Number(v);
  return v;
}

export function emitScalar(e: Sx, env: ScalarEnv): SqlArg {
  const sql = emitSql(e, env);
  const c = constantOf(e);
  return c === undefined ? { sql, type: e.type } : { sql, type: e.type, constant: c };
}

function emitSql(e: Sx, env: ScalarEnv): string {
  switch (e.k) {
    case 'col':
      return env.qualifier === '' ? sqlIdent(e.name) : `${env.qualifier}.${sqlIdent(e.name)}`;
    case 'side': {
      const q = env.sides?.[e.side] ?? env.qualifier;
      return q === '' ? sqlIdent(e.name) : `${q}.${sqlIdent(e.name)}`;
    }
    case 'lit':
      return literalSql(e.type, e.value);
    case 'fn': {
      const args = e.args.map((a) => emitScalar(a, env));
      // Aggregates reach here too (the Aggregate node's items). Names that are both a scalar
      // and an aggregate (hll_merge, tdigest_merge) take the reading the binder chose.
      const first = e.agg === true ? 'aggregate' : 'scalar';
      const r = renderFunction(e.name, args, env.ctx, first);
      if (r.ok) return r.sql;
      const ra = renderFunction(e.name, args, env.ctx, first === 'scalar' ? 'aggregate' : 'scalar');
      if (ra.ok) return ra.sql;
      const why = r.reason === 'no exact translation' ? undefined : r.reason;
      throw new TranslationError(diagnostic(UNSUPPORTED_FUNCTION, { name: e.name, dialect: 'DuckDB' }, e.span, why));
    }
    case 'op':
      return emitOp(e, env);
    case 'path':
      return emitPath(e.target, e.steps, env);
    case 'scalarq':
      // toscalar of a table with several columns is its first column's first value.
      return `(SELECT ${sqlIdent(e.plan.columns[0]?.name ?? '')} FROM (${env.subquery(e.plan)}) LIMIT 1)`;
    case 'inq': {
      const left = emitScalar(e.left, env);
      const ci = e.op === 'in~' || e.op === '!in~';
      const neg = e.op.startsWith('!');
      const first = sqlIdent(e.plan.columns[0]?.name ?? '');
      const sub = `SELECT ${ci ? `lower(CAST(${first} AS VARCHAR))` : first} FROM (${env.subquery(e.plan)})`;
      const l = ci ? `lower(${left.sql})` : left.sql;
      return neg ? `(NOT coalesce(${l} IN (${sub}), false))` : `(${l} IN (${sub}))`;
    }
    case 'star':
      throw new TranslationError(diagnostic(UNSUPPORTED_OPERATOR, { name: '*' }, ZERO_SPAN));
  }
}

function emitOp(e: Extract<Sx, { k: 'op' }>, env: ScalarEnv): string {
  if (e.op === 'cast') {
    const a = emitScalar(e.args[0] ?? { k: 'lit', type: 'unknown', value: null }, env);
    return convertSql(a, e.type, env.ctx);
  }
  if (e.op === 'in' || e.op === '!in' || e.op === 'in~' || e.op === '!in~') return emitInList(e, env);
  if (e.op.startsWith('has_any') || e.op.startsWith('has_all')) return emitHasList(e, env);
  if (e.op === 'and' || e.op === 'or') {
    const parts = e.args.map((x) => emitScalar(x, env).sql);
    return `(${parts.join(e.op === 'and' ? ' AND ' : ' OR ')})`;
  }
  const inner = env.predicate === true ? { ...env, predicate: false } : env;
  if (e.op === '==' && env.predicate === true)
    return equality(false, true)(
      e.args.map((x) => emitScalar(x, inner)),
      env.ctx,
      e.type,
    );
  const t = OPERATORS[e.op];
  if (t === undefined) throw new TranslationError(diagnostic(UNSUPPORTED_OPERATOR, { name: e.op }, e.span));
  return t(
    e.args.map((a) => emitScalar(a, inner)),
    env.ctx,
    e.type,
  );
}

/** Constant string values of the list items (dynamic arrays flattened), or null if any isn't constant. */
function constantList(items: readonly Sx[]): (string | number | boolean | null)[] | null {
  const out: (string | number | boolean | null)[] = [];
  for (const it of items) {
    if (it.k !== 'lit') return null;
    if (it.type === 'dynamic' && typeof it.value === 'string') {
      const v: unknown = JSON.parse(it.value);
      const arr = Array.isArray(v) ? (v as unknown[]) : [v];
      for (const x of arr) {
        if (x === null || typeof x === 'string' || typeof x === 'number' || typeof x === 'boolean') out.push(x);
        else out.push(JSON.stringify(x));
      }
    } else out.push(typeof it.value === 'bigint' ? Number(it.value) : it.value);
  }
  return out;
}

function emitInList(e: Extract<Sx, { k: 'op' }>, env: ScalarEnv): string {
  const [left, ...items] = e.args;
  if (left === undefined) throw new TranslationError(diagnostic(UNSUPPORTED_OPERATOR, { name: e.op }, e.span));
  const l = emitScalar(left, env);
  const ci = e.op.endsWith('~');
  const neg = e.op.startsWith('!');
  const consts = constantList(items);
  let parts: string[];
  if (consts !== null) {
    const vals = consts.filter((v) => v !== null);
    if (vals.length === 0) return neg ? 'true' : 'false';
    if (ci) {
      // Same length test as `=~` (operators.ts, codePoints): cheap, and skips lower() on most rows.
      const text = `CAST(${l.sql} AS VARCHAR)`;
      const lens = [...new Set(vals.map((v) => codePoints(String(v))))].join(', ');
      const test = `(length(${text}) IN (${lens}) AND lower(${text}) IN (${vals.map((v) => `lower(${sqlString(String(v))})`).join(', ')}))`;
      return neg ? `(NOT coalesce(${test}, false))` : test;
    }
    parts = vals.map((v) => {
      if (typeof v === 'string')
        return left.type === 'string' || left.type === 'dynamic' ? sqlString(v) : literalSql(left.type, v);
      if (typeof v === 'boolean') return v ? 'true' : 'false';
      return literalSql(left.type === 'real' || left.type === 'int' || left.type === 'long' ? left.type : 'real', v);
    });
  } else if (items.some((it) => it.type === 'dynamic')) {
    // A run-time array (toscalar(make_set(...)), a column): membership among its elements, as text.
    const lists = items.map((it) => {
      const a = emitScalar(it, env);
      return a.type === 'dynamic'
        ? `coalesce(json_extract_string(${a.sql}, '$[*]'), [json_extract_string(${a.sql}, '$')])`
        : `[CAST(${a.sql} AS VARCHAR)]`;
    });
    const all = `flatten([${lists.join(', ')}])`;
    const lhsText = left.type === 'dynamic' ? `json_extract_string(${l.sql}, '$')` : `CAST(${l.sql} AS VARCHAR)`;
    const test = ci
      ? `list_contains(list_transform(${all}, x -> lower(x)), lower(${lhsText}))`
      : `list_contains(${all}, ${lhsText})`;
    return neg ? `(NOT coalesce(${test}, false))` : `(${test} AND ${l.sql} IS NOT NULL)`;
  } else {
    parts = items.map((it) => {
      const a = emitScalar(it, env);
      return ci ? lowered(a, env.ctx) : a.sql;
    });
  }
  const lhs = ci
    ? `lower(CAST(${l.sql} AS VARCHAR))`
    : left.type === 'dynamic'
      ? `json_extract_string(${l.sql}, '$')`
      : l.sql;
  const test = `${lhs} IN (${parts.join(', ')})`;
  return neg ? `(NOT coalesce(${test}, false))` : `(${test})`;
}

function emitHasList(e: Extract<Sx, { k: 'op' }>, env: ScalarEnv): string {
  const [left, ...items] = e.args;
  const cs = e.op.endsWith('_cs');
  const all = e.op.startsWith('has_all');
  const consts = constantList(items);
  if (left === undefined) throw new TranslationError(diagnostic(UNSUPPORTED_OPERATOR, { name: e.op }, e.span));
  const l = emitScalar(left, env);
  if (consts === null) {
    // Values known only at run time (a let-bound toscalar(make_set(...)), a column): one term test per element.
    const elems = items.map((it) => {
      const a = emitScalar(it, env);
      return a.type === 'dynamic'
        ? `coalesce(json_extract_string(${a.sql}, '$[*]'), [json_extract_string(${a.sql}, '$')])`
        : `[CAST(${a.sql} AS VARCHAR)]`;
    });
    const re = `'${cs ? '' : '(?i)'}(?:^|[^[:alnum:]])' || regexp_escape(n) || '(?:$|[^[:alnum:]])'`;
    const test = `list_transform(list_filter(flatten([${elems.join(', ')}]), n -> n IS NOT NULL AND n <> ''), n -> regexp_matches(CAST(${l.sql} AS VARCHAR), ${re}))`;
    return all ? `coalesce(list_bool_and(${test}), false)` : `coalesce(list_bool_or(${test}), false)`;
  }
  const needles = consts.filter((v) => v !== null).map(String);
  if (needles.length === 0) return 'false';
  const has = OPERATORS[cs ? 'has_cs' : 'has'];
  if (has === undefined) throw new TranslationError(diagnostic(UNSUPPORTED_OPERATOR, { name: e.op }, e.span));
  const terms = needles.map((n) => has([l, { sql: sqlString(n), type: 'string', constant: n }], env.ctx, 'bool'));
  return `(${terms.join(all ? ' AND ' : ' OR ')})`;
}

/** `a.b[0]["c"]`: a single JSON path when the steps are constant, else nested extraction. */
function emitPath(target: Sx, steps: readonly Sx[], env: ScalarEnv): string {
  let sql = emitScalar(target, env).sql;
  if (target.type !== 'dynamic') sql = `CAST(${sql} AS JSON)`;
  let path = '$';
  const flush = () => {
    if (path !== '$') sql = `json_extract(${sql}, ${sqlString(path)})`;
    path = '$';
  };
  for (const s of steps) {
    const c = constantOf(s);
    if (typeof c === 'string') path += `.${JSON.stringify(c)}`;
    else if (typeof c === 'number' && Number.isInteger(c)) path += c < 0 ? `[#${c}]` : `[${c}]`;
    else {
      flush();
      const a = emitScalar(s, env);
      const isNum = a.type === 'int' || a.type === 'long';
      sql = isNum
        ? `json_extract(${sql}, CASE WHEN ${a.sql} < 0 THEN '$[#' || ${a.sql} || ']' ELSE '$[' || ${a.sql} || ']' END)`
        : `json_extract(${sql}, '$.' || to_json(CAST(${a.sql} AS VARCHAR)))`;
    }
  }
  flush();
  return sql;
}

export function scalarType(e: Sx): ScalarType {
  return e.type;
}
