// datetime_utc_to_local / datetime_local_to_utc with the IANA time-zone data that ships with
// Node (ICU). Values travel as nanoseconds since the Unix epoch; offsets are whole minutes
// (true of every zone since 1970), so the sub-millisecond part passes through unchanged.
import { big, str, type UdfSpec } from './types.js';

const formats = new Map<string, Intl.DateTimeFormat | null>();

function formatter(tz: string): Intl.DateTimeFormat | null {
  if (!formats.has(tz)) {
    try {
      formats.set(
        tz,
        new Intl.DateTimeFormat('en-US', {
          timeZone: tz,
          hourCycle: 'h23',
          year: 'numeric',
          month: 'numeric',
          day: 'numeric',
          hour: 'numeric',
          minute: 'numeric',
          second: 'numeric',
        }),
      );
    } catch {
      formats.set(tz, null);
    }
  }
  return formats.get(tz) ?? null;
}

/** The zone's offset from UTC at instant `ms`, in milliseconds. */
export function offsetMs(tz: string, ms: number): number | null {
  const f = formatter(tz);
  if (f === null) return null;
  const parts: Record<string, number> = {};
  for (const p of f.formatToParts(new Date(ms))) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  const wall = Date.UTC(
    parts['year'] ?? 0,
    (parts['month'] ?? 1) - 1,
    parts['day'] ?? 1,
    parts['hour'] ?? 0,
    parts['minute'] ?? 0,
    parts['second'] ?? 0,
  );
  return wall - Math.floor(ms / 1000) * 1000;
}

const NS_PER_MS = 1_000_000n;

export function utcToLocal(ns: bigint, tz: string): bigint | null {
  const off = offsetMs(tz, Number(ns / NS_PER_MS));
  return off === null ? null : ns + BigInt(off) * NS_PER_MS;
}

/**
 * The UTC instant whose local time is `ns`. In a spring-forward gap the later offset applies
 * (02:00 in Brussels on 2022-03-27 is 00:00 UTC, as the docs show); in an overlap, the first.
 */
export function localToUtc(ns: bigint, tz: string): bigint | null {
  const ms = Number(ns / NS_PER_MS);
  const before = offsetMs(tz, ms - 86_400_000);
  const after = offsetMs(tz, ms + 86_400_000);
  if (before === null || after === null) return null;
  const candidates = [...new Set([before, after])].sort((a, b) => b - a);
  for (const off of candidates) {
    const utc = ms - off;
    if (offsetMs(tz, utc) === off) return ns - BigInt(off) * NS_PER_MS;
  }
  return ns - BigInt(after) * NS_PER_MS;
}

export const TIMEZONE_UDFS: readonly UdfSpec[] = [
  {
    name: 'kql_utc_to_local_ns',
    params: ['BIGINT', 'VARCHAR'],
    returns: 'BIGINT',
    fn: ([ns, tz]) => utcToLocal(big(ns ?? null), str(tz ?? null)),
  },
  {
    name: 'kql_local_to_utc_ns',
    params: ['BIGINT', 'VARCHAR'],
    returns: 'BIGINT',
    fn: ([ns, tz]) => localToUtc(big(ns ?? null), str(tz ?? null)),
  },
];
