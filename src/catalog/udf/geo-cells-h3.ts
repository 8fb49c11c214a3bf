// H3 cells through Uber's h3-js (the reference C library compiled to JavaScript). Kusto's
// outputs in its docs are the library's own: neighbors are gridDisk(cell, 1) without the cell,
// rings are gridDiskDistances, polygons are cellToBoundary as GeoJSON, polygon covers are
// polygonToCells (cells whose centres are inside, straight edges).
import { createRequire } from 'node:module';
import { readPolygons } from './geo-cells-geojson.js';

type H3 = typeof import('h3-js');

// Loaded on first use: the compiled library takes ~50 ms to start, which every CLI command
// would pay otherwise.
let h3lib: H3 | undefined;
function h3(): H3 {
  if (h3lib === undefined) h3lib = createRequire(import.meta.url)('h3-js') as H3;
  return h3lib;
}

const MAX_POLYGON_CELLS = 61680;

const isInt = (v: number, lo: number, hi: number): boolean => Number.isInteger(v) && v >= lo && v <= hi;

function validCell(cell: string): boolean {
  try {
    return /^[0-9a-f]{1,16}$/i.test(cell) && h3().isValidCell(cell);
  } catch {
    return false;
  }
}

/** Empty for invalid coordinates or resolution. */
export function pointToH3(lng: number, lat: number, res: number): string {
  if (!(lng >= -180 && lng <= 180 && lat >= -90 && lat <= 90) || !isInt(res, 0, 15)) return '';
  return h3().latLngToCell(lat, lng, res);
}

export function h3Level(cell: string): number | null {
  return validCell(cell) ? h3().getResolution(cell) : null;
}

export function h3CentralPoint(cell: string): string | null {
  if (!validCell(cell)) return null;
  const [lat, lng] = h3().cellToLatLng(cell);
  return JSON.stringify({ type: 'Point', coordinates: [lng, lat] });
}

export function h3Polygon(cell: string): string | null {
  if (!validCell(cell)) return null;
  return JSON.stringify({ type: 'Polygon', coordinates: [h3().cellToBoundary(cell, true)] });
}

/** Children at `res` (default: the next resolution); null when coarser or more than 5 levels below. */
export function h3Children(cell: string, res: number | null): string | null {
  if (!validCell(cell)) return null;
  const own = h3().getResolution(cell);
  const r = res ?? own + 1;
  if (!isInt(r, 1, 15) || r < own || r - own > 5) return null;
  return JSON.stringify(h3().cellToChildren(cell, r));
}

/** Parent at `res` (default: the previous resolution); empty when finer than the cell. */
export function h3Parent(cell: string, res: number | null): string {
  if (!validCell(cell)) return '';
  const own = h3().getResolution(cell);
  const r = res ?? own - 1;
  if (!isInt(r, 0, 14) || r > own) return '';
  return h3().cellToParent(cell, r);
}

export function h3Neighbors(cell: string): string | null {
  if (!validCell(cell)) return null;
  return JSON.stringify(
    h3()
      .gridDisk(cell, 1)
      .filter((c) => c !== cell),
  );
}

export function h3Rings(cell: string, distance: number): string | null {
  if (!validCell(cell) || !isInt(distance, 0, 142)) return null;
  return JSON.stringify(h3().gridDiskDistances(cell, distance));
}

/** Null for an invalid polygon or resolution, or when more than 61680 cells would be needed. */
export function polygonToH3(polygon: string, res: number): string | null {
  const polys = readPolygons(polygon);
  if (polys === null || !isInt(res, 0, 15)) return null;
  const lib = h3();
  // The area bound keeps a huge cover from being computed only to be dropped.
  const avgArea = lib.getHexagonAreaAvg(res, lib.UNITS.km2);
  const out = new Set<string>();
  for (const rings of polys) {
    const coords = rings.map((r) => [...r.map((p) => [p[0], p[1]]), [r[0]?.[0] ?? 0, r[0]?.[1] ?? 0]]);
    if (shellAreaKm2(coords[0] ?? []) / avgArea > 4 * MAX_POLYGON_CELLS) return null;
    let cells: string[];
    try {
      cells = lib.polygonToCells(coords, res, true);
    } catch {
      return null;
    }
    for (const c of cells) out.add(c);
    if (out.size > MAX_POLYGON_CELLS) return null;
  }
  return JSON.stringify([...out]);
}

/** Rough spherical area of a closed [lng, lat] ring (an overestimate is harmless: it only gates work). */
function shellAreaKm2(ring: readonly number[][]): number {
  const R = 6371.0088;
  const rad = Math.PI / 180;
  let sum = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const [x1 = 0, y1 = 0] = ring[i] ?? [];
    const [x2 = 0, y2 = 0] = ring[i + 1] ?? [];
    sum += (x2 - x1) * rad * (2 + Math.sin(y1 * rad) + Math.sin(y2 * rad));
  }
  return Math.abs((sum * R * R) / 2);
}
