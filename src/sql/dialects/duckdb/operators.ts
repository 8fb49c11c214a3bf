// Kusto operators in DuckDB SQL, as a table of templates keyed by operator. String
// operators follow Kusto exactly: case-insensitive by default, `has` on term boundaries.
import type { ScalarType } from '../../../kql/types.js';
import type { SqlArg, SqlContext } from '../../../catalog/types.js';
import { KV_OPERATORS, SERIES_OPERATORS } from './series.js';
import { toStringSql } from '../../../catalog/duckdb/values.js';

export type OpTemplate = (a: readonly SqlArg[], ctx: SqlContext, resultType: ScalarType) => string;

const isTime = (t: ScalarType) => t === 'datetime';
const isSpan = (t: ScalarType) => t === 'timespan';
const isInt = (t: ScalarType) => t === 'int' || t === 'long';

export function arg(a: readonly SqlArg[], i: number): SqlArg {
  const x = a[i];
  if (x === undefined) throw new Error(`operator argument ${i} missing`);
  return x;
}

/**
 * lower() in SQL for constants too: DuckDB folds it at bind time, and it lower-cases exactly
 * as the column side does (JavaScript's toLowerCase differs: final sigma, dotted I).
 */
export function lowered(x: SqlArg, ctx: SqlContext): string {
  return typeof x.constant === 'string' ? `lower(${ctx.stringLiteral(x.constant)})` : `lower(${x.sql})`;
}

/**
 * DuckDB's lower() maps every code point to exactly one (checked over all of Unicode), so
 * `lower(x) = lower(c)` implies equal lengths: testing the length first skips lower() on
 * most rows (measured ~30% faster on distinct strings; bench/substring.ts).
 */
export function codePoints(s: string): number {
  return [...s].length;
}

/** A string operand; other types as Kusto's tostring() gives them (a dynamic string unquoted). */
function str(x: SqlArg): string {
  return x.type === 'string' ? x.sql : toStringSql(x);
}

// RE2 escaping for a literal needle inside a pattern.
export function reEscape(s: string): string {
  return s.replace(/[\\.^$|?*+()[\]{}]/g, (c) => `\\${c}`);
}

const ALNUM = /[\p{L}\p{N}]/u;
const TERM_SEP = '[^[:alnum:]]';

/**
 * Kusto terms are maximal runs of alphanumeric characters. `has X` holds when X occurs
 * with a term boundary on each side where X itself starts/ends with an alphanumeric.
 */
export function termPattern(needles: readonly string[], mode: 'has' | 'prefix' | 'suffix', cs: boolean): string {
  const alts = needles.map((n) => {
    const first = n.charAt(0);
    const last = n.charAt(n.length - 1);
    const pre = mode !== 'suffix' && ALNUM.test(first) ? `(?:^|${TERM_SEP})` : '';
    const post = mode !== 'prefix' && ALNUM.test(last) ? `(?:$|${TERM_SEP})` : '';
    return `${pre}${reEscape(n)}${post}`;
  });
  return `${cs ? '' : '(?i)'}(?:${alts.join('|')})`;
}

function termOp(mode: 'has' | 'prefix' | 'suffix', cs: boolean): OpTemplate {
  return (a, ctx) => {
    const l = arg(a, 0);
    const r = arg(a, 1);
    if (typeof r.constant === 'string') {
      if (r.constant === '') return mode === 'has' ? 'true' : 'true';
      const needle = r.constant;
      // A cheap substring pre-filter lets DuckDB skip the regex on most rows.
      const pre = cs
        ? `contains(${str(l)}, ${ctx.stringLiteral(needle)})`
        : `contains(lower(${str(l)}), lower(${ctx.stringLiteral(needle)}))`;
      return `(${pre} AND regexp_matches(${str(l)}, ${ctx.stringLiteral(termPattern([needle], mode, cs))}))`;
    }
    const pre = mode === 'has' || mode === 'prefix' ? `(^|[^[:alnum:]])` : '';
    const post = mode === 'has' || mode === 'suffix' ? `($|[^[:alnum:]])` : '';
    return `regexp_matches(${str(l)}, ${ctx.stringLiteral(`${cs ? '' : '(?i)'}${pre}`)} || regexp_escape(${str(r)}) || ${ctx.stringLiteral(post)})`;
  };
}

function not(t: OpTemplate): OpTemplate {
  return (a, ctx, rt) => `(NOT coalesce(${t(a, ctx, rt)}, false))`;
}

const contains: OpTemplate = (a, ctx) => `contains(lower(${str(arg(a, 0))}), ${lowered(arg(a, 1), ctx)})`;
const containsCs: OpTemplate = (a) => `contains(${str(arg(a, 0))}, ${str(arg(a, 1))})`;
// prefix() is DuckDB's fast form of starts_with() (same result; 1.3-2x faster, bench/substring.ts).
const startswith: OpTemplate = (a, ctx) => `prefix(lower(${str(arg(a, 0))}), ${lowered(arg(a, 1), ctx)})`;
const startswithCs: OpTemplate = (a) => `prefix(${str(arg(a, 0))}, ${str(arg(a, 1))})`;
const endswith: OpTemplate = (a, ctx) => `ends_with(lower(${str(arg(a, 0))}), ${lowered(arg(a, 1), ctx)})`;
const endswithCs: OpTemplate = (a) => `ends_with(${str(arg(a, 0))}, ${str(arg(a, 1))})`;
const has = termOp('has', false);
const hasCs = termOp('has', true);
const hasprefix = termOp('prefix', false);
const hasprefixCs = termOp('prefix', true);
const hassuffix = termOp('suffix', false);
const hassuffixCs = termOp('suffix', true);
const matches: OpTemplate = (a) => `regexp_matches(${str(arg(a, 0))}, ${str(arg(a, 1))})`;
// Kusto `like` is SQL LIKE with % and _ wildcards (case-insensitive), likecs case-sensitive.
// Not ILIKE: lower() on both sides measured 1.5-2x faster (bench/substring.ts).
const like: OpTemplate = (a) => `(lower(${str(arg(a, 0))}) LIKE lower(${str(arg(a, 1))}))`;
const likecs: OpTemplate = (a) => `(${str(arg(a, 0))} LIKE ${str(arg(a, 1))})`;

const eqCi: OpTemplate = (a, ctx) => {
  const l = str(arg(a, 0));
  const r = arg(a, 1);
  if (typeof r.constant !== 'string') return `(lower(${l}) = lower(${str(r)}))`;
  return `(length(${l}) = ${codePoints(r.constant)} AND lower(${l}) = ${lowered(r, ctx)})`;
};

function cmp(sqlOp: string): OpTemplate {
  return (a) => `(${arg(a, 0).sql} ${sqlOp} ${arg(a, 1).sql})`;
}

const add: OpTemplate = (a, _c, rt) => {
  const l = arg(a, 0);
  const r = arg(a, 1);
  if (rt === 'datetime') {
    const [t, s] = isTime(l.type) ? [l, r] : [r, l];
    return `make_timestamp_ns(epoch_ns(${t.sql}) + ${s.sql} * 100)`;
  }
  return `(${l.sql} + ${r.sql})`;
};

const sub: OpTemplate = (a, _c, rt) => {
  const l = arg(a, 0);
  const r = arg(a, 1);
  if (isTime(l.type) && isTime(r.type)) return `((epoch_ns(${l.sql}) - epoch_ns(${r.sql})) // 100)`;
  if (isTime(l.type) && rt === 'datetime') return `make_timestamp_ns(epoch_ns(${l.sql}) - ${r.sql} * 100)`;
  return `(${l.sql} - ${r.sql})`;
};

const mul: OpTemplate = (a, _c, rt) => {
  const l = arg(a, 0);
  const r = arg(a, 1);
  if (isSpan(rt) && (l.type === 'real' || r.type === 'real')) return `CAST(trunc(${l.sql} * ${r.sql}) AS BIGINT)`;
  return `(${l.sql} * ${r.sql})`;
};

const div: OpTemplate = (a, _c, rt) => {
  const l = arg(a, 0);
  const r = arg(a, 1);
  if (isSpan(l.type) && isSpan(r.type)) return `(${l.sql} / ${r.sql})`;
  if (isSpan(rt)) return `CAST(trunc(${l.sql} / ${r.sql}) AS BIGINT)`;
  // Integer division truncates toward zero in Kusto; DuckDB's `//` does the same.
  if (isInt(l.type) && isInt(r.type)) return `(${l.sql} // ${r.sql})`;
  return `(CAST(${l.sql} AS DOUBLE) / ${r.sql})`;
};

// Kusto's `%` is never negative (-14 % 12 == 10, 14 % -12 == 2): Euclidean remainder.
const mod: OpTemplate = (a) => {
  const l = arg(a, 0).sql;
  const r = arg(a, 1).sql;
  return `(((${l} % ${r}) + abs(${r})) % abs(${r}))`;
};

const isNullConst = (x: SqlArg) => x.constant === null;
const isConst = (x: SqlArg) => x.constant !== undefined && x.constant !== null;

/**
 * Kusto equality with nulls: null == 5 is false and null != 5 is true; only null vs
 * null is null. Against a non-null constant that is IS [NOT] DISTINCT FROM, and in a
 * filter `a = 'x'` already drops the same rows (and keeps DuckDB's scan pushdown).
 */
/** A dynamic operand compared with a string compares as its text (a JSON string unquoted). */
function asText(x: SqlArg, other: SqlArg): SqlArg {
  return x.type === 'dynamic' && other.type === 'string' ? { ...x, sql: toStringSql(x), type: 'string' } : x;
}

export function equality(neg: boolean, predicate: boolean): OpTemplate {
  return (a) => {
    const l = asText(arg(a, 0), arg(a, 1));
    const r = asText(arg(a, 1), arg(a, 0));
    if (isNullConst(l) && isNullConst(r)) return 'CAST(NULL AS BOOLEAN)';
    if (isNullConst(l) || isNullConst(r))
      return `(CASE WHEN ${(isNullConst(l) ? r : l).sql} IS NULL THEN NULL ELSE ${neg ? 'true' : 'false'} END)`;
    if (isConst(l) || isConst(r)) {
      if (!neg && predicate) return `(${l.sql} = ${r.sql})`;
      return `(${l.sql} IS ${neg ? '' : 'NOT '}DISTINCT FROM ${r.sql})`;
    }
    return `(CASE WHEN ${l.sql} IS NULL AND ${r.sql} IS NULL THEN NULL ELSE ${l.sql} IS ${neg ? '' : 'NOT '}DISTINCT FROM ${r.sql} END)`;
  };
}

/** `t between (start .. 1h)`: for datetimes a timespan upper bound means start + span. */
function betweenHigh(a: readonly SqlArg[]): string {
  const l = arg(a, 0);
  const hi = arg(a, 2);
  if (l.type === 'datetime' && hi.type === 'timespan')
    return `make_timestamp_ns(epoch_ns(${arg(a, 1).sql}) + ${hi.sql} * 100)`;
  return hi.sql;
}

/** Struct of the row values arg_max/arg_min return, so every column comes from the same row. */
const struct = (a: readonly SqlArg[]) => `struct_pack(${a.map((x, i) => `c${i} := ${x.sql}`).join(', ')})`;

export const OPERATORS: Readonly<Record<string, OpTemplate>> = {
  ...SERIES_OPERATORS,
  ...KV_OPERATORS,
  // A group whose extremum column is all null still returns a row's values (Kusto does).
  argext_max: (a) => `coalesce(arg_max(${struct(a)}, ${arg(a, 0).sql}), any_value(${struct(a)}))`,
  argext_min: (a) => `coalesce(arg_min(${struct(a)}, ${arg(a, 0).sql}), any_value(${struct(a)}))`,
  argext_any: (a) => `any_value(${struct(a)})`,
  struct_field: (a) => `struct_extract(${arg(a, 0).sql}, 'c${String(arg(a, 1).constant)}')`,
  // rows_near(cond, before, after): a true condition within `after` rows before this row or
  // `before` rows after it (src/sql/lower-rows-near.ts; both constant counts).
  rows_near_flag: (a) =>
    `coalesce(bool_or(coalesce(${arg(a, 0).sql}, false)) OVER (ROWS BETWEEN ${String(arg(a, 2).constant)} PRECEDING AND ${String(arg(a, 1).constant)} FOLLOWING), false)`,
  // schema_merge(rows, preserveOrder): src/sql/lower-schema-merge.ts.
  schema_merge: (a) => `CAST(kql_schema_merge(CAST(${arg(a, 0).sql} AS VARCHAR), ${arg(a, 1).sql}) AS JSON)`,
  // reduce's groups of the values in scan order (src/sql/lower-reduce.ts); an aggregate.
  reduce_groups: (a) =>
    `CAST(kql_reduce(CAST(to_json(list(coalesce(${arg(a, 0).sql}, ''))) AS VARCHAR), ${arg(a, 1).sql}, ${arg(a, 2).sql}) AS JSON)`,
  '+': add,
  '-': sub,
  '*': mul,
  '/': div,
  '%': mod,
  neg: (a) => `(- ${arg(a, 0).sql})`,
  '==': equality(false, false),
  '!=': equality(true, false),
  '<': cmp('<'),
  '<=': cmp('<='),
  '>': cmp('>'),
  '>=': cmp('>='),
  '=~': eqCi,
  '!~': not(eqCi),
  and: (a) => `(${arg(a, 0).sql} AND ${arg(a, 1).sql})`,
  or: (a) => `(${arg(a, 0).sql} OR ${arg(a, 1).sql})`,
  not: (a) => `(NOT ${arg(a, 0).sql})`,
  contains,
  '!contains': not(contains),
  contains_cs: containsCs,
  '!contains_cs': not(containsCs),
  startswith,
  '!startswith': not(startswith),
  startswith_cs: startswithCs,
  '!startswith_cs': not(startswithCs),
  endswith,
  '!endswith': not(endswith),
  endswith_cs: endswithCs,
  '!endswith_cs': not(endswithCs),
  has,
  '!has': not(has),
  has_cs: hasCs,
  '!has_cs': not(hasCs),
  hasprefix,
  '!hasprefix': not(hasprefix),
  hasprefix_cs: hasprefixCs,
  '!hasprefix_cs': not(hasprefixCs),
  hassuffix,
  '!hassuffix': not(hassuffix),
  hassuffix_cs: hassuffixCs,
  '!hassuffix_cs': not(hassuffixCs),
  'matches regex': matches,
  like,
  notlike: not(like),
  likecs,
  notlikecs: not(likecs),
  between: (a) => `(${arg(a, 0).sql} BETWEEN ${arg(a, 1).sql} AND ${betweenHigh(a)})`,
  '!between': (a) => `(NOT (${arg(a, 0).sql} BETWEEN ${arg(a, 1).sql} AND ${betweenHigh(a)}))`,
};
