// How each Kusto scalar type is stored in a DuckDB workspace. One place, shared by
// ingest (table DDL), the engine (SQL generation) and the lab (Parquet writer).
import type { ScalarType } from '../kql/types.js';

/**
 * - datetime: TIMESTAMP_NS, so the 100-ns ticks of Defender's 7-digit timestamps survive.
 * - timespan: BIGINT count of 100-ns ticks (Kusto's own unit), exact and cheap to add.
 * - dynamic: DuckDB JSON (text), queried with json_extract and friends.
 * - guid: UUID. decimal: DECIMAL(38,18).
 */
export const DUCKDB_TYPE: Readonly<Record<ScalarType, string>> = {
  bool: 'BOOLEAN',
  int: 'INTEGER',
  long: 'BIGINT',
  real: 'DOUBLE',
  decimal: 'DECIMAL(38,18)',
  string: 'VARCHAR',
  datetime: 'TIMESTAMP_NS',
  timespan: 'BIGINT',
  guid: 'UUID',
  dynamic: 'JSON',
  unknown: 'VARCHAR',
};

export const TICKS_PER_SECOND = 10_000_000n;
