// indexof with length/occurrence, has_any_index, erf/erfc: searches whose window and
// occurrence rules (indexof-function.md) and special functions SQL can't state exactly.
import { num, str, UdfError, type UdfSpec, type UdfValue } from './types.js';

/**
 * indexof(s, match, start, length, occurrence). Positions are UTF-16 code units, as in .NET.
 * A negative start counts from the end. Each search examines `length` characters from its
 * start (-1: to the end); the next occurrence is searched from the previous one + 1 with the
 * same length (indexof-function.md: `indexof("abcdefgabcdefg", "cde", 1, 10, 2)` is 9).
 */
export function indexOf(s: string, m: string, start: number, length: number, occurrence: number): number | null {
  if (occurrence < 0 || length < -1) return null;
  let from = start < 0 ? Math.max(s.length + start, 0) : start;
  if (from > s.length) return -1;
  let found = -1;
  for (let k = 0; k < Math.max(occurrence, 1); k++) {
    const end = length === -1 ? s.length : Math.min(from + length, s.length);
    const i = s.slice(0, end).indexOf(m, from);
    if (i < 0) return -1;
    found = i;
    from = i + 1;
  }
  return found;
}

/** Text of a dynamic array element as `has` compares it (strings unquoted, the rest as JSON). */
function elementText(e: unknown): string | null {
  if (e === null || e === undefined) return null;
  if (typeof e === 'string') return e;
  return JSON.stringify(e);
}

const isAlnum = (ch: string | undefined): boolean => ch !== undefined && /[A-Za-z0-9]/.test(ch);

/** `has` on whole terms, with the boundaries of src/catalog/duckdb/operators.ts (termRegex). */
export function hasTerm(hay: string, needle: string): boolean {
  if (needle === '') return false;
  const h = hay.toLowerCase();
  const n = needle.toLowerCase();
  for (let i = h.indexOf(n); i >= 0; i = h.indexOf(n, i + 1)) {
    const okBefore = !isAlnum(n[0]) || !isAlnum(h[i - 1]);
    const okAfter = !isAlnum(n[n.length - 1]) || !isAlnum(h[i + n.length]);
    if (okBefore && okAfter) return true;
  }
  return false;
}

function hasAnyIndex(s: string, values: string): number | null {
  const arr: unknown = JSON.parse(values);
  if (!Array.isArray(arr)) return null;
  const items: readonly unknown[] = arr;
  for (let i = 0; i < items.length; i++) {
    const t = elementText(items[i]);
    if (t !== null && hasTerm(s, t)) return i;
  }
  return -1;
}

/** erf by its everywhere-positive series (no cancellation) for |x| < 2.5. */
function erfSeries(x: number): number {
  let term = x;
  let sum = x;
  for (let n = 1; n < 200; n++) {
    term *= (2 * x * x) / (2 * n + 1);
    sum += term;
    if (Math.abs(term) < Math.abs(sum) * 1e-17) break;
  }
  return (2 / Math.sqrt(Math.PI)) * Math.exp(-x * x) * sum;
}

/** erfc by its continued fraction (modified Lentz) for x >= 2.5. */
function erfcFraction(x: number): number {
  const tiny = 1e-300;
  let f = x;
  let c = x;
  let d = 0;
  for (let n = 1; n < 500; n++) {
    const a = n / 2;
    d = x + a * d;
    d = Math.abs(d) < tiny ? 1 / tiny : 1 / d;
    c = x + a / c;
    if (Math.abs(c) < tiny) c = tiny;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.exp(-x * x) / Math.sqrt(Math.PI) / f;
}

export function erfc(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  if (x < 0) return 2 - erfc(-x);
  return x < 2.5 ? 1 - erfSeries(x) : erfcFraction(x);
}

export function erf(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  if (x < 0) return -erf(-x);
  return x < 2.5 ? erfSeries(x) : 1 - erfcFraction(x);
}

const integer = (v: UdfValue): number => {
  const n = num(v);
  if (!Number.isInteger(n)) throw new UdfError('expected an integer argument');
  return n;
};

export const SEARCH_UDFS: readonly UdfSpec[] = [
  {
    name: 'kql_indexof',
    params: ['VARCHAR', 'VARCHAR', 'BIGINT', 'BIGINT', 'BIGINT'],
    returns: 'BIGINT',
    fn: ([s, m, st, len, occ]) => {
      const r = indexOf(
        str(s ?? null),
        str(m ?? null),
        integer(st ?? null),
        integer(len ?? null),
        integer(occ ?? null),
      );
      return r === null ? null : BigInt(r);
    },
  },
  {
    name: 'kql_has_any_index',
    params: ['VARCHAR', 'VARCHAR'],
    returns: 'BIGINT',
    fn: ([s, values]) => {
      const r = hasAnyIndex(str(s ?? null), str(values ?? null));
      return r === null ? null : BigInt(r);
    },
  },
  { name: 'kql_erf', params: ['DOUBLE'], returns: 'DOUBLE', fn: ([x]) => erf(num(x ?? null)) },
  { name: 'kql_erfc', params: ['DOUBLE'], returns: 'DOUBLE', fn: ([x]) => erfc(num(x ?? null)) },
];

/** The fewest CIDR blocks covering [start, end] (IPv4 as unsigned 32-bit numbers). */
export function cidrCover(start: bigint, end: bigint): string[] | null {
  if (start < 0n || end > 0xffffffffn || start > end) return null;
  const out: string[] = [];
  let s = start;
  while (s <= end) {
    let size = s === 0n ? 1n << 32n : s & -s;
    while (s + size - 1n > end) size >>= 1n;
    const bits = size.toString(2).length - 1;
    const ip = [24n, 16n, 8n, 0n].map((sh) => String((s >> sh) & 255n)).join('.');
    out.push(`${ip}/${32 - bits}`);
    s += size;
  }
  return out;
}

export const CIDR_UDFS: readonly UdfSpec[] = [
  {
    name: 'kql_ipv4_range_to_cidr_list',
    params: ['BIGINT', 'BIGINT'],
    returns: 'VARCHAR',
    fn: ([a, b]) => {
      const r = cidrCover(BigInt(num(a ?? null)), BigInt(num(b ?? null)));
      return r === null ? null : JSON.stringify(r);
    },
  },
];

/**
 * parse_csv: the first record's fields. A field that starts with `"` is quoted: `""` is a
 * quote, and commas and line feeds are part of it; an unquoted line feed (or CR LF) ends
 * the record.
 */
export function csvFirstRecord(text: string): string[] {
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    let field = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= text.length) break;
        const c = text[i] ?? '';
        if (c === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        field += c;
        i++;
      }
    }
    while (i < text.length && text[i] !== ',' && text[i] !== '\n' && !(text[i] === '\r' && text[i + 1] === '\n')) {
      field += text[i] ?? '';
      i++;
    }
    fields.push(field);
    if (text[i] !== ',') return fields;
    i++;
  }
}

export const CSV_UDFS: readonly UdfSpec[] = [
  {
    name: 'kql_parse_csv',
    params: ['VARCHAR'],
    returns: 'VARCHAR',
    fn: ([s]) => JSON.stringify(csvFirstRecord(str(s ?? null))),
  },
];

/**
 * row_window_session over the whole sequence (src/sql/dialects/duckdb/window-staged.ts):
 * rows `ns,maxFromFirst,maxBetweenNeighbors,restart` (timespans in ticks) joined by ';';
 * returns each row's session start (ns, empty for null) joined by ';'. A new session starts
 * with no previous session value, on restart, or when the value reaches (>=) the session
 * start + maxFromFirst or the previous value + maxBetweenNeighbors (row-window-session-function.md).
 */
export function windowSessions(text: string): string {
  let start: bigint | null = null;
  let prev: bigint | null = null;
  const out: string[] = [];
  for (const row of text.split(';')) {
    const [t, d1, d2, restart] = row.split(',');
    const v = t === undefined || t === '' ? null : BigInt(t);
    const far = (base: bigint | null, d: string | undefined) =>
      v !== null && base !== null && d !== undefined && d !== '' && v >= base + BigInt(d) * 100n;
    const isNew = start === null || v === null || restart === '1' || far(start, d1) || far(prev, d2);
    if (isNew) start = v;
    prev = v;
    out.push(start === null ? '' : String(start));
  }
  return out.join(';');
}

export const SESSION_UDFS: readonly UdfSpec[] = [
  {
    name: 'kql_row_window_session',
    params: ['VARCHAR'],
    returns: 'VARCHAR',
    fn: ([s]) => windowSessions(str(s ?? null)),
  },
];
