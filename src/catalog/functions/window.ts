// Window functions: signatures and result types, as data. Notation: see ../dsl.ts.
// Seeded from the official Kusto.Language symbol tables and cross-checked by test/catalog/oracle.test.ts.
import { builders } from '../dsl.js';
import type { FunctionSpec } from '../types.js';

const { win } = builders('window');

export const WINDOW_FUNCTIONS: readonly FunctionSpec[] = [
  win('row_number', ['long startingIndex:long? restart:bool?']),
  win('row_cumsum', ['@p0 term:numeric restart:bool?']),
  win('row_rank', ['long column:not-dynamic dense:bool?'], { obsolete: true }),
  win('row_rank_dense', ['long term:not-dynamic restart:bool?']),
  win('row_rank_min', ['long term:not-dynamic restart:bool?']),
  win('row_window_session', [
    '@p0 expr:datetime maxDistanceFromFirst:timespan maxDistanceBetweenNeighbors:timespan restart:bool?',
  ]),
  win('prev', ['@p0 column:scalar offset:long? default_value:scalar?']),
  win('next', ['@p0 column:scalar offset:long? default_value:scalar?']),
];
