// DuckDB templates for the grid-cell geo functions (geohash polygons, H3, S2): calls of the
// JavaScript functions in src/catalog/udf/geo-cells.ts. String results are never null in
// Kusto (invalid input gives ''), dynamic results are null when the input is invalid.
// geo_geohash_neighbors and geo_s2cell_neighbors list exactly Kusto's cells, in an order
// reconstructed from the docs' examples (src/catalog/udf/geo-cells-order.ts explains).
import type { SqlArg, SqlTemplate } from '../types.js';
import { arg, Unsupported } from './render.js';
import { str } from './string.js';
import { p, toJsonSql } from './values.js';

const NUMERIC = new Set(['int', 'long', 'real', 'decimal']);

function double(a: SqlArg, what: string): string {
  if (!NUMERIC.has(a.type) && a.type !== 'unknown') throw new Unsupported(`${what} must be a number`);
  return `CAST(${p(a.sql)} AS DOUBLE)`;
}

/**
 * A resolution or level: integers pass through; a real is accepted only as an integral
 * constant (how Kusto rounds a fractional one is undocumented). Absent gives the default.
 */
function level(args: readonly SqlArg[], i: number, fallback: number | null, what: string): string | null {
  const a = args[i];
  if (a === undefined) return fallback === null ? null : `${fallback}.0`;
  if (a.constant === null) return 'CAST(NULL AS DOUBLE)';
  if (a.type === 'int' || a.type === 'long') return `CAST(${p(a.sql)} AS DOUBLE)`;
  if (typeof a.constant === 'number' && Number.isInteger(a.constant)) return `${a.constant}.0`;
  throw new Unsupported(`${what} must be an integer`);
}

/** Buffering by a radius needs geometry we don't have: only an absent or zero radius is exact. */
function noRadius(args: readonly SqlArg[], i: number, fn: string): void {
  const r = args[i];
  if (r !== undefined && r.constant !== 0) throw new Unsupported(`${fn} with a radius`);
}

const json = (sql: string): string => `CAST(${sql} AS JSON)`;
const text = (sql: string): string => `coalesce(${sql}, '')`;
const dynText = (a: SqlArg): string => `CAST(${toJsonSql(a)} AS VARCHAR)`;

const pointToCell =
  (udf: string, fallback: number, what: string): SqlTemplate =>
  (args) => {
    const lng = double(arg(args, 0), 'longitude');
    const lat = double(arg(args, 1), 'latitude');
    return text(`${udf}(${lng}, ${lat}, ${level(args, 2, fallback, what) ?? 'NULL'})`);
  };

const cellToJson =
  (udf: string): SqlTemplate =>
  (args) =>
    json(`${udf}(${str(arg(args, 0))})`);

const cover =
  (udf: string, fn: string, fallback: number, what: string): SqlTemplate =>
  (args) => {
    noRadius(args, 2, fn);
    return json(`${udf}(${dynText(arg(args, 0))}, ${level(args, 1, fallback, what) ?? 'NULL'})`);
  };

/** S2 coverings take a radius in metres (default 0): the UDF buffers exactly by cell-to-edge distance. */
const coverBuffered =
  (udf: string, fallback: number): SqlTemplate =>
  (args) => {
    const r = args[2] === undefined ? '0.0' : double(args[2], 'radius');
    return json(`${udf}(${dynText(arg(args, 0))}, ${level(args, 1, fallback, 'S2 level') ?? 'NULL'}, ${r})`);
  };

export const GEO_CELL_TEMPLATES: Readonly<Record<string, SqlTemplate>> = {
  geo_geohash_to_polygon: cellToJson('kql_geohash_to_polygon'),

  geo_point_to_h3cell: pointToCell('kql_point_to_h3cell', 6, 'H3 resolution'),
  geo_h3cell_level: (args) => `kql_h3cell_level(${str(arg(args, 0))})`,
  geo_h3cell_to_central_point: cellToJson('kql_h3cell_to_central_point'),
  geo_h3cell_to_polygon: cellToJson('kql_h3cell_to_polygon'),
  geo_h3cell_neighbors: cellToJson('kql_h3cell_neighbors'),
  geo_geohash_neighbors: cellToJson('kql_geohash_neighbors'),
  geo_s2cell_neighbors: cellToJson('kql_s2cell_neighbors'),
  geo_h3cell_children: (args) => {
    const cell = str(arg(args, 0));
    const res = level(args, 1, null, 'H3 resolution');
    return json(res === null ? `kql_h3cell_children(${cell})` : `kql_h3cell_children_at(${cell}, ${res})`);
  },
  geo_h3cell_parent: (args) => {
    const cell = str(arg(args, 0));
    const res = level(args, 1, null, 'H3 resolution');
    return text(res === null ? `kql_h3cell_parent(${cell})` : `kql_h3cell_parent_at(${cell}, ${res})`);
  },
  geo_h3cell_rings: (args) =>
    json(`kql_h3cell_rings(${str(arg(args, 0))}, ${level(args, 1, null, 'H3 ring distance') ?? 'NULL'})`),
  geo_polygon_to_h3cells: cover('kql_polygon_to_h3cells', 'geo_polygon_to_h3cells', 6, 'H3 resolution'),

  geo_point_to_s2cell: pointToCell('kql_point_to_s2cell', 11, 'S2 level'),
  geo_s2cell_to_central_point: cellToJson('kql_s2cell_to_central_point'),
  geo_s2cell_to_polygon: cellToJson('kql_s2cell_to_polygon'),
  geo_polygon_to_s2cells: coverBuffered('kql_polygon_to_s2cells', 11),
  geo_line_to_s2cells: coverBuffered('kql_line_to_s2cells', 11),
};
