// DuckDB templates: dynamic (JSON) functions. Values are DuckDB JSON text; arrays are
// unpacked with json_extract(x, '$[*]') (a JSON[] list) and packed again with to_json.
import type { SqlArg, SqlTemplate } from '../types.js';
import { arg, constString, Unsupported } from './render.js';
import { CONVERT_FROM_STRING, str } from './string.js';
import { dynamicToString, p, toJsonSql, toStringSql } from './values.js';

function dyn(a: SqlArg): string {
  if (a.type !== 'dynamic') throw new Unsupported(`expected a dynamic argument, got ${a.type}`);
  return p(a.sql);
}

function isArray(d: string): string {
  return `(json_type(${d}) = 'ARRAY')`;
}

function elements(d: string): string {
  return `json_extract(${d}, '$[*]')`;
}

/** parse_json: valid JSON parses; any other text becomes a JSON string; '' is null. */
export function parseJsonSql(a: SqlArg): string {
  if (a.type === 'dynamic') return p(a.sql);
  const s = str(a);
  return `(CASE WHEN ${s} IS NULL OR ${s} = '' THEN CAST(NULL AS JSON) WHEN json_valid(${s}) THEN json(${s}) ELSE CAST(to_json(${s}) AS JSON) END)`;
}

function bagPack(args: readonly SqlArg[]): string {
  if (args.length % 2 !== 0) throw new Unsupported('bag_pack needs key/value pairs');
  const parts: string[] = [];
  for (let i = 0; i < args.length; i += 2) parts.push(str(arg(args, i)), toJsonSql(arg(args, i + 1)));
  return parts.length === 0 ? "CAST('{}' AS JSON)" : `CAST(json_object(${parts.join(', ')}) AS JSON)`;
}

/**
 * array_index_of(arr, v, start, length, occurrence): a negative start counts from the end;
 * `length` elements are examined (-1: all); null for occurrence < 0 or length < -1.
 */
function arrayIndexOf(d: string, args: readonly SqlArg[]): string {
  const e = elements(d);
  const n = `len(${e})`;
  const st = p(arg(args, 2).sql);
  const len = args[3] ? p(arg(args, 3).sql) : '-1';
  const occ = args[4] ? p(arg(args, 4).sql) : '1';
  const from = `(CASE WHEN ${st} < 0 THEN greatest(${n} + ${st}, 0) ELSE ${st} END)`;
  const to = `(CASE WHEN ${len} = -1 THEN ${n} ELSE least(${from} + ${len}, ${n}) END)`;
  const hits = `list_filter(range(${from}, greatest(${to}, ${from})), i -> ${elementEquals(`(${e})[i + 1]`, arg(args, 1))})`;
  return `(CASE WHEN NOT ${isArray(d)} OR ${occ} < 0 OR ${len} < -1 THEN NULL ELSE CAST(coalesce((${hits})[greatest(${occ}, 1)], -1) AS BIGINT) END)`;
}

/** A predicate on one JSON element `e` equal to a typed Kusto value. */
function elementEquals(e: string, v: SqlArg): string {
  const x = p(v.sql);
  switch (v.type) {
    case 'string':
      return `(json_type(${e}) = 'VARCHAR' AND json_extract_string(${e}, '$') = ${x})`;
    case 'int':
    case 'long':
    case 'real':
    case 'decimal':
      return `(json_type(${e}) IN ('BIGINT', 'UBIGINT', 'DOUBLE') AND CAST(${e} AS DOUBLE) = CAST(${x} AS DOUBLE))`;
    case 'bool':
      return `(json_type(${e}) = 'BOOLEAN' AND CAST(${e} AS BOOLEAN) = ${x})`;
    case 'dynamic':
      return `(CAST(json(${e}) AS VARCHAR) = CAST(json(${x}) AS VARCHAR))`;
    default:
      throw new Unsupported(`array element comparison with ${v.type}`);
  }
}

const arrayConcat: SqlTemplate = (args) => {
  const ds = args.map(dyn);
  const lists = ds.map(elements);
  const joined = lists.slice(1).reduce((acc, l) => `list_concat(${acc}, ${l})`, lists[0] ?? '[]::JSON[]');
  return `(CASE WHEN ${ds.map(isArray).join(' AND ')} THEN CAST(to_json(${joined}) AS JSON) END)`;
};

const arraySlice: SqlTemplate = (args) => {
  const d = dyn(arg(args, 0));
  const n = `CAST(json_array_length(${d}) AS BIGINT)`;
  const s = p(arg(args, 1).sql);
  const e = p(arg(args, 2).sql);
  const b0 = `greatest(CASE WHEN ${s} < 0 THEN ${n} + ${s} ELSE ${s} END, 0)`;
  const e0 = `least(CASE WHEN ${e} < 0 THEN ${n} + ${e} ELSE ${e} END, ${n} - 1)`;
  return `(CASE WHEN ${isArray(d)} THEN CASE WHEN ${b0} > ${e0} THEN CAST('[]' AS JSON) ELSE CAST(to_json(list_slice(${elements(d)}, ${b0} + 1, ${e0} + 1)) AS JSON) END END)`;
};

const QUERY_PAIRS = (q: string) => `list_filter(string_split(${q}, '&'), kv -> kv <> '')`;
const DECODE = (s: string) => `coalesce(try(url_decode(replace(${s}, '+', ' '))), ${s})`;

/** {"k":"v",...} JSON text from a query string (values url-decoded as .NET's ParseQueryString does). */
function queryObject(q: string): string {
  const pairs = QUERY_PAIRS(q);
  const entry = `CAST(to_json(${DECODE("split_part(kv, '=', 1)")}) AS VARCHAR) || ':' || CAST(to_json(${DECODE("CASE WHEN strpos(kv, '=') > 0 THEN substring(kv, strpos(kv, '=') + 1) ELSE '' END")}) AS VARCHAR)`;
  return `('{' || array_to_string(list_transform(${pairs}, kv -> ${entry}), ',') || '}')`;
}

const URL_RE =
  "'^([A-Za-z][A-Za-z0-9+.-]*)://(?:([^:@/?#]*)(?::([^@/?#]*))?@)?([^:/?#]*)(?::([0-9]*))?([^?#]*)(?:\\?([^#]*))?(?:#(.*))?$'";

const parseUrl: SqlTemplate = (args) => {
  const s = str(arg(args, 0));
  const g = (i: number) => `CAST(to_json(regexp_extract(${s}, ${URL_RE}, ${i})) AS VARCHAR)`;
  const fields = [
    ['Scheme', g(1)],
    ['Host', g(4)],
    ['Port', g(5)],
    ['Path', g(6)],
    ['Username', g(2)],
    ['Password', g(3)],
    ['Query Parameters', queryObject(`regexp_extract(${s}, ${URL_RE}, 7)`)],
    ['Fragment', g(8)],
  ] as const;
  const body = fields.map(([k, v]) => `'"${k}":' || ${v}`).join(" || ',' || ");
  return `(CASE WHEN regexp_matches(${s}, ${URL_RE}) THEN json('{' || ${body} || '}') ELSE CAST('{}' AS JSON) END)`;
};

/**
 * parse_version: one to four dot-separated parts of up to eight digits, missing parts 0, as
 * one number with eight digits per part (1.2.3.4 -> 1 00000002 00000003 00000004), else null.
 * Up to 32 digits: computed in HUGEINT and typed DECIMAL(38,0), not the engine's usual
 * DECIMAL(38,18), which holds only 20 integer digits. Surrounding blanks are not accepted
 * (the reference doesn't say they are).
 */
function parseVersionSql(s: string): string {
  const part = (i: number) => `coalesce(TRY_CAST(nullif(split_part(${s}, '.', ${i}), '') AS HUGEINT), 0)`;
  const value = [0, 1, 2, 3].map((i) => `${part(i + 1)} * CAST('1${'0'.repeat(8 * (3 - i))}' AS HUGEINT)`).join(' + ');
  return `(CASE WHEN regexp_full_match(${s}, '[0-9]{1,8}(\\.[0-9]{1,8}){0,3}') THEN CAST(${value} AS DECIMAL(38,0)) END)`;
}

export const DYNAMIC_TEMPLATES: Readonly<Record<string, SqlTemplate>> = {
  parse_json: (args) => parseJsonSql(arg(args, 0)),
  todynamic: (args) => parseJsonSql(arg(args, 0)),
  parse_xml: null,
  // JavaScript (src/catalog/udf/search.ts): the first record's fields, RFC 4180 quoting.
  parse_csv: (args) => `CAST(kql_parse_csv(${str(arg(args, 0))}) AS JSON)`,
  parse_user_agent: null,
  parse_version: (args) => parseVersionSql(str(arg(args, 0))),
  // JavaScript (src/catalog/udf/text-parse.ts): CommandLineToArgvW's quoting; path parts.
  parse_command_line: (args) => {
    const kind = constString(args, 1, 'parse_command_line parser type');
    if (kind !== 'windows') throw new Unsupported(`parse_command_line parser '${kind}'`);
    return `CAST(kql_parse_command_line_windows(${str(arg(args, 0))}) AS JSON)`;
  },
  parse_path: (args) => `CAST(kql_parse_path(${str(arg(args, 0))}) AS JSON)`,
  parse_url: parseUrl,
  parse_urlquery: (args) => `json('{"Query Parameters":' || ${queryObject(str(arg(args, 0)))} || '}')`,
  array_length: (args) => {
    const d = dyn(arg(args, 0));
    return `(CASE WHEN ${isArray(d)} THEN CAST(json_array_length(${d}) AS BIGINT) END)`;
  },
  set_has_element: (args) => {
    const d = dyn(arg(args, 0));
    return `(CASE WHEN ${isArray(d)} THEN len(list_filter(${elements(d)}, e -> ${elementEquals('e', arg(args, 1))})) > 0 END)`;
  },
  array_index_of: (args) => {
    const d = dyn(arg(args, 0));
    if (args.length > 2) return arrayIndexOf(d, args);
    return `(CASE WHEN ${isArray(d)} THEN coalesce(list_position(list_transform(${elements(d)}, e -> ${elementEquals('e', arg(args, 1))}), true) - 1, -1) END)`;
  },
  pack_array: (args) => {
    if (args.length === 0) return "CAST('[]' AS JSON)";
    return `CAST(json_array(${args.map(toJsonSql).join(', ')}) AS JSON)`;
  },
  bag_pack: bagPack,
  // Lowered to bag_pack (src/sql/lower-scalar.ts): only columns have names to pack under.
  bag_pack_columns: null,
  // pack_all(ignoreNullEmpty, name1, value1, ...): the lowering supplies the input columns.
  pack_all: (args) => {
    const ignore = arg(args, 0).constant;
    if (typeof ignore !== 'boolean') throw new Unsupported('pack_all with a non-constant ignore_null_empty');
    const pairs = args.slice(1);
    if (!ignore) return bagPack(pairs);
    const members = [];
    for (let i = 0; i + 1 < pairs.length; i += 2) {
      const v = arg(pairs, i + 1);
      const empty =
        v.type === 'string'
          ? ` OR ${p(v.sql)} = ''`
          : v.type === 'dynamic'
            ? ` OR json_type(${p(v.sql)}) = 'NULL'`
            : '';
      members.push(
        `CASE WHEN ${p(v.sql)} IS NULL${empty} THEN NULL ELSE to_json(${str(arg(pairs, i))}) || ':' || CAST(${toJsonSql(v)} AS VARCHAR) END`,
      );
    }
    return `CAST('{' || concat_ws(',', ${members.length === 0 ? "''" : members.join(', ')}) || '}' AS JSON)`;
  },
  bag_keys: (args) => {
    const d = dyn(arg(args, 0));
    return `(CASE WHEN json_type(${d}) = 'OBJECT' THEN CAST(to_json(json_keys(${d})) AS JSON) END)`;
  },
  bag_has_key: (args, ctx) => bagHasKey(args, ctx.stringLiteral),
  // JavaScript (src/catalog/udf/dynamic.ts): keys may be JSONPaths.
  bag_remove_keys: (args) =>
    `CAST(kql_bag_remove_keys(CAST(${dyn(arg(args, 0))} AS VARCHAR), CAST(${dyn(arg(args, 1))} AS VARCHAR)) AS JSON)`,
  bag_set_key: (args) =>
    `CAST(kql_bag_set_key(CAST(${dyn(arg(args, 0))} AS VARCHAR), ${str(arg(args, 1))}, CAST(${toJsonSql(arg(args, 2))} AS VARCHAR)) AS JSON)`,
  array_concat: arrayConcat,
  array_slice: arraySlice,
  array_reverse: (args) => {
    const d = dyn(arg(args, 0));
    return `(CASE WHEN ${isArray(d)} THEN CAST(to_json(list_reverse(${elements(d)})) AS JSON) END)`;
  },
  array_sum: (args) => {
    const d = dyn(arg(args, 0));
    return `(CASE WHEN ${isArray(d)} THEN list_sum(list_transform(${elements(d)}, e -> TRY_CAST(e AS DOUBLE))) END)`;
  },
  array_split: (args) => {
    const cuts = arg(args, 1);
    const c = cuts.type === 'dynamic' ? `CAST(${p(cuts.sql)} AS VARCHAR)` : `CAST(${p(cuts.sql)} AS VARCHAR)`;
    return `CAST(kql_array_split(CAST(${dyn(arg(args, 0))} AS VARCHAR), ${c}) AS JSON)`;
  },
  array_strcat: (args) => {
    const d = dyn(arg(args, 0));
    return `(CASE WHEN ${isArray(d)} THEN array_to_string(list_transform(${elements(d)}, e -> coalesce(${dynamicToString('e')}, '')), ${str(arg(args, 1))}) END)`;
  },
  strcat_array: (args) => {
    const d = dyn(arg(args, 0));
    return `(CASE WHEN ${isArray(d)} THEN array_to_string(list_transform(${elements(d)}, e -> coalesce(${dynamicToString('e')}, '')), ${str(arg(args, 1))}) END)`;
  },
  set_equals: null,
  repeat: (args) =>
    `CAST(to_json(list_transform(range(greatest(${p(arg(args, 1).sql)}, 0)), i -> ${toJsonSql(arg(args, 0))})) AS JSON)`,
  range: rangeArray,
  treepath: null,
  // Canonical JSON (sorted property names) in JavaScript (src/catalog/udf/dynamic-json.ts);
  // a non-dynamic value gives tostring().
  dynamic_to_json: (args) => {
    const a = arg(args, 0);
    return a.type === 'dynamic'
      ? `kql_dynamic_to_json(CAST(${p(a.sql)} AS VARCHAR))`
      : `coalesce(${toStringSql(a)}, '')`;
  },
  extract_json: (args, ctx) => extractJson(args, ctx.stringLiteral),
  extractjson: (args, ctx) => extractJson(args, ctx.stringLiteral),
};

/** bag_has_key: a plain key, or a constant JSONPath ($.a.b, $['a'], $[0]) as Kusto reads one starting with '$'. */
function bagHasKey(args: readonly SqlArg[], lit: (s: string) => string): string {
  const bag = dyn(arg(args, 0));
  const key = arg(args, 1).constant;
  if (typeof key === 'string' && key.startsWith('$')) {
    // DuckDB's path syntax differs from JSONPath only for ['a'].
    if (!/^\$((\.[A-Za-z_][A-Za-z0-9_]*)|(\[\d+\])|(\['[^'"\\]*'\]))*$/.test(key))
      throw new Unsupported(`JSONPath ${key}`);
    return `(json_extract(${bag}, ${lit(key.replace(/\['([^']*)'\]/g, '."$1"'))}) IS NOT NULL)`;
  }
  const k = str(arg(args, 1));
  return `(CASE WHEN starts_with(${k}, '$') THEN error('bag_has_key: run-time JSONPath keys are not supported') ELSE json_extract(${bag}, '$.' || to_json(${k})) IS NOT NULL END)`;
}

/** range(start, stop, step): numbers, or datetimes/timespans with a timespan step (default 1h); Kusto caps it at 1,048,576 elements. */
function rangeArray(args: readonly SqlArg[]): string {
  const [start, stop] = [arg(args, 0), arg(args, 1)];
  if (
    (start.type === 'datetime' || start.type === 'timespan') &&
    args.every((x, i) => (i === 2 ? x.type === 'timespan' : x.type === start.type))
  ) {
    // Datetimes advance in nanoseconds (100 per tick).
    const step = args[2] ? p(arg(args, 2).sql) : '36000000000';
    const ticks = (x: string) => (start.type === 'datetime' ? `(epoch_ns(${x}) // 100)` : p(x));
    const n = `least(CAST(floor((${ticks(stop.sql)} - ${ticks(start.sql)}) / ${step}) AS BIGINT), 1048575)`;
    const at =
      start.type === 'datetime'
        ? `make_timestamp_ns(epoch_ns(${p(start.sql)}) + i * ${step} * 100)`
        : `(${p(start.sql)} + i * ${step})`;
    return `CAST(to_json(list_transform(generate_series(0, ${n}), i -> ${toJsonSql({ sql: at, type: start.type })})) AS JSON)`;
  }
  if (!args.every((x) => x.type === 'int' || x.type === 'long' || x.type === 'real'))
    throw new Unsupported('range() over these types');
  const step = args[2] ? p(arg(args, 2).sql) : '1';
  const n = `least(CAST(floor((${p(stop.sql)} - ${p(start.sql)}) / ${step}) AS BIGINT), 1048575)`;
  return `CAST(to_json(list_transform(generate_series(0, ${n}), i -> ${p(start.sql)} + i * ${step})) AS JSON)`;
}

function extractJson(args: readonly SqlArg[], lit: (s: string) => string): string {
  const path = constString(args, 0, 'extract_json path');
  if (!/^\$(\.[A-Za-z_][\w]*|\[\d+\])*$/.test(path)) throw new Unsupported(`JSONPath ${path}`);
  const text = str(arg(args, 1));
  const value = `(CASE WHEN json_valid(${text}) THEN json_extract_string(${text}, ${lit(path)}) END)`;
  // The type literal arrives as its type name (fixtures) or as a typed null (the engine).
  const target = typeof args[2]?.constant === 'string' ? args[2].constant : args[2]?.type;
  if (args[2] === undefined || target === 'string') return value;
  if (typeof target !== 'string' || !CONVERT_FROM_STRING[target])
    throw new Unsupported(`extract_json to ${String(target)}`);
  return (CONVERT_FROM_STRING[target] as (s: string) => string)(value);
}
