// geo_union_lines_array and geo_union_polygons_array. Kusto unions with S2's boolean
// operation, whose output vertex order and start point the pages pin down only in simple
// cases, so only those are computed:
// - lines: the distinct directed edges of all the lines form one simple path (the page's
//   example: overlapping lines sharing whole edges merge into one LineString, walked from
//   its start); vertices come back through S2 points (the page's last digits show that).
//   Branches, cycles, several paths, reversed or crossing edges raise an error.
// - polygons: an invalid polygon in the array gives null (the page's third example); every
//   actual union raises an error (its ring start and intersection vertices aren't
//   reproducible from the pages).
// A null array, or one that isn't an array, is invalid input: null.
import { crosses } from './geo-geometry-crossing.js';
import {
  cross,
  dot,
  lngLatOf,
  norm,
  readS2Lines,
  readS2Polygons,
  s2,
  vec,
  type S2Point,
  type Vec,
} from './geo-geometry-shapes.js';
import { UdfError } from './types.js';

function elements(text: string): string[] | null {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return null;
  }
  if (!Array.isArray(v)) return null;
  const items: readonly unknown[] = v;
  return items.map((x) => JSON.stringify(x));
}

const keyOf = (p: Vec): string => `${p[0]},${p[1]},${p[2]}`;
const same = (a: Vec, b: Vec): boolean => a[0] === b[0] && a[1] === b[1] && a[2] === b[2];

// Below this, a triple product can't tell "on the great circle" from "beside it".
const DEGENERATE = 1e-15;
function onCircle(a: Vec, b: Vec, c: Vec): boolean {
  const n = cross(a, b);
  return Math.abs(dot(n, c)) / (norm(n) || 1) < DEGENERATE;
}

/** Two edges that share exactly one vertex must leave it in different directions. */
function overlapAtSharedVertex(e: readonly [Vec, Vec], f: readonly [Vec, Vec]): boolean {
  const [a, b] = e;
  const [c, d] = f;
  const shared = same(a, c) || same(a, d) ? a : b;
  const other1 = same(shared, a) ? b : a;
  const other2 = same(shared, c) ? d : c;
  const towards = (q: Vec): Vec => cross(cross(shared, q), shared);
  return onCircle(shared, other1, other2) && dot(towards(other1), towards(other2)) > 0;
}

function checkEdgesMeetOnlyAtVertices(edges: readonly (readonly [Vec, Vec])[]): void {
  const fail = (): never => {
    throw new UdfError('geo_union_lines_array: lines crossing or overlapping along part of an edge are not supported');
  };
  for (let i = 0; i < edges.length; i++)
    for (let j = i + 1; j < edges.length; j++) {
      const e = edges[i] as readonly [Vec, Vec];
      const f = edges[j] as readonly [Vec, Vec];
      const sharedCount = e.filter((p) => f.some((q) => same(p, q))).length;
      if (sharedCount === 0) {
        if (crosses(e[0], e[1], f[0], f[1])) fail();
      } else if (sharedCount === 1 && overlapAtSharedVertex(e, f)) fail();
    }
}

export function unionLinesArray(text: string): string | null {
  const items = elements(text);
  if (items === null) return null;
  if (items.length === 0) throw new UdfError('geo_union_lines_array of an empty array is not supported');
  const edges: [Vec, Vec][] = [];
  const seen = new Set<string>();
  for (const item of items) {
    const lines = readS2Lines(item);
    if (lines === null) return null;
    for (const line of lines)
      for (let i = 1; i < line.points.length; i++) {
        const a = vec(line.points[i - 1] as S2Point);
        const b = vec(line.points[i] as S2Point);
        if (same(a, b)) throw new UdfError('geo_union_lines_array: repeated vertices are not supported');
        const k = `${keyOf(a)}|${keyOf(b)}`;
        if (seen.has(`${keyOf(b)}|${keyOf(a)}`))
          throw new UdfError('geo_union_lines_array: lines running in opposite directions are not supported');
        if (seen.has(k)) continue;
        seen.add(k);
        edges.push([a, b]);
      }
  }
  checkEdgesMeetOnlyAtVertices(edges);
  const next = new Map<string, [Vec, Vec]>();
  const incoming = new Set<string>();
  for (const e of edges) {
    const from = keyOf(e[0]);
    const to = keyOf(e[1]);
    if (next.has(from) || incoming.has(to))
      throw new UdfError('geo_union_lines_array: lines that branch are not supported');
    next.set(from, e);
    incoming.add(to);
  }
  const starts = edges.filter((e) => !incoming.has(keyOf(e[0])));
  const start = starts[0];
  if (starts.length !== 1 || start === undefined)
    throw new UdfError('geo_union_lines_array: lines that form a ring or several lines are not supported');
  const path: Vec[] = [start[0]];
  for (let e = next.get(keyOf(start[0])); e !== undefined; e = next.get(keyOf(e[1]))) path.push(e[1]);
  if (path.length !== edges.length + 1)
    throw new UdfError('geo_union_lines_array: lines that form several parts are not supported');
  const Point = s2().Point;
  return JSON.stringify({ type: 'LineString', coordinates: path.map((p) => lngLatOf(new Point(p[0], p[1], p[2]))) });
}

export function unionPolygonsArray(text: string): string | null {
  const items = elements(text);
  if (items === null) return null;
  if (items.some((item) => readS2Polygons(item) === null)) return null;
  throw new UdfError('geo_union_polygons_array: polygon unions are not supported (only invalid input, giving null)');
}
