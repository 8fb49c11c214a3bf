// Query parameters become `let` statements prepended to the query text, so they are
// ordinary, escaped KQL literals (never spliced into SQL).
import type { QueryParams } from './types.js';
import { formatKustoDatetime, dateToNs } from './time.js';

/** A KQL string literal for any text: double-quoted with backslash escapes. */
export function kqlString(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (c < 0x20 || c === 0x7f) out += `\\u${c.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

function valueText(v: QueryParams[string]): string {
  if (v === null) return 'dynamic(null)';
  if (typeof v === 'string') return kqlString(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') return Number.isInteger(v) ? `long(${v})` : `real(${v})`;
  return `datetime(${formatKustoDatetime(dateToNs(v))})`;
}

export function withParams(kql: string, params: QueryParams | undefined): { text: string; shift: number } {
  if (params === undefined) return { text: kql, shift: 0 };
  const names = Object.keys(params);
  if (names.length === 0) return { text: kql, shift: 0 };
  const prefix = names
    .map((n) => {
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(n)) throw new Error(`bad parameter name: ${n}`);
      return `let ${n} = ${valueText(params[n] ?? null)};\n`;
    })
    .join('');
  return { text: prefix + kql, shift: prefix.length };
}
