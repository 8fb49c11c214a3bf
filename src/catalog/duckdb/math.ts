// DuckDB templates: numbers, bin/floor, bitwise. Kusto math never raises: out-of-domain
// inputs give NaN or infinities, so DuckDB functions that throw are guarded.
import type { ScalarType } from '../../kql/types.js';
import type { SqlArg, SqlTemplate } from '../types.js';
import { commonType, widestType } from '../typing.js';
import { arg, Unsupported } from './render.js';
import { EPOCH_DOTNET_TICKS, castTo, dtTicks, floorTo, p, ticksDt } from './values.js';

const NAN = "CAST('NaN' AS DOUBLE)";
const NEG_INF = "CAST('-Infinity' AS DOUBLE)";

function real(a: SqlArg): string {
  return a.type === 'real' ? p(a.sql) : `CAST(${p(a.sql)} AS DOUBLE)`;
}

const unary =
  (f: (x: string) => string): SqlTemplate =>
  (args) =>
    f(real(arg(args, 0)));

/** bin(value, size) on numbers, timespans and datetimes; a null, zero or negative size gives null. */
export function binSql(v: SqlArg, size: SqlArg): string {
  const x = p(v.sql);
  const s = p(size.sql);
  if (v.type === 'datetime') {
    const c = size.constant;
    if (typeof c === 'number' && Number.isSafeInteger(c) && c > 0 && BigInt(EPOCH_DOTNET_TICKS) % BigInt(c) === 0n)
      // A constant size dividing the .NET epoch offset aligns the same from either epoch: floor
      // the nanoseconds directly (hourly/daily bins in hunts; half the cost of the tick form).
      return `make_timestamp_ns(${floorTo(`epoch_ns(${x})`, String(BigInt(c) * 100n))})`;
    // Kusto bins datetimes on .NET ticks (from 0001-01-01), which matters for sizes that don't divide a day.
    const t = `(${dtTicks(x)} + ${EPOCH_DOTNET_TICKS})`;
    return `(CASE WHEN ${s} > 0 THEN ${ticksDt(`${floorTo(t, s)} - ${EPOCH_DOTNET_TICKS}`)} END)`;
  }
  if (v.type === 'timespan') return `(CASE WHEN ${s} > 0 THEN ${floorTo(x, s)} END)`;
  const t: ScalarType = widestType([v.type, size.type], true);
  if (t === 'long') return `(CASE WHEN ${s} > 0 THEN ${floorTo(`CAST(${x} AS BIGINT)`, `CAST(${s} AS BIGINT)`)} END)`;
  if (t === 'real') return `(CASE WHEN ${s} > 0 THEN floor(${real(v)} / ${real(size)}) * ${real(size)} END)`;
  if (t === 'decimal') return `(CASE WHEN ${s} > 0 THEN floor(${x} / ${s}) * ${s} END)`;
  throw new Unsupported(`bin(${v.type}, ${size.type})`);
}

const bin: SqlTemplate = (args) => binSql(arg(args, 0), arg(args, 1));

const binAt: SqlTemplate = (args) => {
  const v = arg(args, 0);
  const size = arg(args, 1);
  const fixed = arg(args, 2);
  if (v.type === 'datetime' && fixed.type === 'datetime') {
    const rel = `(${dtTicks(p(v.sql))} - ${dtTicks(p(fixed.sql))})`;
    return `(CASE WHEN ${p(size.sql)} > 0 THEN ${ticksDt(`${floorTo(rel, p(size.sql))} + ${dtTicks(p(fixed.sql))}`)} END)`;
  }
  if (
    v.type === 'timespan' ||
    ((v.type === 'int' || v.type === 'long') && (size.type === 'int' || size.type === 'long'))
  ) {
    const rel = `(${p(v.sql)} - ${p(fixed.sql)})`;
    return `(CASE WHEN ${p(size.sql)} > 0 THEN ${floorTo(rel, p(size.sql))} + ${p(fixed.sql)} END)`;
  }
  if (v.type === 'real' || size.type === 'real') {
    const rel = `(${real(v)} - ${real(fixed)})`;
    return `(CASE WHEN ${p(size.sql)} > 0 THEN floor(${rel} / ${real(size)}) * ${real(size)} + ${real(fixed)} END)`;
  }
  throw new Unsupported(`bin_at(${v.type}, ${size.type}, ${fixed.type})`);
};

function extremum(fn: 'greatest' | 'least'): SqlTemplate {
  return (args) => {
    const t = commonType(args.map((a) => a.type));
    if (t === 'dynamic' || t === 'unknown') throw new Unsupported(`${fn} of mixed types`);
    return `${fn}(${args.map((a) => castTo(a, t)).join(', ')})`;
  };
}

const round: SqlTemplate = (args) => {
  const a = arg(args, 0);
  const digits = args[1] ? `CAST(${p(arg(args, 1).sql)} AS INTEGER)` : '0';
  if (a.type === 'int' || a.type === 'long') {
    // Negative precision rounds integers to tens, hundreds, ...
    return `CAST(round(CAST(${p(a.sql)} AS DOUBLE), ${digits}) AS ${a.type === 'int' ? 'INTEGER' : 'BIGINT'})`;
  }
  return `round(${p(a.sql)}, ${digits})`;
};

export const MATH_TEMPLATES: Readonly<Record<string, SqlTemplate>> = {
  bin,
  floor: bin,
  bin_at: binAt,
  bin_auto: null,
  round,
  ceiling: (args) => {
    const a = arg(args, 0);
    return a.type === 'int' || a.type === 'long' ? p(a.sql) : `ceil(${p(a.sql)})`;
  },
  abs: (args) => {
    const a = arg(args, 0);
    return a.type === 'int' ? `abs(CAST(${p(a.sql)} AS BIGINT))` : `abs(${p(a.sql)})`;
  },
  sqrt: unary((x) => `(CASE WHEN ${x} < 0 THEN ${NAN} ELSE sqrt(${x}) END)`),
  exp: unary((x) => `exp(${x})`),
  exp2: unary((x) => `pow(2.0, ${x})`),
  exp10: unary((x) => `pow(10.0, ${x})`),
  log: unary((x) => `(CASE WHEN ${x} < 0 THEN ${NAN} WHEN ${x} = 0 THEN ${NEG_INF} ELSE ln(${x}) END)`),
  log2: unary((x) => `(CASE WHEN ${x} < 0 THEN ${NAN} WHEN ${x} = 0 THEN ${NEG_INF} ELSE log2(${x}) END)`),
  log10: unary((x) => `(CASE WHEN ${x} < 0 THEN ${NAN} WHEN ${x} = 0 THEN ${NEG_INF} ELSE log10(${x}) END)`),
  pow: (args) => `pow(${real(arg(args, 0))}, ${real(arg(args, 1))})`,
  pi: 'pi()',
  sin: unary((x) => `sin(${x})`),
  cos: unary((x) => `cos(${x})`),
  tan: unary((x) => `tan(${x})`),
  cot: unary((x) => `(1.0 / tan(${x}))`),
  asin: unary((x) => `(CASE WHEN abs(${x}) > 1 THEN ${NAN} ELSE asin(${x}) END)`),
  acos: unary((x) => `(CASE WHEN abs(${x}) > 1 THEN ${NAN} ELSE acos(${x}) END)`),
  atan: unary((x) => `atan(${x})`),
  atan2: (args) => `atan2(${real(arg(args, 0))}, ${real(arg(args, 1))})`,
  degrees: unary((x) => `degrees(${x})`),
  radians: unary((x) => `radians(${x})`),
  sign: unary((x) => `CAST(sign(${x}) AS DOUBLE)`),
  isnan: unary((x) => `isnan(${x})`),
  isinf: unary((x) => `isinf(${x})`),
  isfinite: unary((x) => `isfinite(${x})`),
  // tgamma semantics: a pole at 0 (+inf), NaN at negative integers.
  gamma: unary(
    (x) =>
      `(CASE WHEN ${x} = 0 THEN CAST('Infinity' AS DOUBLE) WHEN ${x} < 0 AND ${x} = floor(${x}) THEN ${NAN} ELSE gamma(${x}) END)`,
  ),
  // log|gamma(x)|: +inf at the poles (0 and negative integers), where DuckDB's lgamma raises.
  loggamma: unary(
    (x) => `(CASE WHEN ${x} <= 0 AND ${x} = floor(${x}) THEN CAST('Infinity' AS DOUBLE) ELSE lgamma(${x}) END)`,
  ),
  erf: 'kql_erf(CAST($0 AS DOUBLE))',
  erfc: 'kql_erfc(CAST($0 AS DOUBLE))',
  // JavaScript (src/catalog/udf/beta.ts).
  beta_cdf: 'kql_beta_cdf(CAST($0 AS DOUBLE), CAST($1 AS DOUBLE), CAST($2 AS DOUBLE))',
  beta_inv: 'kql_beta_inv(CAST($0 AS DOUBLE), CAST($1 AS DOUBLE), CAST($2 AS DOUBLE))',
  beta_pdf: 'kql_beta_pdf(CAST($0 AS DOUBLE), CAST($1 AS DOUBLE), CAST($2 AS DOUBLE))',
  rand: (args) => (args[0] ? `floor(random() * ${p(arg(args, 0).sql)})` : 'random()'),
  max_of: extremum('greatest'),
  min_of: extremum('least'),
  binary_and: 'CAST($0 AS BIGINT) & CAST($1 AS BIGINT)',
  binary_or: 'CAST($0 AS BIGINT) | CAST($1 AS BIGINT)',
  binary_xor: 'xor(CAST($0 AS BIGINT), CAST($1 AS BIGINT))',
  binary_not: '~CAST($0 AS BIGINT)',
  binary_shift_right: 'CAST($0 AS BIGINT) >> (CAST($1 AS BIGINT) & 63)',
  // .NET masks the count to 6 bits. DuckDB raises (EXF310) on overflow and negative values, where .NET wraps.
  binary_shift_left: 'CAST($0 AS BIGINT) << (CAST($1 AS BIGINT) & 63)',
  bitset_count_ones: 'CAST(bit_count(CAST($0 AS BIGINT)) AS BIGINT)',
  // [center - delta, center + delta], inclusive; datetimes compare in ns, timespans are ticks.
  around: (args) => {
    const v = arg(args, 0);
    const c = arg(args, 1);
    const d = arg(args, 2);
    if (v.type === 'datetime' && c.type === 'datetime' && d.type === 'timespan')
      return `(epoch_ns(${p(v.sql)}) BETWEEN epoch_ns(${p(c.sql)}) - ${p(d.sql)} * 100 AND epoch_ns(${p(c.sql)}) + ${p(d.sql)} * 100)`;
    const numeric = ['int', 'long', 'real', 'timespan'];
    if (![v, c, d].every((a) => numeric.includes(a.type)) || (v.type === 'timespan') !== (c.type === 'timespan'))
      throw new Unsupported(`around(${v.type}, ${c.type}, ${d.type})`);
    return `(${p(v.sql)} BETWEEN ${p(c.sql)} - ${p(d.sql)} AND ${p(c.sql)} + ${p(d.sql)})`;
  },
  welch_test: null,
};
