// The docs comparer normalises renderings only: each rule accepts the docs' way of showing
// a value and still rejects a different value.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cellsEqual, cleanDocCell } from './normalise.js';

const same = (ours: string, doc: string) => cellsEqual(ours, cleanDocCell(doc));

test('rendering normalisations accept the same value', () => {
  assert.ok(same('1048576', '1,048,576'));
  assert.ok(same('-Infinity', '-∞'));
  assert.ok(same('true', '1'));
  assert.ok(same('false', '0'));
  assert.ok(same('["a","b"]', "['a','b']"));
  assert.ok(same('{"a":1,"b":"2"}', "{'a': 1,'b': '2'}"));
  assert.ok(same('K\nu\ns', 'K u s'));
  assert.ok(same('Hello\u00a0World', 'Hello World'));
  assert.ok(same('abc', '"abc"'));
  assert.ok(same('https://bing.com', '<https://bing.com>'));
  assert.ok(same('', '(null)'));
});

test('rendering normalisations still reject a different value', () => {
  assert.ok(!same('1048577', '1,048,576'));
  assert.ok(!same('Infinity', '-∞'));
  assert.ok(!same('true', '0'));
  assert.ok(!same('1', 'true'));
  assert.ok(!same('["a","c"]', "['a','b']"));
  assert.ok(!same('ab', 'a b'));
  assert.ok(!same('abd', '"abc"'));
  assert.ok(!same('https://bing.co', '<https://bing.com>'));
  assert.ok(!same("it's", '"its"'));
  assert.ok(!same('0', '(null)'));
});
