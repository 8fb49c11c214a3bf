// geo_from_wkt: Well-known text (2D) to GeoJSON, the shapes on the geo-from-wkt page: POINT,
// LINESTRING, POLYGON, their MULTI forms and GEOMETRYCOLLECTION. Text that isn't WKT gives
// null, as the page says. Forms whose Kusto result the page doesn't show (Z/M coordinates,
// EMPTY, coordinates outside [-180, 180] x [-90, 90], open rings) raise an error rather than
// guess.
import { UdfError } from './types.js';

type Coord = [number, number];
type Geometry =
  | { type: 'Point'; coordinates: Coord }
  | { type: 'LineString' | 'MultiPoint'; coordinates: Coord[] }
  | { type: 'Polygon' | 'MultiLineString'; coordinates: Coord[][] }
  | { type: 'MultiPolygon'; coordinates: Coord[][][] }
  | { type: 'GeometryCollection'; geometries: Geometry[] };

class Syntax extends Error {}

class Reader {
  private i = 0;
  constructor(private readonly s: string) {}

  private skip(): void {
    while (this.i < this.s.length && /\s/.test(this.s[this.i] ?? '')) this.i++;
  }
  peek(): string {
    this.skip();
    return this.s[this.i] ?? '';
  }
  expect(ch: string): void {
    if (this.peek() !== ch) throw new Syntax();
    this.i++;
  }
  eat(ch: string): boolean {
    if (this.peek() !== ch) return false;
    this.i++;
    return true;
  }
  word(): string {
    this.skip();
    const m = /^[A-Za-z]+/.exec(this.s.slice(this.i));
    if (m === null) throw new Syntax();
    this.i += m[0].length;
    return m[0].toUpperCase();
  }
  number(): number {
    this.skip();
    const m = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/.exec(this.s.slice(this.i));
    if (m === null) throw new Syntax();
    this.i += m[0].length;
    return Number(m[0]);
  }
  done(): boolean {
    this.skip();
    return this.i >= this.s.length;
  }
}

function coord(r: Reader): Coord {
  const lng = r.number();
  const lat = r.number();
  if (/[-+.\d]/.test(r.peek())) throw new UdfError('geo_from_wkt: Z and M coordinates are not supported');
  if (!(lng >= -180 && lng <= 180 && lat >= -90 && lat <= 90))
    throw new UdfError('geo_from_wkt: coordinates outside the valid longitude/latitude range are not supported');
  return [lng, lat];
}

/** `( item, item, ... )` */
function list<T>(r: Reader, item: (r: Reader) => T): T[] {
  r.expect('(');
  const out = [item(r)];
  while (r.eat(',')) out.push(item(r));
  r.expect(')');
  return out;
}

const coords = (r: Reader): Coord[] => list(r, coord);

function ring(r: Reader): Coord[] {
  const ps = coords(r);
  const first = ps[0] as Coord;
  const last = ps[ps.length - 1] as Coord;
  if (first[0] !== last[0] || first[1] !== last[1])
    throw new UdfError('geo_from_wkt: open polygon rings are not supported');
  return ps;
}

const rings = (r: Reader): Coord[][] => list(r, ring);
/** MULTIPOINT allows both `(1 2, 3 4)` and `((1 2), (3 4))`. */
function multiPoint(r: Reader): Coord {
  if (!r.eat('(')) return coord(r);
  const c = coord(r);
  r.expect(')');
  return c;
}

function geometry(r: Reader): Geometry {
  const kind = r.word();
  const next = r.peek();
  if (next !== '(') {
    if (/^[A-Za-z]$/.test(next)) {
      const tag = r.word();
      throw new UdfError(`geo_from_wkt: ${kind} ${tag} is not supported`);
    }
    throw new Syntax();
  }
  switch (kind) {
    case 'POINT': {
      const c = list(r, coord);
      if (c.length !== 1) throw new Syntax();
      return { type: 'Point', coordinates: c[0] as Coord };
    }
    case 'LINESTRING':
      return { type: 'LineString', coordinates: coords(r) };
    case 'POLYGON':
      return { type: 'Polygon', coordinates: rings(r) };
    case 'MULTIPOINT':
      return { type: 'MultiPoint', coordinates: list(r, multiPoint) };
    case 'MULTILINESTRING':
      return { type: 'MultiLineString', coordinates: list(r, coords) };
    case 'MULTIPOLYGON':
      return { type: 'MultiPolygon', coordinates: list(r, rings) };
    case 'GEOMETRYCOLLECTION':
      return { type: 'GeometryCollection', geometries: list(r, geometry) };
    default:
      throw new Syntax();
  }
}

/** GeoJSON text of a WKT geometry; null when the text isn't WKT. */
export function fromWkt(text: string): string | null {
  const r = new Reader(text);
  try {
    const g = geometry(r);
    return r.done() ? JSON.stringify(g) : null;
  } catch (err) {
    if (err instanceof Syntax) return null;
    throw err;
  }
}
