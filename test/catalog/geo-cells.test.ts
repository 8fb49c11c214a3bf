// Grid-cell geo functions against the values printed on the Kusto reference pages
// (geo-point-to-h3cell, geo-h3cell-parent, geo-point-to-s2cell, geo-geohash-to-polygon,
// geo-geohash-neighbors, geo-s2cell-neighbors).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { h3Level, h3Parent, pointToH3 } from '../../src/catalog/udf/geo-cells-h3.js';
import { lineToS2, pointToS2, s2Neighbors } from '../../src/catalog/udf/geo-cells-s2.js';
import { geohashNeighbors, geohashPolygon } from '../../src/catalog/udf/geo-cells-geohash.js';
import { unorderedSetOrder } from '../../src/catalog/udf/geo-cells-order.js';
import { UdfError } from '../../src/catalog/udf/types.js';

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

test('geo: an S2 line covering with a radius holds every cell within it and none beyond', () => {
  // A 1.1 km segment on the equator; at level 14 cells are about 0.5 km across.
  const line = JSON.stringify({
    type: 'LineString',
    coordinates: [
      [0, 0],
      [0.01, 0],
    ],
  });
  const cells = (r: number): string[] => JSON.parse(lineToS2(line, 14, r) ?? 'null') as string[];
  // 0.015° of latitude is 1,668 m on the 6,371,010 m sphere: inside a 2 km buffer, outside the bare line.
  const near = pointToS2(0.005, 0.015, 14);
  // 0.03° is 3,336 m: even the nearest corner of its cell is more than 2 km away.
  const far = pointToS2(0.005, 0.03, 14);
  assert.ok(cells(2000).includes(near));
  assert.ok(!cells(0).includes(near));
  assert.ok(!cells(2000).includes(far));
  // The bare covering is part of the buffered one; a negative radius is invalid.
  assert.ok(cells(0).every((c) => cells(2000).includes(c)));
  assert.equal(lineToS2(line, 14, -1), null);
});

test('geo: neighbour order is an MSVC unordered_set<string> read back (both documented examples)', () => {
  // Inserted row by row from the north-west: bucket collisions (sunnt/sunpj, sunnx/sunpn,
  // sunnv/sunpp) put the later cell in front of the earlier one.
  assert.deepEqual(geohashNeighbors('sunny'), ['sunnt', 'sunpj', 'sunnx', 'sunpn', 'sunnv', 'sunpp', 'sunnz', 'sunnw']);
  // S2's AllNeighbors order is f9 51 57 5f f7 5b f5 5d; 5b and 5d collide with f7 and f9.
  assert.deepEqual(s2Neighbors('89c259'), [
    '89c25d',
    '89c2f9',
    '89c251',
    '89c257',
    '89c25f',
    '89c25b',
    '89c2f7',
    '89c2f5',
  ]);
  assert.deepEqual(unorderedSetOrder(['89c2f7', '89c25b', '89c2f7']), ['89c25b', '89c2f7']);
  assert.throws(() => unorderedSetOrder(['1', '2', '3', '4', '5', '6', '7', '8', '9']), UdfError);
  assert.equal(geohashNeighbors('a'), null);
  assert.equal(s2Neighbors('zz'), null);
});
