// geo_intersection_2lines and geo_intersection_line_with_polygon. 2lines: the cases whose Kusto result the geo-intersection-2lines page
// shows: lines crossing at one point (a Point), disjoint lines (an empty GeometryCollection)
// and identical lines (the line itself). Several crossing points, lines touching at a vertex
// and partial overlaps have undocumented output shapes and raise an error instead.
import { readLines, type Position } from './geo-cells-geojson.js';
import {
  geoJsonPoint,
  lngLatOf,
  readS2Lines,
  readS2Polygons,
  s2,
  vec,
  type S2Point,
  type S2Polygon,
  type S2Polyline,
  type Vec,
} from './geo-geometry-shapes.js';
import { angleOf, crossingPoint, crosses } from './geo-geometry-crossing.js';
import { UdfError } from './types.js';

const edges = (lines: readonly S2Polyline[]): [Vec, Vec][] =>
  lines.flatMap((l) => l.points.slice(1).map((p, i): [Vec, Vec] => [vec(l.points[i] as S2Point), vec(p)]));

const sameLine = (a: readonly Position[], b: readonly Position[]): boolean =>
  a.length === b.length && a.every((p, i) => p[0] === b[i]?.[0] && p[1] === b[i]?.[1]);

export function intersection2Lines(text1: string, text2: string): string | null {
  const a = readS2Lines(text1);
  const b = readS2Lines(text2);
  if (a === null || b === null) return null;
  const raw1 = readLines(text1);
  const raw2 = readLines(text2);
  if (raw1 !== null && raw2 !== null && raw1.length === 1 && raw2.length === 1) {
    const [l1, l2] = [raw1[0] as Position[], raw2[0] as Position[]];
    if (sameLine(l1, l2)) return JSON.stringify({ type: 'LineString', coordinates: l1 });
  }
  const points: Vec[] = [];
  for (const [p, q] of edges(a))
    for (const [r, t] of edges(b)) if (crosses(p, q, r, t)) points.push(crossingPoint(p, q, r, t));
  if (points.length === 0) return JSON.stringify({ type: 'GeometryCollection', geometries: [] });
  if (points.length > 1) throw new UdfError('geo_intersection_2lines: lines crossing more than once are not supported');
  const x = points[0] as Vec;
  return geoJsonPoint(new (s2().Point)(x[0], x[1], x[2]));
}

/** Each ring of each polygon as edges (closing edge included). */
function ringEdges(polys: readonly S2Polygon[]): [Vec, Vec][] {
  return polys.flatMap((p) =>
    p.loops.flatMap((l) => {
      const n = l.numVertices();
      return Array.from({ length: n }, (_, i): [Vec, Vec] => [vec(l.vertex(i)), vec(l.vertex((i + 1) % n))]);
    }),
  );
}

const toPoint = (v: Vec): S2Point => new (s2().Point)(v[0], v[1], v[2]);

/**
 * The parts of a line inside a polygon, in the line's order: the line's own vertices keep
 * their input coordinates (as on the geo-intersection-line-with-polygon page), cut points are
 * S2 crossing points. One part gives a LineString, several a MultiLineString, none an empty
 * GeometryCollection. A line touching the boundary at a vertex, or running along it, raises
 * an error (the page doesn't show those results).
 */
export function intersectionLineWithPolygon(lineText: string, polygonText: string): string | null {
  const lines = readS2Lines(lineText);
  const raw = readLines(lineText);
  const polys = readS2Polygons(polygonText);
  if (lines === null || raw === null || polys === null) return null;
  const boundary = ringEdges(polys);
  const inside = (p: S2Point): boolean => polys.some((q) => q.containsPoint(p));
  const parts: (readonly [number, number])[][] = [];
  lines.forEach((line, li) => {
    const coords = raw[li] as Position[];
    let current: (readonly [number, number])[] | null = inside(line.points[0] as S2Point)
      ? [coords[0] as Position]
      : null;
    for (let i = 1; i < line.points.length; i++) {
      const a = vec(line.points[i - 1] as S2Point);
      const b = vec(line.points[i] as S2Point);
      const cuts = boundary
        .filter(([c, d]) => crosses(a, b, c, d))
        .map(([c, d]) => crossingPoint(a, b, c, d))
        .map((x) => ({ x, t: angleOf(a, x) }))
        .sort((u, w) => u.t - w.t);
      for (const { x } of cuts) {
        const at = lngLatOf(toPoint(x));
        if (current === null) current = [at];
        else {
          current.push(at);
          parts.push(current);
          current = null;
        }
      }
      if (current !== null) current.push(coords[i] as Position);
    }
    if (current !== null) parts.push(current);
  });
  if (parts.length === 0) return JSON.stringify({ type: 'GeometryCollection', geometries: [] });
  if (parts.length === 1) return JSON.stringify({ type: 'LineString', coordinates: parts[0] });
  return JSON.stringify({ type: 'MultiLineString', coordinates: parts });
}
