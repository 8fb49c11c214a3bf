// Less common functions: arrays and sets, URL/path parsing, timespan formatting, math.
// Same conventions as functions.ts (dynamic = JSON, timespan = ticks, datetime = TIMESTAMP_NS).
import type { SqlArg, SqlContext } from '../../../catalog/types.js';
import { toStringSql } from './convert.js';
import { arg } from './operators.js';
import { sqlString } from '../../escape.js';
import { NoTranslation } from './no-translation.js';
import { renderFunction, toJsonSql } from '../../../catalog/duckdb/index.js';

type Fn = (a: readonly SqlArg[], ctx: SqlContext) => string;

const elems = (j: string) => `CAST(json_extract(${j}, '$[*]') AS JSON[])`;
const arr = (listSql: string) => `to_json(${listSql})`;
const str = (a: readonly SqlArg[], i: number) => toStringSql(arg(a, i));
/** Distinct in first-seen order. */
const distinct = (l: string) => `list_filter(${l}, (x, i) -> list_position(${l}, x) = i)`;
const jsonOf = (x: SqlArg) =>
  x.type === 'dynamic' ? x.sql : x.type === 'string' ? `to_json(${x.sql})` : `to_json(${toStringSql(x)})`;

// format_timespan specifiers: d+, h/hh (hours of day), H/HH, m/mm, s/ss, f+/F+; [..] and '..' literals.
const formatTimespan: Fn = (a, ctx) => {
  const t = arg(a, 0).sql;
  const f = arg(a, 1).constant;
  if (typeof f !== 'string') return 'CAST(NULL AS VARCHAR)';
  const abs = `abs(${t})`;
  const parts: string[] = [];
  let i = 0;
  while (i < f.length) {
    const ch = f.charAt(i);
    let n = 1;
    while (f.charAt(i + n) === ch) n += 1;
    const pad = (v: string, w: number) => `lpad(CAST(${v} AS VARCHAR), ${w}, '0')`;
    if (ch === 'd') parts.push(pad(`${abs} // 864000000000`, n));
    else if (ch === 'h' || ch === 'H') parts.push(pad(`(${abs} // 36000000000) % 24`, Math.min(n, 2)));
    else if (ch === 'm') parts.push(pad(`(${abs} // 600000000) % 60`, Math.min(n, 2)));
    else if (ch === 's') parts.push(pad(`(${abs} // 10000000) % 60`, Math.min(n, 2)));
    else if (ch === 'f' || ch === 'F') {
      const digits = pad(`(${abs} % 10000000) // ${10 ** (7 - Math.min(n, 7))}`, Math.min(n, 7));
      parts.push(ch === 'F' ? `rtrim(${digits}, '0')` : digits);
    } else if (ch === '\\' && i + 1 < f.length) {
      parts.push(ctx.stringLiteral(f.charAt(i + 1)));
      i += 2;
      continue;
    } else {
      parts.push(ctx.stringLiteral(ch.repeat(n)));
    }
    i += n;
  }
  return parts.length === 0 ? "''" : `(CASE WHEN ${t} IS NULL THEN NULL ELSE ${parts.join(' || ')} END)`;
};

const URL_RE = `'^(?:([^:/?#]+)://)?(?:([^:@/]*)(?::([^@/]*))?@)?([^:/?#]*)(?::(\\d+))?(?:/([^?#]*))?(?:\\?([^#]*))?(?:#(.*))?$'`;

const parseUrl: Fn = (a) => {
  const s = str(a, 0);
  const g = (i: number) => `regexp_extract(${s}, ${URL_RE}, ${i})`;
  const qs = `list_filter(string_split(${g(7)}, '&'), p -> p <> '')`;
  const query = `coalesce(to_json(map_from_entries(list_transform(${qs}, p -> {'k': url_decode(split_part(p, '=', 1)), 'v': url_decode(substr(p, length(split_part(p, '=', 1)) + 2))}))), '{}')`;
  return (
    `(CASE WHEN ${s} IS NULL OR ${s} = '' OR NOT regexp_matches(${s}, '^[^:/?#]+://') THEN CAST('{}' AS JSON) ELSE json_object(` +
    `'Scheme', ${g(1)}, 'Host', ${g(4)}, 'Port', ${g(5)}, 'Path', ${g(6)}, 'Username', ${g(2)}, 'Password', ${g(3)}, ` +
    `'Query Parameters', json(${query}), 'Fragment', ${g(8)}) END)`
  );
};

const PATH_RE = `'^(?:([A-Za-z][A-Za-z0-9+.-]*)://)?(.*)$'`;

const parsePath: Fn = (a) => {
  const s = str(a, 0);
  const scheme = `regexp_extract(${s}, ${PATH_RE}, 1)`;
  const rest0 = `regexp_extract(${s}, ${PATH_RE}, 2)`;
  // An alternate data stream is a ':' after the last separator (not a drive letter).
  const ads = `regexp_extract(${rest0}, '^(?:[A-Za-z]:)?[^:]*(?::([^\\\\/]*))?$', 1)`;
  const rest = `(CASE WHEN ${ads} <> '' THEN left(${rest0}, length(${rest0}) - length(${ads}) - 1) ELSE ${rest0} END)`;
  const lastSep = `greatest(length(${rest}) - strpos(reverse(${rest}), '/') + 1, length(${rest}) - strpos(reverse(${rest}), '\\') + 1)`;
  const hasSep = `(strpos(${rest}, '/') > 0 OR strpos(${rest}, '\\') > 0)`;
  const dir = `(CASE WHEN ${hasSep} THEN left(${rest}, ${lastSep} - 1) ELSE '' END)`;
  const file = `(CASE WHEN ${hasSep} THEN substr(${rest}, ${lastSep} + 1) ELSE ${rest} END)`;
  const ext = `(CASE WHEN strpos(${file}, '.') > 0 THEN regexp_extract(${file}, '\\.([^.]*)$', 1) ELSE '' END)`;
  const dirName = `regexp_extract(${dir}, '([^\\\\/]*)$', 1)`;
  const root = `regexp_extract(${rest}, '^([A-Za-z]:)', 1)`;
  return (
    `json_object('Scheme', ${scheme}, 'RootPath', ${root}, 'DirectoryPath', ${dir}, 'DirectoryName', ${dirName}, ` +
    `'Filename', ${file}, 'Extension', ${ext}, 'AlternateDataStreamName', ${ads})`
  );
};

const setOp =
  (op: 'union' | 'intersect' | 'difference'): Fn =>
  (a) => {
    const lists = a.map((x) => `coalesce(${elems(x.sql)}, [])`);
    const first = lists[0] ?? '[]';
    if (op === 'union') return arr(distinct(`flatten([${lists.join(', ')}])`));
    const others = lists.slice(1);
    const cond = others
      .map((l) => (op === 'intersect' ? `list_contains(${l}, x)` : `NOT list_contains(${l}, x)`))
      .join(' AND ');
    return arr(distinct(`list_filter(${first}, x -> ${cond === '' ? 'true' : cond})`));
  };

const IPV4 = `'^\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}$'`;

/** Values of a variadic-or-array argument list, as VARCHAR[]. */
function textList(a: readonly SqlArg[], from: number): string {
  const parts = a
    .slice(from)
    .map((x) =>
      x.type === 'dynamic'
        ? `coalesce(json_extract_string(${x.sql}, '$[*]'), [json_extract_string(${x.sql}, '$')])`
        : `[${toStringSql(x)}]`,
    );
  return `flatten([${parts.join(', ')}])`;
}

/** An IPv4 address as a whole token: not next to letters, digits or dots. */
function hasIpv4Any(source: string, ips: string): string {
  const re = `'(?:^|[^[:alnum:].])' || regexp_escape(ip) || '(?:$|[^[:alnum:].])'`;
  const valid = `regexp_matches(ip, ${IPV4}) AND list_bool_and(list_transform(string_split(ip, '.'), o -> CAST(o AS INTEGER) <= 255))`;
  return `coalesce(list_bool_or(list_transform(list_filter(${ips}, ip -> ${valid}), ip -> regexp_matches(${source}, ${re}))), false)`;
}

/**
 * array_sort_asc/desc of one array: the binder expands a top-level call as a tuple and
 * indexes it with [0], which for a single array would pick its first element instead of
 * the sorted array, so only calls with several arrays (an array of arrays) are translated.
 */
const arraySort =
  (name: string): Fn =>
  (a, ctx) => {
    if (a.filter((x) => x.type === 'dynamic').length < 2) throw new NoTranslation();
    const r = renderFunction(name, a, ctx, 'scalar');
    if (!r.ok) throw new NoTranslation();
    return r.sql;
  };

export const EXTRA_FNS: Readonly<Record<string, Fn | string>> = {
  array_sort_asc: arraySort('array_sort_asc'),
  array_sort_desc: arraySort('array_sort_desc'),
  has_ipv4: (a) => hasIpv4Any(str(a, 0), `[${str(a, 1)}]`),
  has_any_ipv4: (a) => hasIpv4Any(str(a, 0), textList(a, 1)),
  row_cumsum: (a) => {
    if (a.length > 1) throw new NoTranslation();
    return `sum(${arg(a, 0).sql}) OVER (ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)`;
  },
  binary_and: '($0 & $1)',
  binary_or: '($0 | $1)',
  binary_xor: 'xor($0, $1)',
  binary_not: '(~ $0)',
  binary_shift_left: '($0 << $1)',
  binary_shift_right: '($0 >> $1)',
  bitset_count_ones: 'CAST(bit_count($0) AS BIGINT)',
  format_timespan: formatTimespan,
  parse_url: parseUrl,
  parse_path: parsePath,
  // Kusto caps range() at 1,048,576 elements.
  range: (a) => {
    const [start, stop] = [arg(a, 0), arg(a, 1)];
    if ((start.type === 'datetime' || start.type === 'timespan') && a.every((x, i) => i === 2 ? x.type === 'timespan' : x.type === start.type)) {
      // Steps are timespan ticks (default 1h); datetimes advance in nanoseconds (100 per tick).
      const step = a[2]?.sql ?? '36000000000';
      const ticks = (x: string) => (start.type === 'datetime' ? `(epoch_ns(${x}) // 100)` : `(${x})`);
      const n = `least(CAST(floor((${ticks(stop.sql)} - ${ticks(start.sql)}) / (${step})) AS BIGINT), 1048575)`;
      const at = start.type === 'datetime' ? `make_timestamp_ns(epoch_ns(${start.sql}) + i * (${step}) * 100)` : `(${start.sql} + i * (${step}))`;
      return `CAST(to_json(list_transform(generate_series(0, ${n}), i -> ${toJsonSql({ sql: at, type: start.type })})) AS JSON)`;
    }
    if (!a.every((x) => x.type === 'int' || x.type === 'long' || x.type === 'real')) throw new NoTranslation();
    const step = a[2]?.sql ?? '1';
    const n = `least(CAST(floor((${arg(a, 1).sql} - ${arg(a, 0).sql}) / ${step}) AS BIGINT), 1048575)`;
    return `to_json(list_transform(generate_series(0, ${n}), i -> ${arg(a, 0).sql} + i * ${step}))`;
  },
  array_slice: (a) => {
    const x = arg(a, 0).sql;
    const n = `json_array_length(${x})`;
    const norm = (v: string) => `(CASE WHEN ${v} < 0 THEN ${n} + ${v} ELSE ${v} END)`;
    return `to_json(list_slice(${elems(x)}, ${norm(arg(a, 1).sql)} + 1, ${norm(arg(a, 2).sql)} + 1))`;
  },
  array_concat: (a) => arr(`flatten([${a.map((x) => `coalesce(${elems(x.sql)}, [])`).join(', ')}])`),
  array_reverse: (a) => arr(`list_reverse(${elems(arg(a, 0).sql)})`),
  set_union: setOp('union'),
  set_intersect: setOp('intersect'),
  set_difference: setOp('difference'),
  bag_has_key: (a) => {
    const key = arg(a, 1).constant;
    const bag = arg(a, 0).sql;
    if (typeof key === 'string' && key.startsWith('$')) {
      // A JSONPath key ($.a.b, $['a'], $[0]); DuckDB's path syntax differs only for ['a'].
      if (!/^\$((\.[A-Za-z_][A-Za-z0-9_]*)|(\[\d+\])|(\['[^'"\\]*'\]))*$/.test(key)) throw new NoTranslation();
      const path = key.replace(/\['([^']*)'\]/g, '."$1"');
      return `(json_extract(${bag}, ${sqlString(path)}) IS NOT NULL)`;
    }
    // A key only known at run time: Kusto reads one starting with '$' as a JSONPath.
    const k = str(a, 1);
    return `(CASE WHEN starts_with(${k}, '$') THEN error('bag_has_key: run-time JSONPath keys are not supported') ELSE json_extract(${bag}, '$.' || to_json(${k})) IS NOT NULL END)`;
  },
  make_datetime: (a) => {
    const p = (i: number, d: string) => a[i]?.sql ?? d;
    const sec = p(5, '0');
    return `make_timestamp_ns(epoch_ns(make_timestamp(CAST(${p(0, '1')} AS BIGINT), CAST(${p(1, '1')} AS BIGINT), CAST(${p(2, '1')} AS BIGINT), CAST(${p(3, '0')} AS BIGINT), CAST(${p(4, '0')} AS BIGINT), 0)) + CAST(round(${sec} * 1e7) AS BIGINT) * 100)`;
  },
  make_timespan: (a) => {
    const v = a.map((x) => `(${x.sql})`);
    if (v.length === 2) return `CAST((${v[0]} * 3600 + ${v[1]} * 60) * 10000000 AS BIGINT)`;
    if (v.length === 3) return `CAST(round((${v[0]} * 3600 + ${v[1]} * 60 + ${v[2]}) * 10000000) AS BIGINT)`;
    return `CAST(round((${v[0]} * 86400 + ${v[1]} * 3600 + ${v[2]} * 60 + ${v[3]}) * 10000000) AS BIGINT)`;
  },
  unixtime_microseconds_todatetime: (a) => `make_timestamp_ns(CAST(trunc(${arg(a, 0).sql} * 1000) AS BIGINT))`,
  unixtime_nanoseconds_todatetime: (a) => `make_timestamp_ns(CAST(trunc(${arg(a, 0).sql}) AS BIGINT))`,
  datetime_add: (a) => {
    const part = String(arg(a, 0).constant ?? '').toLowerCase();
    const n = `CAST(${arg(a, 1).sql} AS BIGINT)`;
    const d = arg(a, 2).sql;
    const fixed: Record<string, number> = {
      week: 6048000000000,
      day: 864000000000,
      hour: 36000000000,
      minute: 600000000,
      second: 10000000,
      millisecond: 10000,
      microsecond: 10,
    };
    const t = fixed[part];
    if (t !== undefined) return `make_timestamp_ns(epoch_ns(${d}) + ${n} * ${t * 100})`;
    if (part === 'nanosecond') return `make_timestamp_ns(epoch_ns(${d}) + ${n})`;
    const months = part === 'year' ? `${n} * 12` : part === 'quarter' ? `${n} * 3` : part === 'month' ? n : null;
    if (months === null) return 'CAST(NULL AS TIMESTAMP_NS)';
    return `make_timestamp_ns(epoch_ns(CAST(${d} AS TIMESTAMP) + to_months(CAST(${months} AS INTEGER))) + epoch_ns(${d}) % 1000)`;
  },
  strcmp: (a) => `(CASE WHEN ${str(a, 0)} < ${str(a, 1)} THEN -1 WHEN ${str(a, 0)} > ${str(a, 1)} THEN 1 ELSE 0 END)`,
  isascii: (a) => `NOT regexp_matches(${str(a, 0)}, '[^\\x00-\\x7F]')`,
  isutf8: () => 'true',
  hash_sha1: (a) => `sha1(${str(a, 0)})`,
  sin: 'sin($0)',
  cos: 'cos($0)',
  tan: 'tan($0)',
  asin: 'asin($0)',
  acos: 'acos($0)',
  atan: 'atan($0)',
  atan2: 'atan2($0, $1)',
  cot: 'cot($0)',
  pi: 'pi()',
  radians: 'radians($0)',
  degrees: 'degrees($0)',
  exp2: 'pow(2, $0)',
  exp10: 'pow(10, $0)',
  gamma: 'gamma($0)',
  loggamma: 'lgamma($0)',
  stdevif: 'stddev_samp($0) FILTER (WHERE $1)',
  varianceif: 'var_samp($0) FILTER (WHERE $1)',
  stdevpif: 'stddev_pop($0) FILTER (WHERE $1)',
  make_bag_if: (a) =>
    `coalesce(list_reduce(list(${arg(a, 0).sql}) FILTER (WHERE json_type(${arg(a, 0).sql}) = 'OBJECT' AND ${arg(a, 1).sql}), (x, y) -> json_merge_patch(x, y)), '{}')`,
  make_list_with_nulls: (a) => `coalesce(to_json(list(${jsonOf(arg(a, 0))})), '[]')`,
  unicode_codepoints_from_string: (a) => `to_json(list_transform(string_split(${str(a, 0)}, ''), c -> unicode(c)))`,
  new_guid: () => 'uuid()',
  rand: (a) => (a.length > 0 ? `CAST(floor(random() * ${arg(a, 0).sql}) AS BIGINT)` : 'random()'),
};
