// DuckDB templates for the geometry geo_* functions: calls of the JavaScript functions in
// src/catalog/udf/geo-geometry.ts. The functions not listed here keep no template (the
// compiler reports them unsupported): their Kusto results couldn't be reproduced exactly
// (the spheroid, use_spheroid, isn't implemented). Unions, simplifications, buffers and
// polygon intersections are computed only in the cases the pages pin down, and raise an
// error otherwise (src/catalog/udf/geo-geometry-union.ts, -simplify.ts, -overlay.ts).
import type { SqlArg, SqlTemplate } from '../types.js';
import { arg, Unsupported } from './render.js';
import { str } from './string.js';
import { p, toJsonSql } from './values.js';

const NUMERIC = new Set(['int', 'long', 'real', 'decimal', 'unknown']);

function double(a: SqlArg, what: string): string {
  if (!NUMERIC.has(a.type)) throw new Unsupported(`${what} must be a number`);
  return `CAST(${p(a.sql)} AS DOUBLE)`;
}

const dynText = (a: SqlArg): string => `CAST(${toJsonSql(a)} AS VARCHAR)`;
const json = (sql: string): string => `CAST(${sql} AS JSON)`;
const doubles = (args: readonly SqlArg[], count: number, fn: string): string[] =>
  Array.from({ length: count }, (_, i) => double(arg(args, i), `${fn} argument ${i + 1}`));

const numeric =
  (udf: string, count: number, fn: string): SqlTemplate =>
  (args) =>
    `${udf}(${doubles(args, count, fn).join(', ')})`;

const oneShape =
  (udf: string, dynamicResult: boolean): SqlTemplate =>
  (args) => {
    const call = `${udf}(${dynText(arg(args, 0))})`;
    return dynamicResult ? json(call) : call;
  };

const twoShapes =
  (udf: string, dynamicResult = false): SqlTemplate =>
  (args) => {
    const call = `${udf}(${dynText(arg(args, 0))}, ${dynText(arg(args, 1))})`;
    return dynamicResult ? json(call) : call;
  };

const pointAndShape =
  (udf: string, fn: string, dynamicResult: boolean): SqlTemplate =>
  (args) => {
    const call = `${udf}(${doubles(args, 2, fn).join(', ')}, ${dynText(arg(args, 2))})`;
    return dynamicResult ? json(call) : call;
  };

/** Densify with an optional tolerance (default 10 m); crossing the antimeridian isn't implemented. */
const densify =
  (udf: string, fn: string): SqlTemplate =>
  (args) => {
    const keep = args[2];
    if (keep !== undefined && keep.constant !== false && keep.constant !== 0)
      throw new Unsupported(`${fn} with preserve_crossing`);
    const t = args[1];
    const tol = t === undefined ? '10.0' : double(t, `${fn} tolerance`);
    return json(`${udf}(${dynText(arg(args, 0))}, ${tol})`);
  };

/** Simplification with an optional tolerance in meters (default 10). */
const simplify =
  (udf: string, fn: string): SqlTemplate =>
  (args) => {
    const t = args[1];
    const tol = t === undefined ? '10.0' : double(t, `${fn} tolerance`);
    return json(`${udf}(${dynText(arg(args, 0))}, ${tol})`);
  };

/** A buffer: the shape (or point) arguments, the radius, and an optional numeric tolerance. */
const buffer =
  (udf: string, fn: string, shapeArgs: 1 | 2): SqlTemplate =>
  (args) => {
    const tol = args[shapeArgs + 1];
    if (tol !== undefined) double(tol, `${fn} tolerance`);
    const shape = shapeArgs === 2 ? doubles(args, 2, fn) : [dynText(arg(args, 0))];
    return json(`${udf}(${[...shape, double(arg(args, shapeArgs), `${fn} radius`)].join(', ')})`);
  };

/** Only the sphere is implemented: `use_spheroid` must be absent or a constant false. */
function sphereOnly(args: readonly SqlArg[], i: number, fn: string): void {
  const a = args[i];
  if (a === undefined || a.constant === false || a.constant === 0) return;
  throw new Unsupported(`${fn} with use_spheroid (only the sphere is implemented)`);
}

export const GEO_GEOMETRY_TEMPLATES: Readonly<Record<string, SqlTemplate>> = {
  geo_distance_2points: (args) => {
    sphereOnly(args, 4, 'geo_distance_2points');
    return `kql_geo_distance_2points(${doubles(args, 4, 'geo_distance_2points').join(', ')})`;
  },
  geo_azimuth: numeric('kql_geo_azimuth', 4, 'geo_azimuth'),
  geo_angle: numeric('kql_geo_angle', 6, 'geo_angle'),
  geo_point_in_circle: numeric('kql_geo_point_in_circle', 5, 'geo_point_in_circle'),
  geo_point_in_polygon: pointAndShape('kql_geo_point_in_polygon', 'geo_point_in_polygon', false),
  geo_distance_point_to_line: pointAndShape('kql_geo_distance_point_to_line', 'geo_distance_point_to_line', false),
  geo_distance_point_to_polygon: pointAndShape(
    'kql_geo_distance_point_to_polygon',
    'geo_distance_point_to_polygon',
    false,
  ),
  geo_closest_point_on_line: pointAndShape('kql_geo_closest_point_on_line', 'geo_closest_point_on_line', true),
  geo_closest_point_on_polygon: pointAndShape('kql_geo_closest_point_on_polygon', 'geo_closest_point_on_polygon', true),
  geo_intersects_2lines: twoShapes('kql_geo_intersects_2lines'),
  geo_intersects_line_with_polygon: twoShapes('kql_geo_intersects_line_with_polygon'),
  geo_intersects_2polygons: twoShapes('kql_geo_intersects_2polygons'),
  geo_intersection_2lines: twoShapes('kql_geo_intersection_2lines', true),
  geo_intersection_line_with_polygon: twoShapes('kql_geo_intersection_line_with_polygon', true),
  geo_line_length: oneShape('kql_geo_line_length', false),
  geo_line_centroid: oneShape('kql_geo_line_centroid', true),
  geo_polygon_area: oneShape('kql_geo_polygon_area', false),
  geo_polygon_perimeter: oneShape('kql_geo_polygon_perimeter', false),
  geo_polygon_centroid: oneShape('kql_geo_polygon_centroid', true),
  geo_union_lines_array: oneShape('kql_geo_union_lines_array', true),
  geo_union_polygons_array: oneShape('kql_geo_union_polygons_array', true),
  geo_point_buffer: buffer('kql_geo_point_buffer', 'geo_point_buffer', 2),
  geo_line_buffer: buffer('kql_geo_line_buffer', 'geo_line_buffer', 1),
  geo_polygon_buffer: buffer('kql_geo_polygon_buffer', 'geo_polygon_buffer', 1),
  geo_intersection_2polygons: twoShapes('kql_geo_intersection_2polygons', true),
  geo_line_simplify: simplify('kql_geo_line_simplify', 'geo_line_simplify'),
  geo_polygon_simplify: simplify('kql_geo_polygon_simplify', 'geo_polygon_simplify'),
  geo_simplify_polygons_array: simplify('kql_geo_simplify_polygons_array', 'geo_simplify_polygons_array'),
  geo_line_interpolate_point: (args) =>
    json(
      `kql_geo_line_interpolate_point(${dynText(arg(args, 0))}, ${double(arg(args, 1), 'geo_line_interpolate_point fraction')})`,
    ),
  geo_line_densify: densify('kql_geo_line_densify', 'geo_line_densify'),
  geo_polygon_densify: densify('kql_geo_polygon_densify', 'geo_polygon_densify'),
  geo_line_locate_point: (args) => {
    sphereOnly(args, 3, 'geo_line_locate_point');
    const [lng, lat] = [1, 2].map((i) => double(arg(args, i), `geo_line_locate_point argument ${i + 1}`));
    return `kql_geo_line_locate_point(${dynText(arg(args, 0))}, ${lng}, ${lat})`;
  },
  geo_from_wkt: (args) => {
    const a = arg(args, 0);
    if (a.type !== 'string') throw new Unsupported('geo_from_wkt takes a string');
    return json(`kql_geo_from_wkt(${str(a)})`);
  },
};
