// Functions SQL can't express exactly (zlib, punycode, H3/S2 cells, geodesy) run as
// JavaScript scalar functions registered on the engine's connection. They are plain data,
// like the rest of the catalog: a SQL name, typed parameters and a row function. A template
// in `duckdb/*.ts` calls them by name; the engine registers every spec in `UDFS` when it
// opens a workspace (src/engine/udf.ts).

/** DuckDB types a UDF may take or return. Dynamic values travel as JSON text (VARCHAR). */
export type UdfType = 'VARCHAR' | 'DOUBLE' | 'BIGINT' | 'INTEGER' | 'BOOLEAN';

/** JS value of a UDF argument or result: VARCHAR string, DOUBLE/INTEGER number, BIGINT bigint. */
export type UdfValue = string | number | bigint | boolean | null;

export interface UdfSpec {
  /** SQL name; always `kql_` + something, so it can't shadow a DuckDB built-in. */
  readonly name: string;
  readonly params: readonly UdfType[];
  /** Extra trailing arguments of this type (after `params`). */
  readonly varargs?: UdfType;
  readonly returns: UdfType;
  /**
   * 'propagate' (default): DuckDB returns NULL without calling `fn` when any argument is
   * NULL. 'pass': `fn` sees the nulls (for functions where Kusto gives a value anyway).
   */
  readonly nulls?: 'propagate' | 'pass';
  /**
   * One row. Return null for Kusto's null result; throw `UdfError` for a query error
   * (the message reaches the analyst as a runtime diagnostic).
   */
  readonly fn: (args: readonly UdfValue[]) => UdfValue;
}

/** A query error raised from inside a UDF; its message is shown to the analyst. */
export class UdfError extends Error {}

/** Argument accessors that fail loudly on a type the spec did not declare. */
export function str(v: UdfValue): string {
  if (typeof v === 'string') return v;
  throw new UdfError(`expected a string argument, got ${typeof v}`);
}

export function num(v: UdfValue): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  throw new UdfError(`expected a number argument, got ${typeof v}`);
}

export function big(v: UdfValue): bigint {
  if (typeof v === 'bigint') return v;
  if (typeof v === 'number' && Number.isInteger(v)) return BigInt(v);
  throw new UdfError(`expected an integer argument, got ${typeof v}`);
}
