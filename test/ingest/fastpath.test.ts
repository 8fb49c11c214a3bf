// The DuckDB-native NDJSON path must give the same workspace as the JS row pipeline: same
// rows and values in every table, same rejects with the same file:line and reason, same log.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { ingestPaths } from '../../src/ingest/index.js';
import { timestampNsSql } from '../../src/ingest/fast/ndjson.js';
import { parseTimestampNs } from '../../src/ingest/time.js';
import { FIX, tempDir } from './helpers/db.js';
import { counts, snapshot } from './helpers/snapshot.js';

const rec = (table: string, props: Record<string, unknown>, extra: Record<string, unknown> = {}): string =>
  JSON.stringify({
    time: '2026-03-26T15:20:00.1234567Z',
    tenantId: 't1',
    category: `AdvancedHunting-${table}`,
    properties: props,
    ...extra,
  });

/** A streaming export where most lines are clean and every awkward case appears once. */
function nastyLines(): { text: string; marks: Record<string, number> } {
  const lines: string[] = [];
  const marks: Record<string, number> = {};
  const mark = (name: string, line: string): void => {
    lines.push(line);
    marks[name] = lines.length;
  };
  for (let i = 0; i < 60; i++) {
    const ts = `2026-03-26T15:${String(i).padStart(2, '0')}:0${i % 10}.${String(i * 1234567).slice(0, 1 + (i % 9))}Z`;
    lines.push(
      rec(['DeviceNetworkEvents', 'DeviceProcessEvents', 'DeviceFileEvents'][i % 3]!, {
        Timestamp: ts,
        DeviceId: `d${i}`,
        DeviceName: i % 7 === 0 ? null : `host${i}.contoso.local`,
        ReportId: 9_000_000_000_000_000 + i,
        InitiatingProcessId: i,
        AdditionalFields: i % 5 === 0 ? `{"n":${i},"s":"é\\u0001"}` : null,
      }),
    );
  }
  mark('badjson', '{"category":"AdvancedHunting-DeviceEvents","properties":{');
  mark('trailingComma', rec('DeviceEvents', { Timestamp: '2026-03-26T15:20:00Z' }).replace(/}}$/, ',}}'));
  mark('nan', rec('DeviceNetworkEvents', { Timestamp: '2026-03-26T15:20:00Z', RemotePort: 'X' }).replace('"X"', 'NaN'));
  mark('unknownCat', rec('EmailEvents', { Timestamp: '2026-03-26T15:20:00Z' }));
  mark('wrongType', rec('DeviceNetworkEvents', { Timestamp: '2026-03-26T15:20:00Z', RemotePort: 'not-a-port' }));
  mark('noTime', rec('DeviceLogonEvents', { DeviceId: 'd1' }));
  mark('badDate', rec('DeviceLogonEvents', { Timestamp: '2026-02-31T00:00:00Z' }));
  lines.push('');
  lines.push('   ');
  lines.push(
    rec('DeviceNetworkEvents', { Timestamp: '2026-03-26T15:20:00+02:00', RemotePort: '443', LocalPort: 12.0 }),
  );
  lines.push(rec('DeviceNetworkEvents', { Timestamp: '2026-03-26 15:20:00.1234567891', RemotePort: 80 }));
  lines.push(rec('DeviceProcessEvents', { Timestamp: '2026-03-26T15:20:00Z', ProcessId: 1e3, FileName: 42 }));
  lines.push(rec('DeviceProcessEvents', { Timestamp: '2026-03-26T15:20:00Z', AdditionalFields: { a: 1.5, b: [1] } }));
  lines.push(rec('DeviceProcessEvents', { Timestamp: '2026-03-26T15:20:00Z', AdditionalFields: 'plain text' }));
  lines.push(rec('DeviceProcessEvents', { Timestamp: '2026-03-26T15:20:00Z', AdditionalFields: ' {"x":1} ' }));
  lines.push(rec('DeviceProcessEvents', { Timestamp: '2026-03-26T15:20:00Z', TenantId: 'own', TimeGenerated: null }));
  lines.push(rec('DeviceProcessEvents', { Timestamp: '2026-03-26T15:20:00Z' }, { time: 'yesterday' }));
  lines.push(rec('DeviceProcessEvents', { Timestamp: '2026-03-26T15:20:00Z', InitiatingProcessUniqueId: 123 }));
  lines.push(rec('deviceprocessevents', { Timestamp: '2026-03-26T15:20:00Z', DeviceId: 'lower-case category' }));
  lines.push(
    '{"category":"AdvancedHunting-DeviceEvents","properties":{"Timestamp":"2026-03-26T15:20:00Z","DeviceId":"a","DeviceId":"b"}}',
  );
  lines.push(
    JSON.stringify({
      records: [JSON.parse(rec('DeviceEvents', { Timestamp: '2026-03-26T15:20:00Z', DeviceId: 'eh' }))],
    }),
  );
  lines.push(rec('DeviceInfo', { Timestamp: '2026-03-26T15:20:00.5Z', IsAzureADJoined: true, DeviceId: 'info' }));
  return { text: '\uFEFF' + lines.join('\r\n') + '\n', marks };
}

test('fast and JS paths give identical workspaces on the NDJSON fixtures and a nasty export', async (t) => {
  const dir = tempDir(t);
  const { text, marks } = nastyLines();
  const nasty = join(dir, 'nasty.ndjson');
  writeFileSync(nasty, text);
  const inputs = [`${FIX}/storage-nasty.ndjson`, `${FIX}/rows-filecert.ndjson`, nasty];
  const fast = await ingestPaths(join(dir, 'fast.duckdb'), inputs, { ndjsonSql: true });
  const js = await ingestPaths(join(dir, 'js.duckdb'), inputs, { fast: false });
  const sqlRows = fast.files.find((f) => f.path === nasty)?.sqlRows ?? 0;
  console.log(`nasty export: ${sqlRows} of ${fast.files.at(-1)!.counts.stored} stored rows by SQL`);
  assert.ok(sqlRows >= 55, 'the clean lines went through SQL');
  assert.equal(js.files.at(-1)!.sqlRows, undefined);
  assert.ok((fast.files[0]!.sqlRows ?? 0) > 0, 'the storage-nasty fixture took the SQL path too');
  assert.deepEqual(counts(fast), counts(js));
  assert.deepEqual(await snapshot(join(dir, 'fast.duckdb')), await snapshot(join(dir, 'js.duckdb')));

  // Rejects found by the fast path carry the physical line number and the JS reasons.
  const byLine = new Map(fast.rejects.filter((r) => r.path === nasty).map((r) => [r.line, r.reason]));
  assert.match(byLine.get(marks['badjson']!) ?? '', /^bad JSON/);
  assert.match(byLine.get(marks['trailingComma']!) ?? '', /^bad JSON/);
  assert.match(byLine.get(marks['nan']!) ?? '', /^bad JSON/);
  assert.equal(byLine.get(marks['unknownCat']!), 'unknown table: EmailEvents');
  assert.match(byLine.get(marks['wrongType']!) ?? '', /^wrong type: RemotePort/);
  assert.equal(byLine.get(marks['noTime']!), 'missing Timestamp');
  assert.match(byLine.get(marks['badDate']!) ?? '', /^wrong type: Timestamp/);
});

test('a file DuckDB splits differently (a lone CR inside a line) falls back to the JS path whole', async (t) => {
  const dir = tempDir(t);
  const f = join(dir, 'cr.ndjson');
  const lines = Array.from({ length: 10 }, (_, i) =>
    rec('DeviceEvents', { Timestamp: '2026-03-26T15:20:00Z', DeviceId: `d${i}` }),
  );
  lines[3] = lines[3]!.replace('"properties":', '"properties":\r');
  writeFileSync(f, lines.join('\n'));
  const fast = await ingestPaths(join(dir, 'fast.duckdb'), [f], { ndjsonSql: true });
  const js = await ingestPaths(join(dir, 'js.duckdb'), [f], { fast: false });
  assert.equal(fast.files[0]!.sqlRows, undefined);
  assert.deepEqual(counts(fast), counts(js));
  assert.equal(fast.totals.stored, 10);
  assert.deepEqual(await snapshot(join(dir, 'fast.duckdb')), await snapshot(join(dir, 'js.duckdb')));
});

test('the SQL timestamp conversion equals the JS parser to the nanosecond', async () => {
  const samples: string[] = [];
  let seed = 7;
  const rnd = (n: number): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
  for (let i = 0; i < 500; i++) {
    const y = 1900 + rnd(300);
    const d = new Date(Date.UTC(y, rnd(12), 1 + rnd(31), rnd(24), rnd(60), rnd(60)));
    const digits = rnd(10);
    const frac = digits === 0 ? '' : `.${String(rnd(10 ** Math.min(digits, 9))).padStart(digits, '0')}`;
    samples.push(`${d.toISOString().slice(0, 19)}${frac}Z`);
  }
  samples.push('2026-03-26T15:18:18.7849324Z', '2021-04-14T18:50:42.1532345Z', '1999-12-31T23:59:59.9999999Z');
  const inst = await DuckDBInstance.create(':memory:');
  const c = await inst.connect();
  try {
    const values = samples.map((s) => `('${s}')`).join(', ');
    const r = await c.runAndReadAll(
      `SELECT s, CAST(epoch_ns(${timestampNsSql('s')}) AS VARCHAR) FROM (VALUES ${values}) v(s)`,
    );
    let compared = 0;
    for (const [s, ns] of r.getRows()) {
      const js = parseTimestampNs(String(s));
      if (js === undefined || js < -9223372036854775808n || js > 9223372036854775807n) continue;
      assert.equal(ns === null ? undefined : BigInt(String(ns)), js, String(s));
      compared++;
    }
    assert.ok(compared >= 400);
    const bad = await c.runAndReadAll(
      `SELECT ${timestampNsSql("'2026-02-31T00:00:00Z'")}, ${timestampNsSql("'2026-03-26T15:20:00+02:00'")}`,
    );
    assert.deepEqual(bad.getRows()[0], [null, null]);
  } finally {
    c.closeSync();
    inst.closeSync();
  }
});

test('Parquet: fast and JS paths give identical workspaces; odd rows are rejected with their row number', async (t) => {
  const dir = tempDir(t);
  const a = join(dir, 'a.parquet');
  const b = join(dir, 'b.parquet');
  const inst = await DuckDBInstance.create(':memory:');
  const c = await inst.connect();
  try {
    await c.run(`COPY (SELECT
        CASE WHEN i = 7 THEN NULL ELSE TIMESTAMP_NS '2026-03-01 00:00:00' + to_microseconds(i * 7) + INTERVAL (i) MICROSECOND END AS Timestamp,
        'dev' || i AS DeviceId, (i % 3 = 0) AS IsAzureADJoined, i::BIGINT AS ReportId,
        CASE WHEN i % 4 = 0 THEN '{"k":' || i || '}' WHEN i % 4 = 1 THEN 'plain' END AS AdditionalFields,
        CASE WHEN i = 11 THEN 'x' ELSE 'ok' END AS OSPlatform, CASE WHEN i = 12 THEN 'NaN' ELSE '["u"]' END AS LoggedOnUsers
      FROM range(40) t(i)) TO '${a}' (FORMAT parquet)`);
    await c.run(`COPY (SELECT
        CASE WHEN i = 3 THEN '2026-02-31T00:00:00Z' WHEN i = 4 THEN '2026-03-26 10:00:00.123+01:00' ELSE '2026-03-26T10:00:00.' || lpad(i::VARCHAR, 7, '0') || 'Z' END AS Timestamp,
        CASE WHEN i = 5 THEN 70000 ELSE 443 END::BIGINT AS RemotePort, 'd' || i AS DeviceId, '203.0.113.' || i AS RemoteIP, 'x.example' AS RemoteUrl, 'Public' AS RemoteIPType, 'Tcp' AS Protocol, {'a': i, 'b': [i, 1.5]} AS AdditionalFields,
        TIMESTAMPTZ '2026-03-26 10:00:00+00' AS TimeGenerated
      FROM range(30) t(i)) TO '${b}' (FORMAT parquet)`);
  } finally {
    c.closeSync();
    inst.closeSync();
  }
  for (const [file, opts] of [
    [a, { table: 'DeviceInfo' }],
    [b, {}],
  ] as const) {
    const sub = join(dir, file.endsWith('a.parquet') ? 'A' : 'B');
    const fast = await ingestPaths(`${sub}-fast.duckdb`, [file], opts);
    const js = await ingestPaths(`${sub}-js.duckdb`, [file], { ...opts, fast: false });
    console.log(
      `${file}: ${fast.files[0]!.sqlRows ?? 0} of ${fast.totals.stored} stored rows by SQL; rejects ${fast.rejects.map((r) => `${r.line}:${r.reason}`).join('; ')}`,
    );
    assert.ok((fast.files[0]!.sqlRows ?? 0) > 20);
    assert.ok(fast.totals.rejected > 0);
    assert.deepEqual(counts(fast), counts(js));
    assert.deepEqual(fast.files[0]!.messages, js.files[0]!.messages);
    assert.deepEqual(await snapshot(`${sub}-fast.duckdb`), await snapshot(`${sub}-js.duckdb`));
  }
});

test('Parquet with a Type column: one table throughout takes the SQL path, several tables the JS path', async (t) => {
  const dir = tempDir(t);
  const one = join(dir, 'one.parquet');
  const two = join(dir, 'two.parquet');
  const inst = await DuckDBInstance.create(':memory:');
  const c = await inst.connect();
  try {
    const rows = (type: string): string => `SELECT TIMESTAMP_NS '2026-03-01 00:00:00' + to_microseconds(i) AS Timestamp,
        'd' || i AS DeviceName, '203.0.113.' || i AS RemoteIP, 443::INTEGER AS RemotePort, i::BIGINT AS ReportId, ${type} AS "Type"
      FROM range(30) t(i)`;
    await c.run(`COPY (${rows("'DeviceNetworkEvents'")}) TO '${one}' (FORMAT parquet)`);
    await c.run(
      `COPY (${rows("CASE WHEN i % 2 = 0 THEN 'DeviceNetworkEvents' ELSE 'DeviceEvents' END")}) TO '${two}' (FORMAT parquet)`,
    );
  } finally {
    c.closeSync();
    inst.closeSync();
  }
  for (const [file, sql] of [
    [one, true],
    [two, false],
  ] as const) {
    const fast = await ingestPaths(`${file}-fast.duckdb`, [file], {});
    const js = await ingestPaths(`${file}-js.duckdb`, [file], { fast: false });
    assert.equal((fast.files[0]!.sqlRows ?? 0) > 0, sql, `${file}: SQL path ${sql ? 'expected' : 'not expected'}`);
    assert.equal(fast.totals.stored, 30);
    assert.deepEqual(counts(fast), counts(js));
    assert.deepEqual(await snapshot(`${file}-fast.duckdb`), await snapshot(`${file}-js.duckdb`));
  }
});
