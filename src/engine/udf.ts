// Registers the catalog's JavaScript scalar functions (src/catalog/udf) on a DuckDB
// connection. Registration adds functions to the instance's catalog; it changes no
// configuration, so it works on the locked, read-only query connection.
import {
  BIGINT,
  BOOLEAN,
  DOUBLE,
  DuckDBScalarFunction,
  INTEGER,
  VARCHAR,
  type DuckDBConnection,
  type DuckDBType,
} from '@duckdb/node-api';
import { UDFS, UdfError, type UdfSpec, type UdfType, type UdfValue } from '../catalog/udf/index.js';

const DUCK_TYPES: Record<UdfType, DuckDBType> = { VARCHAR, DOUBLE, BIGINT, INTEGER, BOOLEAN };

function toUdfValue(v: unknown): UdfValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean') return v;
  return String(v);
}

/** Coerces a row result to what DuckDB expects for the declared return type. */
function fromUdfValue(v: UdfValue, t: UdfType): UdfValue {
  if (v === null) return null;
  if (t === 'BIGINT') return typeof v === 'bigint' ? v : BigInt(Math.trunc(Number(v)));
  if (t === 'DOUBLE' || t === 'INTEGER') {
    const n = Number(v);
    return t === 'INTEGER' ? Math.trunc(n) : n;
  }
  if (t === 'BOOLEAN') return Boolean(v);
  return String(v);
}

function scalarFunction(spec: UdfSpec): DuckDBScalarFunction {
  if (!spec.name.startsWith('kql_')) throw new Error(`UDF name must start with kql_: ${spec.name}`);
  return DuckDBScalarFunction.create({
    name: spec.name,
    returnType: DUCK_TYPES[spec.returns],
    parameterTypes: spec.params.map((p) => DUCK_TYPES[p]),
    ...(spec.varargs !== undefined ? { varArgsType: DUCK_TYPES[spec.varargs] } : {}),
    ...(spec.nulls === 'pass' ? { specialHandling: true } : {}),
    mainFunction: (info, input, output) => {
      const propagate = spec.nulls !== 'pass';
      const vectors = Array.from({ length: input.columnCount }, (_, i) => input.getColumnVector(i));
      const args: UdfValue[] = new Array<UdfValue>(vectors.length);
      for (let row = 0; row < input.rowCount; row++) {
        let anyNull = false;
        for (let i = 0; i < vectors.length; i++) {
          args[i] = toUdfValue(vectors[i]?.getItem(row));
          if (args[i] === null) anyNull = true;
        }
        // DuckDB hands the chunk's null rows to a C-API function too: propagate them here.
        if (anyNull && propagate) {
          output.setItem(row, null);
          continue;
        }
        let out: UdfValue;
        try {
          out = spec.fn(args);
        } catch (err) {
          // A bug in a UDF must not crash the process; it becomes a query error.
          const msg =
            err instanceof UdfError ? err.message : `${spec.name}: ${err instanceof Error ? err.message : String(err)}`;
          info.setError(msg);
          return;
        }
        output.setItem(row, fromUdfValue(out, spec.returns));
      }
      output.flush();
    },
  });
}

export function registerUdfs(conn: DuckDBConnection, specs: readonly UdfSpec[] = UDFS): void {
  for (const s of specs) conn.registerScalarFunction(scalarFunction(s));
}
