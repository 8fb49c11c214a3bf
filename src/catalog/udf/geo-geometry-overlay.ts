// geo_intersection_2polygons and the buffers (geo_point_buffer, geo_line_buffer,
// geo_polygon_buffer). Kusto builds these with S2's boolean and buffer operations, whose
// vertices (crossing points, arc approximation within the tolerance, ring start) the pages
// don't pin down. Only the results that follow from the pages are computed:
// - invalid shapes give null; so do invalid buffer radii ("valid value must be positive");
// - polygons apart from each other (no edges crossing or touching, no vertex of one inside
//   the other) intersect in an empty GeometryCollection (the page's example).
// Everything else raises an error rather than return an approximate shape.
import { crosses } from './geo-geometry-crossing.js';
import { readS2Lines, readS2Polygons, validLngLat, vec, type S2Polygon, type Vec } from './geo-geometry-shapes.js';
import { UdfError } from './types.js';

function ringEdges(polys: readonly S2Polygon[]): [Vec, Vec][] {
  return polys.flatMap((p) =>
    p.loops.flatMap((l) => {
      const k = l.numVertices();
      return Array.from({ length: k }, (_, i): [Vec, Vec] => [vec(l.vertex(i)), vec(l.vertex((i + 1) % k))]);
    }),
  );
}

/** No crossing, no touching (crosses() refuses near-degenerate pairs), no vertex inside the other. */
function apart(a: readonly S2Polygon[], b: readonly S2Polygon[]): boolean {
  const ea = ringEdges(a);
  const eb = ringEdges(b);
  for (const [p, q] of ea) for (const [r, t] of eb) if (crosses(p, q, r, t)) return false;
  const inside = (polys: readonly S2Polygon[], others: readonly S2Polygon[]): boolean =>
    others.some((o) => o.loops.some((l) => polys.some((p) => p.containsPoint(l.vertex(0)))));
  return !inside(a, b) && !inside(b, a);
}

export function intersection2Polygons(text1: string, text2: string): string | null {
  const a = readS2Polygons(text1);
  const b = readS2Polygons(text2);
  if (a === null || b === null) return null;
  let disjoint: boolean;
  try {
    disjoint = apart(a, b);
  } catch {
    disjoint = false;
  }
  if (disjoint) return JSON.stringify({ type: 'GeometryCollection', geometries: [] });
  throw new UdfError('geo_intersection_2polygons: only polygons that are apart are supported');
}

const validRadius = (r: number): boolean => Number.isFinite(r) && r > 0;

function buffered(fn: string, valid: boolean, radius: number): null {
  if (!valid || !validRadius(radius)) return null;
  throw new UdfError(`${fn}: buffers are not supported (only invalid input, giving null)`);
}

export const pointBuffer = (lng: number, lat: number, radius: number): string | null =>
  buffered('geo_point_buffer', validLngLat(lng, lat), radius);

export const lineBuffer = (text: string, radius: number): string | null =>
  buffered('geo_line_buffer', readS2Lines(text) !== null, radius);

export const polygonBuffer = (text: string, radius: number): string | null =>
  buffered('geo_polygon_buffer', readS2Polygons(text) !== null, radius);
