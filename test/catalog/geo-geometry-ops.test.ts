// Geometry geo_* constructions (intersections, densification) and null handling, against
// the values printed on the Kusto reference pages named in each test
// (../shared/reference/kql/<page>.md). Same 1e-12 relative agreement as geo-geometry.test.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { intersection2Lines, intersectionLineWithPolygon } from '../../src/catalog/udf/geo-geometry-intersection.js';
import { lineDensify, polygonDensify } from '../../src/catalog/udf/geo-geometry-densify.js';
import { DuckDbBackend } from '../../src/engine/duckdb.js';
import { CENTRAL_PARK, close, point } from './geo-shared.js';

test('geo: intersection of two lines (geo-intersection-2lines)', () => {
  const l1 = JSON.stringify({
    type: 'LineString',
    coordinates: [
      [-73.978929, 40.785155],
      [-73.980903, 40.782621],
    ],
  });
  const l2 = JSON.stringify({
    type: 'LineString',
    coordinates: [
      [-73.985195, 40.788275],
      [-73.974552, 40.779761],
    ],
  });
  const [lng, lat] = point(intersection2Lines(l1, l2));
  close(lng, Number('-73.979837116670978'), 'crossing lng'); // the page's 17 digits
  close(lat, 40.783989289772165, 'crossing lat');
  assert.deepEqual(JSON.parse(intersection2Lines(l1, l1) ?? 'null'), JSON.parse(l1));
  const a = JSON.stringify({
    type: 'LineString',
    coordinates: [
      [1, 1],
      [2, 2],
    ],
  });
  const b = JSON.stringify({
    type: 'LineString',
    coordinates: [
      [3, 3],
      [4, 4],
    ],
  });
  assert.deepEqual(JSON.parse(intersection2Lines(a, b) ?? 'null'), { type: 'GeometryCollection', geometries: [] });
  assert.equal(intersection2Lines(a, JSON.stringify({ type: 'LineString', coordinates: [[3, 3]] })), null);
});

test('geo: densify by halving planar edges (geo-line-densify, geo-polygon-densify)', () => {
  const diag = JSON.stringify({
    type: 'LineString',
    coordinates: [
      [50, 50],
      [51, 51],
    ],
  });
  const steps = [0, 0.125, 0.25, 0.375, 0.5, 0.625, 0.75, 0.875, 1].map((t) => [50 + t, 50 + t]);
  assert.deepEqual(JSON.parse(lineDensify(diag, 10) ?? 'null'), { type: 'LineString', coordinates: steps });
  const short = {
    type: 'LineString',
    coordinates: [
      [-73.949247, 40.79686],
      [-73.973017, 40.764323],
    ],
  };
  assert.deepEqual(JSON.parse(lineDensify(JSON.stringify(short), 10) ?? 'null'), short);
  assert.equal(
    lineDensify(
      JSON.stringify({
        type: 'LineString',
        coordinates: [
          [1, 1],
          [2, 2],
        ],
      }),
      0,
    ),
    null,
  );
  const square = JSON.stringify({
    type: 'Polygon',
    coordinates: [
      [
        [10, 10],
        [11, 10],
        [11, 11],
        [10, 11],
        [10, 10],
      ],
    ],
  });
  const ring = [
    [10, 10],
    [10.25, 10],
    [10.5, 10],
    [10.75, 10],
    [11, 10],
    [11, 11],
    [10.75, 11],
    [10.5, 11],
    [10.25, 11],
    [10, 11],
    [10, 10],
  ];
  assert.deepEqual(JSON.parse(polygonDensify(square, 10) ?? 'null'), { type: 'Polygon', coordinates: [ring] });
});

test('geo: a line clipped by a polygon with a hole (geo-intersection-line-with-polygon)', () => {
  const line = JSON.stringify({
    type: 'LineString',
    coordinates: [
      [-110.522, 39.198],
      [-91.428, 40.88],
    ],
  });
  const polygon = JSON.stringify({
    type: 'Polygon',
    coordinates: [
      [
        [-90.263, 36.738],
        [-102.041, 45.274],
        [-109.335, 36.527],
        [-90.263, 36.738],
      ],
      [
        [-100.393, 41.705],
        [-103.139, 38.925],
        [-97.558, 39.113],
        [-100.393, 41.705],
      ],
    ],
  });
  const g = JSON.parse(intersectionLineWithPolygon(line, polygon) ?? 'null') as {
    type: string;
    coordinates: number[][][];
  };
  assert.equal(g.type, 'MultiLineString');
  const documented = [
    [
      [-106.89353655881905, 39.769226209776306],
      [-101.74448553679453, 40.373506008712525],
    ],
    [
      [-99.136499431328858, 40.589336512699994],
      [-95.284527737311791, 40.799060242246348],
    ],
  ];
  documented.forEach((part, i) =>
    part.forEach((p, j) => {
      close(g.coordinates[i]?.[j]?.[0] ?? null, p[0] ?? 0, `part ${i} point ${j} lng`);
      close(g.coordinates[i]?.[j]?.[1] ?? null, p[1] ?? 0, `part ${i} point ${j} lat`);
    }),
  );
  const far = JSON.stringify({
    type: 'LineString',
    coordinates: [
      [1, 1],
      [2, 2],
    ],
  });
  assert.deepEqual(JSON.parse(intersectionLineWithPolygon(far, polygon) ?? 'null'), {
    type: 'GeometryCollection',
    geometries: [],
  });
  assert.equal(intersectionLineWithPolygon(far, JSON.stringify({ type: 'Polygon', coordinates: [] })), null);
});

test('geo: a null argument gives null, never a thrown error (DuckDB passes null rows through)', async () => {
  const b = await DuckDbBackend.open(':memory:');
  try {
    const pip = async (lng: string, lat: string, poly: string): Promise<unknown> =>
      (await b.query(`print r = geo_point_in_polygon(${lng}, ${lat}, ${poly})`)).rows[0]?.[0];
    const park = `dynamic(${CENTRAL_PARK})`;
    assert.equal(await pip('real(null)', '1.0', park), null);
    assert.equal(await pip('-73.97', '40.78', 'dynamic(null)'), null);
    assert.equal(await pip('-73.97', '40.78', park), true);
  } finally {
    await b.close();
  }
});
