// Geometry geo_* functions against the values printed on the Kusto reference pages; each
// assertion names its page (../shared/reference/kql/<page>.md). The pages print 15-17
// significant digits; we require agreement to 1e-12 relative (what remains is floating-point
// rounding: most values agree to 1e-15, geo_line_locate_point's ill-conditioned fraction to 3e-13).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  angle,
  azimuth,
  distance2Points,
  lineCentroid,
  lineInterpolatePoint,
  lineLength,
  lineLocatePoint,
  pointInCircle,
  polygonArea,
  polygonCentroid,
  polygonPerimeter,
} from '../../src/catalog/udf/geo-geometry-measure.js';
import {
  closestPointOnLine,
  closestPointOnPolygon,
  distancePointToLine,
  distancePointToPolygon,
  intersects2Lines,
  intersects2Polygons,
  intersectsLineWithPolygon,
  pointInPolygon,
} from '../../src/catalog/udf/geo-geometry-relate.js';
import { fromWkt } from '../../src/catalog/udf/geo-geometry-wkt.js';
import { CENTRAL_PARK, close, point } from './geo-shared.js';

const LAS_VEGAS_LINE = JSON.stringify({
  type: 'LineString',
  coordinates: [
    [-115.115385, 36.229195],
    [-115.136995, 36.200366],
    [-115.140252, 36.19247],
    [-115.143558, 36.188523],
    [-115.144076, 36.181954],
    [-115.154662, 36.174483],
    [-115.166431, 36.176388],
    [-115.183289, 36.175007],
    [-115.192612, 36.176736],
    [-115.202485, 36.173439],
    [-115.225355, 36.174365],
  ],
});
const SHORT_LINE = JSON.stringify({
  type: 'LineString',
  coordinates: [
    [-73.95796, 40.80042],
    [-73.97317, 40.764486],
  ],
});

test('geo: sphere of radius 6371010 m (geo-distance-2points)', () => {
  close(distance2Points(-122.407628, 47.578557, -118.275287, 34.019056), 1546754.35197381, 'Seattle-LA');
  assert.equal(distance2Points(300, 1, 1, 1), null);
});

test('geo: azimuth and angle (geo-azimuth, geo-angle)', () => {
  close(azimuth(5, 10, 10, -40), 3.05459939796449, 'azimuth');
  assert.equal(azimuth(5, 10, 5, 10), null);
  close(angle(0, 10, 0, 5, 3, -10), 2.94493843406882, 'angle');
  assert.equal(angle(0, 10, 0, 10, 3, -10), null);
});

test('geo: point in circle (geo-point-in-circle)', () => {
  assert.equal(pointInCircle(-122.143564, 47.535677, -122.100896, 47.527351, 3500), true);
  assert.equal(pointInCircle(-122.137575, 47.630683, -122.100896, 47.527351, 3500), false);
  assert.equal(pointInCircle(200, 1, 1, 1, 1), null);
  assert.equal(pointInCircle(1, 1, 1, 1, -1), null);
});

test('geo: lengths, areas, perimeters, centroids (geo-line-length, geo-polygon-area, ...)', () => {
  const line = JSON.stringify({
    type: 'LineString',
    coordinates: [
      [-73.95807266235352, 40.800426144169315],
      [-73.94966125488281, 40.79691751000055],
      [-73.97317886352539, 40.764486356930334],
    ],
  });
  close(lineLength(line), 4922.48016992081, 'geo-line-length#1');
  assert.equal(lineLength(JSON.stringify({ type: 'LineString', coordinates: [[1, 1]] })), null);
  close(polygonArea(CENTRAL_PARK), 3475207.28346606, 'geo-polygon-area#1');
  close(polygonPerimeter(CENTRAL_PARK), 9930.30149604938, 'geo-polygon-perimeter#1');
  const [lng, lat] = point(polygonCentroid(CENTRAL_PARK));
  close(lng, -73.965735689907618, 'geo-polygon-centroid lng');
  close(lat, 40.782550538057812, 'geo-polygon-centroid lat');
  const [cl, ct] = point(lineCentroid(SHORT_LINE));
  close(cl, -73.965567057230942, 'geo-line-centroid lng');
  close(ct, 40.782453249627416, 'geo-line-centroid lat');
  const [il, it] = point(lineInterpolatePoint(SHORT_LINE, 0.25));
  close(il, -73.961764043218281, 'geo-line-interpolate-point lng');
  close(it, 40.791436687257232, 'geo-line-interpolate-point lat');
  close(lineLocatePoint(SHORT_LINE, -73.965, 40.792), 0.25560135100307552, 'geo-line-locate-point#1');
  assert.equal(lineLocatePoint(JSON.stringify({ type: 'LineString', coordinates: [[1, 1]] }), 1, 1), null);
  const invalid = JSON.stringify({
    type: 'Polygon',
    coordinates: [
      [
        [0, 0],
        [10, 10],
        [10, 10],
        [0, 0],
      ],
    ],
  });
  assert.equal(polygonArea(invalid), null);
});

test('geo: overlapping multipolygons are refused, not summed (geo-polygon-area#2)', () => {
  const overlapping = JSON.stringify({
    type: 'MultiPolygon',
    coordinates: [
      JSON.parse(CENTRAL_PARK).coordinates as unknown,
      [
        [
          [-73.94262313842773, 40.775991804565585],
          [-73.98107528686523, 40.791849155467695],
          [-73.99600982666016, 40.77092185281977],
          [-73.96150588989258, 40.75609977566361],
          [-73.94262313842773, 40.775991804565585],
        ],
      ],
    ],
  });
  assert.throws(() => polygonArea(overlapping), /not supported/);
});

test('geo: distances and closest points (geo-distance-point-to-line/-polygon, geo-closest-point-*)', () => {
  close(distancePointToLine(-115.199625, 36.210419, LAS_VEGAS_LINE), 3797.88887253334, 'point to line');
  const [ll, lt] = point(closestPointOnLine(-115.199625, 36.210419, LAS_VEGAS_LINE));
  close(ll, -115.192612, 'closest on line lng');
  close(lt, 36.176736, 'closest on line lat');
  close(distancePointToPolygon(-73.9839, 40.7705, CENTRAL_PARK), 259.940756070596, 'point to polygon');
  const [pl, pt] = point(closestPointOnPolygon(-73.9839, 40.7705, CENTRAL_PARK));
  close(pl, -73.981205580153926, 'closest on polygon lng');
  close(pt, 40.769359452843211, 'closest on polygon lat');
  assert.equal(
    distancePointToLine(
      300,
      3,
      JSON.stringify({
        type: 'LineString',
        coordinates: [
          [1, 1],
          [2, 2],
        ],
      }),
    ),
    null,
  );
  assert.equal(distancePointToLine(1, 1, JSON.stringify({ type: 'LineString' })), null);
});

test('geo: containment and intersection tests (geo-point-in-polygon, geo-intersects-*)', () => {
  // The polygon of geo-point-in-polygon's first example (Manhattan with Central Park as a hole).
  const manhattan =
    '{"type":"Polygon","coordinates":[[[-73.92597198486328,40.87821814104651],[-73.94691467285156,40.85069618625578],[-73.94691467285156,40.841865966890786],[-74.01008605957031,40.7519385984599],[-74.01866912841797,40.704586878965245],[-74.01214599609375,40.699901911003046],[-73.99772644042969,40.70875101828792],[-73.97747039794922,40.71083299030839],[-73.97026062011719,40.7290474687069],[-73.97506713867186,40.734510840309376],[-73.970947265625,40.74543623770158],[-73.94210815429688,40.77586181063573],[-73.9434814453125,40.78080140115127],[-73.92974853515625,40.79691751000055],[-73.93077850341797,40.804454347291006],[-73.93489837646484,40.80965166748853],[-73.93524169921875,40.837190668541105],[-73.92288208007812,40.85770758108904],[-73.9101791381836,40.871728144624974],[-73.92597198486328,40.87821814104651]],[[-73.95824432373047,40.80071852197889],[-73.98206233978271,40.76815921628347],[-73.97309303283691,40.76422632379533],[-73.94914627075195,40.796949998204596],[-73.95824432373047,40.80071852197889]]]}';
  assert.equal(pointInPolygon(-73.985654, 40.748487, manhattan), true);
  assert.equal(pointInPolygon(-73.963249, 40.779525, manhattan), false);
  assert.equal(pointInPolygon(-73.874367, 40.777356, manhattan), false);
  assert.equal(pointInPolygon(200, 1, manhattan), null);
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
  assert.equal(intersects2Lines(l1, l2), true);
  assert.equal(
    intersects2Lines(l1, JSON.stringify({ type: 'LineString', coordinates: [[-73.985195, 40.788275]] })),
    null,
  );
  const tri = JSON.stringify({
    type: 'Polygon',
    coordinates: [
      [
        [-73.9712905883789, 40.78580561168767],
        [-73.98004531860352, 40.775276834803655],
        [-73.97000312805176, 40.77852663535664],
        [-73.9712905883789, 40.78580561168767],
      ],
    ],
  });
  assert.equal(intersectsLineWithPolygon(l2, tri), true);
  assert.equal(intersects2Polygons(JSON.stringify({ type: 'Polygon' }), CENTRAL_PARK), null);
});

test('geo: WKT to GeoJSON (geo-from-wkt)', () => {
  assert.deepEqual(JSON.parse(fromWkt('POINT (1 2)') ?? 'null'), { type: 'Point', coordinates: [1, 2] });
  assert.deepEqual(
    JSON.parse(fromWkt('MULTIPOLYGON (((0 0, 2 0, 2 2, 0 0)),((10 10, 12 10, 12 12, 10 10)))') ?? 'null'),
    {
      type: 'MultiPolygon',
      coordinates: [
        [
          [
            [0, 0],
            [2, 0],
            [2, 2],
            [0, 0],
          ],
        ],
        [
          [
            [10, 10],
            [12, 10],
            [12, 12],
            [10, 10],
          ],
        ],
      ],
    },
  );
  assert.deepEqual(JSON.parse(fromWkt('GEOMETRYCOLLECTION (POINT (1 1),LINESTRING (2 2, 3 3))') ?? 'null'), {
    type: 'GeometryCollection',
    geometries: [
      { type: 'Point', coordinates: [1, 1] },
      {
        type: 'LineString',
        coordinates: [
          [2, 2],
          [3, 3],
        ],
      },
    ],
  });
  assert.equal(fromWkt('LINESTRING'), null);
  assert.throws(() => fromWkt('POINT Z (1 2 3)'), /not supported/);
});
