// DuckDB templates: string functions. Kusto strings are never null (null converts to ""),
// so results that Kusto documents as strings come back as '' rather than NULL.
import type { SqlArg, SqlTemplate } from '../types.js';
import { arg, constString, Unsupported } from './render.js';
import { p, toStringSql } from './values.js';

/** A string argument as text: non-string arguments go through tostring(), as Kusto casts them. */
export function str(a: SqlArg): string {
  return a.type === 'string' ? p(a.sql) : p(toStringSql(a));
}

/**
 * Kusto's `$1`-style and `\1`-style rewrite pattern -> RE2 rewrite for regexp_replace. `\\`
 * is an escaped backslash (RE2's rule, which the engine followed before the catalog took
 * over; playbooks rely on it); any other lone backslash is literal.
 */
export function re2Rewrite(rewrite: string): string {
  let out = '';
  for (let i = 0; i < rewrite.length; i++) {
    const ch = rewrite[i] as string;
    const next = rewrite[i + 1];
    if (ch === '\\' && next === '\\') {
      out += '\\\\';
      i++;
    } else if (ch === '\\' && next !== undefined && /\d/.test(next)) {
      out += `\\${next}`;
      i++;
    } else if (ch === '$' && next !== undefined && /\d/.test(next)) {
      out += `\\${next}`;
      i++;
    } else if (ch === '\\') out += '\\\\';
    else out += ch;
  }
  return out;
}

/**
 * One pass over an RE2 pattern: the number of capture groups and the 1-based number of each
 * named group. Named groups count, (?:...), (?flags) and lookarounds don't; escapes and
 * character classes are skipped.
 */
function scanGroups(re: string): { readonly count: number; readonly names: ReadonlyMap<string, number> } {
  const names = new Map<string, number>();
  let n = 0;
  let inClass = false;
  for (let i = 0; i < re.length; i++) {
    const ch = re[i];
    if (ch === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (ch === ']') inClass = false;
      continue;
    }
    if (ch === '[') inClass = true;
    else if (ch === '(') {
      if (re[i + 1] !== '?') n++;
      else {
        const named = /^\(\?P?<([A-Za-z_][A-Za-z0-9_]*)>/.exec(re.slice(i));
        if (named) names.set(named[1] ?? '', ++n);
      }
    }
  }
  return { count: n, names };
}

/** Number of capture groups of an RE2 pattern. */
export function captureGroupCount(re: string): number {
  return scanGroups(re).count;
}

const substring: SqlTemplate = (args) => {
  const s = str(arg(args, 0));
  const st = p(arg(args, 1).sql);
  const len = args[2] ? `, greatest(${p(arg(args, 2).sql)}, 0)` : '';
  return `coalesce(CASE WHEN ${st} < 0 THEN substring(${s}, greatest(length(${s}) + ${st}, 0) + 1${len}) ELSE substring(${s}, ${st} + 1${len}) END, '')`;
};

const indexof: SqlTemplate = (args) => {
  const s = str(arg(args, 0));
  const m = str(arg(args, 1));
  if (args.length > 3) {
    const n = (i: number, dflt: string) => (args[i] ? `CAST(${p(arg(args, i).sql)} AS BIGINT)` : dflt);
    return `kql_indexof(${s}, ${m}, ${n(2, '0')}, ${n(3, '-1')}, ${n(4, '1')})`;
  }
  if (args.length === 2) return `(CASE WHEN ${s} IS NULL OR ${m} IS NULL THEN NULL ELSE strpos(${s}, ${m}) - 1 END)`;
  const st = p(arg(args, 2).sql);
  // A negative start counts from the end; a start beyond the end finds nothing.
  const start = `(CASE WHEN ${st} < 0 THEN greatest(length(${s}) + ${st}, 0) ELSE ${st} END)`;
  return `(CASE WHEN ${st} IS NULL THEN NULL WHEN ${start} > length(${s}) THEN -1 WHEN strpos(substring(${s}, ${start} + 1), ${m}) = 0 THEN -1 ELSE strpos(substring(${s}, ${start} + 1), ${m}) - 1 + ${start} END)`;
};

const countof: SqlTemplate = (args) => {
  const s = str(arg(args, 0));
  const kind = args[2] ? constString(args, 2, 'countof kind') : 'normal';
  if (kind === 'regex') return `length(regexp_extract_all(${s}, ${str(arg(args, 1))}))`;
  if (kind !== 'normal') throw new Unsupported(`countof kind ${kind}`);
  // Plain matches may overlap: count every start position where the needle occurs.
  const m = str(arg(args, 1));
  return `(CASE WHEN length(${m}) = 0 THEN 0 ELSE length(list_filter(range(1, length(${s}) + 1), i -> substring(${s}, i, length(${m})) = ${m})) END)`;
};

/** Kusto trim: remove leading and trailing *repeated* matches of a regex. */
function trimTemplate(leading: boolean, trailing: boolean): SqlTemplate {
  return (args, ctx) => {
    const re = constString(args, 0, 'trim regex');
    let s = str(arg(args, 1));
    if (leading) s = `regexp_replace(${s}, ${ctx.stringLiteral(`^(?:${re})+`)}, '')`;
    if (trailing) s = `regexp_replace(${s}, ${ctx.stringLiteral(`(?:${re})+$`)}, '')`;
    return `coalesce(${s}, '')`;
  };
}

const replaceRegex: SqlTemplate = (args, ctx) => {
  const re = constString(args, 1, 'replace_regex regex');
  const rewrite = constString(args, 2, 'replace_regex rewrite');
  return `coalesce(regexp_replace(${str(arg(args, 0))}, ${ctx.stringLiteral(re)}, ${ctx.stringLiteral(re2Rewrite(rewrite))}, 'g'), '')`;
};

const extract: SqlTemplate = (args, ctx) => {
  const re = constString(args, 0, 'extract regex');
  const group = arg(args, 1).constant;
  if (typeof group !== 'number') throw new Unsupported('extract capture group must be a constant');
  if (group > captureGroupCount(re)) return 'CAST(NULL AS VARCHAR)';
  const src = str(arg(args, 2));
  const lit = ctx.stringLiteral(re);
  const value = `(CASE WHEN regexp_matches(${src}, ${lit}) THEN regexp_extract(${src}, ${lit}, ${group}) END)`;
  // The type literal arrives as its type name (fixtures) or as a typed null (the engine).
  const target = typeof args[3]?.constant === 'string' ? args[3].constant : args[3]?.type;
  if (args[3] === undefined || target === 'string') return value;
  if (typeof target !== 'string') throw new Unsupported('extract type literal');
  const conv = CONVERT_FROM_STRING[target];
  if (!conv) throw new Unsupported(`extract to ${target}`);
  return conv(value);
};

/** string -> type conversions shared with the to*() functions (null on failure). */
export const CONVERT_FROM_STRING: Readonly<Record<string, (s: string) => string>> = {
  long: (s) => `(CASE WHEN regexp_full_match(trim(${s}), '[+-]?[0-9]+') THEN TRY_CAST(trim(${s}) AS BIGINT) END)`,
  int: (s) => `(CASE WHEN regexp_full_match(trim(${s}), '[+-]?[0-9]+') THEN TRY_CAST(trim(${s}) AS INTEGER) END)`,
  real: (s) =>
    `(CASE WHEN regexp_full_match(trim(${s}), '[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?|[+-]?(Infinity|NaN)') THEN TRY_CAST(trim(${s}) AS DOUBLE) END)`,
  bool: (s) =>
    `(CASE WHEN lower(trim(${s})) = 'true' THEN true WHEN lower(trim(${s})) = 'false' THEN false WHEN regexp_full_match(trim(${s}), '[+-]?[0-9]+') THEN TRY_CAST(trim(${s}) AS BIGINT) <> 0 END)`,
  guid: (s) => `TRY_CAST(${s} AS UUID)`,
  decimal: (s) =>
    `(CASE WHEN regexp_full_match(trim(${s}), '[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?') THEN TRY_CAST(trim(${s}) AS DECIMAL(38,18)) END)`,
};

// Each group's matches come from one regexp_extract_all over the source (re-matching a
// match alone would lose context such as anchors and word boundaries), zipped per match.
const extractAll: SqlTemplate = (args, ctx) => {
  const re = constString(args, 0, 'extract_all regex');
  const groups = captureGroupCount(re);
  const src = str(arg(args, args.length - 1));
  const lit = ctx.stringLiteral(re);
  if (groups === 0) throw new Unsupported('extract_all needs at least one capture group');
  const matched = `len(regexp_extract_all(${src}, ${lit}, 0)) > 0`;
  const perGroup = Array.from({ length: groups }, (_, i) => `regexp_extract_all(${src}, ${lit}, ${i + 1})`);
  if (args.length === 2) {
    const all =
      groups === 1
        ? (perGroup[0] ?? '')
        : `list_transform(list_zip(${perGroup.join(', ')}), z -> [${perGroup.map((_, i) => `z[${i + 1}]`).join(', ')}])`;
    return `(CASE WHEN ${matched} THEN to_json(${all}) END)`;
  }
  const cg = arg(args, 1);
  if (cg.type !== 'dynamic') throw new Unsupported('extract_all captureGroups must be dynamic');
  // captureGroups elements: group numbers, or names of named groups (resolved from the constant regex).
  const names = [...scanGroups(re).names].map(([name, i]) => `WHEN ${ctx.stringLiteral(name)} THEN ${i}`).join(' ');
  const toIndex = `(CASE WHEN json_type(g) IN ('BIGINT', 'UBIGINT') THEN CAST(g AS BIGINT) ${names === '' ? '' : `ELSE CASE json_extract_string(g, '$') ${names} END`} END)`;
  const idx = `list_transform(CAST(json_extract(${p(cg.sql)}, '$[*]') AS JSON[]), g -> ${toIndex})`;
  const rows = `list_zip(${perGroup.join(', ')})`;
  const pick = `list_transform(${idx}, k -> CASE WHEN k BETWEEN 1 AND ${groups} THEN [${perGroup.map((_, i) => `z[${i + 1}]`).join(', ')}][k] END)`;
  return (
    `(CASE WHEN json_array_length(${p(cg.sql)}) = 1 THEN (CASE WHEN ${matched} THEN to_json(list_transform(${rows}, z -> ${pick}[1])) END) ` +
    `ELSE (CASE WHEN ${matched} THEN to_json(list_transform(${rows}, z -> ${pick})) END) END)`
  );
};

const strcat: SqlTemplate = (args) => `concat(${args.map((a) => `coalesce(${str(a)}, '')`).join(', ')})`;

/**
 * replace_strings(text, lookups, rewrites): lookups apply in array order; each one replaces
 * its matches in the text not already matched by an earlier lookup (so 'is' before 'This'
 * turns "This" into "Thwas", as documented). A non-string lookup is ignored; a non-string
 * rewrite leaves its matches unchanged (but still taken). The text is kept as segments
 * {t, r} (r: already matched); list_reduce's accumulator must have the element type, so each
 * step is a one-segment list carrying the lookup's index.
 */
const replaceStrings: SqlTemplate = (args) => {
  const text = str(arg(args, 0));
  const look = p(arg(args, 1).sql);
  const rew = p(arg(args, 2).sql);
  const n = `least(json_array_length(${look}), json_array_length(${rew}))`;
  const at = (d: string) => `json_extract(${d}, '$[' || (CAST(e[1].t AS BIGINT) - 1) || ']')`;
  const steps = `list_transform(range(1, CAST(${n} AS BIGINT) + 1), k -> [{'t': CAST(k AS VARCHAR), 'r': true}])`;
  const key = `json_extract_string(${at(look)}, '$')`;
  const value = `(CASE WHEN json_type(${at(rew)}) = 'VARCHAR' THEN json_extract_string(${at(rew)}, '$') ELSE ${key} END)`;
  const usable = `(json_type(${at(look)}) = 'VARCHAR' AND ${key} <> '')`;
  const parts = `string_split(sg.t, ${key})`;
  const splitSeg = `flatten(list_transform(${parts}, (part, j) -> CASE WHEN j < len(${parts}) THEN [{'t': part, 'r': false}, {'t': ${value}, 'r': true}] ELSE [{'t': part, 'r': false}] END))`;
  const step = `CASE WHEN ${usable} THEN flatten(list_transform(acc, sg -> CASE WHEN sg.r THEN [sg] ELSE ${splitSeg} END)) ELSE acc END`;
  const segs = `list_reduce(${steps}, (acc, e) -> ${step}, [{'t': ${text}, 'r': false}])`;
  return `(CASE WHEN ${text} IS NOT NULL THEN array_to_string(list_transform(${segs}, sg -> sg.t), '') END)`;
};

export const STRING_TEMPLATES: Readonly<Record<string, SqlTemplate>> = {
  replace_strings: replaceStrings,
  strlen: (args) => {
    const a = arg(args, 0);
    return a.type === 'dynamic' ? `length(${str(a)})` : `length(coalesce(${str(a)}, ''))`;
  },
  string_size: (args) => `octet_length(encode(coalesce(${str(arg(args, 0))}, '')))`,
  strcat,
  strcat_delim: (args) =>
    `concat_ws(coalesce(${str(arg(args, 0))}, ''), ${args
      .slice(1)
      .map((a) => `coalesce(${str(a)}, '')`)
      .join(', ')})`,
  strcmp: (args) =>
    `(CASE WHEN ${str(arg(args, 0))} < ${str(arg(args, 1))} THEN -1 WHEN ${str(arg(args, 0))} > ${str(arg(args, 1))} THEN 1 ELSE 0 END)`,
  strrep: (args) => {
    const s = `coalesce(${str(arg(args, 0))}, '')`;
    const n = `least(greatest(${p(arg(args, 1).sql)}, 0), 1024)`;
    if (!args[2]) return `repeat(${s}, ${n})`;
    return `array_to_string(list_transform(range(${n}), i -> ${s}), coalesce(${str(arg(args, 2))}, ''))`;
  },
  toupper: (args) => `upper(coalesce(${str(arg(args, 0))}, ''))`,
  tolower: (args) => `lower(coalesce(${str(arg(args, 0))}, ''))`,
  substring,
  indexof,
  countof,
  reverse: (args) => `reverse(coalesce(${str(arg(args, 0))}, ''))`,
  trim: trimTemplate(true, true),
  trim_start: trimTemplate(true, false),
  trim_end: trimTemplate(false, true),
  replace_string: (args) =>
    `coalesce(CASE WHEN ${str(arg(args, 1))} = '' THEN ${str(arg(args, 0))} ELSE replace(${str(arg(args, 0))}, ${str(arg(args, 1))}, ${str(arg(args, 2))}) END, '')`,
  replace_regex: replaceRegex,
  // replace(regex, rewrite, text): the obsolete argument order.
  replace: (args, ctx) => {
    const a0 = arg(args, 0);
    const a1 = arg(args, 1);
    const a2 = arg(args, 2);
    return replaceRegex([a2, a0, a1], ctx);
  },
  extract,
  extract_all: extractAll,
  // Escapes the regex metacharacters, each with a backslash.
  regex_quote: (args) => `regexp_replace(${str(arg(args, 0))}, '([\\\\^$.|?*+()\\[\\]{}])', '\\\\\\1', 'g')`,
  split: (args) => {
    const base = `string_split(coalesce(${str(arg(args, 0))}, ''), ${str(arg(args, 1))})`;
    if (!args[2]) return `to_json(${base})`;
    const i = p(arg(args, 2).sql);
    return `(CASE WHEN ${i} >= 0 AND ${i} < len(${base}) THEN to_json([${base}[${i} + 1]]) ELSE to_json([]::VARCHAR[]) END)`;
  },
  isascii: (args) => `regexp_full_match(coalesce(${str(arg(args, 0))}, ''), '[\\x00-\\x7F]*')`,
  isutf8: () => 'true',
  translate: null,
  has_any_index: (args) => `kql_has_any_index(${str(arg(args, 0))}, CAST(${p(arg(args, 1).sql)} AS VARCHAR))`,
  // JavaScript (src/catalog/udf/text-parse.ts): non-overlapping matches in a fixed window.
  indexof_regex: (args) => {
    const n = (i: number, dflt: string) => (args[i] ? `CAST(${p(arg(args, i).sql)} AS BIGINT)` : dflt);
    return `kql_indexof_regex(${str(arg(args, 0))}, ${str(arg(args, 1))}, ${n(2, '0')}, ${n(3, '-1')}, ${n(4, '1')})`;
  },
  unicode_codepoints_from_string: (args) =>
    `to_json(list_transform(range(1, length(${str(arg(args, 0))}) + 1), i -> unicode(substring(${str(arg(args, 0))}, i, 1))))`,
  unicode_codepoints_to_string: (args) =>
    `concat(${args
      .map((a) =>
        a.type === 'dynamic'
          ? `array_to_string(list_transform(json_extract(${p(a.sql)}, '$[*]'), e -> chr(CAST(e AS INTEGER))), '')`
          : `chr(CAST(${p(a.sql)} AS INTEGER))`,
      )
      .join(', ')})`,
};
