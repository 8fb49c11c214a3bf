// sqlString/sqlIdent are the only way user text reaches SQL. Each hostile string must
// come back from DuckDB unchanged: as a value (SELECT <literal>) and as a column name.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import fc from 'fast-check';
import { sqlIdent, sqlString } from '../../src/sql/escape.js';

const HOSTILE: readonly string[] = [
  '',
  "'",
  "''",
  "it's",
  "'; DROP TABLE x; --",
  "'); COPY (SELECT 1) TO '/tmp/pwned.csv'; --",
  "' || read_csv('/etc/passwd') || '",
  '\\',
  "\\'",
  "\\\\'",
  'back\\slash\\n',
  '"double" "quotes"',
  '$$',
  '$$; SELECT 1; $$',
  '$tag$ x $tag$',
  '/* comment */',
  '-- line comment',
  '*/ SELECT 1 /*',
  'line1\nline2\r\nline3',
  'tab\there',
  'nul\u0000inside',
  '\u0000',
  'trailing nul\u0000',
  'unicode é ü 中文 😀',
  '\u202eevil bidi',
  '\u001b[31mansi',
  "E'escape'",
  "e'\\x41'",
  '?',
  '$1',
  ':name',
  '%s %d',
  '\ud83d\ude00 surrogate pair',
];

let inst: DuckDBInstance;
let c: DuckDBConnection;

before(async () => {
  inst = await DuckDBInstance.create(':memory:', { enable_external_access: 'false', lock_configuration: 'true' });
  c = await inst.connect();
});
after(() => {
  c.closeSync();
  inst.closeSync();
});

async function roundTrip(s: string): Promise<unknown> {
  const r = await c.runAndReadAll(`SELECT ${sqlString(s)} AS v`);
  return r.getRowsJS()[0]?.[0];
}

test('sqlString round-trips every hostile string through DuckDB', async () => {
  for (const s of HOSTILE) assert.equal(await roundTrip(s), s, JSON.stringify(s));
});

test('sqlString round-trips arbitrary unicode strings (property)', async () => {
  await fc.assert(
    fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 40 }), async (s) => {
      assert.equal(await roundTrip(s), s);
    }),
    { numRuns: 200 },
  );
});

test('sqlIdent round-trips hostile column names and rejects NUL', async () => {
  for (const s of HOSTILE.filter((x) => x !== '' && !x.includes('\u0000'))) {
    const r = await c.runAndReadAll(`SELECT 1 AS ${sqlIdent(s)}`);
    assert.equal(r.columnNames()[0], s, JSON.stringify(s));
  }
  assert.throws(() => sqlIdent('a\u0000b'));
});
