// DuckDB templates: aggregates. Nulls are ignored, as in Kusto; count/sum/stdev/variance
// default to 0 and make_* to [] (summarize-operator.md, "Default values of aggregations").
//
// Operator-level aggregates (the SQL generator handles them, templates only help):
// - arg_max(E, c1, c2) / arg_min: one row per group must supply every column, so use
//   `argExtremumSql` (a struct of the returned columns picked by E) and read its fields.
//   Rows where E is null are skipped (DuckDB arg_max ignores null keys, as Kusto does).
// - percentiles(x, p1, p2): one `percentile` column per percentile.
// - take_any(a, b) / take_any(*): several columns from one row: use `argExtremumSql`-style
//   struct with any_value, or the `take_any` template per column when there is one argument.
import type { ScalarType } from '../../kql/types.js';
import type { SqlArg, SqlTemplate } from '../types.js';
import { promoted } from '../typing.js';
import { arg, constNumber, Unsupported } from './render.js';
import { p, sqlType, ticksDt, toJsonSql, toStringSql } from './values.js';
import { SKETCH_AGGREGATES } from './sketch.js';

function filtered(call: string, pred: SqlArg | undefined): string {
  return pred ? `${call} FILTER (WHERE ${p(pred.sql)})` : call;
}

function sumOf(x: SqlArg, pred?: SqlArg): string {
  const t: ScalarType = promoted(x.type);
  if (x.type === 'datetime' || x.type === 'bool') throw new Unsupported(`sum(${x.type})`);
  return `coalesce(CAST(${filtered(`sum(${p(x.sql)})`, pred)} AS ${sqlType(t)}), 0)`;
}

function avgOf(x: SqlArg, pred?: SqlArg): string {
  const v = p(x.sql);
  if (x.type === 'datetime') return ticksDt(`CAST(${filtered(`avg(epoch_ns(${v}) // 100)`, pred)} AS BIGINT)`);
  if (x.type === 'timespan') return `CAST(${filtered(`avg(${v})`, pred)} AS BIGINT)`;
  if (x.type === 'decimal') return filtered(`avg(${v})`, pred);
  // Kusto divides the sum of the non-null values by their count, so no values give 0/0 = NaN
  // (summarize-operator.md: "The result of avg_x(x) is NaN due to dividing by 0").
  return `coalesce(CAST(${filtered(`avg(${v})`, pred)} AS DOUBLE), CAST('NaN' AS DOUBLE))`;
}

/**
 * make_list/make_list_if as a JSON array; maxSize must be a constant (and counts elements
 * after unpacking, as make_set's). An array value contributes its elements, as make_set's
 * page documents for make_set: the docs' make_list examples show the same (geo-h3cell-rings#3
 * lists the cells of two arrays in one flat array, and geo-point-in-polygon#5 wraps each
 * polygon's coordinates in pack_array so that make_list's unpacking leaves a MultiPolygon).
 * make_list_with_nulls keeps array values whole: no example shows how it treats them.
 */
function collect(
  distinct: boolean,
  withNulls: boolean,
): (x: SqlArg, pred: SqlArg | undefined, max: number | undefined) => string {
  return (x, pred, max) => {
    const v = p(x.sql);
    const notNull = x.type === 'dynamic' ? `(${v} IS NOT NULL AND json_type(${v}) <> 'NULL')` : `${v} IS NOT NULL`;
    const conds = [pred ? p(pred.sql) : null, withNulls ? null : notNull].filter((c): c is string => c !== null);
    const filter = conds.length ? ` FILTER (WHERE ${conds.join(' AND ')})` : '';
    const unpack = x.type === 'dynamic' && !withNulls;
    const element = withNulls
      ? `coalesce(${toJsonSql(x)}, CAST('null' AS JSON))`
      : unpack
        ? `CASE WHEN json_type(${v}) = 'ARRAY' THEN CAST(json_extract(${v}, '$[*]') AS JSON[]) ELSE [${v}] END`
        : toJsonSql(x);
    // DISTINCT on the JSON text: Kusto compares dynamic values structurally, so text equality of
    // normalised JSON (DuckDB minifies) is the same test.
    const list = unpack
      ? `${distinct ? 'list_distinct(' : '('}flatten(list(${element})${filter}))`
      : `list(${distinct ? 'DISTINCT ' : ''}${element})${filter}`;
    const limited = max !== undefined ? `list_slice(${list}, 1, ${max})` : list;
    return `coalesce(CAST(to_json(${limited}) AS JSON), CAST('[]' AS JSON))`;
  };
}

function maxSizeArg(args: readonly SqlArg[], i: number): number | undefined {
  return args[i] ? constNumber(args, i, 'maxSize') : undefined;
}

const makeList = collect(false, false);

/**
 * make_set: Kusto leaves the order undefined; sorted (by value, before rendering) is
 * deterministic and is what the docs show. An array value contributes its elements
 * (make-set docs, "Set from array column").
 */
function makeSet(x: SqlArg, pred: SqlArg | undefined, max: number | undefined): string {
  const v = p(x.sql);
  const notNull = x.type === 'dynamic' ? `(${v} IS NOT NULL AND json_type(${v}) <> 'NULL')` : `${v} IS NOT NULL`;
  const cond = [notNull, pred ? p(pred.sql) : null].filter((c): c is string => c !== null).join(' AND ');
  // list(DISTINCT v) measured 2x faster than list_distinct(list(v)) on repetitive values.
  let set =
    x.type === 'dynamic'
      ? `list_sort(list_distinct(flatten(list(CASE WHEN json_type(${v}) = 'ARRAY' THEN CAST(json_extract(${v}, '$[*]') AS JSON[]) ELSE [${v}] END) FILTER (WHERE ${cond}))))`
      : `list_sort(list(DISTINCT ${v}) FILTER (WHERE ${cond}))`;
  if (x.type === 'datetime' || x.type === 'timespan')
    set = `list_transform(${set}, e -> ${toStringSql({ sql: 'e', type: x.type })})`;
  const limited = max !== undefined ? `list_slice(${set}, 1, ${max})` : set;
  return `coalesce(CAST(to_json(${limited}) AS JSON), CAST('[]' AS JSON))`;
}

/** Nearest-rank percentile: the smallest value with at least P% of the values at or below it. */
function percentileOf(x: SqlArg, pct: SqlArg): string {
  if (typeof pct.constant !== 'number') throw new Unsupported('percentile must be a constant');
  if (x.type === 'string' || x.type === 'bool' || x.type === 'dynamic' || x.type === 'guid')
    throw new Unsupported(`percentile(${x.type})`);
  const v = p(x.sql);
  const sorted = `list_sort(list(${v}) FILTER (WHERE ${v} IS NOT NULL))`;
  const rank = `greatest(1, CAST(ceil(${pct.constant} / 100.0 * count(${v})) AS BIGINT))`;
  const value = `${sorted}[${rank}]`;
  return x.type === 'int' ? `CAST(${value} AS BIGINT)` : value;
}

/**
 * Weighted nearest rank: the smallest value whose cumulative weight (values ascending) reaches
 * ceil(p/100 * total weight), as if each value appeared `weight` times.
 */
function percentileWOf(x: SqlArg, w: SqlArg, pct: number): string {
  if (x.type === 'string' || x.type === 'bool' || x.type === 'dynamic' || x.type === 'guid')
    throw new Unsupported(`percentilew(${x.type})`);
  const v = p(x.sql);
  const wt = p(w.sql);
  const keep = `${v} IS NOT NULL AND ${wt} > 0`;
  const rank = `greatest(1, ceil(${pct} / 100.0 * sum(${wt}) FILTER (WHERE ${keep})))`;
  const items = `list_transform(list_sort(list({'v': ${v}, 'w': ${wt}}) FILTER (WHERE ${keep})), e -> {'c': e.w, 'v': e.v})`;
  const value = `list_reduce(${items}, (a, e) -> CASE WHEN a.c >= ${rank} THEN a ELSE {'c': a.c + e.c, 'v': e.v} END).v`;
  return x.type === 'int' ? `CAST(${value} AS BIGINT)` : value;
}

/** The percentiles of a *_array aggregate: constant numbers, or one constant dynamic array of them. */
function percentileList(args: readonly SqlArg[]): number[] {
  const one = args[0];
  if (args.length === 1 && one?.type === 'dynamic') {
    const parsed: unknown = typeof one.constant === 'string' ? JSON.parse(one.constant) : null;
    if (!Array.isArray(parsed) || !parsed.every((n): n is number => typeof n === 'number'))
      throw new Unsupported('percentiles must be a constant array of numbers');
    return parsed;
  }
  return args.map((a) => {
    if (typeof a.constant !== 'number') throw new Unsupported('percentiles must be constants');
    return a.constant;
  });
}

const jsonArrayOf = (x: SqlArg, values: readonly string[]) =>
  `CAST(json_array(${values.map((s) => toJsonSql({ sql: s, type: x.type })).join(', ')}) AS JSON)`;

/**
 * Kusto make_bag: merges property bags; for a key present in several rows any one value may
 * be chosen (here: the last merged). Non-object values are skipped.
 */
function makeBag(x: SqlArg, pred: SqlArg | undefined): string {
  const v = p(x.sql);
  const cond = [`json_type(${v}) = 'OBJECT'`, pred ? p(pred.sql) : null]
    .filter((c): c is string => c !== null)
    .join(' AND ');
  const maps = `list(CASE WHEN json_type(${v}) = 'OBJECT' THEN CAST(${v} AS MAP(VARCHAR, JSON)) END) FILTER (WHERE ${cond})`;
  // Empty input: summarize-operator.md lists make_bag's default as an empty dynamic array.
  return `coalesce(CAST(to_json(list_reduce(${maps}, (a, b) -> map_concat(a, b))) AS JSON), CAST('[]' AS JSON))`;
}

/** SQL for arg_max/arg_min: a struct of the returned expressions, taken from the row where `by` is extreme. */
export function argExtremumSql(
  kind: 'max' | 'min',
  by: string,
  returned: readonly { readonly name: string; readonly sql: string }[],
): string {
  const fields = returned.map((r, i) => `"f${i}" := ${p(r.sql)}`).join(', ');
  return `arg_${kind}(struct_pack(${fields}), ${p(by)})`;
}

const stat = (fn: string) => (x: SqlArg, pred?: SqlArg) => `coalesce(${filtered(`${fn}(${p(x.sql)})`, pred)}, 0)`;

// hll, tdigest and their merges: exact sketches (./sketch.ts).
export const AGGREGATE_TEMPLATES: Readonly<Record<string, SqlTemplate>> = {
  count: (args) =>
    args[0]?.type === 'bool' ? `CAST(coalesce(count_if(${p(args[0].sql)}), 0) AS BIGINT)` : 'CAST(count(*) AS BIGINT)',
  // DuckDB's count_if is null over no rows; Kusto's countif is 0.
  countif: (args) => `CAST(coalesce(count_if(${p(arg(args, 0).sql)}), 0) AS BIGINT)`,
  // Kusto's dcount is a HyperLogLog estimate; this is the exact count (equal for small sets).
  dcount: (args) => `CAST(count(DISTINCT ${p(arg(args, 0).sql)}) AS BIGINT)`,
  dcountif: (args) => `CAST(count(DISTINCT ${p(arg(args, 0).sql)}) FILTER (WHERE ${p(arg(args, 1).sql)}) AS BIGINT)`,
  count_distinct: (args) => `CAST(count(DISTINCT ${p(arg(args, 0).sql)}) AS BIGINT)`,
  count_distinctif: (args) =>
    `CAST(count(DISTINCT ${p(arg(args, 0).sql)}) FILTER (WHERE ${p(arg(args, 1).sql)}) AS BIGINT)`,
  sum: (args) => sumOf(arg(args, 0)),
  sumif: (args) => sumOf(arg(args, 0), arg(args, 1)),
  avg: (args) => avgOf(arg(args, 0)),
  avgif: (args) => avgOf(arg(args, 0), arg(args, 1)),
  min: (args) => `min(${p(arg(args, 0).sql)})`,
  max: (args) => `max(${p(arg(args, 0).sql)})`,
  minif: (args) => `min(${p(arg(args, 0).sql)}) FILTER (WHERE ${p(arg(args, 1).sql)})`,
  maxif: (args) => `max(${p(arg(args, 0).sql)}) FILTER (WHERE ${p(arg(args, 1).sql)})`,
  make_list: (args) => makeList(arg(args, 0), undefined, maxSizeArg(args, 1)),
  make_list_if: (args) => makeList(arg(args, 0), arg(args, 1), maxSizeArg(args, 2)),
  make_list_with_nulls: (args) => collect(false, true)(arg(args, 0), undefined, undefined),
  make_set: (args) => makeSet(arg(args, 0), undefined, maxSizeArg(args, 1)),
  make_set_if: (args) => makeSet(arg(args, 0), arg(args, 1), maxSizeArg(args, 2)),
  make_bag: (args) => {
    if (args[1]) throw new Unsupported('make_bag maxSize');
    return makeBag(arg(args, 0), undefined);
  },
  make_bag_if: (args) => {
    if (args[2]) throw new Unsupported('make_bag_if maxSize');
    return makeBag(arg(args, 0), arg(args, 1));
  },
  make_dictionary: null,
  percentile: (args) => percentileOf(arg(args, 0), arg(args, 1)),
  // Called once per requested percentile with (x, p): see the header comment.
  percentiles: (args) => {
    if (args.length !== 2) throw new Unsupported('percentiles must be expanded to one column per percentile');
    return percentileOf(arg(args, 0), arg(args, 1));
  },
  percentiles_array: (args) => {
    const x = arg(args, 0);
    const lit = (n: number): SqlArg => ({ sql: String(n), type: 'real', constant: n });
    return jsonArrayOf(
      x,
      percentileList(args.slice(1)).map((n) => percentileOf(x, lit(n))),
    );
  },
  percentilew: (args) => {
    const pct = arg(args, 2).constant;
    if (typeof pct !== 'number') throw new Unsupported('percentile must be a constant');
    return percentileWOf(arg(args, 0), arg(args, 1), pct);
  },
  // Expanded by the binder into one percentilew per percentile.
  percentilesw: null,
  percentilesw_array: (args) => {
    const x = arg(args, 0);
    return jsonArrayOf(
      x,
      percentileList(args.slice(2)).map((n) => percentileWOf(x, arg(args, 1), n)),
    );
  },
  stdev: (args) => stat('stddev_samp')(arg(args, 0)),
  stdevif: (args) => stat('stddev_samp')(arg(args, 0), arg(args, 1)),
  stdevp: (args) => stat('stddev_pop')(arg(args, 0)),
  variance: (args) => stat('var_samp')(arg(args, 0)),
  varianceif: (args) => stat('var_samp')(arg(args, 0), arg(args, 1)),
  variancep: (args) => stat('var_pop')(arg(args, 0)),
  variancepif: (args) => stat('var_pop')(arg(args, 0), arg(args, 1)),
  covariance: (args) => `covar_samp(${p(arg(args, 0).sql)}, ${p(arg(args, 1).sql)})`,
  covariancep: (args) => `covar_pop(${p(arg(args, 0).sql)}, ${p(arg(args, 1).sql)})`,
  covarianceif: (args) =>
    `covar_samp(${p(arg(args, 0).sql)}, ${p(arg(args, 1).sql)}) FILTER (WHERE ${p(arg(args, 2).sql)})`,
  covariancepif: (args) =>
    `covar_pop(${p(arg(args, 0).sql)}, ${p(arg(args, 1).sql)}) FILTER (WHERE ${p(arg(args, 2).sql)})`,
  take_any: (args) => {
    if (args.length !== 1) throw new Unsupported('take_any with several columns must pick them from one row');
    return `any_value(${p(arg(args, 0).sql)})`;
  },
  take_anyif: (args) => `any_value(${p(arg(args, 0).sql)}) FILTER (WHERE ${p(arg(args, 1).sql)})`,
  any: (args) => {
    if (args.length !== 1) throw new Unsupported('any with several columns');
    return `any_value(${p(arg(args, 0).sql)})`;
  },
  anyif: (args) => `any_value(${p(arg(args, 0).sql)}) FILTER (WHERE ${p(arg(args, 1).sql)})`,
  // arg_max(E) alone gives max(E); with returned columns see argExtremumSql.
  arg_max: (args) => {
    if (args.length !== 1) throw new Unsupported('arg_max returns columns: use argExtremumSql');
    return `max(${p(arg(args, 0).sql)})`;
  },
  arg_min: (args) => {
    if (args.length !== 1) throw new Unsupported('arg_min returns columns: use argExtremumSql');
    return `min(${p(arg(args, 0).sql)})`;
  },
  argmax: null,
  argmin: null,
  binary_all_and: (args) => `bit_and(${p(arg(args, 0).sql)})`,
  binary_all_or: (args) => `bit_or(${p(arg(args, 0).sql)})`,
  binary_all_xor: (args) => `bit_xor(${p(arg(args, 0).sql)})`,
  // The values in scan order (as make_list), typed by a JS function (src/catalog/udf/buildschema.ts).
  buildschema: (args) => `CAST(kql_buildschema(CAST(to_json(list(${p(arg(args, 0).sql)})) AS VARCHAR)) AS JSON)`,
  passthrough: null,
  cnt: null,
  ...SKETCH_AGGREGATES,
};
