// Grid-cell geo functions against the values printed on the Kusto reference pages
// (geo-point-to-h3cell, geo-h3cell-parent, geo-point-to-s2cell, geo-geohash-to-polygon).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { h3Level, h3Parent, pointToH3 } from '../../src/catalog/udf/geo-cells-h3.js';
import { pointToS2 } from '../../src/catalog/udf/geo-cells-s2.js';
import { geohashPolygon } from '../../src/catalog/udf/geo-cells-geohash.js';

test('geo: H3 cells, parents and levels as documented', () => {
  assert.equal(pointToH3(-74.04450446039874, 40.689250859314974, 6), '862a1072fffffff');
  assert.equal(h3Parent('862a1072fffffff', null), '852a1073fffffff');
  assert.equal(h3Parent('862a1072fffffff', 1), '812a3ffffffffff');
  assert.equal(h3Level('862a1072fffffff'), 6);
  // Invalid input gives an empty string (string results) or null (others), never a throw.
  assert.equal(pointToH3(300, 1, 8), '');
  assert.equal(pointToH3(1, 1, 16), '');
  assert.equal(h3Parent('862a1072fffffff', 7), '');
  assert.equal(h3Level('not a cell'), null);
});

test('geo: S2 cell token as documented', () => {
  assert.equal(pointToS2(-80.195829, 25.802215, 8), '88d9b');
  assert.equal(pointToS2(300, 1, 8), '');
  assert.equal(pointToS2(1, 1, 35), '');
});

test('geo: geohash polygon corners as documented', () => {
  const poly = JSON.parse(geohashPolygon('dr5ru') ?? 'null') as { type: string; coordinates: number[][][] };
  assert.equal(poly.type, 'Polygon');
  assert.deepEqual(poly.coordinates[0], [
    [-74.00390625, 40.7373046875],
    [-73.9599609375, 40.7373046875],
    [-73.9599609375, 40.78125],
    [-74.00390625, 40.78125],
    [-74.00390625, 40.7373046875],
  ]);
  assert.equal(geohashPolygon('a'), null);
});
