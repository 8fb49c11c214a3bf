// Every JavaScript scalar function the DuckDB templates may call. Each family keeps its
// specs in its own file and adds one line here.
import type { UdfSpec } from './types.js';
import { CORE_UDFS } from './core.js';
import { HASH_UDFS } from './hash.js';
import { PUNYCODE_UDFS } from './punycode.js';
import { DYNAMIC_UDFS } from './dynamic.js';
import { IPV6_UDFS } from './ipv6.js';
import { TIMEZONE_UDFS } from './timezone.js';
import { GEO_CELL_UDFS } from './geo-cells.js';
import { GEO_GEOMETRY_UDFS } from './geo-geometry.js';
import { CIDR_UDFS, CSV_UDFS, SEARCH_UDFS, SESSION_UDFS } from './search.js';
import { DYNAMIC_JSON_UDFS } from './dynamic-json.js';
import { TEXT_PARSE_UDFS } from './text-parse.js';
import { BETA_UDFS } from './beta.js';
import { BUILDSCHEMA_UDFS } from './buildschema.js';
import { SCHEMA_MERGE_UDFS } from './schema-merge.js';
import { REDUCE_UDFS } from './reduce.js';

export type { UdfSpec, UdfType, UdfValue } from './types.js';
export { UdfError } from './types.js';

export const UDFS: readonly UdfSpec[] = [
  ...CORE_UDFS,
  ...HASH_UDFS,
  ...PUNYCODE_UDFS,
  ...DYNAMIC_UDFS,
  ...IPV6_UDFS,
  ...TIMEZONE_UDFS,
  ...GEO_CELL_UDFS,
  ...GEO_GEOMETRY_UDFS,
  ...SEARCH_UDFS,
  ...CIDR_UDFS,
  ...CSV_UDFS,
  ...SESSION_UDFS,
  ...DYNAMIC_JSON_UDFS,
  ...TEXT_PARSE_UDFS,
  ...BETA_UDFS,
  ...BUILDSCHEMA_UDFS,
  ...SCHEMA_MERGE_UDFS,
  ...REDUCE_UDFS,
];
