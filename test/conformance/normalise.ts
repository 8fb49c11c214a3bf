// Comparing our cells with the docs' markdown tables: the docs render the same value in
// many ways (datetimes with or without 'T'/fraction, JSON pretty-printed with <br>,
// strings in backticks, reals rounded), so both sides are parsed before comparing.
// Rendering-only normalisations (each one is something a markdown table can't show or
// shows differently, never a value difference): whitespace runs (tables can't hold
// newlines; U+00A0 renders as a space), thousands separators, `∞`, bools as 1/0, JSON written with
// single quotes, a string cell wrapped in quotes, markdown autolinks `<https://...>`.
import { parseKustoDatetime } from '../../src/engine/time.js';
import { parseTimespanText } from '../../src/kql/literal-values.js';

export function cleanDocCell(s: string): string {
  let t = s.trim();
  t = t
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
  t = t
    .replace(/^\*\*(.*)\*\*$/s, '$1')
    .replace(/^`+(.*?)`+$/s, '$1')
    .replace(/^<(https?:\/\/[^<>\s]+)>$/, '$1')
    .trim();
  if (t === '""' || t === "''") return '';
  return t;
}

function numEq(a: number, b: number): boolean {
  if (a === b) return true;
  if (Number.isNaN(a) && Number.isNaN(b)) return true;
  const d = Math.abs(a - b);
  // Docs round reals to a few digits; accept agreement to the doc's shown precision.
  return d <= 1e-9 || d / Math.max(Math.abs(a), Math.abs(b)) < 1e-4;
}

function decimals(s: string): number {
  const m = /\.(\d+)/.exec(s);
  return m === null ? 0 : (m[1] ?? '').length;
}

function numberOf(s: string): number | null {
  const t = s.trim();
  if (t === '') return null;
  if (/^(NaN|nan)$/.test(t)) return Number.NaN;
  if (/^[+-]?(Infinity|inf|∞)$/i.test(t)) return t.startsWith('-') ? -Infinity : Infinity;
  if (/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(t)) return Number(t.replace(/,/g, ''));
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t)) return null;
  return Number(t);
}

function jsonOf(s: string): unknown {
  const t = s.trim();
  if (!/^[[{]/.test(t)) return undefined;
  try {
    return JSON.parse(t);
  } catch {
    // Some pages write JSON with single quotes: ['a','b'], {'a': 1}.
    if (!t.includes("'") || t.includes('"')) return undefined;
    try {
      return JSON.parse(t.replace(/'/g, '"'));
    } catch {
      return undefined;
    }
  }
}

const collapse = (s: string): string => s.replace(/[\s\u00a0]+/g, ' ').trim();

function deepEq(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') return numEq(a, b);
  if (typeof a === 'string' && typeof b === 'string') return cellsEqual(a, b);
  if (typeof a === 'number' && typeof b === 'string') return cellsEqual(String(a), b);
  if (typeof a === 'string' && typeof b === 'number') return cellsEqual(a, String(b));
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => deepEq(x, b[i]));
  if (
    a !== null &&
    b !== null &&
    typeof a === 'object' &&
    typeof b === 'object' &&
    !Array.isArray(a) &&
    !Array.isArray(b)
  ) {
    const ka = Object.keys(a as object).sort();
    const kb = Object.keys(b as object).sort();
    return (
      ka.length === kb.length &&
      ka.every((k, i) => k === kb[i] && deepEq((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
    );
  }
  return a === b;
}

/** `ours` is our rendering (cellText); `doc` the cleaned doc cell. */
export function cellsEqual(ours: string, doc: string): boolean {
  if (ours === doc) return true;
  const o = ours.trim();
  const d = doc.trim();
  if (o === d) return true;
  if (o.toLowerCase() === d.toLowerCase() && /^(true|false)$/i.test(o)) return true;
  // Some pages show bools as 1/0.
  if ((o === 'true' && d === '1') || (o === 'false' && d === '0')) return true;
  // The docs render a null cell as `null` or, on some pages, `(null)`.
  if ((d === 'null' || d === '(null)') && o === '') return true;
  const on = numberOf(o);
  const dn = numberOf(d);
  if (on !== null && dn !== null) {
    // Integers are shown exactly; the tolerance is for reals the docs round.
    const integral = (x: string) => /^[+-]?[\d,]+$/.test(x);
    if (integral(o) && integral(d)) return on === dn;
    if (numEq(on, dn)) return true;
    const places = decimals(d);
    return places > 0 && Math.abs(on - dn) <= 0.5 * 10 ** -places + 1e-12;
  }
  const odt = /^\d{4}-\d{2}-\d{2}/.test(o) ? parseKustoDatetime(o) : null;
  const ddt = /^\d{4}-\d{1,2}-\d{1,2}/.test(d) ? parseKustoDatetime(d.replace(/\s+(AM|PM)$/i, '')) : null;
  if (odt !== null && ddt !== null) {
    if (odt === ddt) return true;
    const places = decimals(d.replace(/Z$/, ''));
    const unit = 10n ** BigInt(9 - Math.min(places, 9));
    return odt / unit === ddt / unit;
  }
  if (/^-?(\d+\.)?\d{1,2}:\d{2}/.test(o) && /^-?(\d+\.)?\d{1,2}:\d{2}/.test(d)) {
    const ot = parseTimespanText(o);
    const dt = parseTimespanText(d);
    if (ot !== null && dt !== null && BigInt(ot) === BigInt(dt)) return true;
  }
  const oj = jsonOf(o);
  const dj = jsonOf(d);
  if (oj !== undefined && dj !== undefined) return deepEq(oj, dj);
  if (collapse(o) === collapse(d)) return true;
  if (/^".*"$/s.test(d)) {
    try {
      const inner: unknown = JSON.parse(d);
      if (typeof inner === 'string' && inner === o) return true;
    } catch {
      // not a JSON string literal
    }
  }
  return false;
}
