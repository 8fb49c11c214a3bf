// geo_line_densify / geo_polygon_densify: a GeoJSON edge is a straight line in longitude and
// latitude; densifying inserts points of that planar line until every geodesic piece stays
// within `tolerance` meters of it (the pages' definition of tolerance). Pieces are halved
// recursively: the pages' outputs show it (a 1° diagonal at 50°N becomes 8 pieces at 10 m,
// where the fewest equal pieces would be 7; a 1° edge along 10°N becomes 4, not 3), and the
// inserted points are exact planar midpoints (50.125, 10.25). A piece whose deviation is
// within 2% of the tolerance could be split either way by an implementation that estimates
// the deviation differently, so it raises an error instead of guessing.
import { readLines, readPolygons, type Position } from './geo-cells-geojson.js';
import { cross, dot, EARTH_RADIUS_M, norm, readS2Lines, readS2Polygons, type Vec } from './geo-geometry-shapes.js';
import { UdfError } from './types.js';

const RAD = Math.PI / 180;
const MAX_POINTS = 10485760;
const AMBIGUOUS = 0.02;

const unit = (p: Position): Vec => {
  const lat = p[1] * RAD;
  const lng = p[0] * RAD;
  return [Math.cos(lat) * Math.cos(lng), Math.cos(lat) * Math.sin(lng), Math.sin(lat)];
};

/** The largest distance in meters from the planar segment [a, b] to the great circle through a and b. */
function deviation(a: Position, b: Position): number {
  const n = cross(unit(a), unit(b));
  const len = norm(n);
  if (len === 0) return 0;
  const at = (t: number): number => {
    const x = unit([a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t]);
    return Math.abs(Math.asin(Math.max(-1, Math.min(1, dot(x, n) / len))));
  };
  // Coarse scan, then golden-section refinement around the best sample.
  const steps = 16;
  let best = 0;
  for (let i = 1; i < steps; i++) if (at(i / steps) > at(best / steps)) best = i;
  let lo = Math.max(0, (best - 1) / steps);
  let hi = Math.min(1, (best + 1) / steps);
  const g = (Math.sqrt(5) - 1) / 2;
  for (let k = 0; k < 60; k++) {
    const m1 = hi - g * (hi - lo);
    const m2 = lo + g * (hi - lo);
    if (at(m1) < at(m2)) lo = m1;
    else hi = m2;
  }
  return Math.max(at((lo + hi) / 2), at(best / steps)) * EARTH_RADIUS_M;
}

function densifyEdge(a: Position, b: Position, tolerance: number, out: Position[]): void {
  if (Math.abs(b[0] - a[0]) > 180) throw new UdfError('densify: edges crossing the antimeridian are not supported');
  const d = deviation(a, b);
  if (Math.abs(d - tolerance) <= AMBIGUOUS * tolerance)
    throw new UdfError('densify: an edge deviates from its geodesic by about the tolerance; the split is ambiguous');
  if (d < tolerance) {
    out.push(b);
    if (out.length > MAX_POINTS) throw new UdfError('densify: more than 10485760 points');
    return;
  }
  const mid: Position = [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
  densifyEdge(a, mid, tolerance, out);
  densifyEdge(mid, b, tolerance, out);
}

function densifyChain(ps: readonly Position[], tolerance: number): Position[] {
  const out: Position[] = [ps[0] as Position];
  for (let i = 1; i < ps.length; i++) densifyEdge(ps[i - 1] as Position, ps[i] as Position, tolerance, out);
  return out;
}

const validTolerance = (t: number): boolean => t >= 0.1 && t <= 10000;

export function lineDensify(text: string, tolerance: number): string | null {
  const lines = readLines(text);
  if (lines === null || readS2Lines(text) === null || !validTolerance(tolerance)) return null;
  const dense = lines.map((l) => densifyChain(l, tolerance));
  const multi = (JSON.parse(text) as { type: string }).type === 'MultiLineString';
  return JSON.stringify(
    multi ? { type: 'MultiLineString', coordinates: dense } : { type: 'LineString', coordinates: dense[0] },
  );
}

export function polygonDensify(text: string, tolerance: number): string | null {
  const polys = readPolygons(text);
  if (polys === null || readS2Polygons(text) === null || !validTolerance(tolerance)) return null;
  // readPolygons drops each ring's closing position; densify the closing edge too.
  const dense = polys.map((rings) => rings.map((r) => densifyChain([...r, r[0] as Position], tolerance)));
  const multi = (JSON.parse(text) as { type: string }).type === 'MultiPolygon';
  return JSON.stringify(
    multi ? { type: 'MultiPolygon', coordinates: dense } : { type: 'Polygon', coordinates: dense[0] },
  );
}
