// Grid-cell geo functions (geohash, H3, S2) as JavaScript scalar functions. Dynamic results
// travel as JSON text; the templates in src/catalog/duckdb/geo-cells.ts cast them to JSON.
// Resolutions and levels arrive as DOUBLE so a non-integer is seen (and rejected) as such.
import { geohashNeighbors, geohashPolygon } from './geo-cells-geohash.js';
import {
  h3CentralPoint,
  h3Children,
  h3Level,
  h3Neighbors,
  h3Parent,
  h3Polygon,
  h3Rings,
  pointToH3,
  polygonToH3,
} from './geo-cells-h3.js';
import { lineToS2, pointToS2, polygonToS2, s2CentralPoint, s2Neighbors, s2Polygon } from './geo-cells-s2.js';
import { num, str, type UdfSpec, type UdfValue } from './types.js';

const s = (v: UdfValue | undefined): string => str(v ?? null);
const n = (v: UdfValue | undefined): number => num(v ?? null);

/** One string argument to a (nullable) result. */
const cellFn = (name: string, returns: UdfSpec['returns'], f: (cell: string) => UdfValue): UdfSpec => ({
  name,
  params: ['VARCHAR'],
  returns,
  fn: ([c]) => f(s(c)),
});

export const GEO_CELL_UDFS: readonly UdfSpec[] = [
  cellFn('kql_geohash_to_polygon', 'VARCHAR', geohashPolygon),
  {
    name: 'kql_point_to_h3cell',
    params: ['DOUBLE', 'DOUBLE', 'DOUBLE'],
    returns: 'VARCHAR',
    fn: ([lng, lat, res]) => pointToH3(n(lng), n(lat), n(res)),
  },
  cellFn('kql_h3cell_level', 'INTEGER', h3Level),
  cellFn('kql_h3cell_to_central_point', 'VARCHAR', h3CentralPoint),
  cellFn('kql_h3cell_to_polygon', 'VARCHAR', h3Polygon),
  cellFn('kql_h3cell_neighbors', 'VARCHAR', h3Neighbors),
  cellFn('kql_geohash_neighbors', 'VARCHAR', (c) => {
    const cells = geohashNeighbors(c);
    return cells === null ? null : JSON.stringify(cells);
  }),
  cellFn('kql_s2cell_neighbors', 'VARCHAR', (c) => {
    const cells = s2Neighbors(c);
    return cells === null ? null : JSON.stringify(cells);
  }),
  cellFn('kql_h3cell_children', 'VARCHAR', (c) => h3Children(c, null)),
  {
    name: 'kql_h3cell_children_at',
    params: ['VARCHAR', 'DOUBLE'],
    returns: 'VARCHAR',
    fn: ([c, res]) => h3Children(s(c), n(res)),
  },
  cellFn('kql_h3cell_parent', 'VARCHAR', (c) => h3Parent(c, null)),
  {
    name: 'kql_h3cell_parent_at',
    params: ['VARCHAR', 'DOUBLE'],
    returns: 'VARCHAR',
    fn: ([c, res]) => h3Parent(s(c), n(res)),
  },
  {
    name: 'kql_h3cell_rings',
    params: ['VARCHAR', 'DOUBLE'],
    returns: 'VARCHAR',
    fn: ([c, d]) => h3Rings(s(c), n(d)),
  },
  {
    name: 'kql_polygon_to_h3cells',
    params: ['VARCHAR', 'DOUBLE'],
    returns: 'VARCHAR',
    fn: ([p, res]) => polygonToH3(s(p), n(res)),
  },
  {
    name: 'kql_point_to_s2cell',
    params: ['DOUBLE', 'DOUBLE', 'DOUBLE'],
    returns: 'VARCHAR',
    fn: ([lng, lat, level]) => pointToS2(n(lng), n(lat), n(level)),
  },
  cellFn('kql_s2cell_to_central_point', 'VARCHAR', s2CentralPoint),
  cellFn('kql_s2cell_to_polygon', 'VARCHAR', s2Polygon),
  {
    name: 'kql_polygon_to_s2cells',
    params: ['VARCHAR', 'DOUBLE', 'DOUBLE'],
    returns: 'VARCHAR',
    fn: ([p, level, radius]) => polygonToS2(s(p), n(level), n(radius)),
  },
  {
    name: 'kql_line_to_s2cells',
    params: ['VARCHAR', 'DOUBLE', 'DOUBLE'],
    returns: 'VARCHAR',
    fn: ([l, level, radius]) => lineToS2(s(l), n(level), n(radius)),
  },
];
