// Kusto's hash(): XXH64 of the value's bytes. Expected values are the reference docs' outputs
// and the XXH64 specification's test vector for empty input.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { xxh64 } from '../../src/catalog/udf/hash.js';
import { DuckDbBackend } from '../../src/engine/duckdb.js';
import { cellText } from '../../src/engine/render.js';

test('XXH64 matches the specification and the docs', () => {
  assert.equal(xxh64(new Uint8Array()), 0xef46db3751d8e999n);
  assert.equal(BigInt.asIntN(64, xxh64(Buffer.from('World'))), 1846988464401551951n);
  // 40 bytes: exercises the 32-byte stripe loop, then an 8-byte lane.
  const long = Buffer.from('0123456789012345678901234567890123456789');
  assert.notEqual(xxh64(long), xxh64(long.subarray(0, 39)));
});

test('hash() through the engine: strings, datetimes, modulo, refused types', async () => {
  const b = await DuckDbBackend.open(null);
  try {
    const r = await b.query(
      'print a = hash("World"), m = hash("World", 100), d = hash(datetime("2015-01-01")), x = hash_xxhash64("World")',
    );
    assert.deepEqual(
      r.rows.map((row) => row.map(cellText)),
      [['1846988464401551951', '51', '1380966698541616202', '1846988464401551951']],
    );
    await assert.rejects(b.query('print hash(1.5)'), /EXF301|hash of real/);
  } finally {
    await b.close();
  }
});
