// DuckDB templates for series_* functions over dynamic (JSON) arrays.
// Kusto rules (reference/kql/series-*.md): a non-numeric element, or a position missing in the
// shorter array, gives a null element; the result is a JSON array. Add/subtract/multiply/abs
// keep integers when the operands are integers (divide is documented to give reals).
import type { SqlArg, SqlTemplate } from '../types.js';
import { arg, Unsupported } from './render.js';
import { p } from './values.js';

const NUMERIC = "('BIGINT', 'UBIGINT', 'DOUBLE')";
const isNum = (e: string) => `(json_type(${e}) IN ${NUMERIC})`;
const isInt = (e: string) => `(json_type(${e}) IN ('BIGINT', 'UBIGINT'))`;
const dbl = (e: string) => `CAST(${e} AS DOUBLE)`;
const NAN = "CAST('NaN' AS DOUBLE)";
const NEG_INF = "CAST('-Infinity' AS DOUBLE)";

/** The elements of a dynamic array as JSON[] (null when not an array). */
const elements = (d: string) =>
  `(CASE WHEN json_type(${d}) = 'ARRAY' THEN CAST(json_extract(${d}, '$[*]') AS JSON[]) END)`;
/** A numeric element as DOUBLE, anything else null. */
const num = (e: string) => `(CASE WHEN ${isNum(e)} THEN ${dbl(e)} END)`;
/** The numbers of a dynamic array as DOUBLE[] (non-numeric elements null). */
const numbers = (d: string) => `list_transform(${elements(d)}, e -> ${num('e')})`;
const out = (l: string) => `CAST(to_json(${l}) AS JSON)`;

function operand(a: SqlArg): { readonly list: boolean; readonly sql: string } {
  if (a.type === 'dynamic') return { list: true, sql: elements(p(a.sql)) };
  if (a.type === 'int' || a.type === 'long' || a.type === 'real' || a.type === 'decimal') {
    const v = a.type === 'decimal' ? `CAST(${p(a.sql)} AS DOUBLE)` : p(a.sql);
    return { list: false, sql: `CAST(to_json(${v}) AS JSON)` };
  }
  throw new Unsupported(`series argument of type ${a.type}`);
}

/** Element-wise over two series (or a series and a number); `f` maps two JSON elements to a JSON value. */
function pairwise(f: (x: string, y: string) => string): SqlTemplate {
  return (args) => {
    const a = operand(arg(args, 0));
    const b = operand(arg(args, 1));
    if (a.list && b.list) return out(`list_transform(list_zip(${a.sql}, ${b.sql}), z -> ${f('z[1]', 'z[2]')})`);
    if (a.list) return out(`list_transform(${a.sql}, x -> ${f('x', b.sql)})`);
    if (b.list) return out(`list_transform(${b.sql}, y -> ${f(a.sql, 'y')})`);
    throw new Unsupported('series function needs a dynamic array argument');
  };
}

const arith = (op: string, keepInt: boolean) =>
  pairwise((x, y) => {
    const real = `to_json(${dbl(x)} ${op} ${dbl(y)})`;
    const body = keepInt
      ? `CASE WHEN ${isInt(x)} AND ${isInt(y)} THEN to_json(CAST(${x} AS BIGINT) ${op} CAST(${y} AS BIGINT)) ELSE ${real} END`
      : real;
    return `(CASE WHEN ${isNum(x)} AND ${isNum(y)} THEN ${body} END)`;
  });

// Kusto divides as doubles: x/0 is +-inf, 0/0 NaN (DuckDB's `/` gives null instead).
const divide = pairwise((x, y) => {
  const q = `(CASE WHEN ${dbl(y)} <> 0 THEN ${dbl(x)} / ${dbl(y)} WHEN ${dbl(x)} > 0 THEN CAST('Infinity' AS DOUBLE) WHEN ${dbl(x)} < 0 THEN ${NEG_INF} ELSE ${NAN} END)`;
  return `(CASE WHEN ${isNum(x)} AND ${isNum(y)} THEN to_json(${q}) END)`;
});

const compare = (op: string) =>
  pairwise((x, y) => `(CASE WHEN ${isNum(x)} AND ${isNum(y)} THEN to_json(${dbl(x)} ${op} ${dbl(y)}) END)`);

const pow = pairwise((x, y) => `(CASE WHEN ${isNum(x)} AND ${isNum(y)} THEN to_json(pow(${dbl(x)}, ${dbl(y)})) END)`);

/** Element-wise over one series; `f` maps a DOUBLE to a DOUBLE. */
function unary(f: (x: string) => string, keepInt = false): SqlTemplate {
  return (args) => {
    const d = elements(p(arg(args, 0).sql));
    const real = `to_json(${f(dbl('e'))})`;
    const body = keepInt ? `CASE WHEN ${isInt('e')} THEN to_json(${f('CAST(e AS BIGINT)')}) ELSE ${real} END` : real;
    return out(`list_transform(${d}, e -> (CASE WHEN ${isNum('e')} THEN ${body} END))`);
  };
}

const guardedLog = (x: string) => `(CASE WHEN ${x} < 0 THEN ${NAN} WHEN ${x} = 0 THEN ${NEG_INF} ELSE ln(${x}) END)`;

const magnitude = (l: string) => `sqrt(list_sum(list_transform(${l}, v -> v * v)))`;

const dotProduct: SqlTemplate = (args) => {
  const a = arg(args, 0);
  const b = arg(args, 1);
  if (a.type === 'dynamic' && b.type === 'dynamic')
    // The longer series is truncated to the shorter; non-numeric elements are ignored.
    return `coalesce(list_sum(list_transform(list_zip(${numbers(p(a.sql))}, ${numbers(p(b.sql))}, true), z -> z[1] * z[2])), 0.0)`;
  const [series, scalar] = a.type === 'dynamic' ? [a, b] : [b, a];
  if (series.type !== 'dynamic') throw new Unsupported('series_dot_product needs a dynamic array');
  return `(coalesce(list_sum(${numbers(p(series.sql))}), 0.0) * CAST(${p(scalar.sql)} AS DOUBLE))`;
};

const pearson: SqlTemplate = (args) => {
  const z = `list_filter(list_zip(${numbers(p(arg(args, 0).sql))}, ${numbers(p(arg(args, 1).sql))}, true), z -> z[1] IS NOT NULL AND z[2] IS NOT NULL)`;
  const s = (f: string) => `list_sum(list_transform(${z}, z -> ${f}))`;
  const n = `CAST(len(${z}) AS DOUBLE)`;
  return `((${n} * ${s('z[1] * z[2]')} - ${s('z[1]')} * ${s('z[2]')}) / sqrt((${n} * ${s('z[1] * z[1]')} - ${s('z[1]')} ^ 2) * (${n} * ${s('z[2] * z[2]')} - ${s('z[2]')} ^ 2)))`;
};

const cosine: SqlTemplate = (args) => {
  const a = numbers(p(arg(args, 0).sql));
  const b = numbers(p(arg(args, 1).sql));
  const ma = args[2] ? `CAST(${p(args[2].sql)} AS DOUBLE)` : magnitude(a);
  const mb = args[3] ? `CAST(${p(args[3].sql)} AS DOUBLE)` : magnitude(b);
  return `(list_sum(list_transform(list_zip(${a}, ${b}, true), z -> z[1] * z[2])) / (${ma} * ${mb}))`;
};

/** The missing-value test for the fill functions: null by default, else the placeholder. */
function missing(args: readonly SqlArg[], i: number): (e: string) => string {
  const ph = args[i];
  if (ph === undefined || ph.constant === null) return (e) => `(${e} IS NULL OR json_type(${e}) = 'NULL')`;
  if (typeof ph.constant !== 'number') throw new Unsupported('series fill placeholder must be a constant');
  return (e) => `(${isNum(e)} AND ${dbl(e)} = ${ph.constant})`;
}

function fill(direction: 'forward' | 'backward'): SqlTemplate {
  return (args) => {
    const isMissing = missing(args, 1);
    const d = elements(p(arg(args, 0).sql));
    const scope = direction === 'forward' ? `list_slice(${d}, 1, i)` : `list_reverse(list_slice(${d}, i, len(${d})))`;
    return out(
      `list_transform(range(1, len(${d}) + 1), i -> coalesce(list_last(list_filter(${scope}, e -> NOT ${isMissing('e')})), ${d}[i]))`,
    );
  };
}

const fillConst: SqlTemplate = (args) => {
  const isMissing = missing(args, 2);
  const c = args[1] === undefined ? '0' : p(args[1].sql);
  const d = elements(p(arg(args, 0).sql));
  return out(`list_transform(${d}, e -> CASE WHEN ${isMissing('e')} THEN CAST(to_json(${c}) AS JSON) ELSE e END)`);
};

/** series_stats(_dynamic): a bag; the binder expands series_stats into its columns. */
function stats(withTotals: boolean): SqlTemplate {
  return (args) => {
    if (args.length > 1) throw new Unsupported('series_stats with ignore_nonfinite');
    const l = numbers(p(arg(args, 0).sql));
    const v = `list_filter(${l}, x -> x IS NOT NULL)`;
    const totals = withTotals ? `, 'sum', list_sum(${v}), 'len', len(${l})` : '';
    // Indexes are 0-based positions of the first minimum/maximum in the original array.
    return (
      `json_object('min', list_min(${v}), 'min_idx', list_position(${l}, list_min(${v})) - 1, ` +
      `'max', list_max(${v}), 'max_idx', list_position(${l}, list_max(${v})) - 1, 'avg', list_avg(${v}), ` +
      `'stdev', list_stddev_samp(${v}), 'variance', list_var_samp(${v})${totals})`
    );
  };
}

/**
 * series_fit_line(_dynamic): least squares on x = 1..n; variance and rvariance are sample
 * variances of the series and of the residuals. Non-numeric elements raise a query error
 * (Kusto's handling of them is undocumented).
 */
const fitLine: SqlTemplate = (args) => {
  const d = p(arg(args, 0).sql);
  const y = numbers(d);
  const n = `CAST(len(${y}) AS DOUBLE)`;
  const sx = `(${n} * (${n} + 1) / 2)`;
  const sxx = `(${n} * (${n} + 1) * (2 * ${n} + 1) / 6)`;
  const sy = `list_sum(${y})`;
  const sxy = `list_sum(list_transform(${y}, (v, i) -> v * i))`;
  const slope = `((${n} * ${sxy} - ${sx} * ${sy}) / (${n} * ${sxx} - ${sx} * ${sx}))`;
  const icept = `((${sy} - ${slope} * ${sx}) / ${n})`;
  const fit = `list_transform(${y}, (v, i) -> ${icept} + ${slope} * i)`;
  const resid = `list_transform(${y}, (v, i) -> v - (${icept} + ${slope} * i))`;
  const ssRes = `list_sum(list_transform(${resid}, r -> r * r))`;
  const ssTot = `(list_var_pop(${y}) * ${n})`;
  const bag =
    `json_object('rsquare', 1 - ${ssRes} / ${ssTot}, 'slope', ${slope}, 'variance', list_var_samp(${y}), ` +
    `'rvariance', list_var_samp(${resid}), 'interception', ${icept}, 'line_fit', ${fit})`;
  return `(CASE WHEN list_bool_or(list_transform(${y}, v -> v IS NULL)) THEN error('series_fit_line: non-numeric elements are not supported') ELSE ${bag} END)`;
};

/**
 * series_iir(x, b, a): y[i] = (sum_j b[j] x[i-j] - sum_{j>=1} a[j] y[i-j]) / a[0], built
 * element by element with list_reduce (positions before the start count as 0).
 */
const iir: SqlTemplate = (args) => {
  const x = numbers(p(arg(args, 0).sql));
  const b = numbers(p(arg(args, 1).sql));
  const a = numbers(p(arg(args, 2).sql));
  // `acc` holds y[1..i-1], so the position being computed is len(acc) + 1.
  const i = '(len(acc) + 1)';
  const at = (l: string, k: string) => `(CASE WHEN ${k} >= 1 THEN ${l}[${k}] ELSE 0 END)`;
  const forward = `list_sum(list_transform(range(1, len(${b}) + 1), j -> ${b}[j] * ${at(x, `${i} - j + 1`)}))`;
  const feedback = `coalesce(list_sum(list_transform(range(2, len(${a}) + 1), j -> ${a}[j] * ${at('acc', `${i} - j + 1`)})), 0)`;
  const step = `list_append(acc, (${forward} - ${feedback}) / ${a}[1])`;
  // list_reduce's accumulator must have the element type: iterate over one-element DOUBLE[] lists.
  return out(`list_reduce(list_transform(${x}, v -> [v]), (acc, e) -> ${step}, CAST([] AS DOUBLE[]))`);
};

/**
 * series_seasonal with a constant period: each element is the median of the values at the same
 * position in every period (reference/kql/series-seasonal-function.md); a period that is not
 * positive (other than -1) gives zeros. The default -1 detects the period with
 * series_periods_detect, whose algorithm the docs don't give: refused, as are test points.
 */
const seasonal: SqlTemplate = (args) => {
  const per = args[1];
  if (args.length > 2) throw new Unsupported('series_seasonal with test points');
  if (per === undefined || per.constant === -1)
    throw new Unsupported('series_seasonal with an automatically detected period');
  if (typeof per.constant !== 'number' || !Number.isInteger(per.constant))
    throw new Unsupported('series_seasonal with a period that is not a constant integer');
  const xs = numbers(p(arg(args, 0).sql));
  if (per.constant <= 0) return out(`list_transform(${xs}, v -> CAST(0 AS DOUBLE))`);
  const n = per.constant;
  return out(
    `list_transform(range(0, len(${xs})), i -> list_median(list_filter(${xs}, (v, j) -> (j - 1) % ${n} = i % ${n})))`,
  );
};

export const SERIES_TEMPLATES: Readonly<Record<string, SqlTemplate>> = {
  series_add: arith('+', true),
  series_subtract: arith('-', true),
  series_multiply: arith('*', true),
  series_divide: divide,
  series_pow: pow,
  series_greater: compare('>'),
  series_greater_equals: compare('>='),
  series_less: compare('<'),
  series_less_equals: compare('<='),
  series_equals: compare('='),
  series_not_equals: compare('<>'),
  series_abs: unary((x) => `abs(${x})`, true),
  series_sign: unary((x) => `sign(${x})`, true),
  series_floor: unary((x) => `floor(${x})`),
  series_ceiling: unary((x) => `ceil(${x})`),
  series_exp: unary((x) => `exp(${x})`),
  series_log: unary(guardedLog),
  series_sin: unary((x) => `sin(${x})`),
  series_cos: unary((x) => `cos(${x})`),
  series_tan: unary((x) => `tan(${x})`),
  series_atan: unary((x) => `atan(${x})`),
  series_asin: unary((x) => `(CASE WHEN abs(${x}) <= 1 THEN asin(${x}) ELSE ${NAN} END)`),
  series_acos: unary((x) => `(CASE WHEN abs(${x}) <= 1 THEN acos(${x}) ELSE ${NAN} END)`),
  series_sum: (args) => `list_sum(${numbers(p(arg(args, 0).sql))})`,
  series_product: (args) => `list_product(${numbers(p(arg(args, 0).sql))})`,
  series_magnitude: (args) => magnitude(numbers(p(arg(args, 0).sql))),
  series_dot_product: dotProduct,
  series_pearson_correlation: pearson,
  series_cosine_similarity: cosine,
  series_fill_forward: fill('forward'),
  series_fill_backward: fill('backward'),
  series_fill_const: fillConst,
  series_stats_dynamic: stats(true),
  series_stats: stats(false),
  series_fit_line: fitLine,
  series_fit_line_dynamic: fitLine,
  series_iir: iir,
  series_seasonal: seasonal,
};
