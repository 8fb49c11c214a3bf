// Timestamp parsing to exact nanoseconds since the epoch (bigint), done by hand because
// Date keeps only milliseconds and Defender timestamps carry 7 fractional digits (100 ns).

const ISO = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*(Z|z|[+-]\d{2}:?\d{2}|UTC)?$/;
// Log Analytics portal CSV: "26/03/2026, 15:18:18.790" (day first) or US "3/26/2026, 3:18:18.790 PM".
const LOCALE = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4}),?\s+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*(AM|PM|am|pm)?$/;
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

const NS_PER_MS = 1_000_000n;

function fractionNs(frac: string | undefined): bigint {
  if (frac === undefined || frac === '') return 0n;
  // Digits past the 9th (below 1 ns) cannot be stored in TIMESTAMP_NS; they are truncated.
  return BigInt((frac + '000000000').slice(0, 9));
}

function build(
  y: number,
  mo: number,
  d: number,
  h: number,
  mi: number,
  s: number,
  frac: string | undefined,
  offsetMin: number,
): bigint | undefined {
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 60) return undefined;
  const ms = Date.UTC(y, mo - 1, d, h, mi, s);
  if (!Number.isFinite(ms)) return undefined;
  // Date.UTC rolls 31 February over into March; such a date is invalid, not a different day.
  const check = new Date(ms);
  if (check.getUTCDate() !== d || check.getUTCMonth() !== mo - 1) return undefined;
  return BigInt(ms - offsetMin * 60_000) * NS_PER_MS + fractionNs(frac);
}

function offsetMinutes(z: string | undefined): number {
  if (z === undefined || z === 'Z' || z === 'z' || z === 'UTC') return 0;
  const sign = z.startsWith('-') ? -1 : 1;
  const digits = z.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4)));
}

let cachedDay = '';
let cachedDayMs = 0;

function digits(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/** The exact Defender shape `2026-03-26T15:18:18.7849324Z`, parsed without regex or Date per call. */
function parseDefenderFast(s: string): bigint | undefined {
  if (s.length !== 28 || s.charCodeAt(10) !== 84 || s.charCodeAt(19) !== 46 || s.charCodeAt(27) !== 90)
    return undefined;
  const day = s.slice(0, 10);
  if (day !== cachedDay) {
    const m = DATE_ONLY.exec(day);
    if (m === null) return undefined;
    const ns = build(+m[1]!, +m[2]!, +m[3]!, 0, 0, 0, undefined, 0);
    if (ns === undefined) return undefined;
    cachedDay = day;
    cachedDayMs = Number(ns / NS_PER_MS);
  }
  const h = digits(s, 11, 13);
  const mi = digits(s, 14, 16);
  const sec = digits(s, 17, 19);
  const frac = digits(s, 20, 27);
  if (
    h < 0 ||
    h > 23 ||
    mi < 0 ||
    mi > 59 ||
    sec < 0 ||
    sec > 59 ||
    frac < 0 ||
    s.charCodeAt(13) !== 58 ||
    s.charCodeAt(16) !== 58
  )
    return undefined;
  return BigInt(cachedDayMs + ((h * 60 + mi) * 60 + sec) * 1000) * NS_PER_MS + BigInt(frac * 100);
}

/**
 * Nanoseconds since 1970-01-01T00:00:00Z, or undefined if `s` is not a timestamp.
 * Accepts ISO 8601 (T or space, 0-9+ fractional digits, Z / offset / none = UTC) and the
 * Log Analytics locale form (day/month/year unless AM/PM marks the US month/day/year order).
 */
export function parseTimestampNs(s: string): bigint | undefined {
  const fast = parseDefenderFast(s);
  if (fast !== undefined) return fast;
  const t = s.trim();
  let m = ISO.exec(t);
  if (m !== null) {
    return build(+m[1]!, +m[2]!, +m[3]!, +m[4]!, +m[5]!, m[6] === undefined ? 0 : +m[6], m[7], offsetMinutes(m[8]));
  }
  m = LOCALE.exec(t);
  if (m !== null) {
    const ampm = m[8]?.toUpperCase();
    let [d, mo] = [+m[1]!, +m[2]!];
    if (ampm !== undefined) [d, mo] = [mo, d];
    let h = +m[4]!;
    if (ampm === 'PM' && h < 12) h += 12;
    if (ampm === 'AM' && h === 12) h = 0;
    return build(+m[3]!, mo, d, h, +m[5]!, m[6] === undefined ? 0 : +m[6], m[7], 0);
  }
  m = DATE_ONLY.exec(t);
  if (m !== null) return build(+m[1]!, +m[2]!, +m[3]!, 0, 0, 0, undefined, 0);
  return undefined;
}

/** Inverse for display/tests: ISO 8601 UTC with exactly 7 fractional digits when they are non-zero below 1 ms. */
export function formatNs(ns: bigint): string {
  const ms = ns / NS_PER_MS - (ns % NS_PER_MS < 0n ? 1n : 0n);
  const sub = ns - ms * NS_PER_MS;
  const iso = new Date(Number(ms)).toISOString(); // ...sss Z
  const frac = iso.slice(20, 23) + sub.toString().padStart(6, '0');
  return `${iso.slice(0, 19)}.${frac.replace(/0+$/, '').padEnd(7, '0')}Z`;
}
