// A SQL dialect turns a relational plan into one SQL query. DuckDB is the first; a
// second engine (ClickHouse, say) is one more folder under dialects/ implementing this.
import type { Plan } from './plan.js';

export interface EmitOptions {
  /** The pinned query clock, nanoseconds since the Unix epoch (UTC). */
  readonly nowNs: bigint;
}

export interface Dialect {
  readonly name: string;
  /**
   * SQL returning the plan's columns in order, in the dialect's "wire" encoding that the
   * engine decodes by Kusto type: datetime as BIGINT ns since epoch, timespan as BIGINT
   * ticks, dynamic as JSON text, guid/decimal as text, other types native.
   */
  toSql(plan: Plan, options: EmitOptions): string;
  /** Distinct property-bag keys of `column` (JSON text) in `sql`, sorted: one VARCHAR column. */
  bagKeysSql(sql: string, column: string): string;
}
