// parse-kv with explicit single-character delimiters (optionally quotes and an escape) or
// with a regex of two groups. Pieces are the runs between pair delimiters (quoted text
// may contain delimiters); a piece splits at its first key/value delimiter outside quotes;
// keys and values are trimmed and unquoted; the first piece with a column's key gives its
// value, converted to the column type (null on failure). Greedy mode splits only before a
// key. Without delimiters (auto-detection), see lowerAutoKv.
import type { Span } from '../kql/ast.js';
import type { BoundTable } from '../kql/bound.js';
import { reEscape } from './dialects/duckdb/operators.js';
import { unsupported } from './lower-scalar.js';
import { col, passThrough, type NamedSx, type Plan, type Sx } from './plan.js';

type BoundParseKv = Extract<BoundTable, { kind: 'ParseKv' }>;

const GREEDY_SEP = '\uFFFF';

/** A char inside a regex character class. */
const cls = (c: string) => (/[\]\\^[-]/.test(c) ? `\\${c}` : c);

export function lowerParseKv(t: BoundParseKv, input: Plan, source: Sx): Plan {
  const span = t.span;
  const o = t.options;
  const str = (v: string): Sx => ({ k: 'lit', type: 'string', value: v });
  let piece: string;
  let split: string;
  let quotes = '';
  let escape = '';
  let trim = true;
  let greedyKey = '';
  if (o['regex'] !== undefined) {
    piece = o['regex'];
    split = o['regex'];
    trim = false;
    if (Object.keys(o).some((k) => k !== 'regex')) return unsupported('parse-kv regex with other options', span);
  } else {
    const pd = o['pair_delimiter'];
    const kv = o['kv_delimiter'];
    if (pd === undefined && kv === undefined) return lowerAutoKv(t, input, source);
    if (pd === undefined || kv === undefined)
      return unsupported('parse-kv with only one of pair_delimiter and kv_delimiter', span);
    const greedy = (o['greedy'] ?? 'false').toLowerCase() === 'true';
    if ([...pd].length !== 1 || [...kv].length !== 1)
      return unsupported('parse-kv with multi-character delimiters', span);
    quotes = o['quote'] ?? '';
    const e = o['escape'] ?? '';
    if ([...quotes].length > 2 || [...e].length > 1 || (e !== '' && quotes === ''))
      return unsupported('parse-kv with these quote/escape options', span);
    if (greedy && quotes !== '') return unsupported('parse-kv greedy=true with quotes', span);
    const known = new Set(['pair_delimiter', 'kv_delimiter', 'quote', 'escape', 'greedy']);
    const other = Object.keys(o).find((k) => !known.has(k));
    if (other !== undefined) return unsupported(`parse-kv option ${other}`, span);
    const quoted = quotedAlt(quotes, e);
    // Greedy: a value runs to the next key (a pair delimiter, then a run without delimiters,
    // then the key/value delimiter); those delimiters become U+FFFF (a noncharacter, absent
    // from text) and pieces are the runs between them.
    piece = greedy ? `[^${GREEDY_SEP}]+` : `(?:${quoted}[^${cls(pd)}])+`;
    if (greedy) greedyKey = `${reEscape(pd)}([^${cls(pd)}${cls(kv)}]+${reEscape(kv)})`;
    split = `(?s)^((?:${quoted}[^${cls(kv)}])*)${reEscape(kv)}(.*)$`;
    escape = e === '' ? '' : `${reEscape(e)}(.)`;
  }
  const text = asText(source, span);
  const src: Sx =
    greedyKey === ''
      ? text
      : { k: 'fn', name: 'replace_regex', args: [text, str(greedyKey), str(`${GREEDY_SEP}$1`)], type: 'string', span };
  const pairs: Sx = {
    k: 'op',
    op: 'kv_pairs',
    args: [src, str(piece), str(split), str(quotes), str(escape), { k: 'lit', type: 'bool', value: trim }],
    type: 'unknown',
    span,
  };
  return extractKeys(t, input, pairs);
}

/** A letter or decimal digit (.NET's char.IsLetterOrDigit): the only term characters without delimiters. */
const TERM = '[\\p{L}\\p{Nd}]+';

/**
 * parse-kv without delimiters: "any nonalphanumeric character is considered a delimiter", so
 * the text is a sequence of tokens (runs of letters and digits, or quoted strings when
 * `quote` is given) and a key's value is the token that follows the key's first appearance.
 * Keys are looked up rather than paired from the start, so text before the pairs (a date, a
 * `[INFO]` level) doesn't shift them. A key that isn't one token (it holds a delimiter) could
 * only match quoted, which the page doesn't show: refused.
 */
function lowerAutoKv(t: BoundParseKv, input: Plan, source: Sx): Plan {
  const span = t.span;
  const o = t.options;
  const other = Object.keys(o).find((k) => k !== 'quote' && k !== 'escape');
  if (other !== undefined) return unsupported(`parse-kv option ${other} without delimiters`, span);
  const quotes = o['quote'] ?? '';
  const e = o['escape'] ?? '';
  if ([...quotes].length > 2 || [...e].length > 1 || (e !== '' && quotes === ''))
    return unsupported('parse-kv with these quote/escape options', span);
  const odd = t.columns.find((c) => !/^[\p{L}\p{Nd}]+$/u.test(c.name));
  if (odd !== undefined)
    return unsupported(`parse-kv without delimiters and key '${odd.name}' (not only letters and digits)`, span);
  const str = (v: string): Sx => ({ k: 'lit', type: 'string', value: v });
  const pairs: Sx = {
    k: 'op',
    op: 'kv_adjacent',
    args: [
      asText(source, span),
      str(`${quotedAlt(quotes, e)}${TERM}`),
      str(quotes),
      str(e === '' ? '' : `${reEscape(e)}(.)`),
    ],
    type: 'unknown',
    span,
  };
  return extractKeys(t, input, pairs);
}

/** `q1 (escaped char | not q2)* q2|` for one quote pair (optionally with an escape); '' without quotes. */
function quotedAlt(quotes: string, e: string): string {
  if (quotes === '') return '';
  const q1 = [...quotes][0] ?? '';
  const q2 = [...quotes][1] ?? q1;
  return e === ''
    ? `${reEscape(q1)}[^${cls(q2)}]*${reEscape(q2)}|`
    : `${reEscape(q1)}(?:${reEscape(e)}.|[^${cls(q2)}${cls(e)}])*${reEscape(q2)}|`;
}

function asText(source: Sx, span: Span): Sx {
  return source.type === 'string' ? source : { k: 'op', op: 'cast', args: [source], type: 'string', span };
}

/** The listed keys' columns from `pairs` (a list of {k, v}): the first pair with the key, converted. */
function extractKeys(t: BoundParseKv, input: Plan, pairs: Sx): Plan {
  const span = t.span;
  const str = (v: string): Sx => ({ k: 'lit', type: 'string', value: v });
  const withPairs: Plan = {
    kind: 'Project',
    input,
    items: [...passThrough(input.columns), { name: '__kv', expr: pairs }],
    columns: [...input.columns, { name: '__kv', type: 'unknown' }],
  };
  const wanted = new Map(t.columns.map((c) => [c.name, c]));
  const items: NamedSx[] = t.schema.columns.map((c) => {
    const w = wanted.get(c.name);
    if (w === undefined) return { name: c.name, expr: col(c.name, c.type) };
    const text: Sx = { k: 'op', op: 'kv_get', args: [col('__kv', 'unknown'), str(w.name)], type: 'string', span };
    return {
      name: c.name,
      expr: c.type === 'string' ? text : { k: 'op', op: 'cast', args: [text], type: c.type, span },
    };
  });
  return { kind: 'Project', input: withPairs, items, columns: t.schema.columns };
}
