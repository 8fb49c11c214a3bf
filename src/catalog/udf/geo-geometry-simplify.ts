// geo_line_simplify, geo_polygon_simplify and geo_simplify_polygons_array. Kusto simplifies
// by S2 snap rounding: input vertices become sites no closer than the tolerance (the
// documented ceiling, ~7,800,000 m, is S2's 70-degree maximum snap radius) and edge chains
// are simplified, in an order the pages don't pin down. Only the results that don't depend
// on it are computed:
// - invalid shapes and negative tolerances give null (the pages' examples);
// - when every two vertices are closer than the tolerance, all of them snap to one site and
//   the shape disappears: null (the pages' "high tolerance" examples). That holds whichever
//   of the pages' tolerance ranges Kusto applies, as an out-of-range tolerance is null too.
// Every other input raises an error rather than return an approximate shape.
import { readS2Lines, readS2Polygons, vec, EARTH_RADIUS_M, type S2Point, type Vec } from './geo-geometry-shapes.js';
import { angleOf } from './geo-geometry-crossing.js';
import { UdfError } from './types.js';

const MAX_TOLERANCE_M = 7_800_000;
// Distances this close to the tolerance could fall on either side of S2's comparison.
const MARGIN = 1e-9;

/** Whether every two of the points are closer than `meters` (with a safety margin). */
function allWithin(points: readonly Vec[], meters: number): boolean {
  const limit = (meters * (1 - MARGIN)) / EARTH_RADIUS_M;
  for (let i = 0; i < points.length; i++)
    for (let j = i + 1; j < points.length; j++) if (angleOf(points[i] as Vec, points[j] as Vec) >= limit) return false;
  return true;
}

function simplified(fn: string, points: readonly Vec[] | null, tolerance: number): null {
  if (points === null || Number.isNaN(tolerance) || tolerance < 0) return null;
  if (tolerance <= MAX_TOLERANCE_M && allWithin(points, tolerance)) return null;
  throw new UdfError(`${fn}: only shapes that vanish at this tolerance are supported (the simplified shape isn't)`);
}

function polygonVertices(text: string): Vec[] | null {
  const polys = readS2Polygons(text);
  if (polys === null) return null;
  return polys.flatMap((p) =>
    p.loops.flatMap((l) => Array.from({ length: l.numVertices() }, (_, i) => vec(l.vertex(i)))),
  );
}

export function lineSimplify(text: string, tolerance: number): string | null {
  const lines = readS2Lines(text);
  const points = lines === null ? null : lines.flatMap((l) => l.points.map((p: S2Point) => vec(p)));
  return simplified('geo_line_simplify', points, tolerance);
}

export function polygonSimplify(text: string, tolerance: number): string | null {
  return simplified('geo_polygon_simplify', polygonVertices(text), tolerance);
}

export function simplifyPolygonsArray(text: string, tolerance: number): string | null {
  let items: unknown;
  try {
    items = JSON.parse(text);
  } catch {
    return null;
  }
  if (!Array.isArray(items)) return null;
  const list: readonly unknown[] = items;
  if (list.length === 0) throw new UdfError('geo_simplify_polygons_array of an empty array is not supported');
  const points: Vec[] = [];
  for (const item of list) {
    const vs = polygonVertices(JSON.stringify(item));
    if (vs === null) return null;
    points.push(...vs);
  }
  return simplified('geo_simplify_polygons_array', points, tolerance);
}
