// Kusto's column names for unnamed calls in extend/project/summarize (measured against the
// official analyser; see test/catalog/naming.test.ts).
//
// `argNames[i]` is the *derived name* of argument i, or null when it has none. The binder
// computes it recursively: a column reference gives its name; `a.b` / `a["b"]` give `a_b`;
// a call with a 'first'-style rule passes its argument's name through (tostring(x) -> x);
// literals and other expressions give null. For percentile(s) the binder passes the
// literal text of each percentile argument (50, 95.5) as its name.
import type { FunctionSpec } from './types.js';

/** Derived name of a scalar or aggregate call, or null (binder then uses Column1 / print_0 / its own default). */
export function derivedCallName(spec: FunctionSpec, argNames: readonly (string | null)[]): string | null {
  const first = argNames[0] ?? null;
  const prefix = spec.prefix ?? spec.name;
  switch (spec.naming) {
    case undefined:
      return null;
    case 'name+first':
      return `${spec.name}_${first ?? ''}`;
    case 'name+only':
      return argNames.length === 1 ? `${spec.name}_${first ?? ''}` : spec.name;
    case 'prefix+first':
      return `${prefix}_${first ?? ''}`;
    case 'prefix+only':
      return argNames.length === 1 ? `${prefix}_${first ?? ''}` : prefix;
    case 'prefix':
      return prefix;
    case 'first':
    case 'first-if-column':
      return first;
    case 'only':
      return argNames.length === 1 ? first : null;
  }
}

function percentileSuffix(text: string | null): string {
  // Kusto renders the percentile value with '.' replaced by '_': percentile(x, 50.5) -> percentile_x_50_5.
  return (text ?? '').replace(/[^A-Za-z0-9]/g, '_');
}

function normalisePercentileLiteral(text: string | null): string | null {
  if (text === null) return null;
  const n = Number(text);
  return Number.isFinite(n) ? String(n) : text;
}

/**
 * Output column names of an unnamed aggregate. Most give one name; percentiles gives one
 * per percentile. arg_max/arg_min/take_any(*) expand to columns the binder must compute:
 * see `expandsColumns`.
 */
export function aggregateOutputNames(spec: FunctionSpec, argNames: readonly (string | null)[]): string[] {
  const name = spec.name;
  if (name === 'percentile' || name === 'percentiles' || name === 'percentilew' || name === 'percentilesw') {
    const valueArgs = name.endsWith('w') ? argNames.slice(2) : argNames.slice(1);
    return valueArgs.map((p) => `percentile_${argNames[0] ?? ''}_${percentileSuffix(normalisePercentileLiteral(p))}`);
  }
  return [defaultAggregateName(spec, argNames)];
}

/**
 * Kusto's name for an unnamed aggregate: count() -> count_, sum(X) -> sum_X, dcount(X) -> dcount_X,
 * make_set(X) -> set_X, make_list(X) -> list_X, make_bag(X) -> bag_X, countif(p) -> countif_,
 * take_any(X) -> X, binary_all_or(X) -> X, percentile(X, 50) -> percentile_X_50.
 * For arg_max(E, cols...) this returns the name of the first column only; see `expandsColumns`.
 */
export function defaultAggregateName(spec: FunctionSpec, argNames: readonly (string | null)[]): string {
  if (spec.name.startsWith('percentile')) return aggregateOutputNames(spec, argNames)[0] ?? `${spec.name}_`;
  if (spec.name === 'arg_max' || spec.name === 'arg_min') {
    // arg_max(Timestamp, *) -> Timestamp first; arg_max(x*2, ...) -> max_ / min_.
    return argNames[0] ?? `${spec.name.slice(4)}_`;
  }
  if (spec.name === 'argmax' || spec.name === 'argmin') return `${spec.prefix ?? ''}_${argNames[0] ?? ''}`;
  if (spec.name === 'take_any') return argNames[0] ?? 'any_';
  return derivedCallName(spec, argNames) ?? `${spec.prefix ?? spec.name}_`;
}

/**
 * Aggregates whose output is several columns, decided by the binder:
 * - arg_max(E, c1, c2) / arg_min: columns E (named as defaultAggregateName), then c1, c2 with
 *   their own names; `*` expands to every input column (duplicates of E get a numeric suffix: i1).
 * - take_any(a, b) / take_any(*): one column per argument, each keeping its name and type.
 * - any(a, b) (obsolete): columns any_a, any_b.
 * - argmax(E, c) (obsolete): max_E, max_E_c.
 * - percentiles(x, p1, p2): see aggregateOutputNames.
 */
export function expandsColumns(spec: FunctionSpec): boolean {
  return ['arg_max', 'arg_min', 'argmax', 'argmin', 'take_any', 'any', 'percentiles', 'percentilesw'].includes(
    spec.name,
  );
}
