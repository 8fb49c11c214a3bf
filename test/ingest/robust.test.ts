// Gzip, Parquet, huge lines, duplicates, --strict, and atomicity of failed files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DuckDBInstance } from '@duckdb/node-api';
import { ingestPaths, StrictRejectError, type IngestSummary } from '../../src/ingest/index.js';
import { FIX, one, query, tempDir } from './helpers/db.js';

const counts = (s: IngestSummary): unknown => s.files.map((f) => [f.status, f.format, f.counts, f.tables]);

async function tableCounts(db: string): Promise<Record<string, unknown>[]> {
  return query(
    db,
    `SELECT (SELECT count(*) FROM DeviceProcessEvents) p, (SELECT count(*) FROM DeviceNetworkEvents) n, (SELECT count(*) FROM DeviceFileEvents) f, (SELECT count(*) FROM _exfilhunt_ingest_log) l, (SELECT count(*) FROM _exfilhunt_rejects) r`,
  );
}

test('gzip of every fixture gives the same result as the plain file', async (t) => {
  const dir = tempDir(t);
  const plainDir = join(dir, 'plain');
  const gzDir = join(dir, 'gz');
  mkdirSync(plainDir);
  mkdirSync(gzDir);
  for (const f of readdirSync(FIX)) {
    copyFileSync(join(FIX, f), join(plainDir, f));
    writeFileSync(join(gzDir, f), gzipSync(readFileSync(join(FIX, f)))); // same name: detection must not use the extension
  }
  const a = await ingestPaths(join(dir, 'a.duckdb'), [plainDir], { table: 'DeviceProcessEvents' });
  const b = await ingestPaths(join(dir, 'b.duckdb'), [gzDir], { table: 'DeviceProcessEvents' });
  assert.ok(b.files.filter((f) => f.size > 20).every((f) => f.gzip));
  assert.deepEqual(counts(b), counts(a));
  assert.deepEqual(
    b.rejects.map((r) => [r.line, r.reason]),
    a.rejects.map((r) => [r.line, r.reason]),
  );
  assert.ok(a.totals.stored > 10);
});

test('a truncated gzip fails that file only, leaving the workspace as it was', async (t) => {
  const dir = tempDir(t);
  const db = join(dir, 'w.duckdb');
  await ingestPaths(db, [`${FIX}/eventhub-mixed.json`]);
  const before = await tableCounts(db);
  // Enough rows that the cut falls mid-stream, after some rows were already appended.
  const lines = Array.from({ length: 3000 }, (_, i) =>
    JSON.stringify({
      category: 'AdvancedHunting-DeviceNetworkEvents',
      properties: {
        Timestamp: '2026-03-26T10:00:00.0000000Z',
        DeviceId: `d${i}`,
        ReportId: i,
        RemoteUrl: `host${i}.example`,
      },
    }),
  );
  const gz = gzipSync(lines.join('\n'));
  writeFileSync(join(dir, 'cut.json.gz'), gz.subarray(0, Math.floor(gz.length * 0.7)));
  const s = await ingestPaths(db, [join(dir, 'cut.json.gz')]);
  assert.equal(s.files[0]!.status, 'failed');
  assert.match(s.files[0]!.messages[0]!, /rolled back.*(unexpected end|EOF)/i);
  assert.equal(s.totals.stored, 0);
  assert.deepEqual(await tableCounts(db), before);
});

test('Parquet (and gzipped Parquet) is read by content, values kept', async (t) => {
  const dir = tempDir(t);
  const pq = join(dir, 'rows.data');
  const inst = await DuckDBInstance.create(':memory:');
  const c = await inst.connect();
  // Built from the hand-written hunting-API fixture, so Parquet types (TIMESTAMP_NS, INTEGER) are exercised.
  await c.run(`COPY (SELECT CAST(replace(replace(Timestamp, 'T', ' '), 'Z', '') AS TIMESTAMP_NS) AS Timestamp, DeviceId, DeviceName, ActionType, RemoteIP, RemotePort::INTEGER AS RemotePort, {'k': 1} AS AdditionalFields, 42::HUGEINT AS SomeExtra, 'note' AS OtherExtra
    FROM (SELECT unnest(Results, recursive := true) FROM read_json('${FIX}/hunting-api.json'))) TO '${pq}' (FORMAT parquet)`);
  c.closeSync();
  inst.closeSync();
  writeFileSync(join(dir, 'rows.gz'), gzipSync(readFileSync(pq)));
  for (const [name, file] of [
    ['plain', pq],
    ['gz', join(dir, 'rows.gz')],
  ] as const) {
    const db = join(dir, `${name}.duckdb`);
    const s = await ingestPaths(db, [file], { table: 'DeviceNetworkEvents' });
    assert.equal(s.files[0]!.format, 'parquet');
    assert.equal(s.files[0]!.gzip, name === 'gz');
    assert.equal(s.totals.stored, 2);
    const r = await one(
      db,
      `SELECT count(*) FILTER (WHERE Timestamp = TIMESTAMP_NS '2026-03-26 16:00:00.1000001') AS t1, max(RemotePort) AS port, any_value(json_extract(AdditionalFields, '$.k'))::INT AS k, max(SomeExtra) AS extra, max(OtherExtra) AS other FROM DeviceNetworkEvents`,
    );
    assert.deepEqual(r, { t1: 1n, port: 443, k: 1, extra: 42n, other: 'note' });
  }
});

test('a 10 MB line is stored whole', async (t) => {
  const dir = tempDir(t);
  const cmd = 'x'.repeat(10 * 1024 * 1024);
  const rows = [
    { Timestamp: '2026-03-26T10:00:00.0000000Z', DeviceId: 'big', ProcessCommandLine: cmd },
    { Timestamp: '2026-03-26T10:00:01.0000000Z', DeviceId: 'small', ProcessCommandLine: 'ok' },
  ];
  writeFileSync(join(dir, 'big.ndjson'), rows.map((r) => JSON.stringify(r)).join('\n'));
  const db = join(dir, 'w.duckdb');
  const s = await ingestPaths(db, [join(dir, 'big.ndjson')], { table: 'DeviceProcessEvents' });
  assert.equal(s.totals.stored, 2);
  const r = await query(
    db,
    `SELECT DeviceId, length(ProcessCommandLine) AS n, ProcessCommandLine = repeat('x', ${cmd.length}) AS same FROM DeviceProcessEvents ORDER BY Timestamp`,
  );
  assert.deepEqual(r, [
    { DeviceId: 'big', n: BigInt(cmd.length), same: true },
    { DeviceId: 'small', n: 2n, same: false },
  ]);
});

test('the same content again is a no-op that says so, under any path', async (t) => {
  const dir = tempDir(t);
  const db = join(dir, 'w.duckdb');
  copyFileSync(`${FIX}/sentinel-export.json`, join(dir, 'copy.json'));
  const a = await ingestPaths(db, [`${FIX}/sentinel-export.json`]);
  const before = await tableCounts(db);
  const b = await ingestPaths(db, [`${FIX}/sentinel-export.json`, join(dir, 'copy.json')]);
  assert.equal(a.totals.stored, 2);
  assert.deepEqual(
    b.files.map((f) => f.status),
    ['duplicate', 'duplicate'],
  );
  assert.match(b.files[1]!.messages[0]!, /already ingested from .*sentinel-export\.json.*nothing to do/);
  assert.equal(b.totals.stored, 0);
  assert.deepEqual(await tableCounts(db), before);
});

test('--strict stops at the first reject and rolls back that file only', async (t) => {
  const dir = tempDir(t);
  const db = join(dir, 'w.duckdb');
  const err = await ingestPaths(db, [`${FIX}/hunting-api.json`, `${FIX}/storage-nasty.ndjson`], { strict: true }).then(
    () => undefined,
    (e: unknown) => e,
  );
  assert.ok(err instanceof StrictRejectError);
  assert.equal(err.reject.line, 2);
  assert.match(err.reject.reason, /wrong type/);
  const r = await one(
    db,
    `SELECT (SELECT count(*) FROM DeviceNetworkEvents) n, (SELECT count(*) FROM DeviceLogonEvents) l, (SELECT string_agg(path) FROM _exfilhunt_ingest_log) p`,
  );
  assert.deepEqual(r, { n: 2n, l: 0n, p: `${FIX}/hunting-api.json` });
});

test('an undocumented column is added, typed from its values and widened when needed', async (t) => {
  const dir = tempDir(t);
  const rows = [
    { Timestamp: '2026-03-26T10:00:00Z', DeviceId: 'a', NewThing: 1, NewFlag: true, NewBag: { x: 1 } },
    { Timestamp: '2026-03-26T10:00:01Z', DeviceId: 'b', NewThing: 'one' },
    { Timestamp: '2026-03-26T10:00:02Z', DeviceId: 'c', Ratio: 2 },
    { Timestamp: '2026-03-26T10:00:03Z', DeviceId: 'd', Ratio: 2.5 },
  ];
  writeFileSync(join(dir, 'x.ndjson'), rows.map((r) => JSON.stringify(r)).join('\n'));
  const db = join(dir, 'w.duckdb');
  const s = await ingestPaths(db, [join(dir, 'x.ndjson')], { table: 'DeviceEvents' });
  assert.equal(s.totals.stored, 4);
  const types = await query(
    db,
    `SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'DeviceEvents' AND column_name IN ('NewThing', 'NewFlag', 'NewBag', 'Ratio') ORDER BY 1`,
  );
  assert.deepEqual(
    types.map((r) => [r['column_name'], r['data_type']]),
    [
      ['NewBag', 'JSON'],
      ['NewFlag', 'BOOLEAN'],
      ['NewThing', 'VARCHAR'],
      ['Ratio', 'DOUBLE'],
    ],
  );
  const v = await query(db, `SELECT NewThing, Ratio FROM DeviceEvents ORDER BY Timestamp`);
  assert.deepEqual(v, [
    { NewThing: '1', Ratio: null },
    { NewThing: 'one', Ratio: null },
    { NewThing: null, Ratio: 2 },
    { NewThing: null, Ratio: 2.5 },
  ]);
});

test('a gzip of content already ingested is a duplicate too (content, not bytes)', async (t) => {
  const dir = tempDir(t);
  const db = join(dir, 'w.duckdb');
  writeFileSync(join(dir, 'x.gz'), gzipSync(readFileSync(`${FIX}/sentinel-export.json`)));
  await ingestPaths(db, [`${FIX}/sentinel-export.json`]);
  const before = await tableCounts(db);
  const s = await ingestPaths(db, [join(dir, 'x.gz')]);
  assert.equal(s.files[0]!.status, 'duplicate');
  assert.match(s.files[0]!.messages[0]!, /same decompressed content/);
  assert.deepEqual(await tableCounts(db), before);
  // And the other way round: the plain file after its gzip.
  const db2 = join(dir, 'w2.duckdb');
  await ingestPaths(db2, [join(dir, 'x.gz')]);
  const s2 = await ingestPaths(db2, [`${FIX}/sentinel-export.json`]);
  assert.equal(s2.files[0]!.status, 'duplicate');
});

test('Event Hub messages one per line (NDJSON of {"records":[…]}), tables mixed within a message', async (t) => {
  const dir = tempDir(t);
  const rec = (table: string, i: number): unknown => ({
    time: '2026-03-26T10:00:00Z',
    tenantId: 't',
    category: `AdvancedHunting-${table}`,
    properties: { Timestamp: `2026-03-26T10:00:0${i}.0000001Z`, DeviceId: `d${i}` },
  });
  const lines = [
    JSON.stringify({ records: [rec('DeviceFileEvents', 1), rec('DeviceRegistryEvents', 2)] }),
    JSON.stringify({ records: [rec('DeviceImageLoadEvents', 3), rec('NotATable', 4)] }),
  ];
  writeFileSync(join(dir, 'eh.txt'), lines.join('\n') + '\n');
  const db = join(dir, 'w.duckdb');
  const s = await ingestPaths(db, [join(dir, 'eh.txt')]);
  assert.equal(s.files[0]!.format, 'ndjson');
  assert.deepEqual([s.totals.stored, s.totals.rejected], [3, 1]);
  assert.deepEqual(
    s.rejects.map((r) => [r.line, r.reason]),
    [[2, 'unknown table: NotATable']],
  );
  const r = await one(
    db,
    `SELECT (SELECT DeviceId FROM DeviceFileEvents) f, (SELECT DeviceId FROM DeviceRegistryEvents) g, (SELECT DeviceId FROM DeviceImageLoadEvents) i`,
  );
  assert.deepEqual(r, { f: 'd1', g: 'd2', i: 'd3' });
});
