// Time zones from Node's ICU data, with the reference docs' values (including a DST gap).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { localToUtc, utcToLocal } from '../../src/catalog/udf/timezone.js';

const ns = (iso: string) => BigInt(Date.parse(iso)) * 1_000_000n;

test('local to UTC and back, across zones and a spring-forward gap', () => {
  assert.equal(localToUtc(ns('2020-02-02T20:02:20Z'), 'US/Pacific'), ns('2020-02-03T04:02:20Z'));
  assert.equal(localToUtc(ns('2020-02-02T20:02:20Z'), 'Europe/Paris'), ns('2020-02-02T19:02:20Z'));
  assert.equal(localToUtc(ns('2022-03-27T01:00:00Z'), 'Europe/Brussels'), ns('2022-03-27T00:00:00Z'));
  assert.equal(localToUtc(ns('2022-03-27T02:00:00Z'), 'Europe/Brussels'), ns('2022-03-27T00:00:00Z'));
  assert.equal(localToUtc(ns('2022-03-27T03:00:00Z'), 'Europe/Brussels'), ns('2022-03-27T01:00:00Z'));
  assert.equal(utcToLocal(ns('2022-03-27T01:00:00Z'), 'Europe/Brussels'), ns('2022-03-27T03:00:00Z'));
  assert.equal(
    utcToLocal(ns('2022-07-11T22:18:48.467Z') + 862n, 'Australia/Canberra'),
    ns('2022-07-12T08:18:48.467Z') + 862n,
  );
  assert.equal(utcToLocal(0n, 'Not/AZone'), null);
});
