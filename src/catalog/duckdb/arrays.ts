// DuckDB templates: array and set functions on dynamic arrays. Elements are JSON values;
// set operations compare them by their (minified) JSON text.
import type { SqlArg, SqlTemplate } from '../types.js';
import { arg, Unsupported } from './render.js';
import { p, toJsonSql } from './values.js';

function arrayArg(a: SqlArg): string {
  if (a.type !== 'dynamic') throw new Unsupported(`expected a dynamic array, got ${a.type}`);
  return p(a.sql);
}

const isArray = (d: string) => `(json_type(${d}) = 'ARRAY')`;
/** json_array_length is UBIGINT; index arithmetic needs signed values. */
const jlen = (d: string) => `CAST(json_array_length(${d}) AS BIGINT)`;
const elements = (d: string) => `json_extract(${d}, '$[*]')`;
/** Element texts, for comparisons. */
const texts = (d: string) => `list_transform(${elements(d)}, e -> CAST(json(e) AS VARCHAR))`;
const fromTexts = (l: string) => `CAST(to_json(list_transform(${l}, t -> json(t))) AS JSON)`;
const NULL_JSON = "CAST('null' AS JSON)";

function allArrays(ds: readonly string[]): string {
  return ds.map(isArray).join(' AND ');
}

/** Distinct values keeping first occurrences in order. */
function distinctInOrder(l: string): string {
  return `list_filter(${l}, (x, i) -> list_position(${l}, x) = i)`;
}

function shift(direction: 1 | -1): SqlTemplate {
  return (args) => {
    const d = arrayArg(arg(args, 0));
    const n = `(${direction} * ${p(arg(args, 1).sql)})`;
    const dflt = args[2] ? toJsonSql(arg(args, 2)) : NULL_JSON;
    const len = jlen(d);
    const el = elements(d);
    return `(CASE WHEN ${isArray(d)} THEN CAST(to_json(list_transform(range(${len}), i -> CASE WHEN i + ${n} >= 0 AND i + ${n} < ${len} THEN ${el}[i + ${n} + 1] ELSE ${dflt} END)) AS JSON) END)`;
  };
}

function rotate(direction: 1 | -1): SqlTemplate {
  return (args) => {
    const d = arrayArg(arg(args, 0));
    const n = `(${direction} * ${p(arg(args, 1).sql)})`;
    const len = jlen(d);
    const el = elements(d);
    return `(CASE WHEN ${isArray(d)} THEN CASE WHEN ${len} = 0 THEN ${d} ELSE CAST(to_json(list_transform(range(${len}), i -> ${el}[(((i + ${n}) % ${len}) + ${len}) % ${len} + 1])) AS JSON) END END)`;
  };
}

const zip: SqlTemplate = (args) => {
  const ds = args.map(arrayArg);
  const longest = `greatest(${ds.map((d) => jlen(d)).join(', ')})`;
  const tuple = `json_array(${ds.map((d) => `coalesce(${elements(d)}[i + 1], ${NULL_JSON})`).join(', ')})`;
  return `(CASE WHEN ${allArrays(ds)} THEN CAST(to_json(list_transform(range(${longest}), i -> ${tuple})) AS JSON) END)`;
};

const setUnion: SqlTemplate = (args) => {
  const ds = args.map(arrayArg);
  const all = ds.map(texts).reduce((acc, l) => `list_concat(${acc}, ${l})`);
  return `(CASE WHEN ${allArrays(ds)} THEN ${fromTexts(distinctInOrder(all))} END)`;
};

function setFilter(keep: 'all' | 'none'): SqlTemplate {
  return (args) => {
    const ds = args.map(arrayArg);
    const [first, ...rest] = ds.map(texts);
    if (first === undefined) throw new Unsupported('set function without arguments');
    const tests = rest.map((l) => `${keep === 'all' ? '' : 'NOT '}list_contains(${l}, x)`);
    const filtered = tests.length
      ? `list_filter(${distinctInOrder(first)}, x -> ${tests.join(' AND ')})`
      : distinctInOrder(first);
    return `(CASE WHEN ${allArrays(ds)} THEN ${fromTexts(filtered)} END)`;
  };
}

const jaccard: SqlTemplate = (args) => {
  if (args.length !== 2) throw new Unsupported('jaccard_index of more than two sets');
  const [a, b] = [arrayArg(arg(args, 0)), arrayArg(arg(args, 1))];
  const ua = distinctInOrder(texts(a));
  const union = distinctInOrder(`list_concat(${texts(a)}, ${texts(b)})`);
  const inter = `list_filter(${ua}, x -> list_contains(${texts(b)}, x))`;
  return `(CASE WHEN ${isArray(a)} AND ${isArray(b)} THEN CASE WHEN len(${union}) = 0 THEN NULL ELSE len(${inter}) / len(${union}) END END)`;
};

/** Element of a branch at index i: an array's element (null past its end) or the scalar itself. */
function branchAt(a: SqlArg): string {
  if (a.type === 'dynamic') {
    const x = p(a.sql);
    return `(CASE WHEN ${isArray(x)} THEN coalesce(${elements(x)}[i + 1], ${NULL_JSON}) ELSE ${x} END)`;
  }
  return toJsonSql(a);
}

const arrayIff: SqlTemplate = (args) => {
  const c = arrayArg(arg(args, 0));
  const t = branchAt(arg(args, 1));
  const f = branchAt(arg(args, 2));
  const e = `${elements(c)}[i + 1]`;
  // Booleans choose; numbers choose by non-zero; anything else gives null.
  const pick = `CASE WHEN json_type(${e}) = 'BOOLEAN' THEN CASE WHEN CAST(${e} AS BOOLEAN) THEN ${t} ELSE ${f} END
 WHEN json_type(${e}) IN ('BIGINT', 'UBIGINT', 'DOUBLE') THEN CASE WHEN CAST(${e} AS DOUBLE) <> 0 THEN ${t} ELSE ${f} END ELSE ${NULL_JSON} END`;
  return `(CASE WHEN ${isArray(c)} THEN CAST(to_json(list_transform(range(${jlen(c)}), i -> ${pick})) AS JSON) END)`;
};

/**
 * array_sort_asc/desc(a1, ..., aN[, nulls_last]): a1 sorted (numbers, or strings), the other
 * arrays reordered to match. One array gives the sorted array; several give an array of the
 * sorted arrays, which the binder expands into columns (or `[i]` picks one). An array whose
 * length differs from a1's gives null. Mixed element types raise a query error rather than
 * guess Kusto's cross-type order. Ties keep their original order.
 */
function sortArray(order: 'ASC' | 'DESC'): SqlTemplate {
  return (args) => {
    const last = args[args.length - 1];
    const hasFlag = last !== undefined && last.type === 'bool';
    const arrays = hasFlag ? args.slice(0, -1) : args;
    if (arrays.length === 0) throw new Unsupported('array_sort needs an array');
    const nullsLastArg = hasFlag ? last.constant : true;
    if (typeof nullsLastArg !== 'boolean') throw new Unsupported('array_sort nulls_last must be a constant');
    const ds = arrays.map(arrayArg);
    const first = ds[0] ?? '';
    const el = `CAST(${elements(first)} AS JSON[])`;
    const nonNull = `list_filter(${el}, e -> json_type(e) <> 'NULL')`;
    const numeric = `len(list_filter(${nonNull}, e -> json_type(e) NOT IN ('BIGINT', 'UBIGINT', 'DOUBLE'))) = 0`;
    const strings = `len(list_filter(${nonNull}, e -> json_type(e) <> 'VARCHAR')) = 0`;
    // Rank 0: nulls first; 1: values; 2: nulls last. DESC sorts ASC on (rank, key, -position) and
    // reverses, so the null rank is mirrored for DESC and ties keep their order either way.
    const [nullRank, desc] = order === 'ASC' ? [nullsLastArg ? 2 : 0, false] : [nullsLastArg ? 0 : 2, true];
    const rank = `(CASE WHEN json_type(e) = 'NULL' THEN ${nullRank} ELSE 1 END)`;
    const pos = desc ? '-i' : 'i';
    const perm = (key: string) =>
      `list_transform(list_sort(list_transform(${el}, (e, i) -> struct_pack(r := ${rank}, k := (CASE WHEN json_type(e) <> 'NULL' THEN ${key} END), i := ${pos})), 'ASC', 'NULLS FIRST'), s -> abs(s.i))`;
    const sortedIdx = `(CASE WHEN ${numeric} THEN ${perm('CAST(e AS DOUBLE)')} WHEN ${strings} THEN ${perm("json_extract_string(e, '$')")} END)`;
    const ordered = desc ? `list_reverse(${sortedIdx})` : sortedIdx;
    const guarded = `(CASE WHEN ${numeric} OR ${strings} THEN ${ordered} ELSE error('array_sort: arrays mixing element types are not supported') END)`;
    const reorder = (d: string) =>
      `(CASE WHEN ${isArray(d)} AND ${jlen(d)} = ${jlen(first)} THEN CAST(to_json(list_transform(${guarded}, j -> CAST(${elements(d)} AS JSON[])[j])) AS JSON) END)`;
    const one = (d: string) => `(CASE WHEN ${isArray(first)} THEN ${reorder(d)} END)`;
    if (ds.length === 1) return one(first);
    return `(CASE WHEN ${isArray(first)} THEN json_array(${ds.map(reorder).join(', ')}) END)`;
  };
}

const bagZip: SqlTemplate = (args) => {
  const k = arrayArg(arg(args, 0));
  const v = arrayArg(arg(args, 1));
  const keys = elements(k);
  const value = `(CASE WHEN ${isArray(v)} THEN coalesce(${elements(v)}[i + 1], ${NULL_JSON}) ELSE ${NULL_JSON} END)`;
  // Non-string keys are skipped.
  const entries = `list_transform(list_filter(range(${jlen(k)}), i -> json_type(${keys}[i + 1]) = 'VARCHAR'), i -> CAST(to_json(json_extract_string(${keys}[i + 1], '$')) AS VARCHAR) || ':' || CAST(${value} AS VARCHAR))`;
  return `(CASE WHEN ${isArray(k)} THEN json('{' || array_to_string(${entries}, ',') || '}') END)`;
};

/** bag_merge: properties of earlier bags win; keys keep first-seen order. */
const bagMerge: SqlTemplate = (args) => {
  const ds = args.map((a) => {
    if (a.type !== 'dynamic') throw new Unsupported('bag_merge of non-dynamic values');
    return p(a.sql);
  });
  const entries = ds
    .map((d) => `(CASE WHEN json_type(${d}) = 'OBJECT' THEN map_entries(CAST(${d} AS MAP(VARCHAR, JSON))) ELSE [] END)`)
    .reduce((acc, l) => `list_concat(${acc}, ${l})`);
  const keys = `list_transform(${entries}, en -> en.key)`;
  const firsts = `list_filter(${entries}, (en, i) -> list_position(${keys}, en.key) = i)`;
  const text = `array_to_string(list_transform(${firsts}, en -> CAST(to_json(en.key) AS VARCHAR) || ':' || CAST(en.value AS VARCHAR)), ',')`;
  return `json('{' || ${text} || '}')`;
};

export const ARRAY_TEMPLATES: Readonly<Record<string, SqlTemplate>> = {
  array_shift_left: shift(1),
  array_shift_right: shift(-1),
  array_rotate_left: rotate(1),
  array_rotate_right: rotate(-1),
  zip,
  set_union: setUnion,
  set_intersect: setFilter('all'),
  set_difference: setFilter('none'),
  jaccard_index: jaccard,
  array_iff: arrayIff,
  array_sort_asc: sortArray('ASC'),
  array_sort_desc: sortArray('DESC'),
  bag_zip: bagZip,
  bag_merge: bagMerge,
};
