// geo_union_lines_array and geo_union_polygons_array against the outputs printed on
// ../shared/reference/kql/geo-union-lines-array-function.md and
// geo-union-polygons-array-function.md, plus the cases that must stay refused (errors,
// never an approximate shape). Coordinates agree to 1e-15 relative (Kusto's printed
// digits differ from ours by at most one unit in the last place).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { unionLinesArray, unionPolygonsArray } from '../../src/catalog/udf/geo-geometry-union.js';
import { UdfError } from '../../src/catalog/udf/types.js';

type Coords = readonly (readonly [number, number])[];
const line = (coordinates: Coords) => ({ type: 'LineString', coordinates });
const polygon = (ring: Coords) => ({ type: 'Polygon', coordinates: [ring] });

const L1 = line([
  [-73.95683884620665, 40.80502891480884],
  [-73.95633727312088, 40.8057171711177],
  [-73.95489156246185, 40.80510200431311],
]);
const L2 = line([
  [-73.95633727312088, 40.8057171711177],
  [-73.95489156246185, 40.80510200431311],
  [-73.95537436008453, 40.804413741624515],
]);
const L3 = line([
  [-73.95633727312088, 40.8057171711177],
  [-73.95489156246185, 40.80510200431311],
]);
// The page's output (both examples).
const UNION: Coords = [
  [-73.956838846206651, 40.805028914808844],
  [-73.95633727312088, 40.8057171711177],
  [-73.954891562461853, 40.80510200431312],
  [-73.955374360084534, 40.804413741624522],
];

function assertLine(text: string | null, expected: Coords): void {
  assert.ok(text !== null, 'null result');
  const g = JSON.parse(text) as { type: string; coordinates: [number, number][] };
  assert.equal(g.type, 'LineString');
  assert.equal(g.coordinates.length, expected.length);
  g.coordinates.forEach((p, i) =>
    p.forEach((v, k) => {
      const want = expected[i]?.[k] ?? NaN;
      assert.ok(Math.abs(v - want) <= Math.abs(want) * 1e-15, `vertex ${i}: ${v} vs documented ${want}`);
    }),
  );
}

test('geo_union_lines_array: overlapping line rows merge into one line (page example 1)', () => {
  assertLine(unionLinesArray(JSON.stringify([L1, L2, L3])), UNION);
});

test('geo_union_lines_array: two line columns (page example 2)', () => {
  assertLine(unionLinesArray(JSON.stringify([L1, L2])), UNION);
});

test('geo_union_lines_array: an invalid line gives null (page example 3)', () => {
  assert.equal(unionLinesArray(JSON.stringify([L1, line([[1, 1]])])), null);
  assert.equal(unionLinesArray('{"type":"LineString"}'), null);
});

test('geo_union_lines_array: cases whose Kusto output is unknown raise an error', () => {
  const refused = [
    [
      line([
        [0, 0],
        [2, 0],
      ]),
      line([
        [1, -1],
        [1, 1],
      ]),
    ], // crossing
    [
      line([
        [0, 0],
        [1, 0],
      ]),
      line([
        [2, 0],
        [3, 0],
      ]),
    ], // two parts
    [
      line([
        [0, 0],
        [2, 0],
      ]),
      line([
        [0, 0],
        [1, 0],
      ]),
    ], // partial overlap
    [
      line([
        [0, 0],
        [1, 0],
      ]),
      line([
        [1, 0],
        [0, 0],
      ]),
    ], // opposite directions
    [
      line([
        [0, 0],
        [1, 0],
      ]),
      line([
        [0, 0],
        [0, 1],
      ]),
    ], // branch
    [],
  ];
  for (const lines of refused) assert.throws(() => unionLinesArray(JSON.stringify(lines)), UdfError);
});

const CENTRAL_PARK = polygon([
  [-73.9495, 40.7969],
  [-73.95807, 40.80068],
  [-73.98201, 40.76825],
  [-73.97317, 40.76455],
  [-73.9495, 40.7969],
]);

test('geo_union_polygons_array: an invalid polygon gives null (page example 3)', () => {
  assert.equal(unionPolygonsArray(JSON.stringify([CENTRAL_PARK, polygon([[-73.94622, 40.79249]])])), null);
});

test('geo_union_polygons_array: actual unions raise an error instead of an approximate shape', () => {
  const other = polygon([
    [-73.94622, 40.79249],
    [-73.96888, 40.79282],
    [-73.9577, 40.7789],
    [-73.94622, 40.79249],
  ]);
  assert.throws(() => unionPolygonsArray(JSON.stringify([CENTRAL_PARK, other])), UdfError);
});
