// A query cannot read or write files or change the connection's configuration, and
// hostile strings in KQL stay strings.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDbBackend } from '../../src/engine/duckdb.js';
import { QueryError } from '../../src/engine/types.js';
import { buildWorkspace } from './workspace.js';

let ws: { path: string; cleanup: () => void };
let b: DuckDbBackend;
const dir = mkdtempSync(join(tmpdir(), 'exfilhunt-safety-'));
const target = join(dir, 'pwned.csv');

before(async () => {
  ws = await buildWorkspace({
    DeviceFileEvents: [{ Timestamp: '2025-01-01 00:00:00', DeviceName: 'd', FileName: "x'; COPY" }],
  });
  b = await DuckDbBackend.open(ws.path);
});
after(async () => {
  await b.close();
  ws.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

test('SQL injection through KQL string literals stays a string', async () => {
  const payloads = [
    `'; COPY (SELECT 1) TO '${target}'; --`,
    `' || (SELECT * FROM read_csv('/etc/passwd')) || '`,
    `x'); ATTACH '${join(dir, 'x.db')}' AS y; --`,
  ];
  for (const p of payloads) {
    const lit = JSON.stringify(p);
    const r = await b.query(`print s = ${lit} | extend c = s contains "COPY", h = s has "etc"`);
    assert.equal(r.rows[0]?.[0], p);
    const w = await b.query(
      `DeviceFileEvents | where FileName == ${lit} or FileName has ${lit} or FileName startswith ${lit} | count`,
    );
    assert.equal(w.rows[0]?.[0], 0);
  }
  assert.equal(existsSync(target), false);
  assert.equal(existsSync(join(dir, 'x.db')), false);
});

test('the query connection refuses file access and configuration changes', async () => {
  await assert.rejects(b.sql(`SELECT * FROM read_csv('/etc/passwd')`), /Permission|disabled/);
  await assert.rejects(b.sql(`COPY (SELECT 1) TO '${target}'`), /Permission|disabled/);
  await assert.rejects(b.sql(`SET enable_external_access = true`), /locked/);
  await assert.rejects(b.sql(`INSTALL httpfs`), /./);
  assert.equal(existsSync(target), false);
});

test('the workspace is opened read-only', async () => {
  await assert.rejects(b.sql(`CREATE TABLE t (a INTEGER)`), /read-only|read only/i);
  await assert.rejects(b.sql(`DELETE FROM "DeviceFileEvents"`), /read-only|read only/i);
});

test('externaldata is refused with a clear offline diagnostic', async () => {
  await assert.rejects(
    b.query(`externaldata (a:string) [ @"https://example.com/x.csv" ]`),
    (e: unknown) =>
      e instanceof QueryError &&
      e.diagnostics[0]?.code === 'EXF304' &&
      /not available offline/.test(e.diagnostics[0]?.message ?? ''),
  );
});

test('a missing workspace runs print/range/datatable and creates no file', async () => {
  const missing = join(dir, 'nope.duckdb');
  const m = await DuckDbBackend.open(missing);
  try {
    const r = await m.query('print x = 1 | union (range y from 1 to 2 step 1 | project x = y)');
    assert.equal(r.rows.length, 3);
    await assert.rejects(
      m.query('DeviceFileEvents | take 1'),
      (e: unknown) => e instanceof QueryError && e.diagnostics[0]?.code === 'EXF305',
    );
  } finally {
    await m.close();
  }
  assert.equal(existsSync(missing), false);
});
