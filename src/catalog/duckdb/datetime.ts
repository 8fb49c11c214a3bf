// DuckDB templates: datetime functions. Arithmetic runs on 100-ns ticks (BIGINT) so the
// 7-digit precision of Kusto datetimes survives; calendar steps (months, years) go through
// DuckDB intervals with the sub-microsecond remainder carried over.
import type { SqlTemplate } from '../types.js';
import { arg, constString, Unsupported } from './render.js';
import { formatDatetimeSql, formatTimespanSql } from './format.js';
import { str } from './string.js';
import {
  TICKS_PER_DAY,
  TICKS_PER_HOUR,
  TICKS_PER_MINUTE,
  TICKS_PER_SECOND,
  dtTicks,
  floorTo,
  p,
  ticksDt,
} from './values.js';

/** Unix-epoch day number of a datetime (floored). */
function dayNumber(dt: string): string {
  return `(${floorTo(dtTicks(dt), String(TICKS_PER_DAY))} // ${TICKS_PER_DAY})`;
}

/** Days since the week's Sunday: 1970-01-01 was a Thursday. */
function daysSinceSunday(dt: string): string {
  return `(((${dayNumber(dt)} + 4) % 7 + 7) % 7)`;
}

/** Adds calendar months, keeping the sub-microsecond part DuckDB intervals would drop. */
function addMonths(dt: string, months: string): string {
  const rem = `(epoch_ns(${dt}) % 1000)`;
  return `make_timestamp_ns(epoch_ns(make_timestamp((epoch_ns(${dt}) - ${rem}) // 1000) + to_months(CAST(${months} AS INTEGER))) + ${rem})`;
}

function offset(args: readonly { sql: string }[], i: number): string {
  const a = args[i];
  return a ? p(a.sql) : '0';
}

function startOfDay(dt: string, days: string): string {
  return ticksDt(`${floorTo(dtTicks(dt), String(TICKS_PER_DAY))} + ${days} * ${TICKS_PER_DAY}`);
}

function startOfWeek(dt: string, weeks: string): string {
  return ticksDt(`(${dayNumber(dt)} - ${daysSinceSunday(dt)} + ${weeks} * 7) * ${TICKS_PER_DAY}`);
}

function startOfMonth(dt: string, months: string): string {
  return `CAST(date_trunc('month', ${dt}) + to_months(CAST(${months} AS INTEGER)) AS TIMESTAMP_NS)`;
}

function startOfYear(dt: string, years: string): string {
  return `CAST(date_trunc('year', ${dt}) + to_years(CAST(${years} AS INTEGER)) AS TIMESTAMP_NS)`;
}

/** The last tick of a period: the next period's start minus 100 ns. */
function endOf(start: (dt: string, n: string) => string): SqlTemplate {
  return (args) => {
    const dt = p(arg(args, 0).sql);
    return `make_timestamp_ns(epoch_ns(${start(dt, `(${offset(args, 1)} + 1)`)}) - 100)`;
  };
}

function startOf(start: (dt: string, n: string) => string): SqlTemplate {
  return (args) => start(p(arg(args, 0).sql), offset(args, 1));
}

const TICK_UNITS: Readonly<Record<string, number>> = {
  week: 7 * TICKS_PER_DAY,
  weeks: 7 * TICKS_PER_DAY,
  day: TICKS_PER_DAY,
  days: TICKS_PER_DAY,
  hour: TICKS_PER_HOUR,
  hours: TICKS_PER_HOUR,
  minute: TICKS_PER_MINUTE,
  minutes: TICKS_PER_MINUTE,
  second: TICKS_PER_SECOND,
  seconds: TICKS_PER_SECOND,
  millisecond: 10_000,
  milliseconds: 10_000,
  microsecond: 10,
  microseconds: 10,
};
const MONTH_UNITS: Readonly<Record<string, number>> = {
  year: 12,
  years: 12,
  quarter: 3,
  quarters: 3,
  month: 1,
  months: 1,
};

const datetimeAdd: SqlTemplate = (args) => {
  const part = constString(args, 0, 'datetime_add part').toLowerCase();
  const n = p(arg(args, 1).sql);
  const dt = p(arg(args, 2).sql);
  const months = MONTH_UNITS[part];
  if (months !== undefined) return addMonths(dt, `${n} * ${months}`);
  const ticks = TICK_UNITS[part];
  if (ticks !== undefined) return ticksDt(`${dtTicks(dt)} + ${n} * ${ticks}`);
  throw new Unsupported(`datetime_add part '${part}'`);
};

/** Number of period boundaries between the two datetimes (datetime1 - datetime2). */
const datetimeDiff: SqlTemplate = (args) => {
  const part = constString(args, 0, 'datetime_diff part').toLowerCase();
  const a = p(arg(args, 1).sql);
  const b = p(arg(args, 2).sql);
  const floored = (x: string, unit: number) => `(${floorTo(dtTicks(x), String(unit))} // ${unit})`;
  switch (part) {
    case 'year':
      return `(year(${a}) - year(${b}))`;
    case 'quarter':
      return `((year(${a}) * 4 + quarter(${a})) - (year(${b}) * 4 + quarter(${b})))`;
    case 'month':
      return `((year(${a}) * 12 + month(${a})) - (year(${b}) * 12 + month(${b})))`;
    case 'week':
      return `(((${dayNumber(a)} - ${daysSinceSunday(a)}) - (${dayNumber(b)} - ${daysSinceSunday(b)})) // 7)`;
    case 'day':
      return `(${floored(a, TICKS_PER_DAY)} - ${floored(b, TICKS_PER_DAY)})`;
    case 'hour':
      return `(${floored(a, TICKS_PER_HOUR)} - ${floored(b, TICKS_PER_HOUR)})`;
    case 'minute':
      return `(${floored(a, TICKS_PER_MINUTE)} - ${floored(b, TICKS_PER_MINUTE)})`;
    case 'second':
      return `(${floored(a, TICKS_PER_SECOND)} - ${floored(b, TICKS_PER_SECOND)})`;
    case 'millisecond':
      return `(${floored(a, 10_000)} - ${floored(b, 10_000)})`;
    case 'microsecond':
      return `(${floored(a, 10)} - ${floored(b, 10)})`;
    case 'nanosecond':
      return `(epoch_ns(${a}) - epoch_ns(${b}))`;
    default:
      throw new Unsupported(`datetime_diff part '${part}'`);
  }
};

const datetimePart: SqlTemplate = (args) => {
  const part = constString(args, 0, 'datetime_part part').toLowerCase();
  const dt = p(arg(args, 1).sql);
  const nsInSecond = `((epoch_ns(${dt}) % 1000000000 + 1000000000) % 1000000000)`;
  const expr: Record<string, string> = {
    year: `year(${dt})`,
    quarter: `quarter(${dt})`,
    month: `month(${dt})`,
    week_of_year: `weekofyear(${dt})`,
    day: `day(${dt})`,
    dayofyear: `dayofyear(${dt})`,
    hour: `hour(${dt})`,
    minute: `minute(${dt})`,
    second: `second(${dt})`,
    millisecond: `${nsInSecond} // 1000000`,
    microsecond: `${nsInSecond} // 1000`,
    nanosecond: nsInSecond,
  };
  const e = expr[part];
  if (!e) throw new Unsupported(`datetime_part part '${part}'`);
  return `CAST(${e} AS INTEGER)`;
};

function unixTo(nsPerUnit: number): SqlTemplate {
  // Kusto keeps tick precision: the value is truncated to 100 ns.
  return (args) => ticksDt(`CAST(trunc(${p(arg(args, 0).sql)} * ${nsPerUnit / 100}) AS BIGINT)`);
}

const makeDatetime: SqlTemplate = (args) => {
  if (args.length < 3) throw new Unsupported('make_datetime(value)');
  const part = (i: number) => (args[i] ? p(arg(args, i).sql) : '0');
  const sec = part(5);
  const base = `try(make_timestamp(CAST(${part(0)} AS BIGINT), CAST(${part(1)} AS BIGINT), CAST(${part(2)} AS BIGINT), CAST(${part(3)} AS BIGINT), CAST(${part(4)} AS BIGINT), 0))`;
  return `(CASE WHEN ${sec} >= 0 AND ${sec} < 60 THEN make_timestamp_ns(epoch_ns(${base}) + CAST(trunc(${sec} * 10000000) AS BIGINT) * 100) END)`;
};

const int =
  (f: string): SqlTemplate =>
  (args) =>
    `CAST(${f}(${p(arg(args, 0).sql)}) AS INTEGER)`;

export const DATETIME_TEMPLATES: Readonly<Record<string, SqlTemplate>> = {
  now: (args, ctx) => (args[0] ? ticksDt(`${dtTicks(ctx.now)} + ${p(args[0].sql)}`) : ctx.now),
  ago: (args, ctx) => ticksDt(`${dtTicks(ctx.now)} - ${p(arg(args, 0).sql)}`),
  startofday: startOf(startOfDay),
  startofweek: startOf(startOfWeek),
  startofmonth: startOf(startOfMonth),
  startofyear: startOf(startOfYear),
  endofday: endOf(startOfDay),
  endofweek: endOf(startOfWeek),
  endofmonth: endOf(startOfMonth),
  endofyear: endOf(startOfYear),
  dayofweek: (args) => `(${daysSinceSunday(p(arg(args, 0).sql))} * ${TICKS_PER_DAY})`,
  dayofmonth: int('day'),
  dayofyear: int('dayofyear'),
  hourofday: int('hour'),
  monthofyear: int('month'),
  getmonth: int('month'),
  getyear: int('year'),
  week_of_year: int('weekofyear'),
  datetime_part: datetimePart,
  datetime_add: datetimeAdd,
  datetime_diff: datetimeDiff,
  format_datetime: (args, ctx) =>
    formatDatetimeSql(p(arg(args, 0).sql), constString(args, 1, 'format_datetime format'), ctx.stringLiteral),
  format_timespan: (args, ctx) =>
    formatTimespanSql(p(arg(args, 0).sql), constString(args, 1, 'format_timespan format'), ctx.stringLiteral),
  make_datetime: makeDatetime,
  // Ticks from (hours, minutes[, seconds]) or (days, hours, minutes, seconds); seconds may be fractional.
  make_timespan: (args) => {
    const v = args.map((x) => `(${x.sql})`);
    if (args.length === 1 || args.length > 4) throw new Unsupported('make_timespan(value)');
    const secs =
      v.length === 4
        ? `${v[0]} * 86400 + ${v[1]} * 3600 + ${v[2]} * 60 + ${v[3]}`
        : `${v[0]} * 3600 + ${v[1]} * 60${v.length === 3 ? ` + ${v[2]}` : ''}`;
    return `CAST(round((${secs}) * 10000000) AS BIGINT)`;
  },
  unixtime_seconds_todatetime: unixTo(1e9),
  unixtime_milliseconds_todatetime: unixTo(1e6),
  unixtime_microseconds_todatetime: unixTo(1e3),
  unixtime_nanoseconds_todatetime: unixTo(1),
  // IANA zones from Node's ICU (src/catalog/udf/timezone.ts).
  datetime_utc_to_local: (a) => `make_timestamp_ns(kql_utc_to_local_ns(epoch_ns(${arg(a, 0).sql}), ${str(arg(a, 1))}))`,
  datetime_local_to_utc: (a) => `make_timestamp_ns(kql_local_to_utc_ns(epoch_ns(${arg(a, 0).sql}), ${str(arg(a, 1))}))`,
  datetime_list_timezones: null,
};
