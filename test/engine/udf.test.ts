// JavaScript scalar functions run inside the locked query connection: nulls propagate,
// a throwing row becomes a query error (not a crash), and results keep their types.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DuckDBInstance } from '@duckdb/node-api';
import { registerUdfs } from '../../src/engine/udf.js';
import { UdfError, type UdfSpec } from '../../src/catalog/udf/index.js';
import { DuckDbBackend } from '../../src/engine/duckdb.js';

const SPECS: readonly UdfSpec[] = [
  {
    name: 'kql_test_twice',
    params: ['BIGINT'],
    returns: 'BIGINT',
    fn: ([x]) => {
      if (x === 13n) throw new UdfError('unlucky');
      if (x === 14n) throw new TypeError('a bug');
      return typeof x === 'bigint' ? x * 2n : null;
    },
  },
  { name: 'kql_test_isnull', params: ['VARCHAR'], returns: 'BOOLEAN', nulls: 'pass', fn: ([s]) => s === null },
];

test('UDFs: values, null propagation, errors as query errors', async () => {
  const inst = await DuckDBInstance.create(':memory:', { enable_external_access: 'false', lock_configuration: 'true' });
  const c = await inst.connect();
  registerUdfs(c, SPECS);
  const rows = (
    await c.runAndReadAll(
      "SELECT kql_test_twice(21), kql_test_twice(NULL), kql_test_isnull(NULL), kql_test_isnull('x')",
    )
  ).getRowsJS();
  assert.deepEqual(rows, [[42n, null, true, false]]);
  await assert.rejects(c.runAndReadAll('SELECT kql_test_twice(13)'), /unlucky/);
  await assert.rejects(c.runAndReadAll('SELECT kql_test_twice(14)'), /kql_test_twice: a bug/);
  c.closeSync();
  inst.closeSync();
  assert.throws(() => registerUdfs(c, [{ ...SPECS[1]!, name: 'lower' }]), /must start with kql_/);
});

test('UDFs: the catalog registers them on the workspace connection', async () => {
  const b = await DuckDbBackend.open(null);
  try {
    const r = await b.query(
      'print z = zlib_decompress_from_base64_string(zlib_compress_to_base64_string("héllo")), bad = zlib_decompress_from_base64_string("!!")',
    );
    assert.deepEqual(r.rows, [['héllo', '']]);
  } finally {
    await b.close();
  }
});
