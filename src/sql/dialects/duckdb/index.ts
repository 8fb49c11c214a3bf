// The DuckDB dialect: relational emission (relational.ts), scalar operators
// (operators.ts), conversions (convert.ts); function templates live in the catalog
// (src/catalog/duckdb/).
import type { Dialect } from '../../dialect.js';
import { sqlIdent } from '../../escape.js';
import { toSql } from './relational.js';

export const duckdbDialect: Dialect = {
  name: 'duckdb',
  toSql,
  // Each top-level key with the Kusto type of its non-null values: one JSON type gives that
  // type (both integer kinds are long), several or none give dynamic (bag-unpack-plugin.md).
  bagKeysSql: (sql, column) => {
    const c = sqlIdent(column);
    const kind = `CASE WHEN e.type IN ('BIGINT', 'UBIGINT') THEN 'long' WHEN e.type = 'DOUBLE' THEN 'real' WHEN e.type = 'VARCHAR' THEN 'string' WHEN e.type = 'BOOLEAN' THEN 'bool' ELSE 'dynamic' END`;
    const types = `list(DISTINCT ${kind}) FILTER (WHERE e.type <> 'NULL')`;
    return `SELECT k, CASE WHEN coalesce(len(ts), 0) = 1 THEN ts[1] ELSE 'dynamic' END AS t FROM (SELECT e.key AS k, ${types} AS ts FROM (SELECT CAST(${c} AS JSON) AS __j FROM (${sql})) AS b, json_each(b.__j) AS e WHERE json_type(b.__j) = 'OBJECT' GROUP BY e.key) ORDER BY k`;
  },
};
