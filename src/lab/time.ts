// Lab time: integer 100-ns ticks relative to the run's start instant (a JS number stays exact
// for ~28 years of ticks, whereas absolute ticks since 1970 would overflow 2^53).
export const TICK = 1;
export const MS = 10_000;
export const SECOND = 10_000_000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export interface Clock {
  /** Start instant, whole milliseconds since the epoch. */
  readonly baseMs: number;
}

/** Parses an ISO-8601 UTC instant keeping up to 7 fractional digits. Returns absolute ticks. */
export function parseIsoTicks(iso: string): bigint {
  const m = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?(Z|[+-]00:?00)?$/.exec(
    iso.trim(),
  );
  if (m === null) throw new Error(`not an ISO-8601 UTC instant: ${iso}`);
  const [, date = '', hh = '00', mi = '00', ss = '00', frac = ''] = m;
  const ms = Date.parse(`${date}T${hh}:${mi}:${ss}Z`);
  if (Number.isNaN(ms)) throw new Error(`not an ISO-8601 UTC instant: ${iso}`);
  const fracTicks = BigInt((frac + '0000000').slice(0, 7));
  return BigInt(ms) * 10_000n + fracTicks;
}

export function relTicks(clock: Clock, absTicks: bigint): number {
  return Number(absTicks - BigInt(clock.baseMs) * 10_000n);
}

/** Kusto rendering: `2025-11-20T00:48:57.6034636Z`. */
export function formatTicks(clock: Clock, t: number): string {
  const abs = BigInt(clock.baseMs) * 10_000n + BigInt(Math.trunc(t));
  const sec = abs / 10_000_000n;
  const frac = abs % 10_000_000n;
  return `${new Date(Number(sec) * 1000).toISOString().slice(0, 19)}.${frac.toString().padStart(7, '0')}Z`;
}

/** The tick offset of midnight UTC of lab day `d`, plus hour-of-day helpers for working hours. */
export function dayStart(d: number): number {
  return d * DAY;
}

/** Day of week (0 = Sunday) of lab day `d`. */
export function weekday(clock: Clock, d: number): number {
  return new Date(clock.baseMs + d * 86_400_000).getUTCDay();
}
