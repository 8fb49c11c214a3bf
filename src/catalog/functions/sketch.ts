// Sketch functions: signatures and result types, as data. Notation: see ../dsl.ts.
// Seeded from the official Kusto.Language symbol tables and cross-checked by test/catalog/oracle.test.ts.
import { builders } from '../dsl.js';
import type { FunctionSpec } from '../types.js';

const { sca } = builders('aggregate-state');

export const SKETCH_FUNCTIONS: readonly FunctionSpec[] = [
  sca(
    'percentile_tdigest',
    ['dynamic tdigest:dynamic percentile1:real', '@litN tdigest:dynamic percentile1:real type:scalar'],
    { naming: 'name+first' },
  ),
  sca(
    'percentiles_array_tdigest',
    ['dynamic tdigest:dynamic percentile:real...', 'dynamic tdigest:dynamic percentiles:dynamic'],
    { naming: 'prefix+first', prefix: 'percentile_tdigest' },
  ),
  sca('percentrank_tdigest', ['real digest:dynamic value:scalar']),
  sca('rank_tdigest', ['real digest:dynamic value:scalar']),
  sca('tdigest_isvalid', ['bool digest:dynamic value:scalar']),
  sca('hll_isvalid', ['bool hll:dynamic value:scalar']),
  sca('tdigest_merge', ['dynamic tdigest:dynamic...'], { naming: 'prefix', prefix: 'tdigests_merge_result' }),
  sca('merge_tdigest', ['dynamic tdigest:dynamic...'], { naming: 'prefix', prefix: 'tdigests_merge_result' }),
  sca('hll_merge', ['dynamic hll:dynamic...'], { naming: 'prefix', prefix: 'hll_merged_result' }),
  sca('dcount_hll', ['long hll:dynamic'], { naming: 'name+first' }),
];
