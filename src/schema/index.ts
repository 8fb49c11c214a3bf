// The single definition of the Defender advanced-hunting tables, shared by ingest (DDL),
// the binder (mdeSchemaMap) and the lab. The column data lives in tables.ts.
import type { Column, ScalarType, TableSchema } from '../kql/types.js';
import { TYPE_ALIASES } from '../kql/types.js';
import { FAMILIES, SENTINEL_SPEC, TABLE_SPECS } from './tables.js';

export interface TableDef {
  readonly name: string;
  /** Documented Defender columns, in doc order. */
  readonly columns: readonly Column[];
  readonly timeColumn: string;
  /** Columns holding JSON, typed `dynamic`, stored as DuckDB JSON. */
  readonly jsonColumns: readonly string[];
  /** What a workspace table holds: `columns` then the Sentinel columns it lacks. */
  readonly workspaceColumns: readonly Column[];
}

function expand(spec: string, seen: readonly string[] = []): string[] {
  const out: string[] = [];
  for (const tok of spec.split(/\s+/).filter((t) => t !== '')) {
    if (tok.startsWith('+')) {
      const name = tok.slice(1);
      const fam = FAMILIES[name];
      if (fam === undefined || seen.includes(name)) throw new Error(`schema: bad family ${tok}`);
      out.push(...expand(fam, [...seen, name]));
    } else out.push(tok);
  }
  return out;
}

function parseSpec(spec: string): Column[] {
  return expand(spec).map((tok) => {
    const [name = '', typeName = 'string'] = tok.split(':');
    const type: ScalarType | undefined = TYPE_ALIASES[typeName];
    if (name === '' || type === undefined) throw new Error(`schema: bad column token ${tok}`);
    return { name, type };
  });
}

export const SENTINEL_COLUMNS: readonly Column[] = Object.freeze(parseSpec(SENTINEL_SPEC));

function makeTable(name: string, spec: string): TableDef {
  const columns = Object.freeze(parseSpec(spec));
  const names = new Set(columns.map((c) => c.name));
  const workspaceColumns = Object.freeze([...columns, ...SENTINEL_COLUMNS.filter((c) => !names.has(c.name))]);
  return Object.freeze({
    name,
    columns,
    timeColumn: 'Timestamp',
    jsonColumns: Object.freeze(columns.filter((c) => c.type === 'dynamic').map((c) => c.name)),
    workspaceColumns,
  });
}

export const MDE_TABLES: readonly TableDef[] = Object.freeze(
  Object.entries(TABLE_SPECS).map(([name, spec]) => makeTable(name, spec)),
);

const BY_LOWER = new Map(MDE_TABLES.map((t) => [t.name.toLowerCase(), t]));

/** Exact name first; a case-insensitive match is accepted (exports differ in casing). */
export function getTable(name: string): TableDef | undefined {
  return MDE_TABLES.find((t) => t.name === name) ?? BY_LOWER.get(name.toLowerCase());
}

/**
 * name -> TableSchema for the binder. By default each table has the Sentinel columns too,
 * because a workspace table always has them; `{ sentinel: false }` gives the pure Defender view.
 * Columns the docs don't list but an ingest added are in the workspace only
 * (see `workspaceSchemaMap` in src/ingest).
 */
export function mdeSchemaMap(opts: { sentinel?: boolean } = {}): ReadonlyMap<string, TableSchema> {
  const sentinel = opts.sentinel ?? true;
  return new Map(MDE_TABLES.map((t) => [t.name, { columns: sentinel ? t.workspaceColumns : t.columns }]));
}

export { DUCKDB_TYPE, TICKS_PER_SECOND } from './physical.js';
