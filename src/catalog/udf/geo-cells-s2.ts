// S2 cells through s2js (a TypeScript port of Google's S2 geometry library). Tokens are the
// library's: the cell id in hex without trailing zeros. A polygon's (or line's) covering is
// every cell of the requested level that intersects it, as S2RegionCoverer gives with
// min_level = max_level: the docs' count (286 level-5 cells for their triangle) checks it.
import { createRequire } from 'node:module';
import { readLines, readPolygons, type Position, type Rings } from './geo-cells-geojson.js';
import { EARTH_RADIUS_M } from './geo-geometry-shapes.js';

type S2js = typeof import('s2js');
type S2 = S2js['s2'];
type S2Cell = InstanceType<S2['Cell']>;
type S2Point = InstanceType<S2['Point']>;

// Loaded on first use, like h3-js: most commands never touch S2.
let s2lib: S2 | undefined;
function s2(): S2 {
  if (s2lib === undefined) s2lib = (createRequire(import.meta.url)('s2js') as S2js).s2;
  return s2lib;
}

const MAX_CELLS = 65536;
const DEG = 180 / Math.PI;

const isInt = (v: number, lo: number, hi: number): boolean => Number.isInteger(v) && v >= lo && v <= hi;

/** The cell of a token, or null when the token isn't a valid S2 cell (at most 16 hex digits). */
export function s2FromToken(token: string): bigint | null {
  if (!/^[0-9a-f]{1,16}$/i.test(token)) return null;
  const id = BigInt(`0x${token.padEnd(16, '0')}`);
  return s2().cellid.valid(id) ? id : null;
}

function lngLat(p: InstanceType<S2['Point']>): [number, number] {
  const ll = s2().LatLng.fromPoint(p);
  return [ll.lng * DEG, ll.lat * DEG];
}

/** Empty for invalid coordinates or level. */
export function pointToS2(lng: number, lat: number, level: number): string {
  if (!(lng >= -180 && lng <= 180 && lat >= -90 && lat <= 90) || !isInt(level, 0, 30)) return '';
  const lib = s2();
  const leaf = lib.cellid.fromLatLng(lib.LatLng.fromDegrees(lat, lng));
  return lib.cellid.toToken(lib.cellid.parent(leaf, level));
}

export function s2CentralPoint(token: string): string | null {
  const id = s2FromToken(token);
  if (id === null) return null;
  return JSON.stringify({ type: 'Point', coordinates: lngLat(s2().cellid.point(id)) });
}

/** The cell's four vertices in S2 order (counterclockwise), closed. */
export function s2Polygon(token: string): string | null {
  const id = s2FromToken(token);
  if (id === null) return null;
  const cell = s2().Cell.fromCellID(id);
  const ring = [0, 1, 2, 3, 0].map((k) => lngLat(cell.vertex(k)));
  return JSON.stringify({ type: 'Polygon', coordinates: [ring] });
}

/**
 * The cells sharing an edge or a vertex with the cell. Listed by [di, dj] steps on the cell's
 * face in the order the page's one example shows (89c259: 89c25d, 89c2f9, ...); whether Kusto
 * keeps that order for every cell is not documented (its pairs of swapped cells hint at a
 * hash-set order), the set of cells is exact. Near a cube corner, where stepping across two
 * faces is ambiguous, S2's own AllNeighbors order is used.
 */
const S2_STEPS: readonly (readonly [number, number])[] = [
  [1, 1],
  [-1, -1],
  [1, -1],
  [0, -1],
  [0, 1],
  [1, 0],
  [-1, 0],
  [-1, 1],
];

export function s2Neighbors(token: string): string[] | null {
  const id = s2FromToken(token);
  if (id === null) return null;
  const ids = s2().cellid;
  const level = ids.level(id);
  const all: string[] = [];
  for (const n of ids.allNeighbors(id, level)) {
    const t = ids.toToken(n);
    if (n !== id && !all.includes(t)) all.push(t);
  }
  const { f, i, j } = ids.faceIJOrientation(id);
  const size = ids.sizeIJ(level);
  const i0 = i - (i % size);
  const j0 = j - (j % size);
  const stepped: string[] = [];
  for (const [di, dj] of S2_STEPS) {
    const n = ids.parent(ids.fromFaceIJWrap(f, i0 + di * size, j0 + dj * size), level);
    const t = ids.toToken(n);
    if (n !== id && !stepped.includes(t)) stepped.push(t);
  }
  const same = stepped.length === all.length && stepped.every((t) => all.includes(t));
  return same ? stepped : all;
}

type Intersects = (cell: S2Cell) => boolean;

/** All cells of `level` for which `hits` holds, or null beyond the documented limit. */
function coverAtLevel(hits: Intersects, level: number): bigint[] | null {
  const lib = s2();
  const keep = (ids: readonly bigint[]) => ids.filter((id) => hits(lib.Cell.fromCellID(id)));
  let cells = keep([0, 1, 2, 3, 4, 5].map((f) => lib.cellid.fromFace(f)));
  // A cell that intersects has at least one child that does, so no level holds more cells
  // than the last one: stopping early at the limit is safe.
  for (let l = 0; l < level; l++) {
    cells = keep(cells.flatMap((id) => lib.cellid.children(id)));
    if (cells.length > MAX_CELLS) return null;
  }
  return cells;
}

const point = (p: Position) => s2().Point.fromLatLng(s2().LatLng.fromDegrees(p[1], p[0]));

function polygonOf(rings: Rings): InstanceType<S2['Polygon']> | null {
  const lib = s2();
  const loops = rings.map((r) => {
    const loop = new lib.Loop(r.map(point));
    // Kusto takes the smaller of the two regions a ring divides the sphere into.
    loop.normalize();
    return loop;
  });
  const poly = new lib.Polygon(loops);
  return poly.validate() === null ? poly : null;
}

function tokens(ids: Iterable<bigint>): string {
  const sorted = [...new Set(ids)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify(sorted.map((id) => s2().cellid.toToken(id)));
}

/**
 * A cell is within `radius` metres of a shape when the shape intersects it or one of the
 * shape's edges comes that close: S2's exact cell-to-edge distance on the sphere whose radius
 * the other geo functions use. Null for an invalid (negative, non-finite) radius.
 */
function buffered(
  radius: number,
  intersects: (c: S2Cell) => boolean,
  edges: readonly (readonly [S2Point, S2Point])[],
): Intersects | null {
  if (!Number.isFinite(radius) || radius < 0) return null;
  if (radius === 0) return intersects;
  const angle = radius / EARTH_RADIUS_M;
  // Squared chord length, S2's ChordAngle; beyond half the sphere every cell qualifies.
  const limit = angle >= Math.PI ? 4 : (2 * Math.sin(angle / 2)) ** 2;
  return (c) => intersects(c) || edges.some(([a, b]) => c.distanceToEdge(a, b) <= limit);
}

function edgesOf(chains: readonly (readonly Position[])[], closed: boolean): [S2Point, S2Point][] {
  const out: [S2Point, S2Point][] = [];
  for (const ch of chains) {
    const pts = ch.map(point);
    for (let i = 0; i + 1 < pts.length; i++) out.push([pts[i]!, pts[i + 1]!]);
    if (closed && pts.length > 1) out.push([pts[pts.length - 1]!, pts[0]!]);
  }
  return out;
}

/** Level-`level` cells covering a Polygon or MultiPolygon (and all points within `radius` m), ascending by cell id. */
export function polygonToS2(polygon: string, level: number, radius = 0): string | null {
  const polys = readPolygons(polygon);
  if (polys === null || !isInt(level, 0, 30)) return null;
  const shapes = polys.map(polygonOf);
  if (shapes.some((s) => s === null)) return null;
  const hits = buffered(
    radius,
    (c) => shapes.some((s) => s?.intersectsCell(c) ?? false),
    edgesOf(
      polys.flatMap((rings) => rings),
      true,
    ),
  );
  if (hits === null) return null;
  const cells = coverAtLevel(hits, level);
  return cells === null ? null : tokens(cells);
}

/** Level-`level` cells covering a LineString or MultiLineString (and all points within `radius` m), ascending by cell id. */
export function lineToS2(line: string, level: number, radius = 0): string | null {
  const lines = readLines(line);
  if (lines === null || !isInt(level, 0, 30)) return null;
  const lib = s2();
  const shapes = lines.map((l) => new lib.Polyline(l.map(point)));
  if (shapes.some((s) => s.validate() !== null)) return null;
  const hits = buffered(radius, (c) => shapes.some((s) => s.intersectsCell(c)), edgesOf(lines, false));
  if (hits === null) return null;
  const cells = coverAtLevel(hits, level);
  return cells === null ? null : tokens(cells);
}
