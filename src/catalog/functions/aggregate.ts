// Aggregate functions: signatures and result types, as data. Notation: see ../dsl.ts.
// Seeded from the official Kusto.Language symbol tables and cross-checked by test/catalog/oracle.test.ts.
import { builders } from '../dsl.js';
import type { FunctionSpec } from '../types.js';

const { agg } = builders('aggregate');

export const AGGREGATE_FUNCTIONS: readonly FunctionSpec[] = [
  agg('sum', ['@p0+ expr:summable'], { naming: 'prefix+first', prefix: 'sum' }),
  agg('sumif', ['@p0+ expr:summable predicate:bool'], { naming: 'prefix+first', prefix: 'sumif' }),
  agg('cnt', ['long'], { naming: 'prefix+first', prefix: 'cnt', obsolete: true }),
  // count(x) with a non-bool argument counts every row, nulls included (the summarize docs' examples).
  agg('count', ['long', 'long predicate:bool', 'long value:scalar'], { naming: 'prefix+first', prefix: 'count' }),
  agg('countif', ['long predicate:bool'], { naming: 'prefix+first', prefix: 'countif' }),
  agg('dcount', ['long expr:scalar accuracy:not-dynamic?'], { naming: 'prefix+first', prefix: 'dcount' }),
  agg('dcountif', ['long expr:scalar predicate:bool accuracy:not-dynamic?'], {
    naming: 'prefix+first',
    prefix: 'dcountif',
  }),
  agg('tdigest', ['dynamic expr:summable weight:integer?'], { naming: 'prefix+first', prefix: 'tdigest' }),
  agg('tdigest_merge', ['dynamic tdigest:dynamic'], { naming: 'prefix+first', prefix: 'merge_tdigests' }),
  agg('merge_tdigest', ['dynamic tdigest:dynamic'], { naming: 'prefix+first', prefix: 'merge_tdigests' }),
  agg('hll', ['dynamic expr:not-real-or-bool accuracy:integer?'], { naming: 'prefix+first', prefix: 'hll' }),
  agg('hll_if', ['dynamic expr:not-real-or-bool predicate:bool accuracy:integer?'], {
    naming: 'prefix+first',
    prefix: 'hll_if',
  }),
  agg('hll_merge', ['dynamic hll:dynamic'], { naming: 'prefix+first', prefix: 'hll_merge' }),
  agg('min', ['@p0 expr:orderable'], { naming: 'prefix+first', prefix: 'min' }),
  agg('minif', ['@p0 expr:orderable predicate:bool'], { naming: 'prefix+first', prefix: 'minif' }),
  agg('max', ['@p0 expr:orderable'], { naming: 'prefix+first', prefix: 'max' }),
  agg('maxif', ['@p0 expr:orderable predicate:bool'], { naming: 'prefix+first', prefix: 'maxif' }),
  agg(
    'avg',
    ['real expr:integer', 'real expr:real', 'decimal expr:decimal', 'timespan expr:timespan', 'datetime expr:datetime'],
    { naming: 'prefix+first', prefix: 'avg' },
  ),
  agg(
    'avgif',
    [
      'real expr:integer predicate:bool',
      'real expr:real predicate:bool',
      'decimal expr:decimal predicate:bool',
      'timespan expr:timespan predicate:bool',
      'datetime expr:datetime predicate:bool',
    ],
    { naming: 'prefix+first', prefix: 'avgif' },
  ),
  agg('make_list', ['dynamic expr:scalar maxSize:integer?'], {
    naming: 'prefix+first',
    prefix: 'list',
    aliases: ['makelist'],
  }),
  agg('make_list_if', ['dynamic expr:scalar predicate:bool maxSize:integer?'], {
    naming: 'prefix+first',
    prefix: 'list',
  }),
  agg('make_list_with_nulls', ['dynamic expr:scalar'], { naming: 'prefix+first', prefix: 'list' }),
  agg('make_set', ['dynamic expr:scalar maxSize:integer?'], {
    naming: 'prefix+first',
    prefix: 'set',
    aliases: ['makeset'],
  }),
  agg('make_set_if', ['dynamic expr:scalar predicate:bool maxSize:integer?'], {
    naming: 'prefix+first',
    prefix: 'set',
  }),
  agg('make_dictionary', ['dynamic expr:dynamic maxSize:integer?'], { naming: 'prefix+first', prefix: 'dictionary' }),
  agg('make_bag', ['dynamic expr:dynamic maxSize:integer?'], { naming: 'prefix+first', prefix: 'bag' }),
  agg('make_bag_if', ['dynamic expr:dynamic predicate:bool maxSize:integer?'], {
    naming: 'prefix+first',
    prefix: 'bag',
  }),
  agg('buildschema', ['dynamic expr:dynamic'], { naming: 'prefix+first', prefix: 'schema' }),
  agg('passthrough', ['@p0 expr:scalar'], { naming: 'first' }),
  agg('percentile', ['@p0+ expr:scalar percentile:numeric']),
  agg('percentiles', ['@p0+ expr:scalar percentile:numeric...']),
  agg('percentiles_array', ['dynamic expr:scalar percentile:numeric...', 'dynamic expr:scalar percentiles:dynamic']),
  agg('percentilew', ['@p0+ expr:scalar weight:integer percentile:numeric']),
  agg('percentilesw', ['@p0+ expr:scalar weight:integer percentile:numeric...']),
  agg('percentilesw_array', [
    'dynamic expr:scalar weight:integer percentile:numeric...',
    'dynamic expr:scalar weight:integer percentiles:dynamic',
  ]),
  agg('stdev', ['real expr:summable'], { naming: 'prefix+first', prefix: 'stdev' }),
  agg('stdevif', ['real expr:summable predicate:bool'], { naming: 'prefix+first', prefix: 'stdevif' }),
  agg('stdevp', ['real expr:summable'], { naming: 'prefix+first', prefix: 'stdevp' }),
  agg('variance', ['real expr:summable'], { naming: 'prefix+first', prefix: 'variance' }),
  agg('varianceif', ['real expr:summable predicate:bool'], { naming: 'prefix+first', prefix: 'varianceif' }),
  agg('variancep', ['real expr:summable'], { naming: 'prefix+first', prefix: 'variancep' }),
  agg('variancepif', ['real expr:summable predicate:bool'], { naming: 'prefix+first', prefix: 'variancepif' }),
  agg('covariance', ['real expr:summable expr:summable'], { naming: 'prefix+first', prefix: 'covariance' }),
  agg('covarianceif', ['real expr:summable expr:summable predicate:bool'], {
    naming: 'prefix+first',
    prefix: 'covarianceif',
  }),
  agg('covariancep', ['real expr:summable expr:summable'], { naming: 'prefix+first', prefix: 'covariancep' }),
  agg('covariancepif', ['real expr:summable expr:summable predicate:bool'], {
    naming: 'prefix+first',
    prefix: 'covariancepif',
  }),
  agg('any', ['@p0 expr:scalar', '@p0 expr:scalar...', '@p0 expr:star'], {
    naming: 'prefix+first',
    prefix: 'any',
    obsolete: true,
  }),
  agg('take_any', ['@p0 expr:scalar|star...']),
  agg('anyif', ['@p0 expr:scalar predicate:bool'], { naming: 'prefix+first', prefix: 'anyif', obsolete: true }),
  agg('take_anyif', ['@p0 expr:scalar predicate:bool'], { naming: 'first' }),
  agg('arg_min', ['@p0 minimized:orderable returned:scalar|star?...']),
  agg('arg_max', ['@p0 maximized:orderable returned:scalar|star?...']),
  agg('argmin', ['@p0 minimized:orderable returned:scalar|star?...'], { prefix: 'min', obsolete: true }),
  agg('argmax', ['@p0 maximized:orderable returned:scalar|star?...'], { prefix: 'max', obsolete: true }),
  agg('binary_all_or', ['@p0 expr:summable'], { naming: 'first' }),
  agg('binary_all_and', ['@p0 expr:summable'], { naming: 'first' }),
  agg('binary_all_xor', ['@p0 expr:summable'], { naming: 'first' }),
  agg('count_distinct', ['long expr:not-dynamic'], { naming: 'prefix+first', prefix: 'count_distinct' }),
  agg('count_distinctif', ['long expr:not-dynamic predicate:bool'], {
    naming: 'prefix+first',
    prefix: 'count_distinctif',
  }),
];
