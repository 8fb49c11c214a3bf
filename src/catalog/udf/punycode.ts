// Punycode (RFC 3492), written from the RFC: Kusto's punycode_* functions encode and decode
// labels as they are (case kept, no IDNA mapping), and the domain forms apply it per label
// with an `xn--` prefix. Invalid input gives an empty result, as Kusto documents.
import { str, type UdfSpec } from './types.js';

const BASE = 36;
const TMIN = 1;
const TMAX = 26;
const SKEW = 38;
const DAMP = 700;
const INITIAL_BIAS = 72;
const INITIAL_N = 128;

function adapt(delta: number, points: number, first: boolean): number {
  let d = first ? Math.floor(delta / DAMP) : delta >> 1;
  d += Math.floor(d / points);
  let k = 0;
  while (d > ((BASE - TMIN) * TMAX) >> 1) {
    d = Math.floor(d / (BASE - TMIN));
    k += BASE;
  }
  return k + Math.floor(((BASE - TMIN + 1) * d) / (d + SKEW));
}

const digit = (d: number): string => String.fromCharCode(d < 26 ? d + 97 : d + 22);

function digitValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 22;
  if (c >= 65 && c <= 90) return c - 65;
  if (c >= 97 && c <= 122) return c - 97;
  return BASE;
}

export function punycodeEncode(input: string): string | null {
  const cps = Array.from(input, (c) => c.codePointAt(0) ?? 0);
  const basic = cps.filter((c) => c < 0x80);
  let out = String.fromCodePoint(...basic);
  let h = basic.length;
  if (h > 0) out += '-';
  let n = INITIAL_N;
  let delta = 0;
  let bias = INITIAL_BIAS;
  while (h < cps.length) {
    const m = Math.min(...cps.filter((c) => c >= n));
    delta += (m - n) * (h + 1);
    if (!Number.isSafeInteger(delta)) return null;
    n = m;
    for (const c of cps) {
      if (c < n) delta++;
      if (c !== n) continue;
      let q = delta;
      for (let k = BASE; ; k += BASE) {
        const t = k <= bias ? TMIN : k >= bias + TMAX ? TMAX : k - bias;
        if (q < t) break;
        out += digit(t + ((q - t) % (BASE - t)));
        q = Math.floor((q - t) / (BASE - t));
      }
      out += digit(q);
      bias = adapt(delta, h + 1, h === basic.length);
      delta = 0;
      h++;
    }
    delta++;
    n++;
  }
  return out;
}

export function punycodeDecode(input: string): string | null {
  const end = input.lastIndexOf('-');
  const out = Array.from(end < 0 ? '' : input.slice(0, end), (c) => c.codePointAt(0) ?? 0);
  if (out.some((c) => c >= 0x80)) return null;
  let n = INITIAL_N;
  let i = 0;
  let bias = INITIAL_BIAS;
  for (let p = end < 0 ? 0 : end + 1; p < input.length;) {
    const old = i;
    let w = 1;
    for (let k = BASE; ; k += BASE) {
      if (p >= input.length) return null;
      const d = digitValue(input.charCodeAt(p++));
      if (d >= BASE) return null;
      i += d * w;
      const t = k <= bias ? TMIN : k >= bias + TMAX ? TMAX : k - bias;
      if (d < t) break;
      w *= BASE - t;
      if (!Number.isSafeInteger(i) || !Number.isSafeInteger(w)) return null;
    }
    bias = adapt(i - old, out.length + 1, old === 0);
    n += Math.floor(i / (out.length + 1));
    i %= out.length + 1;
    if (n > 0x10ffff) return null;
    out.splice(i++, 0, n);
  }
  return String.fromCodePoint(...out);
}

// Ideographic and halfwidth full stops separate labels too (IDNA).
const LABEL_SEP = /[.\u3002\uff0e\uff61]/;

function domainTo(s: string): string {
  return s
    .split(LABEL_SEP)
    .map((l) => ([...l].every((c) => c.charCodeAt(0) < 0x80) ? l : `xn--${punycodeEncode(l) ?? ''}`))
    .join('.');
}

function domainFrom(s: string): string | null {
  const labels = s.split('.').map((l) => (/^xn--/i.test(l) ? punycodeDecode(l.slice(4)) : l));
  return labels.some((l) => l === null) ? null : labels.join('.');
}

export const PUNYCODE_UDFS: readonly UdfSpec[] = [
  {
    name: 'kql_punycode_encode',
    params: ['VARCHAR'],
    returns: 'VARCHAR',
    fn: ([s]) => punycodeEncode(str(s ?? null)) ?? '',
  },
  {
    name: 'kql_punycode_decode',
    params: ['VARCHAR'],
    returns: 'VARCHAR',
    fn: ([s]) => punycodeDecode(str(s ?? null)) ?? '',
  },
  { name: 'kql_punycode_domain_to', params: ['VARCHAR'], returns: 'VARCHAR', fn: ([s]) => domainTo(str(s ?? null)) },
  {
    name: 'kql_punycode_domain_from',
    params: ['VARCHAR'],
    returns: 'VARCHAR',
    fn: ([s]) => domainFrom(str(s ?? null)) ?? '',
  },
];
