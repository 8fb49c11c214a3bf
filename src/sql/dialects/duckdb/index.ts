// The DuckDB dialect: relational emission (relational.ts), scalar operators
// (operators.ts), conversions (convert.ts); function templates live in the catalog
// (src/catalog/duckdb/).
import type { Dialect } from '../../dialect.js';
import { sqlIdent } from '../../escape.js';
import { toSql } from './relational.js';

export const duckdbDialect: Dialect = {
  name: 'duckdb',
  toSql,
  bagKeysSql: (sql, column) => {
    const c = sqlIdent(column);
    return `SELECT DISTINCT k FROM (SELECT unnest(json_keys(CAST(${c} AS JSON))) AS k FROM (${sql}) WHERE json_type(CAST(${c} AS JSON)) = 'OBJECT') ORDER BY k`;
  },
};
