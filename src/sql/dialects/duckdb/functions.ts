// DuckDB templates for the functions hunting relies on, keyed by Kusto name. The
// catalog's per-dialect templates take precedence where they exist (see lookupTemplate);
// these cover the engine's storage conventions (ticks, TIMESTAMP_NS, JSON) exactly.
import type { SqlArg, SqlContext, SqlTemplate } from '../../../catalog/types.js';
import { convertSql, toStringSql } from './convert.js';
import { arg, lowered } from './operators.js';
import { EXTRA_FNS } from './functions-extra.js';
import { renderFunction } from '../../../catalog/duckdb/index.js';
import { duckType } from './literals.js';

type Fn = (a: readonly SqlArg[], ctx: SqlContext) => string;

import { NoTranslation } from './no-translation.js';
export { NoTranslation };

function maxArgs(n: number, f: Fn): Fn {
  return (a, ctx) => {
    if (a.length > n) throw new NoTranslation();
    return f(a, ctx);
  };
}

/** An integer constant as plain SQL text (DuckDB wants literal group indexes). */
function intConst(x: SqlArg): string {
  if (typeof x.constant === 'number') return String(Math.trunc(x.constant));
  throw new NoTranslation();
}

const conv =
  (to: Parameters<typeof convertSql>[1]): Fn =>
  (a, ctx) =>
    convertSql(arg(a, 0), to, ctx);
const ns = (s: string) => `epoch_ns(${s})`;
const ts = (nsExpr: string) => `make_timestamp_ns(${nsExpr})`;

/** Floor `x` to a multiple of `m` for integers, correct for negatives. */
// The non-negative branch is the common case and measured ~2x faster than the general form.
const floorTo = (x: string, m: string) =>
  `(${x} - CASE WHEN (${x}) >= 0 THEN (${x}) % (${m}) ELSE (((${x}) % (${m})) + (${m})) % (${m}) END)`;

const bin: Fn = (a) => {
  const x = arg(a, 0);
  const size = arg(a, 1);
  if (x.type === 'datetime') return ts(floorTo(ns(x.sql), `(${size.sql}) * 100`));
  if (
    x.type === 'timespan' ||
    ((x.type === 'long' || x.type === 'int') && (size.type === 'long' || size.type === 'int'))
  )
    return floorTo(x.sql, size.sql);
  return `(floor(${x.sql} / ${size.sql}) * ${size.sql})`;
};

const binAt: Fn = (a) => {
  const x = arg(a, 0);
  const size = arg(a, 1);
  const at = arg(a, 2);
  if (x.type === 'datetime')
    return ts(`${floorTo(`${ns(x.sql)} - ${ns(at.sql)}`, `(${size.sql}) * 100`)} + ${ns(at.sql)}`);
  return `(${floorTo(`${x.sql} - ${at.sql}`, size.sql)} + ${at.sql})`;
};

const DAY = 864000000000n;
const offsetN = (a: readonly SqlArg[]) => (a[1] === undefined ? '0' : `CAST(${a[1].sql} AS INTEGER)`);
const offsetNs = (a: readonly SqlArg[], unit: bigint) => `${offsetN(a)} * ${unit}`;

const strOf = (a: readonly SqlArg[], i: number) => toStringSql(arg(a, i));

const isEmpty: Fn = (a) => {
  const x = arg(a, 0);
  return x.type === 'string' ? `(${x.sql} IS NULL OR ${x.sql} = '')` : `(${x.sql} IS NULL)`;
};

const coalesce: Fn = (a) => {
  const parts = a.map((x) => (x.type === 'string' ? `nullif(${x.sql}, '')` : x.sql));
  return a.length > 0 && a.every((x) => x.type === 'string')
    ? `coalesce(${parts.join(', ')}, '')`
    : `coalesce(${parts.join(', ')})`;
};

const caseFn: Fn = (a) => {
  const parts: string[] = [];
  for (let i = 0; i + 1 < a.length; i += 2) parts.push(`WHEN ${arg(a, i).sql} THEN ${arg(a, i + 1).sql}`);
  const last = a.length % 2 === 1 ? ` ELSE ${arg(a, a.length - 1).sql}` : '';
  return `(CASE ${parts.join(' ')}${last} END)`;
};

const ipv4Int = (s: string) =>
  `(CASE WHEN regexp_matches(${s}, '^\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}$') THEN ` +
  `TRY_CAST(split_part(${s}, '.', 1) AS BIGINT) * 16777216 + TRY_CAST(split_part(${s}, '.', 2) AS BIGINT) * 65536 + ` +
  `TRY_CAST(split_part(${s}, '.', 3) AS BIGINT) * 256 + TRY_CAST(split_part(${s}, '.', 4) AS BIGINT) END)`;

function inCidr(ipSql: string, cidr: string): string {
  const [base = '', bits = '32'] = cidr.split('/');
  const parts = base.split('.').map(Number);
  const n = (((parts[0] ?? 0) * 256 + (parts[1] ?? 0)) * 256 + (parts[2] ?? 0)) * 256 + (parts[3] ?? 0);
  const size = 2 ** (32 - Number(bits));
  const lo = Math.floor(n / size) * size;
  return `(${ipSql} BETWEEN ${lo} AND ${lo + size - 1})`;
}

const ipv4Private: Fn = (a) => {
  const ip = ipv4Int(`split_part(${arg(a, 0).sql}, '/', 1)`);
  return `(${['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'].map((c) => inCidr(ip, c)).join(' OR ')})`;
};

const ipv4InRange: Fn = (a, ctx) => {
  const ip = ipv4Int(arg(a, 0).sql);
  const r = arg(a, 1);
  if (typeof r.constant === 'string' && /^\d+\.\d+\.\d+\.\d+(\/\d+)?$/.test(r.constant)) {
    const c = r.constant.includes('/') ? r.constant : `${r.constant}/32`;
    return inCidr(ip, c);
  }
  const base = ipv4Int(`split_part(${r.sql}, '/', 1)`);
  const bits = `coalesce(TRY_CAST(nullif(split_part(${r.sql}, '/', 2), '') AS BIGINT), 32)`;
  void ctx;
  return `((${ip}) // CAST(pow(2, 32 - ${bits}) AS BIGINT) = (${base}) // CAST(pow(2, 32 - ${bits}) AS BIGINT))`;
};

const jsonList = (listSql: string) => `coalesce(to_json(${listSql}), '[]')`;
const aggArg = (x: SqlArg) => (x.type === 'datetime' || x.type === 'timespan' ? toStringSql(x) : x.sql);

const limited = (listSql: string, a: readonly SqlArg[], i: number) =>
  a[i] === undefined ? listSql : `${listSql}[1:${arg(a, i).sql}]`;

const FORMAT_MAP: readonly [RegExp, string][] = [
  [/^yyyy/, '%Y'],
  [/^yy/, '%y'],
  [/^MM/, '%m'],
  [/^M/, '%-m'],
  [/^dd/, '%d'],
  [/^d/, '%-d'],
  [/^HH/, '%H'],
  [/^H/, '%-H'],
  [/^hh/, '%I'],
  [/^h/, '%-I'],
  [/^mm/, '%M'],
  [/^m/, '%-M'],
  [/^ss/, '%S'],
  [/^s/, '%-S'],
  [/^tt/, '%p'],
];

/** Kusto format_datetime specifiers -> strftime; fractional seconds via epoch_ns. */
const formatDatetime: Fn = (a, ctx) => {
  const d = arg(a, 0);
  const f = arg(a, 1);
  if (typeof f.constant !== 'string') return 'CAST(NULL AS VARCHAR)';
  let fmt = f.constant;
  const out: string[] = [];
  let buf = '';
  const flush = () => {
    if (buf !== '') out.push(`strftime(${d.sql}, ${ctx.stringLiteral(buf)})`);
    buf = '';
  };
  while (fmt.length > 0) {
    const frac = /^(?:f{1,7}|F{1,7})/.exec(fmt);
    if (frac !== null) {
      flush();
      const n = frac[0].length;
      out.push(
        `lpad(CAST(((epoch_ns(${d.sql}) % 1000000000 + 1000000000) % 1000000000) // ${10 ** (9 - n)} AS VARCHAR), ${n}, '0')`,
      );
      fmt = fmt.slice(n);
      continue;
    }
    const hit = FORMAT_MAP.find(([re]) => re.test(fmt));
    if (hit !== undefined) {
      buf += hit[1];
      fmt = fmt.slice(hit[0].exec(fmt)?.[0].length ?? 1);
      continue;
    }
    buf += fmt.charAt(0) === '%' ? '%%' : fmt.charAt(0);
    fmt = fmt.slice(1);
  }
  flush();
  return out.length === 0 ? "''" : `(${out.join(' || ')})`;
};

const datePart =
  (part: string): Fn =>
  (a) =>
    `CAST(date_part('${part}', ${arg(a, 0).sql}) AS INTEGER)`;

const FNS: Readonly<Record<string, Fn | string>> = {
  // time
  now: (_a, ctx) => ctx.now,
  ago: (a, ctx) => ts(`${ns(ctx.now)} - (${arg(a, 0).sql}) * 100`),
  bin,
  floor: (a) => (a.length === 2 ? bin(a, { stringLiteral: String, now: '' }) : `floor(${arg(a, 0).sql})`),
  bin_at: binAt,
  startofday: (a) => ts(`${floorTo(ns(arg(a, 0).sql), `${DAY * 100n}`)} + ${offsetNs(a, DAY * 100n)}`),
  endofday: (a) =>
    ts(`${floorTo(ns(arg(a, 0).sql), `${DAY * 100n}`)} + ${offsetNs(a, DAY * 100n)} + ${DAY * 100n - 100n}`),
  startofweek: (a) =>
    `CAST(CAST(${arg(a, 0).sql} AS DATE) - CAST(dayofweek(${arg(a, 0).sql}) AS INTEGER) + 7 * ${offsetN(a)} AS TIMESTAMP_NS)`,
  endofweek: (a) =>
    ts(
      `epoch_ns(CAST(CAST(${arg(a, 0).sql} AS DATE) - CAST(dayofweek(${arg(a, 0).sql}) AS INTEGER) + 7 * (${offsetN(a)} + 1) AS TIMESTAMP_NS)) - 100`,
    ),
  startofmonth: (a) =>
    `CAST(date_trunc('month', ${arg(a, 0).sql}) + to_months(CAST(${offsetN(a)} AS INTEGER)) AS TIMESTAMP_NS)`,
  endofmonth: (a) =>
    ts(
      `epoch_ns(CAST(date_trunc('month', ${arg(a, 0).sql}) + to_months(CAST(${offsetN(a)} + 1 AS INTEGER)) AS TIMESTAMP_NS)) - 100`,
    ),
  startofyear: (a) =>
    `CAST(date_trunc('year', ${arg(a, 0).sql}) + to_years(CAST(${offsetN(a)} AS INTEGER)) AS TIMESTAMP_NS)`,
  endofyear: (a) =>
    ts(
      `epoch_ns(CAST(date_trunc('year', ${arg(a, 0).sql}) + to_years(CAST(${offsetN(a)} + 1 AS INTEGER)) AS TIMESTAMP_NS)) - 100`,
    ),
  getyear: datePart('year'),
  getmonth: datePart('month'),
  monthofyear: datePart('month'),
  dayofmonth: datePart('day'),
  dayofyear: datePart('doy'),
  hourofday: datePart('hour'),
  dayofweek: (a) => `(CAST(dayofweek(${arg(a, 0).sql}) AS BIGINT) * ${DAY})`,
  datetime_part: (a, ctx) => {
    const p = arg(a, 0).constant;
    const map: Record<string, string> = {
      year: 'year',
      quarter: 'quarter',
      month: 'month',
      week_of_year: 'week',
      day: 'day',
      dayofyear: 'doy',
      hour: 'hour',
      minute: 'minute',
      second: 'second',
      millisecond: 'millisecond',
      microsecond: 'microsecond',
      nanosecond: 'nanosecond',
    };
    const part = typeof p === 'string' ? map[p.toLowerCase()] : undefined;
    if (part === undefined) return `CAST(NULL AS INTEGER)`;
    const d = arg(a, 1).sql;
    if (part === 'millisecond') return `CAST((epoch_ns(${d}) % 1000000000) // 1000000 AS INTEGER)`;
    if (part === 'microsecond') return `CAST((epoch_ns(${d}) % 1000000000) // 1000 AS INTEGER)`;
    if (part === 'nanosecond') return `CAST(epoch_ns(${d}) % 1000000000 AS INTEGER)`;
    void ctx;
    return `CAST(date_part('${part}', ${d}) AS INTEGER)`;
  },
  unixtime_seconds_todatetime: (a) => ts(`CAST(trunc(${arg(a, 0).sql} * 1000000000) AS BIGINT)`),
  unixtime_milliseconds_todatetime: (a) => ts(`CAST(trunc(${arg(a, 0).sql} * 1000000) AS BIGINT)`),
  datetime_diff: (a) => {
    const part = typeof arg(a, 0).constant === 'string' ? String(arg(a, 0).constant).toLowerCase() : '';
    const sub: Record<string, number> = { nanosecond: 1, microsecond: 1000, millisecond: 1000000 };
    const div = sub[part];
    if (div !== undefined) return `(epoch_ns(${arg(a, 1).sql}) // ${div} - epoch_ns(${arg(a, 2).sql}) // ${div})`;
    if (part === 'week') {
      // Kusto weeks start on Sunday; DuckDB's date_diff('week') counts ISO (Monday) weeks.
      const sow = (d: string) => `(CAST(${d} AS DATE) - CAST(dayofweek(${d}) AS INTEGER))`;
      return `CAST((${sow(arg(a, 1).sql)} - ${sow(arg(a, 2).sql)}) // 7 AS BIGINT)`;
    }
    if (!['year', 'quarter', 'month', 'day', 'hour', 'minute', 'second'].includes(part)) throw new NoTranslation();
    return `date_diff(${lowerConst(arg(a, 0))}, ${arg(a, 2).sql}, ${arg(a, 1).sql})`;
  },
  format_datetime: formatDatetime,
  // conversions
  tostring: conv('string'),
  toint: conv('int'),
  tolong: conv('long'),
  toreal: conv('real'),
  todouble: conv('real'),
  todecimal: conv('decimal'),
  tobool: conv('bool'),
  toboolean: conv('bool'),
  todatetime: conv('datetime'),
  totimespan: conv('timespan'),
  toguid: conv('guid'),
  todynamic: conv('dynamic'),
  parse_json: conv('dynamic'),
  // nulls and control flow
  isempty: isEmpty,
  isnotempty: (a, c) => `(NOT ${isEmpty(a, c)})`,
  isnull: (a) => `(${arg(a, 0).sql} IS NULL)`,
  isnotnull: (a) => `(${arg(a, 0).sql} IS NOT NULL)`,
  iff: (a) => `(CASE WHEN ${arg(a, 0).sql} THEN ${arg(a, 1).sql} ELSE ${arg(a, 2).sql} END)`,
  iif: (a) => `(CASE WHEN ${arg(a, 0).sql} THEN ${arg(a, 1).sql} ELSE ${arg(a, 2).sql} END)`,
  case: caseFn,
  coalesce,
  not: (a) => `(NOT ${arg(a, 0).sql})`,
  isnan: 'isnan($0)',
  isinf: 'isinf($0)',
  isfinite: 'isfinite($0)',
  // math
  abs: 'abs($0)',
  ceiling: 'ceiling($0)',
  sqrt: 'sqrt($0)',
  exp: 'exp($0)',
  log: 'ln($0)',
  log10: 'log10($0)',
  log2: 'log2($0)',
  pow: 'pow($0, $1)',
  round: (a) => (a.length > 1 ? `round(${arg(a, 0).sql}, ${arg(a, 1).sql})` : `round(${arg(a, 0).sql})`),
  sign: 'sign($0)',
  min_of: 'least($*)',
  max_of: 'greatest($*)',
  // strings
  strlen: (a) => `length(${strOf(a, 0)})`,
  tolower: 'lower($0)',
  toupper: 'upper($0)',
  strcat: (a) => (a.length === 0 ? "''" : `concat(${a.map((x) => toStringSql(x)).join(', ')})`),
  strcat_delim: (a) => `concat_ws(${a.map((x) => toStringSql(x)).join(', ')})`,
  substring: (a) =>
    a.length > 2
      ? `substr(${strOf(a, 0)}, greatest(${arg(a, 1).sql}, 0) + 1, ${arg(a, 2).sql})`
      : `substr(${strOf(a, 0)}, greatest(${arg(a, 1).sql}, 0) + 1)`,
  indexof: maxArgs(3, (a) => {
    if (a.length === 2) return `(strpos(${strOf(a, 0)}, ${strOf(a, 1)}) - 1)`;
    // indexof(s, lookup, start): search from start (negative counts from the end).
    const s = strOf(a, 0);
    const st = `(CASE WHEN ${arg(a, 2).sql} < 0 THEN greatest(length(${s}) + ${arg(a, 2).sql}, 0) ELSE ${arg(a, 2).sql} END)`;
    return `(CASE WHEN ${st} > length(${s}) THEN -1 WHEN strpos(substr(${s}, ${st} + 1), ${strOf(a, 1)}) = 0 THEN -1 ELSE strpos(substr(${s}, ${st} + 1), ${strOf(a, 1)}) - 1 + ${st} END)`;
  }),
  countof: (a) =>
    `CAST((length(${strOf(a, 0)}) - length(replace(${strOf(a, 0)}, ${strOf(a, 1)}, ''))) // length(${strOf(a, 1)}) AS BIGINT)`,
  split: (a) =>
    a.length > 2
      ? `to_json(list_filter([list_extract(string_split(${strOf(a, 0)}, ${strOf(a, 1)}), ${arg(a, 2).sql} + 1)], x -> x IS NOT NULL))`
      : `to_json(string_split(${strOf(a, 0)}, ${strOf(a, 1)}))`,
  extract: (a) => {
    const re = arg(a, 0).sql;
    const s = strOf(a, 2);
    return `(CASE WHEN regexp_matches(${s}, ${re}) THEN regexp_extract(${s}, ${re}, ${intConst(arg(a, 1))}) END)`;
  },
  replace_string: (a) => `replace(${strOf(a, 0)}, ${strOf(a, 1)}, ${strOf(a, 2)})`,
  replace: (a) => `regexp_replace(${strOf(a, 2)}, ${arg(a, 0).sql}, ${arg(a, 1).sql}, 'g')`,
  replace_regex: (a) => `regexp_replace(${strOf(a, 0)}, ${arg(a, 1).sql}, ${arg(a, 2).sql}, 'g')`,
  trim: (a) =>
    `regexp_replace(${strOf(a, 1)}, '^(?:' || ${arg(a, 0).sql} || ')+|(?:' || ${arg(a, 0).sql} || ')+$', '', 'g')`,
  trim_start: (a) => `regexp_replace(${strOf(a, 1)}, '^(?:' || ${arg(a, 0).sql} || ')+', '')`,
  trim_end: (a) => `regexp_replace(${strOf(a, 1)}, '(?:' || ${arg(a, 0).sql} || ')+$', '')`,
  reverse: (a) => `reverse(${strOf(a, 0)})`,
  strrep: (a) =>
    a.length > 2
      ? `array_to_string(list_transform(range(${arg(a, 1).sql}), x -> ${strOf(a, 0)}), ${strOf(a, 2)})`
      : `repeat(${strOf(a, 0)}, CAST(${arg(a, 1).sql} AS BIGINT))`,
  hash_sha256: (a) => `sha256(${strOf(a, 0)})`,
  hash_md5: (a) => `md5(${strOf(a, 0)})`,
  base64_decode_tostring: (a) => `TRY(decode(from_base64(${strOf(a, 0)})))`,
  base64_encode_tostring: (a) => `to_base64(encode(${strOf(a, 0)}))`,
  string_size: (a) => `strlen(${strOf(a, 0)})`,
  // dynamic
  array_length: (a) =>
    `(CASE WHEN json_type(${arg(a, 0).sql}) = 'ARRAY' THEN CAST(json_array_length(${arg(a, 0).sql}) AS BIGINT) END)`,
  set_has_element: (a) =>
    `list_contains(CAST(json_extract(${arg(a, 0).sql}, '$[*]') AS VARCHAR[]), CAST(${jsonOf(arg(a, 1))} AS VARCHAR))`,
  array_index_of: maxArgs(
    2,
    (a) =>
      `coalesce(list_position(CAST(json_extract(${arg(a, 0).sql}, '$[*]') AS VARCHAR[]), CAST(${jsonOf(arg(a, 1))} AS VARCHAR)) - 1, -1)`,
  ),
  bag_keys: (a) => `(CASE WHEN json_type(${arg(a, 0).sql}) = 'OBJECT' THEN to_json(json_keys(${arg(a, 0).sql})) END)`,
  pack_array: (a) => `json_array(${a.map(jsonOf).join(', ')})`,
  bag_pack: (a) =>
    `json_object(${a.map((x, i) => (i % 2 === 0 ? `CAST(${toStringSql(x)} AS VARCHAR)` : jsonOf(x))).join(', ')})`,
  pack: (a) =>
    `json_object(${a.map((x, i) => (i % 2 === 0 ? `CAST(${toStringSql(x)} AS VARCHAR)` : jsonOf(x))).join(', ')})`,
  extractjson: (a) => `json_extract_string(CAST(${strOf(a, 1)} AS JSON), ${arg(a, 0).sql})`,
  strcat_array: (a) =>
    `array_to_string(CAST(list_transform(json_extract(${arg(a, 0).sql}, '$[*]'), x -> json_extract_string(x, '$')) AS VARCHAR[]), ${strOf(a, 1)})`,
  ipv4_is_private: ipv4Private,
  ipv4_is_in_range: ipv4InRange,
  ipv4_is_in_any_range: (a, ctx) => {
    const ranges = a.slice(1);
    if (ranges.some((r) => r.type === 'dynamic' || typeof r.constant !== 'string')) {
      // Arrays of ranges: the catalog's template handles dynamic arguments.
      const r = renderFunction('ipv4_is_in_any_range', a, ctx, 'scalar');
      if (!r.ok) throw new NoTranslation();
      return r.sql;
    }
    return `(${ranges.map((r) => ipv4InRange([arg(a, 0), r], ctx)).join(' OR ')})`;
  },
  // window (over the serialized order)
  row_number: maxArgs(1, (a) =>
    a.length > 0 ? `(row_number() OVER () - 1 + ${arg(a, 0).sql})` : 'row_number() OVER ()',
  ),
  prev: (a) => `lag(${arg(a, 0).sql}, ${a[1]?.sql ?? '1'}${a[2] === undefined ? '' : `, ${a[2].sql}`}) OVER ()`,
  next: (a) => `lead(${arg(a, 0).sql}, ${a[1]?.sql ?? '1'}${a[2] === undefined ? '' : `, ${a[2].sql}`}) OVER ()`,
  // aggregates
  count: (a) => (a.length === 0 || a[0]?.type === 'unknown' ? 'count(*)' : `count(${arg(a, 0).sql})`),
  countif: (a) => `count_if(${arg(a, 0).sql})`,
  dcount: (a) => `count(DISTINCT ${arg(a, 0).sql})`,
  dcountif: (a) => `count(DISTINCT ${arg(a, 0).sql}) FILTER (WHERE ${arg(a, 1).sql})`,
  count_distinct: (a) => `count(DISTINCT ${arg(a, 0).sql})`,
  sum: (a) => sumOf(arg(a, 0), ''),
  sumif: (a) => sumOf(arg(a, 0), ` FILTER (WHERE ${arg(a, 1).sql})`),
  avg: 'avg($0)',
  avgif: 'avg($0) FILTER (WHERE $1)',
  min: 'min($0)',
  max: 'max($0)',
  minif: 'min($0) FILTER (WHERE $1)',
  maxif: 'max($0) FILTER (WHERE $1)',
  take_any: 'any_value($0)',
  any: 'any_value($0)',
  stdev: 'stddev_samp($0)',
  stdevp: 'stddev_pop($0)',
  variance: 'var_samp($0)',
  variancep: 'var_pop($0)',
  make_set: (a) => jsonList(limited(firstOccurrence(setInput(arg(a, 0), 'true')), a, 1)),
  make_list: (a) => jsonList(limited(`list(${aggArg(arg(a, 0))}) FILTER (WHERE ${arg(a, 0).sql} IS NOT NULL)`, a, 1)),
  make_set_if: (a) => jsonList(limited(firstOccurrence(setInput(arg(a, 0), arg(a, 1).sql)), a, 2)),
  make_list_if: (a) =>
    jsonList(
      limited(`list(${aggArg(arg(a, 0))}) FILTER (WHERE ${arg(a, 0).sql} IS NOT NULL AND ${arg(a, 1).sql})`, a, 2),
    ),
  make_bag: (a) =>
    `coalesce(list_reduce(list(${arg(a, 0).sql}) FILTER (WHERE json_type(${arg(a, 0).sql}) = 'OBJECT'), (x, y) -> json_merge_patch(x, y)), '{}')`,
  percentile: (a) => `quantile_disc(${arg(a, 0).sql}, ${arg(a, 1).sql} / 100.0)`,
};

/**
 * Kusto leaves make_set's element order undefined; a sorted set is deterministic (and is
 * what the docs show). A first-seen filter was O(n^2) per group.
 */
function firstOccurrence(listSql: string): string {
  return `list_sort(list_distinct(${listSql}))`;
}

/** make_set's input list: array elements are set members, not the arrays themselves. */
function setInput(x: SqlArg, cond: string): string {
  if (x.type !== 'dynamic') return `list(${aggArg(x)}) FILTER (WHERE ${x.sql} IS NOT NULL AND ${cond})`;
  return `flatten(list(CASE WHEN json_type(${x.sql}) = 'ARRAY' THEN CAST(json_extract(${x.sql}, '$[*]') AS JSON[]) ELSE [${x.sql}] END) FILTER (WHERE ${x.sql} IS NOT NULL AND ${cond}))`;
}

function lowerConst(x: SqlArg): string {
  return typeof x.constant === 'string' ? `'${x.constant.toLowerCase().replace(/[^a-z_]/g, '')}'` : x.sql;
}

function sumOf(x: SqlArg, filter: string): string {
  const t =
    x.type === 'int' || x.type === 'long' || x.type === 'timespan'
      ? 'BIGINT'
      : x.type === 'decimal'
        ? 'DECIMAL(38,18)'
        : 'DOUBLE';
  return `CAST(sum(${x.sql})${filter} AS ${t})`;
}

function jsonOf(x: SqlArg): string {
  if (x.type === 'dynamic') return x.sql;
  if (x.type === 'datetime' || x.type === 'timespan') return `to_json(${toStringSql(x)})`;
  return `to_json(${x.sql})`;
}

export { lowered, duckType };

/** The DuckDB translation of a Kusto function, or null when there is none. */
export function lookupTemplate(name: string, _args: readonly SqlArg[]): SqlTemplate {
  const t = FNS[name] ?? EXTRA_FNS[name];
  return t === undefined ? null : t;
}

export function hasTemplate(name: string): boolean {
  return FNS[name] !== undefined || EXTRA_FNS[name] !== undefined;
}
