// The contract every backend honours: embedded DuckDB today, ADX/Sentinel/Graph later.
// Hunts and the investigation only ever talk to this interface.
import type { Diagnostic } from '../kql/diagnostics/diagnostic.js';
import type { Column } from '../kql/types.js';

/**
 * A cell value, in JS form, with Kusto's meaning:
 * - string, guid: string
 * - int, long, real, decimal: number (long beyond 2^53 as bigint)
 * - bool: boolean
 * - datetime: ISO 8601 UTC string with 7 fractional digits and Z, e.g. "2025-11-20T00:48:57.6034636Z"
 * - timespan: Kusto rendering `[-][d.]hh:mm:ss[.fffffff]`
 * - dynamic: the parsed JSON value
 * - null for Kusto nulls
 */
export type CellValue = string | number | bigint | boolean | null | JsonCell;
export type JsonCell = null | boolean | number | string | JsonCell[] | { [k: string]: JsonCell };

export interface QueryResult {
  readonly columns: readonly Column[];
  readonly rows: readonly (readonly CellValue[])[];
  /**
   * A query with several tabular statements (`T1; T2`) returns one table per statement, as
   * Kusto does: `columns`/`rows` are the first, `more` the others in order.
   */
  readonly more?: readonly QueryResult[];
}

/** Scalar parameters substituted for `let`-declared names (device, time range, window). */
export type QueryParams = Readonly<Record<string, string | number | boolean | Date | null>>;

export interface QueryOptions {
  /** Pins now()/ago(); default: wall clock at query start. */
  readonly now?: Date;
  readonly params?: QueryParams;
}

/** Raised for a query that cannot run: carries coded diagnostics, never a stack trace for the user. */
export class QueryError extends Error {
  constructor(
    readonly diagnostics: readonly Diagnostic[],
    readonly kql: string,
  ) {
    super(diagnostics.map((d) => `${d.code}: ${d.message}`).join('; '));
  }
}

export interface Backend {
  readonly name: string;
  query(kql: string, options?: QueryOptions): Promise<QueryResult>;
  close(): Promise<void>;
}
