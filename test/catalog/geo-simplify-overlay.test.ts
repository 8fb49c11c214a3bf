// Simplification, buffers and polygon intersection: the results the reference pages pin
// down (../shared/reference/kql/geo-line-simplify-function.md, geo-polygon-simplify-,
// geo-simplify-polygons-array-, geo-point-buffer-, geo-line-buffer-, geo-polygon-buffer-,
// geo-intersection-2polygons-function.md) and the cases that must raise an error instead of
// an approximate shape.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lineSimplify, polygonSimplify, simplifyPolygonsArray } from '../../src/catalog/udf/geo-geometry-simplify.js';
import {
  intersection2Polygons,
  lineBuffer,
  pointBuffer,
  polygonBuffer,
} from '../../src/catalog/udf/geo-geometry-overlay.js';
import { UdfError } from '../../src/catalog/udf/types.js';

type Coords = readonly (readonly [number, number])[];
const line = (coordinates: Coords): string => JSON.stringify({ type: 'LineString', coordinates });
const polygon = (ring: Coords): string => JSON.stringify({ type: 'Polygon', coordinates: [ring] });

const SMALL_LINE = line([
  [1.1, 1.1],
  [1.2, 1.2],
]);
const FRANCE_WEST = polygon([
  [5, 48],
  [0, 50],
  [0, 47],
  [4, 47],
  [5, 48],
]);
const PARK = [
  [
    [-73.9495, 40.7969],
    [-73.95807, 40.80068],
    [-73.98201, 40.76825],
    [-73.97317, 40.76455],
    [-73.9495, 40.7969],
  ],
  [
    [-73.94622, 40.79249],
    [-73.96888, 40.79282],
    [-73.9577, 40.7789],
    [-73.94622, 40.79249],
  ],
  [
    [-73.97335, 40.77274],
    [-73.9936, 40.7663],
    [-73.97171, 40.75655],
    [-73.97335, 40.77274],
  ],
].map((ring) => ({ type: 'Polygon', coordinates: [ring] }));

test('geo_line_simplify: invalid line, invalid tolerance, and a line that disappears give null', () => {
  assert.equal(lineSimplify(line([[1, 1]]), 10), null);
  assert.equal(
    lineSimplify(
      line([
        [1, 1],
        [2, 2],
      ]),
      -1,
    ),
    null,
  );
  assert.equal(lineSimplify(SMALL_LINE, 100000), null);
});

test('geo_polygon_simplify: invalid polygon, invalid tolerance, and a polygon that disappears give null', () => {
  assert.equal(
    polygonSimplify(
      polygon([
        [5, 48],
        [5, 48],
      ]),
      10,
    ),
    null,
  );
  assert.equal(polygonSimplify(FRANCE_WEST, -0.1), null);
  assert.equal(polygonSimplify(FRANCE_WEST, 1000000), null);
});

test('geo_simplify_polygons_array: invalid polygon, invalid tolerance, all polygons disappearing give null', () => {
  const withInvalid = [PARK[0], { type: 'Polygon', coordinates: [[[-73.94622, 40.79249]]] }, PARK[2]];
  assert.equal(simplifyPolygonsArray(JSON.stringify(withInvalid), 10), null);
  assert.equal(simplifyPolygonsArray(JSON.stringify(PARK), -1), null);
  assert.equal(simplifyPolygonsArray(JSON.stringify(PARK), 10000), null);
});

test('simplification that keeps a shape raises an error', () => {
  assert.throws(() => lineSimplify(SMALL_LINE, 10), UdfError);
  // The park polygons span about 5 km, so a 1 km tolerance keeps some vertices.
  assert.throws(() => simplifyPolygonsArray(JSON.stringify(PARK), 1000), UdfError);
  assert.throws(() => polygonSimplify(FRANCE_WEST, 100000), UdfError);
});

test('buffers: invalid points, shapes and radii give null; actual buffers raise an error', () => {
  assert.equal(pointBuffer(200, 1, 0.1), null);
  assert.equal(pointBuffer(10, 10, -1), null);
  assert.equal(lineBuffer('{"type":"LineString"}', 5), null);
  assert.equal(
    lineBuffer(
      line([
        [0, 0],
        [1, 1],
      ]),
      0,
    ),
    null,
  );
  assert.equal(polygonBuffer('{"type":"p"}', 1), null);
  assert.equal(
    polygonBuffer(
      polygon([
        [10, 10],
        [0, 10],
        [0, 0],
        [10, 10],
      ]),
      0,
    ),
    null,
  );
  assert.throws(() => pointBuffer(-115.1745008278, 36.1497251277, 20000), UdfError);
  assert.throws(() => polygonBuffer(FRANCE_WEST, 10), UdfError);
});

test('geo_intersection_2polygons: polygons apart give an empty collection, invalid ones null', () => {
  const p1 = polygon([
    [2, 45],
    [0, 45],
    [1, 44],
    [2, 45],
  ]);
  const apart = polygon([
    [3, 44],
    [3, 45],
    [2, 43],
    [3, 44],
  ]);
  assert.deepEqual(JSON.parse(intersection2Polygons(p1, apart) ?? 'null'), {
    type: 'GeometryCollection',
    geometries: [],
  });
  assert.equal(intersection2Polygons('{"type":"Polygon"}', JSON.stringify(PARK[0])), null);
  // Touching at a vertex, overlapping, or one inside the other: refused.
  const touching = polygon([
    [3, 44],
    [2, 45],
    [2, 43],
    [3, 44],
  ]);
  assert.throws(() => intersection2Polygons(p1, touching), UdfError);
  assert.throws(() => intersection2Polygons(JSON.stringify(PARK[0]), JSON.stringify(PARK[1])), UdfError);
  const inner = polygon([
    [0.9, 44.6],
    [1.1, 44.6],
    [1, 44.9],
    [0.9, 44.6],
  ]);
  assert.throws(() => intersection2Polygons(p1, inner), UdfError);
});
