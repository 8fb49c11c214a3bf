// Normalisation of literal values shared by the lexer and parser: timespan units to
// ticks (exact, bigint-based: 1.5h must be 54000000000 ticks, not a float), and the
// inside of time(...) / timespan(...) in its `d.hh:mm:ss.fffffff` forms.

const TICKS_PER: Readonly<Record<string, bigint>> = (() => {
  const day = 864000000000n;
  const hour = 36000000000n;
  const minute = 600000000n;
  const second = 10000000n;
  const ms = 10000n;
  const micro = 10n;
  const t: Record<string, bigint> = {};
  for (const u of ['d', 'day', 'days']) t[u] = day;
  for (const u of ['h', 'hr', 'hrs', 'hour', 'hours']) t[u] = hour;
  for (const u of ['m', 'min', 'minute', 'minutes']) t[u] = minute;
  for (const u of ['s', 'sec', 'second', 'seconds']) t[u] = second;
  for (const u of ['ms', 'milli', 'millis', 'millisecond', 'milliseconds']) t[u] = ms;
  for (const u of ['microsecond', 'microseconds']) t[u] = micro;
  for (const u of ['tick', 'ticks']) t[u] = 1n;
  return t;
})();

export function isTimespanUnit(u: string): boolean {
  return Object.prototype.hasOwnProperty.call(TICKS_PER, u);
}

/** `digits[.digits]` times a unit, truncated to whole ticks. Returns null on malformed numbers. */
export function ticksOf(num: string, unit: string): string | null {
  const per = TICKS_PER[unit];
  if (per === undefined) return null;
  const m = /^(\d*)(?:\.(\d*))?$/.exec(num);
  if (m === null || (m[1] === '' && (m[2] ?? '') === '')) return null;
  const frac = m[2] ?? '';
  const scaled = BigInt((m[1] ?? '') + frac || '0') * per;
  return (scaled / 10n ** BigInt(frac.length)).toString();
}

/**
 * The inside of `time(...)`/`timespan(...)`: `1.2:30:00`, `12:34:56.7`, `2d`, `1.5h`,
 * a bare number (days), optionally signed. Returns ticks or null; `null` text means a typed null.
 */
export function parseTimespanText(text: string): string | null {
  const s = text.trim();
  let sign = '';
  let body = s;
  if (body.startsWith('-') || body.startsWith('+')) {
    if (body[0] === '-') sign = '-';
    body = body.slice(1).trim();
  }
  let ticks: string | null = null;
  const clock = /^(?:(\d+)\.)?(\d+):(\d+)(?::(\d+)(?:\.(\d+))?)?$/.exec(body);
  if (clock !== null) {
    const [, d = '0', h = '0', mi = '0', sec = '0', frac = ''] = clock;
    const total =
      BigInt(d) * 864000000000n +
      BigInt(h) * 36000000000n +
      BigInt(mi) * 600000000n +
      BigInt(sec) * 10000000n +
      BigInt((frac + '0000000').slice(0, 7));
    ticks = total.toString();
  } else {
    const unit = /^(\d*(?:\.\d*)?)\s*([a-z]*)$/i.exec(body);
    if (unit !== null) ticks = ticksOf(unit[1] ?? '', (unit[2] ?? '') === '' ? 'd' : (unit[2] ?? '').toLowerCase());
  }
  if (ticks === null) return null;
  return sign === '-' && ticks !== '0' ? `-${ticks}` : ticks;
}
