// Reading the GeoJSON shapes the cell-covering functions take, with Kusto's documented
// validity rules (geo_point_in_polygon's page): a ring has at least four positions, the first
// equal to the last, at least three distinct vertices; coordinates are [longitude, latitude]
// in range. Anything else is invalid and the function gives null.

/** [longitude, latitude] in degrees. */
export type Position = readonly [number, number];
/** A polygon's rings without their closing position: the shell first, then holes. */
export type Rings = readonly (readonly Position[])[];

function parse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function position(v: unknown): Position | null {
  if (!Array.isArray(v) || v.length !== 2) return null;
  const [lng, lat] = v as unknown[];
  if (typeof lng !== 'number' || typeof lat !== 'number') return null;
  if (!(lng >= -180 && lng <= 180 && lat >= -90 && lat <= 90)) return null;
  return [lng, lat];
}

function positions(v: unknown): Position[] | null {
  if (!Array.isArray(v)) return null;
  const out: Position[] = [];
  for (const x of v) {
    const p = position(x);
    if (p === null) return null;
    out.push(p);
  }
  return out;
}

const same = (a: Position, b: Position): boolean => a[0] === b[0] && a[1] === b[1];

function ring(v: unknown): Position[] | null {
  const ps = positions(v);
  if (ps === null || ps.length < 4) return null;
  const first = ps[0] as Position;
  if (!same(first, ps[ps.length - 1] as Position)) return null;
  const open = ps.slice(0, -1);
  const distinct = new Set(open.map((p) => `${p[0]},${p[1]}`));
  return distinct.size >= 3 ? open : null;
}

function polygonRings(v: unknown): Rings | null {
  if (!Array.isArray(v) || v.length === 0) return null;
  const out: Position[][] = [];
  for (const r of v) {
    const x = ring(r);
    if (x === null) return null;
    out.push(x);
  }
  return out;
}

function shape(text: string): { type: unknown; coordinates: unknown } | null {
  const g = parse(text);
  if (typeof g !== 'object' || g === null || Array.isArray(g)) return null;
  const o = g as Record<string, unknown>;
  return { type: o['type'], coordinates: o['coordinates'] };
}

/** A Polygon or MultiPolygon as a list of polygons; null when invalid. */
export function readPolygons(text: string): Rings[] | null {
  const g = shape(text);
  if (g === null) return null;
  if (g.type === 'Polygon') {
    const p = polygonRings(g.coordinates);
    return p === null ? null : [p];
  }
  if (g.type === 'MultiPolygon' && Array.isArray(g.coordinates) && g.coordinates.length > 0) {
    const out: Rings[] = [];
    for (const c of g.coordinates) {
      const p = polygonRings(c);
      if (p === null) return null;
      out.push(p);
    }
    return out;
  }
  return null;
}

/** A LineString or MultiLineString as a list of lines of at least two positions; null when invalid. */
export function readLines(text: string): Position[][] | null {
  const g = shape(text);
  if (g === null) return null;
  const line = (v: unknown): Position[] | null => {
    const ps = positions(v);
    return ps === null || ps.length < 2 ? null : ps;
  };
  if (g.type === 'LineString') {
    const l = line(g.coordinates);
    return l === null ? null : [l];
  }
  if (g.type === 'MultiLineString' && Array.isArray(g.coordinates) && g.coordinates.length > 0) {
    const out: Position[][] = [];
    for (const c of g.coordinates) {
      const l = line(c);
      if (l === null) return null;
      out.push(l);
    }
    return out;
  }
  return null;
}
