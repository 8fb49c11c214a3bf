// The output schema of evaluate geo_polygon_lookup / geo_line_lookup: the input's columns
// then the lookup table's, where the lookup key column (the shapes) is returned only with
// return_lookup_key = true (the plugin pages: "default: false"). The flag is named or the
// 8th argument (table, key, lng, lat, radius, return_unmatched, lookup_area_radius, flag).
import type { BoundExpr } from '../bound.js';
import type { Column } from '../types.js';

const RETURN_LOOKUP_KEY_POSITION = 7;

export function geoLookupColumns(
  plugin: string,
  columns: readonly Column[],
  args: readonly BoundExpr[],
  namedArgs: Readonly<Record<string, BoundExpr>>,
): readonly Column[] {
  if (plugin !== 'geo_polygon_lookup' && plugin !== 'geo_line_lookup') return columns;
  const key = args[1];
  const flag = namedArgs['return_lookup_key'] ?? args[RETURN_LOOKUP_KEY_POSITION];
  // A non-constant flag keeps the column; the lowering refuses such calls.
  const drop = flag === undefined || (flag.kind === 'Literal' && (flag.value === false || flag.value === 'false'));
  if (!drop || key?.kind !== 'Column') return columns;
  return columns.filter((c) => c.name !== key.name);
}
