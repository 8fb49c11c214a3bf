// The playbook's parameter mechanism. A hunt file opens with `let Name = <default>;` lines
// (pasteable into Defender as they are); exfilhunt replaces the right-hand side of each
// declared parameter with the case value, rendered here as a KQL literal. Values never
// travel as raw text: every string goes through kqlString.

export type DurationMs = { readonly kind: 'timespan'; readonly ms: number };
export type Anchor = { readonly device: string; readonly time: string };
export type AnchorTable = { readonly kind: 'anchors'; readonly rows: readonly Anchor[] };
export type StringList = { readonly kind: 'list'; readonly items: readonly string[] };
export type ParamValue = string | number | boolean | Date | DurationMs | AnchorTable | StringList;

/** A KQL string literal: double-quoted, backslash escapes for `\`, `"` and control characters. */
export function kqlString(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    if (ch === '\\') out += '\\\\';
    else if (ch === '"') out += '\\"';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (c < 0x20 || c === 0x7f) out += `\\u${c.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return out + '"';
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** `datetime(2025-11-20T00:48:57.6034636Z)` from a Date or a Kusto/ISO timestamp string (7 digits kept). */
export function kqlDatetime(t: Date | string): string {
  if (typeof t === 'string') {
    const m = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(\.\d{1,7})?Z$/.exec(t);
    if (m === null) return kqlDatetime(new Date(t));
    return `datetime(${t})`;
  }
  if (Number.isNaN(t.getTime())) throw new Error('invalid date parameter');
  const iso = `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}T${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}:${pad(t.getUTCSeconds())}.${pad(t.getUTCMilliseconds(), 3)}0000Z`;
  return `datetime(${iso})`;
}

/** Shortest exact KQL timespan literal: 2m, 90s, 1500ms, 3d. */
export function kqlTimespan(ms: number): string {
  if (!Number.isFinite(ms)) throw new Error('invalid timespan parameter');
  const units: [number, string][] = [
    [86_400_000, 'd'],
    [3_600_000, 'h'],
    [60_000, 'm'],
    [1000, 's'],
  ];
  for (const [size, unit] of units) if (ms !== 0 && ms % size === 0) return `${ms / size}${unit}`;
  return `${Math.round(ms)}ms`;
}

/** Parse a user-supplied window such as `2m`, `90s`, `1h`, `1d`, `500ms`. */
export function parseDuration(text: string): number {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)$/.exec(text.trim());
  if (m === null) throw new Error(`bad duration '${text}' (use e.g. 2m, 90s, 1h)`);
  const n = Number(m[1]);
  const f = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2] as 'ms' | 's' | 'm' | 'h' | 'd'];
  return n * f;
}

export function renderParam(v: ParamValue): string {
  if (typeof v === 'string') return kqlString(v);
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new Error('invalid number parameter');
    return Number.isInteger(v) ? String(v) : `real(${v})`;
  }
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (v instanceof Date) return kqlDatetime(v);
  if (v.kind === 'timespan') return kqlTimespan(v.ms);
  if (v.kind === 'list') return `dynamic([${v.items.map(kqlString).join(', ')}])`;
  const rows = v.rows.map((a) => `\n    ${kqlString(a.device)}, ${kqlDatetime(a.time)}`).join(',');
  return `datatable(AnchorDevice:string, AnchorTime:datetime) [${rows}\n]`;
}
