// Series functions: signatures and result types, as data. Notation: see ../dsl.ts.
// Seeded from the official Kusto.Language symbol tables and cross-checked by test/catalog/oracle.test.ts.
import { builders } from '../dsl.js';
import type { FunctionSpec } from '../types.js';

const { sca } = builders('series');

// series_stats, series_fit_line, series_fit_2lines and series_fit_poly return several columns
// (a tuple: min, max, ... / rsquare, slope, ...); the binder must expand them. Their spec result
// is 'dynamic' as a placeholder (known difference in test/catalog/oracle.test.ts).
export const SERIES_FUNCTIONS: readonly FunctionSpec[] = [
  sca('series_fir', ['dynamic series:dynamic filter:dynamic normalize:bool? center:bool?'], { naming: 'first' }),
  sca('series_stats', ['dynamic series:dynamic ignore_nonfinite:bool?']),
  sca('series_stats_dynamic', ['dynamic series:dynamic ignore_nonfinite:bool?']),
  sca('series_fft', ['dynamic series:dynamic series_imaginary:dynamic?']),
  sca('series_ifft', ['dynamic series:dynamic series_imaginary:dynamic?']),
  sca('series_fit_line', ['dynamic series:dynamic']),
  sca('series_fit_line_dynamic', ['dynamic series:dynamic']),
  sca('series_fit_2lines', ['dynamic array:dynamic']),
  sca('series_fit_2lines_dynamic', ['dynamic series:dynamic']),
  sca(
    'series_outliers',
    [
      '@p0 series:dynamic kind:string? ignore_val:numeric?',
      '@p0 series:dynamic kind:string ignore_val:real min_percentile:real max_percentile:real? test_points:integer?',
    ],
    { naming: 'first' },
  ),
  sca('series_iir', ['dynamic series:dynamic numerators:dynamic denominators:dynamic'], { naming: 'first' }),
  sca('series_periods_detect', ['dynamic series:dynamic min_period:numeric max_period:numeric num_periods:long']),
  sca('series_periods_validate', ['dynamic series:dynamic period:numeric...']),
  sca('series_fill_backward', ['@p0 series:dynamic missing_value_placeholder:numeric?'], { naming: 'first' }),
  sca('series_fill_forward', ['@p0 series:dynamic missing_value_placeholder:numeric?'], { naming: 'first' }),
  sca('series_fill_const', ['@p0 series:dynamic constant_value:numeric? missing_value_placeholder:numeric?'], {
    naming: 'first',
  }),
  sca(
    'series_fill_linear',
    ['@p0 series:dynamic missing_value_placeholder:numeric? fill_edges:bool? constant_value:numeric?'],
    { naming: 'first' },
  ),
  sca('series_fit_poly', ['dynamic y_series:dynamic x_series:dynamic? degree:int?']),
  sca('series_add', [
    'dynamic series1:dynamic series2:dynamic',
    'dynamic series1:dynamic series2:numeric',
    'dynamic series1:numeric series2:dynamic',
  ]),
  sca('series_subtract', [
    'dynamic series1:dynamic series2:dynamic',
    'dynamic series1:dynamic series2:numeric',
    'dynamic series1:numeric series2:dynamic',
  ]),
  sca('series_multiply', [
    'dynamic series1:dynamic series2:dynamic',
    'dynamic series1:dynamic series2:numeric',
    'dynamic series1:numeric series2:dynamic',
  ]),
  sca('series_divide', [
    'dynamic series1:dynamic series2:dynamic',
    'dynamic series1:dynamic series2:numeric',
    'dynamic series1:numeric series2:dynamic',
  ]),
  sca('series_pow', [
    'dynamic series1:dynamic series2:dynamic',
    'dynamic series1:dynamic series2:numeric',
    'dynamic series1:numeric series2:dynamic',
  ]),
  sca('series_greater', [
    'dynamic series1:dynamic series2:dynamic',
    'dynamic series1:dynamic series2:numeric',
    'dynamic series1:numeric series2:dynamic',
  ]),
  sca('series_greater_equals', [
    'dynamic series1:dynamic series2:dynamic',
    'dynamic series1:dynamic series2:numeric',
    'dynamic series1:numeric series2:dynamic',
  ]),
  sca('series_less', [
    'dynamic series1:dynamic series2:dynamic',
    'dynamic series1:dynamic series2:numeric',
    'dynamic series1:numeric series2:dynamic',
  ]),
  sca('series_less_equals', [
    'dynamic series1:dynamic series2:dynamic',
    'dynamic series1:dynamic series2:numeric',
    'dynamic series1:numeric series2:dynamic',
  ]),
  sca('series_equals', [
    'dynamic series1:dynamic series2:dynamic',
    'dynamic series1:dynamic series2:numeric',
    'dynamic series1:numeric series2:dynamic',
  ]),
  sca('series_not_equals', [
    'dynamic series1:dynamic series2:dynamic',
    'dynamic series1:dynamic series2:numeric',
    'dynamic series1:numeric series2:dynamic',
  ]),
  sca('series_exp', ['dynamic series:dynamic']),
  sca('series_sign', ['dynamic series:dynamic']),
  sca('series_abs', ['@p0 series:dynamic']),
  sca('series_sin', ['dynamic series:dynamic']),
  sca('series_asin', ['dynamic series:dynamic']),
  sca('series_cos', ['dynamic series:dynamic']),
  sca('series_acos', ['dynamic series:dynamic']),
  sca('series_tan', ['dynamic series:dynamic']),
  sca('series_atan', ['dynamic series:dynamic']),
  sca('series_magnitude', ['real series:dynamic']),
  sca('series_sum', ['real series:dynamic']),
  sca('series_product', ['real series:dynamic']),
  sca('series_log', ['dynamic series:dynamic']),
  sca('series_floor', ['dynamic series:dynamic']),
  sca('series_ceiling', ['@p0 series:dynamic']),
  sca('array_sum', ['real array:dynamic'], { obsolete: true }),
  sca('series_seasonal', [
    'dynamic series:dynamic',
    'dynamic series:dynamic period:integer',
    'dynamic series:dynamic period:integer test_points:integer',
  ]),
  sca('series_decompose', [
    'dynamic series:dynamic period:integer? trend:string? test_points:integer? seasonality_threshold:numeric?',
  ]),
  sca('series_decompose_forecast', [
    'dynamic series:dynamic test_points:integer period:integer? trend:string? seasonality_threshold:numeric?',
  ]),
  sca('series_decompose_anomalies', [
    'dynamic series:dynamic threshold:numeric? period:integer? trend:string? test_points:integer? method:string? seasonality_threshold:numeric?',
  ]),
  sca('series_pearson_correlation', ['real series1:dynamic series2:dynamic']),
  sca('series_dot_product', [
    'real series1:dynamic series2:dynamic',
    'real series1:dynamic series2:numeric',
    'real series1:numeric series2:dynamic',
  ]),
  sca('series_cosine_similarity', [
    'real series1:dynamic series2:dynamic series1_magnitude:real? series2_magnitude:real?',
  ]),
];
