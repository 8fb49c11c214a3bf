// Kusto datetime/timespan text <-> exact integers (ns since epoch, 100-ns ticks).
// Pure BigInt arithmetic: JS Date only has milliseconds, Defender timestamps have ticks.

const NS_PER_DAY = 86_400_000_000_000n;

function daysFromCivil(y: number, m: number, d: number): number {
  // Howard Hinnant's algorithm: proleptic Gregorian date -> days since 1970-01-01.
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = (m + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function civilFromDays(z: number): [number, number, number] {
  const zz = z + 719468;
  const era = Math.floor(zz / 146097);
  const doe = zz - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const y = yoe + era * 400;
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [m <= 2 ? y + 1 : y, m, d];
}

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

function build(
  y: number,
  mo: number,
  d: number,
  h: number,
  mi: number,
  s: number,
  frac: string,
  offsetMin: number,
): bigint | null {
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 60) return null;
  const days = BigInt(daysFromCivil(y, mo, d));
  const fracNs = BigInt((frac + '000000000').slice(0, 9));
  const secs = BigInt(h * 3600 + mi * 60 + s - offsetMin * 60);
  return days * NS_PER_DAY + secs * 1_000_000_000n + fracNs;
}

/**
 * Parses the datetime formats Kusto accepts (ISO 8601 with or without `T`, `Z`, offset,
 * fraction; date only; RFC 822/1123/850 with GMT). Returns ns since epoch, or null.
 */
export function parseKustoDatetime(text: string): bigint | null {
  const s = text.trim();
  const iso =
    /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9})\d*)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i.exec(
      s,
    );
  if (iso !== null) {
    const [, y, mo, d, h = '0', mi = '0', sec = '0', frac = '', tz] = iso;
    let off = 0;
    if (tz !== undefined && tz.toUpperCase() !== 'Z') {
      const m = /^([+-])(\d{2}):?(\d{2})$/.exec(tz);
      if (m === null) return null;
      off = (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
    }
    return build(Number(y), Number(mo), Number(d), Number(h), Number(mi), Number(sec), frac, off);
  }
  const compact = /^(\d{4})(\d{2})(\d{2})(?:[T ]?(\d{2})(\d{2})(\d{2})?)?$/.exec(s);
  if (compact !== null) {
    const [, y, mo, d, h = '0', mi = '0', sec = '0'] = compact;
    return build(Number(y), Number(mo), Number(d), Number(h), Number(mi), Number(sec), '', 0);
  }
  // Spaces around the dashes of a date, as the datetime literal accepts (sliding-window-counts-plugin.md: datetime(2017 - 08 - 01)).
  const spaced = /^(\d{4})\s*-\s*(\d{1,2})\s*-\s*(\d{1,2})$/.exec(s);
  if (spaced !== null) return build(Number(spaced[1]), Number(spaced[2]), Number(spaced[3]), 0, 0, 0, '', 0);
  // Comma-separated parts, as the datetime literal accepts: datetime(2025, 6, 14[, 8, 30, 0]).
  const parts =
    /^(\d{4}),\s*(\d{1,2}),\s*(\d{1,2})(?:,\s*(\d{1,2})(?:,\s*(\d{1,2})(?:,\s*(\d{1,2})(?:\.(\d{1,9}))?)?)?)?$/.exec(s);
  if (parts !== null) {
    const [, y, mo, d, h = '0', mi = '0', sec = '0', frac = ''] = parts;
    return build(Number(y), Number(mo), Number(d), Number(h), Number(mi), Number(sec), frac, 0);
  }
  // US month/day/year, as Kusto's todatetime() accepts: "01/16/2022 00:00:00" (or with dashes).
  const us = /^(\d{1,2})[/-](\d{1,2})[/-](\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?$/.exec(s);
  if (us !== null) {
    const [, mo, d, y, h = '0', mi = '0', sec = '0', frac = ''] = us;
    return build(Number(y), Number(mo), Number(d), Number(h), Number(mi), Number(sec), frac, 0);
  }
  // RFC 822 / 1123 / 850: "Sat, 8 Nov 14 15:05:02 GMT", "Saturday, 08-Nov-14 15:05:02 GMT"
  const rfc =
    /^(?:[A-Za-z]+,\s*)?(\d{1,2})[ -]([A-Za-z]{3})[ -](\d{2,4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(GMT|UTC|Z)?$/i.exec(
      s,
    );
  if (rfc !== null) {
    const [, d, mon, yRaw, h, mi, sec = '0'] = rfc;
    const mo = MONTHS[(mon ?? '').toLowerCase()];
    if (mo === undefined) return null;
    let y = Number(yRaw);
    if ((yRaw ?? '').length === 2) y += y < 50 ? 2000 : 1900;
    return build(y, mo, Number(d), Number(h), Number(mi), Number(sec), '', 0);
  }
  return null;
}

function pad(n: number | bigint, w: number): string {
  return n.toString().padStart(w, '0');
}

function split(ns: bigint): { y: number; mo: number; d: number; h: number; mi: number; s: number; sub: bigint } {
  let days = ns / NS_PER_DAY;
  let rem = ns % NS_PER_DAY;
  if (rem < 0n) {
    rem += NS_PER_DAY;
    days -= 1n;
  }
  const [y, mo, d] = civilFromDays(Number(days));
  const secOfDay = Number(rem / 1_000_000_000n);
  return {
    y,
    mo,
    d,
    h: Math.floor(secOfDay / 3600),
    mi: Math.floor((secOfDay % 3600) / 60),
    s: secOfDay % 60,
    sub: rem % 1_000_000_000n,
  };
}

/** Kusto rendering: `2025-11-20T00:48:57.6034636Z` (always 7 fractional digits). */
export function formatKustoDatetime(ns: bigint): string {
  const p = split(ns);
  return `${pad(p.y, 4)}-${pad(p.mo, 2)}-${pad(p.d, 2)}T${pad(p.h, 2)}:${pad(p.mi, 2)}:${pad(p.s, 2)}.${pad(p.sub / 100n, 7)}Z`;
}

/** `YYYY-MM-DD HH:MM:SS.fffffff`, the literal form DuckDB's TIMESTAMP_NS accepts. */
export function formatNsForSql(ns: bigint): string {
  const p = split(ns);
  return `${pad(p.y, 4)}-${pad(p.mo, 2)}-${pad(p.d, 2)} ${pad(p.h, 2)}:${pad(p.mi, 2)}:${pad(p.s, 2)}.${pad(p.sub, 9)}`;
}

/** Kusto timespan rendering `[-][d.]hh:mm:ss[.fffffff]`. */
export function formatKustoTimespan(ticks: bigint): string {
  const neg = ticks < 0n;
  let t = neg ? -ticks : ticks;
  const frac = t % 10_000_000n;
  t /= 10_000_000n;
  const s = t % 60n;
  t /= 60n;
  const m = t % 60n;
  t /= 60n;
  const h = t % 24n;
  const d = t / 24n;
  const body = `${d > 0n ? `${d}.` : ''}${pad(h, 2)}:${pad(m, 2)}:${pad(s, 2)}${frac > 0n ? `.${pad(frac, 7)}` : ''}`;
  return neg ? `-${body}` : body;
}

export function dateToNs(d: Date): bigint {
  return BigInt(d.getTime()) * 1_000_000n;
}
