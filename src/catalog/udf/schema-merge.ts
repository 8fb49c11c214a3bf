// `evaluate schema_merge(PreserveOrder)` over getschema rows (schema-merge-plugin.md), as a
// JavaScript function of the rows in input order. The page: columns of the input schemas are
// joined; with PreserveOrder a column must keep the ordinal of the first schema it appeared in.
// Its three examples fix the rest: a new column is inserted at its own ordinal (schema 2's
// Referrer at 1 moves HttpStatus to 2), and a column whose ordinal moved is reported with
// ordinal -1 and an ERROR type after the others. A new schema starts where ColumnOrdinal
// does not grow (getschema numbers each table's columns from 0).
import { str, UdfError, type UdfSpec } from './types.js';

interface SchemaRow {
  readonly n: string;
  readonly o: number;
  readonly d: string;
  readonly c: string;
  readonly r: number;
}

interface Merged {
  readonly name: string;
  readonly dataType: string;
  readonly columnType: string;
  readonly firstOrdinal: number;
  outOfOrder: boolean;
}

const OUT_OF_ORDER = 'ERROR(columns are out of order)';

function rows(json: string): SchemaRow[] {
  const v: unknown = JSON.parse(json);
  if (!Array.isArray(v)) throw new UdfError('schema_merge: input is not a list of rows');
  return v
    .map((x): SchemaRow => {
      const r = x as Record<string, unknown>;
      return {
        n: String(r['n'] ?? ''),
        o: Number(r['o']),
        d: String(r['d'] ?? ''),
        c: String(r['c'] ?? ''),
        r: Number(r['r']),
      };
    })
    .sort((a, b) => a.r - b.r);
}

function split(input: readonly SchemaRow[]): SchemaRow[][] {
  const out: SchemaRow[][] = [];
  let prev = Infinity;
  for (const row of input) {
    if (!(row.o > prev)) out.push([]);
    out[out.length - 1]!.push(row);
    prev = row.o;
  }
  return out;
}

export function schemaMerge(json: string, preserveOrder: boolean): string {
  const merged: Merged[] = [];
  for (const schema of split(rows(json))) {
    for (const row of schema) {
      const at = merged.findIndex((m) => m.name === row.n);
      if (at < 0) {
        const m: Merged = { name: row.n, dataType: row.d, columnType: row.c, firstOrdinal: row.o, outOfOrder: false };
        merged.splice(Math.min(Math.max(row.o, 0), merged.length), 0, m);
        continue;
      }
      const m = merged[at]!;
      // The page reduces differing types to a common one without saying how: not guessed.
      if (m.columnType !== row.c)
        throw new UdfError(
          `schema_merge: column '${row.n}' has types ${m.columnType} and ${row.c}; merging them is not supported`,
        );
      if (row.o !== m.firstOrdinal) m.outOfOrder = true;
    }
  }
  const ordered = preserveOrder
    ? [...merged.filter((m) => !m.outOfOrder), ...merged.filter((m) => m.outOfOrder)]
    : merged;
  return JSON.stringify(
    ordered.map((m, i) =>
      preserveOrder && m.outOfOrder
        ? {
            ColumnName: m.name,
            ColumnOrdinal: -1,
            DataType: `ERROR(unknown CSL type:${OUT_OF_ORDER})`,
            ColumnType: OUT_OF_ORDER,
          }
        : { ColumnName: m.name, ColumnOrdinal: i, DataType: m.dataType, ColumnType: m.columnType },
    ),
  );
}

export const SCHEMA_MERGE_UDFS: readonly UdfSpec[] = [
  {
    name: 'kql_schema_merge',
    params: ['VARCHAR', 'BOOLEAN'],
    returns: 'VARCHAR',
    fn: ([rowsJson, preserve]) => schemaMerge(str(rowsJson ?? null), preserve !== false),
  },
];
