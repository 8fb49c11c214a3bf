// bag_set_key / bag_remove_keys / array_split / GUID base64 through the engine, with the values
// the reference docs show for them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { keyPath } from '../../src/catalog/udf/dynamic.js';
import { DuckDbBackend } from '../../src/engine/duckdb.js';
import { cellText } from '../../src/engine/render.js';

test('JSONPath keys', () => {
  assert.deepEqual(keyPath('key1'), ['key1']);
  assert.deepEqual(keyPath('$.key2.prop1'), ['key2', 'prop1']);
  assert.deepEqual(keyPath("$['a b'].c"), ['a b', 'c']);
  assert.equal(keyPath('$.'), null);
});

test('bag keys, array_split and GUID base64 in queries', async () => {
  const b = await DuckDbBackend.open(null);
  const one = async (kql: string): Promise<string[]> => (await b.query(kql)).rows.map((r) => r.map(cellText).join('|'));
  try {
    assert.deepEqual(await one("print r = bag_set_key(dynamic({'key1': 123}), '$.key2.prop1', 'abc')"), [
      '{"key1":123,"key2":{"prop1":"abc"}}',
    ]);
    assert.deepEqual(
      await one(
        "print r = bag_remove_keys(dynamic({'key1': 1, 'key2': {'p1': 'a', 'p2': 'b'}, 'key3': [1]}), dynamic(['$.key2.p1', 'key3']))",
      ),
      ['{"key1":1,"key2":{"p2":"b"}}'],
    );
    assert.deepEqual(await one('print r = array_split(dynamic([1,2,3,4,5]), dynamic([1,3]))'), ['[[1],[2,3],[4,5]]']);
    assert.deepEqual(await one('print r = base64_encode_fromguid(toguid("ae3133f2-6e22-49ae-b06a-16e6a9b212eb"))'), [
      '8jMxriJurkmwahbmqbIS6w==',
    ]);
    assert.deepEqual(await one('print r = base64_encode_fromarray(base64_decode_toarray("S3VzdG8="))'), ['S3VzdG8=']);
    assert.deepEqual(await one('print r = base64_encode_fromarray(dynamic([1, 256]))'), ['']);
    assert.deepEqual(await one('print r = base64_decode_toguid("8jMxriJurkmwahbmqbIS6w==")'), [
      'ae3133f2-6e22-49ae-b06a-16e6a9b212eb',
    ]);
  } finally {
    await b.close();
  }
});
