// Geometry geo_* functions (distances, containment, measures, WKT) as JavaScript scalar
// functions on S2 geometry; the DuckDB templates in src/catalog/duckdb/geo-geometry.ts call
// them. Shapes travel as JSON text; dynamic results come back as JSON text.
import {
  angle,
  azimuth,
  distance2Points,
  lineCentroid,
  lineInterpolatePoint,
  lineLength,
  lineLocatePoint,
  pointInCircle,
  polygonArea,
  polygonCentroid,
  polygonPerimeter,
} from './geo-geometry-measure.js';
import {
  closestPointOnLine,
  closestPointOnPolygon,
  distancePointToLine,
  distancePointToPolygon,
  intersects2Lines,
  intersects2Polygons,
  intersectsLineWithPolygon,
  pointInPolygon,
} from './geo-geometry-relate.js';
import { lineDensify, polygonDensify } from './geo-geometry-densify.js';
import { intersection2Lines, intersectionLineWithPolygon } from './geo-geometry-intersection.js';
import { fromWkt } from './geo-geometry-wkt.js';
import { unionLinesArray, unionPolygonsArray } from './geo-geometry-union.js';
import { intersection2Polygons, lineBuffer, pointBuffer, polygonBuffer } from './geo-geometry-overlay.js';
import { lineSimplify, polygonSimplify, simplifyPolygonsArray } from './geo-geometry-simplify.js';
import { num, str, type UdfSpec, type UdfType, type UdfValue } from './types.js';

const n = (v: UdfValue | undefined): number => num(v ?? null);
const s = (v: UdfValue | undefined): string => str(v ?? null);

const numbers = (name: string, count: number, returns: UdfType, f: (xs: number[]) => UdfValue): UdfSpec => ({
  name,
  params: Array.from({ length: count }, (): UdfType => 'DOUBLE'),
  returns,
  fn: (args) => f(args.map(n)),
});

const shape = (name: string, returns: UdfType, f: (text: string) => UdfValue): UdfSpec => ({
  name,
  params: ['VARCHAR'],
  returns,
  fn: ([t]) => f(s(t)),
});

const twoShapes = (name: string, returns: UdfType, f: (a: string, b: string) => UdfValue): UdfSpec => ({
  name,
  params: ['VARCHAR', 'VARCHAR'],
  returns,
  fn: ([a, b]) => f(s(a), s(b)),
});

const shapeAndNumber = (name: string, f: (text: string, x: number) => UdfValue): UdfSpec => ({
  name,
  params: ['VARCHAR', 'DOUBLE'],
  returns: 'VARCHAR',
  fn: ([t, x]) => f(s(t), n(x)),
});

const pointAndShape = (
  name: string,
  returns: UdfType,
  f: (lng: number, lat: number, text: string) => UdfValue,
): UdfSpec => ({
  name,
  params: ['DOUBLE', 'DOUBLE', 'VARCHAR'],
  returns,
  fn: ([lng, lat, t]) => f(n(lng), n(lat), s(t)),
});

const SPECS: readonly UdfSpec[] = [
  numbers('kql_geo_distance_2points', 4, 'DOUBLE', ([a, b, c, d]) => distance2Points(a ?? 0, b ?? 0, c ?? 0, d ?? 0)),
  numbers('kql_geo_azimuth', 4, 'DOUBLE', ([a, b, c, d]) => azimuth(a ?? 0, b ?? 0, c ?? 0, d ?? 0)),
  numbers('kql_geo_angle', 6, 'DOUBLE', ([a, b, c, d, e, f]) => angle(a ?? 0, b ?? 0, c ?? 0, d ?? 0, e ?? 0, f ?? 0)),
  numbers('kql_geo_point_in_circle', 5, 'BOOLEAN', ([a, b, c, d, r]) =>
    pointInCircle(a ?? 0, b ?? 0, c ?? 0, d ?? 0, r ?? 0),
  ),
  shape('kql_geo_line_length', 'DOUBLE', lineLength),
  shape('kql_geo_line_centroid', 'VARCHAR', lineCentroid),
  shape('kql_geo_polygon_area', 'DOUBLE', polygonArea),
  shape('kql_geo_polygon_perimeter', 'DOUBLE', polygonPerimeter),
  shape('kql_geo_polygon_centroid', 'VARCHAR', polygonCentroid),
  shape('kql_geo_from_wkt', 'VARCHAR', fromWkt),
  shape('kql_geo_union_lines_array', 'VARCHAR', unionLinesArray),
  shape('kql_geo_union_polygons_array', 'VARCHAR', unionPolygonsArray),
  shapeAndNumber('kql_geo_line_simplify', lineSimplify),
  shapeAndNumber('kql_geo_line_buffer', lineBuffer),
  shapeAndNumber('kql_geo_polygon_buffer', polygonBuffer),
  numbers('kql_geo_point_buffer', 3, 'VARCHAR', ([a, b, r]) => pointBuffer(a ?? 0, b ?? 0, r ?? 0)),
  twoShapes('kql_geo_intersection_2polygons', 'VARCHAR', intersection2Polygons),
  shapeAndNumber('kql_geo_polygon_simplify', polygonSimplify),
  shapeAndNumber('kql_geo_simplify_polygons_array', simplifyPolygonsArray),
  {
    name: 'kql_geo_line_interpolate_point',
    params: ['VARCHAR', 'DOUBLE'],
    returns: 'VARCHAR',
    fn: ([t, f]) => lineInterpolatePoint(s(t), n(f)),
  },
  {
    name: 'kql_geo_line_locate_point',
    params: ['VARCHAR', 'DOUBLE', 'DOUBLE'],
    returns: 'DOUBLE',
    fn: ([t, lng, lat]) => lineLocatePoint(s(t), n(lng), n(lat)),
  },
  pointAndShape('kql_geo_point_in_polygon', 'BOOLEAN', pointInPolygon),
  pointAndShape('kql_geo_distance_point_to_line', 'DOUBLE', distancePointToLine),
  pointAndShape('kql_geo_distance_point_to_polygon', 'DOUBLE', distancePointToPolygon),
  pointAndShape('kql_geo_closest_point_on_line', 'VARCHAR', closestPointOnLine),
  pointAndShape('kql_geo_closest_point_on_polygon', 'VARCHAR', closestPointOnPolygon),
  twoShapes('kql_geo_intersects_2lines', 'BOOLEAN', intersects2Lines),
  twoShapes('kql_geo_intersects_line_with_polygon', 'BOOLEAN', intersectsLineWithPolygon),
  twoShapes('kql_geo_intersects_2polygons', 'BOOLEAN', intersects2Polygons),
  twoShapes('kql_geo_intersection_2lines', 'VARCHAR', intersection2Lines),
  twoShapes('kql_geo_intersection_line_with_polygon', 'VARCHAR', intersectionLineWithPolygon),
  {
    name: 'kql_geo_line_densify',
    params: ['VARCHAR', 'DOUBLE'],
    returns: 'VARCHAR',
    fn: ([t, tol]) => lineDensify(s(t), n(tol)),
  },
  {
    name: 'kql_geo_polygon_densify',
    params: ['VARCHAR', 'DOUBLE'],
    returns: 'VARCHAR',
    fn: ([t, tol]) => polygonDensify(s(t), n(tol)),
  },
];

// Null arguments never reach these functions: src/engine/udf.ts answers null for them.
export const GEO_GEOMETRY_UDFS: readonly UdfSpec[] = SPECS;
