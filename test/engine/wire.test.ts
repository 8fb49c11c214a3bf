// Results cross from DuckDB as one JSON array of text per row; every type must come back
// exactly: 64-bit integers, non-finite reals, 100-ns datetimes, timespans, dynamic values and
// strings with quotes, newlines and non-ASCII letters.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DuckDbBackend } from '../../src/engine/duckdb.js';

test('every Kusto type survives the JSON row wire exactly', async () => {
  const b = await DuckDbBackend.open(':memory:');
  try {
    const r = await b.query(
      `print big = 9223372036854775807, neg = -9007199254740993, small = 42, i = int(-7), inf = real(+inf), ninf = real(-inf), nan = real(nan),
        tiny = 5e-324, third = 1.0 / 3, dt = datetime(2025-11-20T00:48:57.6034636Z), ts = 1d + 1tick, b = true, n = long(null),
        dyn = dynamic({"a":[1,"x",null]}), s = "q\\"u\\nü"`,
    );
    const [row] = r.rows;
    assert.deepEqual(row, [
      9223372036854775807n,
      -9007199254740993n,
      42,
      -7,
      Infinity,
      -Infinity,
      NaN,
      5e-324,
      1 / 3,
      '2025-11-20T00:48:57.6034636Z',
      '1.00:00:00.0000001',
      true,
      null,
      { a: [1, 'x', null] },
      'q"u\nü',
    ]);
  } finally {
    await b.close();
  }
});
