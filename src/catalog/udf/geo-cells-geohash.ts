// Geohash cells (the public-domain bisection scheme): a geohash of n characters holds 5n
// bits alternating longitude (first) and latitude. Cell bounds are dyadic fractions of
// 360/180 degrees, so they are exact in doubles.
import { unorderedSetOrder } from './geo-cells-order.js';
import { UdfError } from './types.js';

const BASE32 = '0123456789bcdefghjkmnpqrstuvwxyz';
const VALID = /^[0-9b-hjkmnp-z]{1,18}$/;
const ODD = /^[0-9b-hjkmnp-z]+$/;

/** Cell indexes along each axis and the bit counts: x over longitude, y over latitude. */
export interface GeohashCell {
  readonly x: number;
  readonly y: number;
  readonly lonBits: number;
  readonly latBits: number;
}

export interface Bounds {
  readonly west: number;
  readonly south: number;
  readonly east: number;
  readonly north: number;
}

/**
 * Null for text that isn't a geohash. Upper case and lengths over 18 raise a query error, as
 * geo_geohash_to_central_point's template does (Kusto's handling is undocumented).
 */
export function parseGeohash(h: string): GeohashCell | null {
  if (!VALID.test(h)) {
    if (ODD.test(h.toLowerCase())) throw new UdfError('geohash: upper-case or over-long geohash');
    return null;
  }
  let x = 0;
  let y = 0;
  let bit = 0;
  for (const ch of h) {
    const d = BASE32.indexOf(ch);
    for (let k = 4; k >= 0; k--, bit++) {
      const b = (d >> k) & 1;
      // Up to 45 bits per axis: multiplication keeps them exact where `<<` would wrap at 32.
      if (bit % 2 === 0) x = x * 2 + b;
      else y = y * 2 + b;
    }
  }
  const total = 5 * h.length;
  return { x, y, lonBits: Math.ceil(total / 2), latBits: Math.floor(total / 2) };
}

export function geohashBounds(c: GeohashCell): Bounds {
  const w = 360 / 2 ** c.lonBits;
  const hgt = 180 / 2 ** c.latBits;
  return { west: -180 + c.x * w, east: -180 + (c.x + 1) * w, south: -90 + c.y * hgt, north: -90 + (c.y + 1) * hgt };
}

/** The cell's rectangle as a closed GeoJSON ring, counterclockwise from the south-west corner. */
export function geohashPolygon(h: string): string | null {
  const c = parseGeohash(h);
  if (c === null) return null;
  const b = geohashBounds(c);
  const ring = [
    [b.west, b.south],
    [b.east, b.south],
    [b.east, b.north],
    [b.west, b.north],
    [b.west, b.south],
  ];
  return JSON.stringify({ type: 'Polygon', coordinates: [ring] });
}

export function encodeGeohash(c: GeohashCell, length: number): string {
  let out = '';
  let bit = 0;
  for (let i = 0; i < length; i++) {
    let d = 0;
    for (let k = 0; k < 5; k++, bit++) {
      const src =
        bit % 2 === 0
          ? Math.floor(c.x / 2 ** (c.lonBits - 1 - bit / 2))
          : Math.floor(c.y / 2 ** (c.latBits - 1 - (bit - 1) / 2));
      d = d * 2 + (src % 2);
    }
    out += BASE32[d] ?? '';
  }
  return out;
}

/**
 * The (up to 8) cells around a geohash: longitude wraps around the antimeridian, cells past a
 * pole don't exist. They are generated row by row from the north-west ([dlat, dlon], north row
 * first, west to east) and listed in hash-set order (geo-cells-order.ts); that reproduces the
 * page's example, as does a clockwise walk from the north-west: which of the two Kusto uses
 * is not documented (docs/known-differences/engine.md).
 */
const GEOHASH_STEPS: readonly (readonly [number, number])[] = [
  [1, -1],
  [1, 0],
  [1, 1],
  [0, -1],
  [0, 1],
  [-1, -1],
  [-1, 0],
  [-1, 1],
];

export function geohashNeighbors(h: string): string[] | null {
  const c = parseGeohash(h);
  if (c === null) return null;
  const nx = 2 ** c.lonBits;
  const ny = 2 ** c.latBits;
  const cells: string[] = [];
  for (const [dy, dx] of GEOHASH_STEPS) {
    const y = c.y + dy;
    if (y < 0 || y >= ny) continue;
    const x = (c.x + dx + nx) % nx;
    const s = encodeGeohash({ ...c, x, y }, h.length);
    if (s !== h) cells.push(s);
  }
  return unorderedSetOrder(cells);
}
