// The Earth model and shape readers behind the geo_* geometry functions. Kusto measures on a
// sphere of radius 6,371,010 m (S2's mean Earth radius): the docs' Seattle–Los Angeles
// distance, 1546754.35197381 m, is exactly that radius times the central angle. Shapes are S2
// geometry (s2js), whose loop area, centroids and projections agree with the docs' outputs to
// their last printed digits; edges are great-circle arcs, as the docs state.
import { createRequire } from 'node:module';
import { readLines, readPolygons, type Position, type Rings } from './geo-cells-geojson.js';

export type S2js = typeof import('s2js');
export type S2 = S2js['s2'];
export type S2Point = InstanceType<S2['Point']>;
export type S2Polygon = InstanceType<S2['Polygon']>;
export type S2Polyline = InstanceType<S2['Polyline']>;
export type S2Loop = InstanceType<S2['Loop']>;

export const EARTH_RADIUS_M = 6371010;
export const DEG = 180 / Math.PI;

// Loaded on first use: most queries never touch geometry.
let lib: S2js | undefined;
export function s2js(): S2js {
  if (lib === undefined) lib = createRequire(import.meta.url)('s2js') as S2js;
  return lib;
}
export const s2 = (): S2 => s2js().s2;

export const validLngLat = (lng: number, lat: number): boolean =>
  Number.isFinite(lng) && Number.isFinite(lat) && lng >= -180 && lng <= 180 && lat >= -90 && lat <= 90;

export const pointOf = (lng: number, lat: number): S2Point => s2().Point.fromLatLng(s2().LatLng.fromDegrees(lat, lng));
const pos = (p: Position): S2Point => pointOf(p[0], p[1]);

/** [longitude, latitude] in degrees of an S2 point (which need not be unit length). */
export function lngLatOf(p: S2Point): [number, number] {
  const ll = s2().LatLng.fromPoint(p);
  return [ll.lng * DEG, ll.lat * DEG];
}

export const geoJsonPoint = (p: S2Point): string => JSON.stringify({ type: 'Point', coordinates: lngLatOf(p) });

/** Unit vectors as plain triples, for the little vector algebra the library doesn't export. */
export type Vec = readonly [number, number, number];
export const vec = (p: S2Point): Vec => [p.x, p.y, p.z];
export const dot = (a: Vec, b: Vec): number => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
export const cross = (a: Vec, b: Vec): Vec => [
  a[1] * b[2] - a[2] * b[1],
  a[2] * b[0] - a[0] * b[2],
  a[0] * b[1] - a[1] * b[0],
];
export const norm = (a: Vec): number => Math.hypot(a[0], a[1], a[2]);

/** The docs' rule "edge length must be less than 180 degrees": antipodal neighbours are invalid. */
function edgesValid(ps: readonly S2Point[], closed: boolean): boolean {
  const n = ps.length;
  for (let i = 0; i < (closed ? n : n - 1); i++) {
    const a = ps[i] as S2Point;
    const b = ps[(i + 1) % n] as S2Point;
    if (a.x === -b.x && a.y === -b.y && a.z === -b.z) return false;
  }
  return true;
}

export function polygonOf(rings: Rings): S2Polygon | null {
  const lib2 = s2();
  const loops: S2Loop[] = [];
  for (const r of rings) {
    const ps = r.map(pos);
    if (!edgesValid(ps, true)) return null;
    const loop = new lib2.Loop(ps);
    // Kusto takes the smaller of the two regions a ring divides the sphere into.
    loop.normalize();
    loops.push(loop);
  }
  const poly = new lib2.Polygon(loops);
  return poly.validate() === null ? poly : null;
}

// A query usually passes the same shape on every row (a literal, or one per joined row):
// parsing and indexing it once per distinct text, not once per row, is what keeps a
// point-in-polygon filter fast. The shapes are only read after construction.
const CACHE_LIMIT = 64;
function cached<T>(cache: Map<string, T>, key: string, make: () => T): T {
  const hit = cache.get(key);
  if (hit !== undefined || cache.has(key)) return hit as T;
  if (cache.size >= CACHE_LIMIT) cache.clear();
  const v = make();
  cache.set(key, v);
  return v;
}
const polygonCache = new Map<string, S2Polygon[] | null>();
const lineCache = new Map<string, S2Polyline[] | null>();

/** A Polygon or MultiPolygon as S2 polygons; null when invalid. */
export function readS2Polygons(text: string): S2Polygon[] | null {
  return cached(polygonCache, text, () => buildPolygons(text));
}

/** A LineString or MultiLineString as S2 polylines; null when invalid. */
export function readS2Lines(text: string): S2Polyline[] | null {
  return cached(lineCache, text, () => buildLines(text));
}

function buildPolygons(text: string): S2Polygon[] | null {
  const polys = readPolygons(text);
  if (polys === null) return null;
  const out: S2Polygon[] = [];
  for (const rings of polys) {
    const p = polygonOf(rings);
    if (p === null) return null;
    out.push(p);
  }
  return out;
}

function buildLines(text: string): S2Polyline[] | null {
  const lines = readLines(text);
  if (lines === null) return null;
  const out: S2Polyline[] = [];
  for (const l of lines) {
    const ps = l.map(pos);
    if (!edgesValid(ps, false)) return null;
    out.push(new (s2().Polyline)(ps));
  }
  return out;
}

/** Whether two polygons of a multipolygon overlap, which makes "the union" differ from the parts. */
export function anyOverlap(polys: readonly S2Polygon[]): boolean {
  for (let i = 0; i < polys.length; i++)
    for (let j = i + 1; j < polys.length; j++)
      if ((polys[i] as S2Polygon).intersects(polys[j] as S2Polygon)) return true;
  return false;
}
