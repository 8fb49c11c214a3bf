// Edge crossing primitives shared by the intersection functions. The crossing point is
// S2's: the cross product of the two edges' normals, each normal taken as (b + a) x (b - a),
// which is more accurate than a x b for short edges; it reproduces the
// geo-intersection-2lines page's point to the last digit.
import { cross, dot, norm, type Vec } from './geo-geometry-shapes.js';
import { UdfError } from './types.js';

export const add = (a: Vec, b: Vec): Vec => [a[0] + b[0], a[1] + b[1], a[2] + b[2]];
const sub = (a: Vec, b: Vec): Vec => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
const normal = (a: Vec, b: Vec): Vec => cross(add(b, a), sub(b, a));

// Orientation of three unit vectors; a triple product this small could be either sign (or
// zero: a vertex on the other line), which is a case we don't claim to reproduce.
const DEGENERATE = 1e-15;
function sign(a: Vec, b: Vec, c: Vec): number {
  const n = normal(a, b);
  const d = dot(n, c) / (norm(n) || 1);
  if (Math.abs(d) < DEGENERATE)
    throw new UdfError(
      'geo intersection: shapes touching at a vertex or running along one great circle are not supported',
    );
  return d > 0 ? 1 : -1;
}

export const angleOf = (a: Vec, b: Vec): number => Math.atan2(norm(cross(a, b)), dot(a, b));

/** Arcs whose bounding caps (centred on the chord midpoints) are apart can't meet. */
function apart(a: Vec, b: Vec, c: Vec, d: Vec): boolean {
  const m1 = add(a, b);
  const m2 = add(c, d);
  const r1 = Math.max(angleOf(m1, a), angleOf(m1, b));
  const r2 = Math.max(angleOf(m2, c), angleOf(m2, d));
  return angleOf(m1, m2) > (r1 + r2) * (1 + 1e-9) + 1e-12;
}

/** S2's crossing rule for edges shorter than 180 degrees: all four orientations agree. */
export function crosses(a: Vec, b: Vec, c: Vec, d: Vec): boolean {
  if (apart(a, b, c, d)) return false;
  const acb = -sign(a, b, c);
  return sign(a, b, d) === acb && -sign(c, d, b) === acb && sign(c, d, a) === acb;
}

export function crossingPoint(a: Vec, b: Vec, c: Vec, d: Vec): Vec {
  const x = cross(normal(a, b), normal(c, d));
  // The two great circles meet twice; the crossing is the one near the edges.
  return dot(x, add(add(a, b), add(c, d))) < 0 ? [-x[0], -x[1], -x[2]] : x;
}
