// Relations between a point, lines and polygons: containment, distance, closest point and
// intersection tests. Containment follows S2's semi-open boundaries, which is what the
// geo-point-in-polygon page describes ("if the Earth is subdivided into polygons, every point is
// contained by exactly one polygon"). Values checked against geo-distance-point-to-line,
// geo-distance-point-to-polygon, geo-closest-point-on-line and geo-closest-point-on-polygon.
import {
  EARTH_RADIUS_M,
  geoJsonPoint,
  pointOf,
  readS2Lines,
  readS2Polygons,
  s2,
  validLngLat,
  type S2Point,
  type S2Polygon,
  type S2Polyline,
} from './geo-geometry-shapes.js';

interface Nearest {
  readonly point: S2Point;
  readonly angle: number;
}

function nearestOnLines(x: S2Point, lines: readonly S2Polyline[]): Nearest | null {
  let best: Nearest | null = null;
  for (const l of lines) {
    const [p] = l.project(x);
    const angle = x.distance(p);
    if (best === null || angle < best.angle) best = { point: p, angle };
  }
  return best;
}

/** Each ring of a polygon as a closed polyline (first vertex repeated at the end). */
function boundaries(p: S2Polygon): S2Polyline[] {
  const Polyline = s2().Polyline;
  return p.loops.map((l) => {
    const vs = Array.from({ length: l.numVertices() }, (_, i) => l.vertex(i));
    return new Polyline([...vs, l.vertex(0)]);
  });
}

function nearestOnPolygons(x: S2Point, polys: readonly S2Polygon[]): Nearest | null {
  if (polys.some((p) => p.containsPoint(x))) return { point: x, angle: 0 };
  return nearestOnLines(x, polys.flatMap(boundaries));
}

function pointAndLines(lng: number, lat: number, text: string): [S2Point, S2Polyline[]] | null {
  if (!validLngLat(lng, lat)) return null;
  const lines = readS2Lines(text);
  return lines === null ? null : [pointOf(lng, lat), lines];
}

function pointAndPolygons(lng: number, lat: number, text: string): [S2Point, S2Polygon[]] | null {
  if (!validLngLat(lng, lat)) return null;
  const polys = readS2Polygons(text);
  return polys === null ? null : [pointOf(lng, lat), polys];
}

export function pointInPolygon(lng: number, lat: number, text: string): boolean | null {
  const input = pointAndPolygons(lng, lat, text);
  if (input === null) return null;
  const [x, polys] = input;
  return polys.some((p) => p.containsPoint(x));
}

export function distancePointToLine(lng: number, lat: number, text: string): number | null {
  const input = pointAndLines(lng, lat, text);
  const near = input === null ? null : nearestOnLines(...input);
  return near === null ? null : near.angle * EARTH_RADIUS_M;
}

export function closestPointOnLine(lng: number, lat: number, text: string): string | null {
  const input = pointAndLines(lng, lat, text);
  const near = input === null ? null : nearestOnLines(...input);
  return near === null ? null : geoJsonPoint(near.point);
}

export function distancePointToPolygon(lng: number, lat: number, text: string): number | null {
  const input = pointAndPolygons(lng, lat, text);
  const near = input === null ? null : nearestOnPolygons(...input);
  return near === null ? null : near.angle * EARTH_RADIUS_M;
}

export function closestPointOnPolygon(lng: number, lat: number, text: string): string | null {
  const input = pointAndPolygons(lng, lat, text);
  if (input === null) return null;
  const near = nearestOnPolygons(...input);
  if (near === null) return null;
  // "If polygon contains input point, the result will be the same point": the input, unrounded.
  return near.angle === 0 && near.point === input[0]
    ? JSON.stringify({ type: 'Point', coordinates: [lng, lat] })
    : geoJsonPoint(near.point);
}

const linesCross = (a: readonly S2Polyline[], b: readonly S2Polyline[]): boolean =>
  a.some((x) => b.some((y) => x.intersects(y)));

export function intersects2Lines(text1: string, text2: string): boolean | null {
  const a = readS2Lines(text1);
  const b = readS2Lines(text2);
  return a === null || b === null ? null : linesCross(a, b);
}

export function intersectsLineWithPolygon(lineText: string, polygonText: string): boolean | null {
  const lines = readS2Lines(lineText);
  const polys = readS2Polygons(polygonText);
  if (lines === null || polys === null) return null;
  if (lines.some((l) => l.points.some((v) => polys.some((p) => p.containsPoint(v))))) return true;
  return linesCross(lines, polys.flatMap(boundaries));
}

/** Polygons here contain their boundaries (the geo-intersects-2polygons page), so touching counts. */
export function intersects2Polygons(text1: string, text2: string): boolean | null {
  const a = readS2Polygons(text1);
  const b = readS2Polygons(text2);
  if (a === null || b === null) return null;
  if (a.some((p) => b.some((q) => p.intersects(q)))) return true;
  return linesCross(a.flatMap(boundaries), b.flatMap(boundaries));
}
