import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatNs, parseTimestampNs } from '../../src/ingest/time.js';

const msOf = (iso: string): bigint => BigInt(Date.parse(iso)) * 1_000_000n;

test('7-digit Defender timestamps keep every 100-ns tick', () => {
  const ns = parseTimestampNs('2021-04-14T18:50:42.1532345Z');
  assert.equal(ns, msOf('2021-04-14T18:50:42.153Z') + 234_500n);
  assert.equal(formatNs(ns!), '2021-04-14T18:50:42.1532345Z');
  // The slow path (offset, no Z, space) must agree with the fast one.
  assert.equal(parseTimestampNs('2021-04-14 20:50:42.1532345+02:00'), ns);
  assert.equal(parseTimestampNs('2021-04-14T18:50:42.1532345'), ns);
});

test('other fractional precisions, and digits below 1 ns truncated', () => {
  assert.equal(parseTimestampNs('2026-03-26T15:18:18Z'), msOf('2026-03-26T15:18:18Z'));
  assert.equal(parseTimestampNs('2026-03-26T15:18:18.5Z'), msOf('2026-03-26T15:18:18.500Z'));
  assert.equal(parseTimestampNs('2026-03-26T15:18:18.123456789Z'), msOf('2026-03-26T15:18:18.123Z') + 456_789n);
  assert.equal(parseTimestampNs('2026-03-26T15:18:18.1234567891Z'), msOf('2026-03-26T15:18:18.123Z') + 456_789n);
  assert.equal(parseTimestampNs('2026-03-26'), msOf('2026-03-26T00:00:00Z'));
});

test('Log Analytics locale dates: day first, or US order with AM/PM', () => {
  assert.equal(parseTimestampNs('26/03/2026, 15:18:18.790'), msOf('2026-03-26T15:18:18.790Z'));
  assert.equal(parseTimestampNs('3/26/2026, 3:18:18.790 PM'), msOf('2026-03-26T15:18:18.790Z'));
  assert.equal(parseTimestampNs('3/26/2026, 12:00:00.000 AM'), msOf('2026-03-26T00:00:00Z'));
});

test('invalid timestamps are refused, not rolled over', () => {
  for (const bad of [
    '2026-02-31T00:00:00Z',
    '2026-13-01T00:00:00Z',
    '2026-03-26T25:00:00.0000000Z',
    'yesterday',
    '',
    '12345',
    '2026-03-26T15:18:18.78a9324Z',
  ]) {
    assert.equal(parseTimestampNs(bad), undefined, bad);
  }
});
