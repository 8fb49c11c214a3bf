// Datetime functions: signatures and result types, as data. Notation: see ../dsl.ts.
// Seeded from the official Kusto.Language symbol tables and cross-checked by test/catalog/oracle.test.ts.
import { builders } from '../dsl.js';
import type { FunctionSpec } from '../types.js';

const { sca } = builders('datetime');

export const DATETIME_FUNCTIONS: readonly FunctionSpec[] = [
  sca('datetime_local_to_utc', ['datetime from:datetime timezone:string']),
  sca('datetime_utc_to_local', ['datetime from:datetime timezone:string']),
  sca('datetime_list_timezones', ['dynamic']),
  sca('format_datetime', ['string date:datetime format:string-literal'], { naming: 'first' }),
  sca('format_timespan', ['string timespan:timespan format:string-literal'], { naming: 'first' }),
  sca(
    'make_datetime',
    [
      'datetime year:numeric month:numeric day:numeric hour:numeric? minute:numeric? second:numeric?',
      'datetime value:scalar',
    ],
    { naming: 'only' },
  ),
  sca(
    'make_timespan',
    [
      'timespan days:integer hours:integer minutes:integer seconds:real',
      'timespan hours:integer minutes:integer seconds:real?',
      'timespan value:scalar',
    ],
    { naming: 'only' },
  ),
  sca('datetime_add', ['datetime part:string-literal value:integer datetime:datetime']),
  sca('datetime_diff', ['long part:string-literal datetime1:datetime datetime2:datetime']),
  sca('dayofweek', ['timespan date:datetime']),
  sca('dayofmonth', ['int date:datetime']),
  sca('dayofyear', ['int date:datetime']),
  sca('hourofday', ['int date:datetime']),
  sca('week_of_year', ['int date:datetime'], { aliases: ['weekofyear'] }),
  sca('monthofyear', ['int date:datetime']),
  sca('startofday', ['datetime date:datetime offset:long?'], { naming: 'first' }),
  sca('startofweek', ['datetime date:datetime offset:long?']),
  sca('startofmonth', ['datetime date:datetime offset:long?']),
  sca('startofyear', ['datetime date:datetime offset:long?']),
  sca('endofday', ['datetime date:datetime offset:long?']),
  sca('endofweek', ['datetime date:datetime offset:long?']),
  sca('endofmonth', ['datetime date:datetime offset:long?']),
  sca('endofyear', ['datetime date:datetime offset:long?']),
  sca('getyear', ['int date:datetime']),
  sca('getmonth', ['int date:datetime']),
  sca('datetime_part', ['int part:string-literal date:datetime'], { aliases: ['datepart'] }),
  sca('now', ['datetime offset:timespan?'], { volatile: true }),
  sca('ago', ['datetime timespan:timespan'], { volatile: true }),
  sca('unixtime_seconds_todatetime', ['datetime number:numeric']),
  sca('unixtime_milliseconds_todatetime', ['datetime number:numeric']),
  sca('unixtime_microseconds_todatetime', ['datetime number:numeric']),
  sca('unixtime_nanoseconds_todatetime', ['datetime number:numeric']),
];
