// The DuckDB dialect: relational emission (relational.ts), scalar operators
// (operators.ts), function templates (functions.ts), conversions (convert.ts).
import type { Dialect } from '../../dialect.js';
import { toSql } from './relational.js';

export const duckdbDialect: Dialect = {
  name: 'duckdb',
  toSql,
};
