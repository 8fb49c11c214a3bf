// Default column names of unnamed calls, checked against the official analyser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  aggregateOutputNames,
  defaultAggregateName,
  derivedCallName,
  lookupFunction,
} from '../../src/catalog/index.js';
import { oracle } from './oracle.js';

const TABLE = 'datatable(i:int,l:long,r:real,s:string,b:bool,dt:datetime,ts:timespan,d:dynamic)[]';

function spec(name: string) {
  const s = lookupFunction(name, 'aggregate') ?? lookupFunction(name);
  assert.ok(s, name);
  return s;
}

// [call text, argument derived names]
const AGGREGATES: readonly [string, string, readonly (string | null)[]][] = [
  ['count', 'count()', []],
  ['count', 'count(b)', ['b']],
  ['countif', 'countif(i > 1)', [null]],
  ['sum', 'sum(i)', ['i']],
  ['sum', 'sum(i * 2)', [null]],
  ['sumif', 'sumif(i, b)', ['i', 'b']],
  ['avg', 'avg(r)', ['r']],
  ['avgif', 'avgif(r, b)', ['r', 'b']],
  ['min', 'min(dt)', ['dt']],
  ['max', 'max(d.x)', ['d_x']],
  ['dcount', 'dcount(s)', ['s']],
  ['dcountif', 'dcountif(s, b)', ['s', 'b']],
  ['make_set', 'make_set(s)', ['s']],
  ['makeset', 'makeset(s)', ['s']],
  ['make_set_if', 'make_set_if(s, b)', ['s', 'b']],
  ['make_list', 'make_list(s)', ['s']],
  ['make_list_if', 'make_list_if(s, b)', ['s', 'b']],
  ['make_bag', 'make_bag(d)', ['d']],
  ['stdev', 'stdev(r)', ['r']],
  ['variance', 'variance(r)', ['r']],
  ['take_any', 'take_any(s)', ['s']],
  ['any', 'any(s)', ['s']],
  ['count_distinct', 'count_distinct(s)', ['s']],
  ['binary_all_or', 'binary_all_or(l)', ['l']],
  ['arg_max', 'arg_max(dt, s)', ['dt', 's']],
  ['arg_max', 'arg_max(l * 2, s)', [null, 's']],
  ['arg_min', 'arg_min(l * 2, s)', [null, 's']],
  ['percentile', 'percentile(l, 50)', ['l', '50']],
  ['percentile', 'percentile(l, 99.5)', ['l', '99.5']],
  ['tdigest', 'tdigest(l)', ['l']],
  ['hll', 'hll(l)', ['l']],
];

test('unnamed aggregate column names match the official analyser', () => {
  for (const [name, call, argNames] of AGGREGATES) {
    const expected = oracle(`${TABLE} | summarize ${call}`).columns[0]?.name;
    assert.equal(defaultAggregateName(spec(name), argNames), expected, call);
  }
});

test('percentiles names one column per percentile', () => {
  const expected = oracle(`${TABLE} | summarize percentiles(l, 5, 50, 99.9)`).columns.map((c) => c.name);
  assert.deepEqual(aggregateOutputNames(spec('percentiles'), ['l', '5', '50', '99.9']), expected);
});

const SCALARS: readonly [string, string, readonly (string | null)[]][] = [
  ['strlen', 'strlen(s)', ['s']],
  ['tostring', 'tostring(d.a)', ['d_a']],
  ['tolong', 'tolong(s)', ['s']],
  ['todouble', 'todouble(s)', ['s']],
  ['bin', 'bin(dt, 1h)', ['dt', null]],
  ['startofday', 'startofday(dt)', ['dt']],
  ['gettype', 'gettype(s)', ['s']],
  ['parse_json', 'parse_json(s)', ['s']],
  ['toupper', 'toupper(s)', ['s']],
  ['strcat', 'strcat(s, "x")', ['s', null]],
  ['format_datetime', 'format_datetime(dt, "yyyy")', ['dt', null]],
];

test('derived names of unnamed scalar calls match the official analyser', () => {
  for (const [name, call, argNames] of SCALARS) {
    const cols = oracle(`${TABLE} | project ${call}`).columns;
    const theirs = cols[0]?.name ?? null;
    const ours = derivedCallName(spec(name), argNames) ?? 'Column1';
    assert.equal(ours, theirs, call);
  }
});
