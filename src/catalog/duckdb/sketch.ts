// Sketches, exact. Kusto's hll() and tdigest() are approximate summaries meant to be merged and
// queried later; here, as dcount and percentile are exact (docs/known-differences/engine.md),
// a sketch holds its data exactly: hll() the sorted distinct values, tdigest() the
// [value, weight] pairs. Merging is set union or concatenation, and dcount_hll,
// percentile_tdigest, percentrank_tdigest and rank_tdigest answer exactly (nearest rank, as
// percentile). A sketch's stored form differs from Kusto's opaque one: never carry one across
// engines. tdigest() takes numbers only (other types refused).
import type { SqlArg, SqlTemplate } from '../types.js';
import { arg, Unsupported } from './render.js';
import { p } from './values.js';

const NUMERIC = new Set(['int', 'long', 'real']);
const asJson = (sql: string): string => `CAST(${sql} AS JSON)`;
/** The elements of a sketch (a JSON array) as JSON[]. */
const items = (h: string): string => `CAST(${p(h)} AS JSON[])`;

// --- aggregates -------------------------------------------------------------------------------

/** hll(x) / hll_if(x, pred): the distinct non-null values, sorted by their JSON text. */
function hllOf(x: SqlArg, filter: string | null): string {
  const v = `to_json(${p(x.sql)})`;
  const keep = `${p(x.sql)} IS NOT NULL${filter === null ? '' : ` AND (${filter})`}`;
  // Over no rows a sketch is null, as the summarize page shows.
  return asJson(`to_json(list_sort(list(DISTINCT CAST(${v} AS VARCHAR)) FILTER (WHERE ${keep})))`);
}

/** The union of hll sketches (a JSON array of JSON texts). */
const hllUnion = (lists: string): string =>
  asJson(`to_json(coalesce(list_sort(list_distinct(flatten(${lists}))), []))`);

function tdigestOf(x: SqlArg, w: SqlArg | undefined): string {
  if (!NUMERIC.has(x.type)) throw new Unsupported(`tdigest(${x.type}): exact sketches take numbers only`);
  if (w !== undefined && w.type !== 'int' && w.type !== 'long')
    throw new Unsupported('tdigest weight must be an integer');
  const v = p(x.sql);
  const wt = w === undefined ? '1' : p(w.sql);
  const keep = `${v} IS NOT NULL${w === undefined ? '' : ` AND ${wt} > 0`}`;
  return asJson(`to_json(list([CAST(${v} AS DOUBLE), CAST(${wt} AS DOUBLE)]) FILTER (WHERE ${keep}))`);
}

export const SKETCH_AGGREGATES: Readonly<Record<string, SqlTemplate>> = {
  hll: (args) => hllOf(arg(args, 0), null),
  hll_if: (args) => hllOf(arg(args, 0), p(arg(args, 1).sql)),
  hll_merge: (args) => hllUnion(`list(CAST(${items(arg(args, 0).sql)} AS VARCHAR[]))`),
  tdigest: (args) => tdigestOf(arg(args, 0), args[1]),
  tdigest_merge: (args) => asJson(`to_json(coalesce(flatten(list(${items(arg(args, 0).sql)})), []))`),
  merge_tdigest: (args) => asJson(`to_json(coalesce(flatten(list(${items(arg(args, 0).sql)})), []))`),
};

// --- scalars over sketches ---------------------------------------------------------------------

/** The [value, weight] pairs of a tdigest, sorted by value. */
const pairs = (td: string): string => `list_sort(CAST(${p(td)} AS DOUBLE[2][]))`;

/** Nearest rank: the smallest value whose cumulative weight reaches ceil(pct/100 * total). */
function percentileSql(td: string, pct: SqlArg): string {
  if (typeof pct.constant !== 'number') throw new Unsupported('percentile_tdigest with a non-constant percentile');
  const ps = pairs(td);
  const total = `list_sum(list_transform(${ps}, e -> e[2]))`;
  const rank = `greatest(1, ceil(${pct.constant} / 100.0 * ${total}))`;
  const start = `{'c': CAST(0 AS DOUBLE), 'v': CAST(NULL AS DOUBLE)}`;
  return `list_reduce(list_transform(${ps}, e -> {'c': e[2], 'v': e[1]}), (a, e) -> CASE WHEN a.c >= ${rank} THEN a ELSE {'c': a.c + e.c, 'v': e.v} END, ${start}).v`;
}

/** Total weight of the values at or below `v`. */
const rankSql = (td: string, v: string): string =>
  `coalesce(list_sum(list_transform(list_filter(${pairs(td)}, e -> e[1] <= CAST(${p(v)} AS DOUBLE)), e -> e[2])), 0)`;

export const SKETCH_SCALARS: Readonly<Record<string, SqlTemplate>> = {
  hll_merge: (args) => hllUnion(`[${args.map((a) => `CAST(${items(a.sql)} AS VARCHAR[])`).join(', ')}]`),
  dcount_hll: (args) => `CAST(json_array_length(${p(arg(args, 0).sql)}) AS BIGINT)`,
  tdigest_merge: (args) => asJson(`to_json(flatten([${args.map((a) => items(a.sql)).join(', ')}]))`),
  merge_tdigest: (args) => asJson(`to_json(flatten([${args.map((a) => items(a.sql)).join(', ')}]))`),
  percentile_tdigest: (args) => {
    const v = percentileSql(arg(args, 0).sql, arg(args, 1));
    const t = args[2];
    if (t === undefined) return asJson(`to_json(${v})`);
    // typeof(long) / typeof(int) / typeof(real): the result's type, as the signature says.
    if (t.type === 'long' || t.type === 'int') return `CAST(${v} AS BIGINT)`;
    if (t.type === 'real') return v;
    throw new Unsupported(`percentile_tdigest as ${t.type}`);
  },
  rank_tdigest: (args) => rankSql(arg(args, 0).sql, arg(args, 1).sql),
  percentrank_tdigest: (args) => {
    const td = arg(args, 0).sql;
    const total = `list_sum(list_transform(${pairs(td)}, e -> e[2]))`;
    return `(100.0 * ${rankSql(td, arg(args, 1).sql)} / ${total})`;
  },
};
