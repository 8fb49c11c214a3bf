// make-series building blocks: bin index and bin count (exact integer arithmetic on ns
// for datetimes), per-group (index, value) pairs, the filled value array and the axis.
import type { SqlArg } from '../../../catalog/types.js';
import { datetimeToString } from './convert.js';
import type { OpTemplate } from './operators.js';

function arg(a: readonly SqlArg[], i: number): SqlArg {
  const x = a[i];
  if (x === undefined) throw new Error(`operator argument ${i} missing`);
  return x;
}

const ns = (x: SqlArg) => `epoch_ns(${x.sql})`;
/** Step in the axis unit: timespan ticks become ns. */
const stepOf = (axis: SqlArg, step: SqlArg) => (axis.type === 'datetime' ? `(${step.sql} * 100)` : `(${step.sql})`);

export const SERIES_OPERATORS: Readonly<Record<string, OpTemplate>> = {
  // args: axis (>= from), from, step
  series_index: (a) => {
    const [x, f, s] = [arg(a, 0), arg(a, 1), arg(a, 2)];
    if (x.type === 'datetime') return `((${ns(x)} - ${ns(f)}) // ${stepOf(x, s)})`;
    return `CAST(floor((${x.sql} - (${f.sql})) / (${s.sql} * 1.0)) AS BIGINT)`;
  },
  // args: from, to, step; bins cover [from, to)
  series_count: (a) => {
    const [f, t, s] = [arg(a, 0), arg(a, 1), arg(a, 2)];
    if (f.type === 'datetime') return `greatest(0, (${ns(t)} - ${ns(f)} + ${stepOf(f, s)} - 1) // ${stepOf(f, s)})`;
    return `greatest(0, CAST(ceil((${t.sql} - (${f.sql})) / (${s.sql} * 1.0)) AS BIGINT))`;
  },
  series_collect: (a) => `list(struct_pack(i := ${arg(a, 0).sql}, v := ${arg(a, 1).sql}))`,
  // args: pairs, n, default
  series_fill: (a) => {
    const [p, n, d] = [arg(a, 0), arg(a, 1), arg(a, 2)];
    const hit = `list_filter(coalesce(${p.sql}, []), e -> e.i = x)`;
    return `to_json(list_transform(range(0, ${n.sql}), x -> CASE WHEN len(${hit}) = 0 THEN ${d.sql} ELSE ${hit}[1].v END))`;
  },
  // args: from, step, n
  series_axis: (a) => {
    const [f, s, n] = [arg(a, 0), arg(a, 1), arg(a, 2)];
    if (f.type === 'datetime')
      return `to_json(list_transform(range(0, ${n.sql}), x -> ${datetimeToString(`make_timestamp_ns(${ns(f)} + x * ${stepOf(f, s)})`)}))`;
    return `to_json(list_transform(range(0, ${n.sql}), x -> ${f.sql} + x * ${s.sql}))`;
  },
};

const sqlLit = (x: SqlArg) => x.sql;

/**
 * A parse-kv key or value: trimmed when `doTrim`; when quoted (quotes = open+close chars, ''
 * for none) its quotes are removed and its escapes (`esc`: a regex whose group 1 is the
 * escaped char, '' for none) undone.
 */
function kvClean(z: string, quotes: SqlArg, esc: SqlArg, doTrim: boolean): string {
  const t = doTrim ? `trim(${z})` : z;
  if (String(quotes.constant ?? '') === '') return t;
  const inner = `${t}[2:-2]`;
  const unesc = esc.constant === '' ? inner : `regexp_replace(${inner}, ${esc.sql}, '\\1', 'g')`;
  return `(CASE WHEN len(${t}) >= 2 AND starts_with(${t}, ${quotes.sql}[1]) AND ends_with(${t}, ${quotes.sql}[-1]) THEN ${unesc} ELSE ${t} END)`;
}

/**
 * parse-kv: `kv_pairs(src, pieceRe, splitRe, quotes, escape, trim)` lists {k, v} of every
 * piece that splits into key and value; `kv_adjacent(src, tokenRe, quotes, escape)` pairs
 * every token with the next one (auto-detected delimiters: a key's value is the token after
 * it); `kv_get(pairs, key)` the first value for a key.
 */
export const KV_OPERATORS: Readonly<Record<string, OpTemplate>> = {
  kv_pairs: (a) => {
    const [s, piece, split] = a.map(sqlLit);
    const clean = (z: string) => kvClean(z, arg(a, 3), arg(a, 4), arg(a, 5).constant === true);
    return (
      `list_transform(list_filter(regexp_extract_all(${s ?? ''}, ${piece ?? ''}), x -> regexp_matches(x, ${split ?? ''})), ` +
      `x -> struct_pack(k := ${clean(`regexp_extract(x, ${split ?? ''}, 1)`)}, v := ${clean(`regexp_extract(x, ${split ?? ''}, 2)`)}))`
    );
  },
  kv_adjacent: (a) => {
    const clean = (z: string) => kvClean(z, arg(a, 2), arg(a, 3), false);
    // The token list is a lambda parameter so the regex runs once per row.
    return (
      `list_transform([regexp_extract_all(${arg(a, 0).sql}, ${arg(a, 1).sql})], ` +
      `t -> list_transform(range(1, len(t)), i -> struct_pack(k := ${clean('t[i]')}, v := ${clean('t[i + 1]')})))[1]`
    );
  },
  kv_get: (a) => `list_filter(${arg(a, 0).sql}, e -> e.k = ${arg(a, 1).sql})[1].v`,
};
