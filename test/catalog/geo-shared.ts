// Shared by the geometry tests: the tolerance check against documented values, a GeoJSON
// point reader, and the Central Park polygon several reference pages use.
import assert from 'node:assert/strict';

export function close(actual: number | null, expected: number, what: string): void {
  assert.ok(actual !== null, `${what}: null`);
  const rel = Math.abs(actual - expected) / Math.max(Math.abs(expected), 1e-300);
  assert.ok(rel < 1e-12, `${what}: ${actual} vs documented ${expected}`);
}

export function point(text: string | null): [number, number] {
  assert.ok(text !== null);
  const g = JSON.parse(text) as { type: string; coordinates: [number, number] };
  assert.equal(g.type, 'Point');
  return g.coordinates;
}

export const CENTRAL_PARK = JSON.stringify({
  type: 'Polygon',
  coordinates: [
    [
      [-73.9495, 40.7969],
      [-73.95807266235352, 40.80068603561921],
      [-73.98201942443848, 40.76825672305777],
      [-73.97317886352539, 40.76455136505513],
      [-73.9495, 40.7969],
    ],
  ],
});
