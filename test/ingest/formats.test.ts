// Each hand-written fixture ingested into a fresh workspace, then read back with DuckDB
// directly: the stored values must be the source values, and every row stored or rejected.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ingestPaths, type IngestSummary } from '../../src/ingest/index.js';
import { FIX, lineOf, one, query, tempDir } from './helpers/db.js';

function assertBalanced(s: IngestSummary): void {
  for (const f of s.files) {
    assert.equal(f.counts.read, f.counts.stored + f.counts.rejected, `${f.path}: read = stored + rejected`);
    for (const [t, c] of Object.entries(f.tables)) assert.equal(c.read, c.stored + c.rejected, `${f.path} ${t}`);
  }
}

/** A TIMESTAMP_NS column equals the source text, with DuckDB's own parser as the oracle. */
const tsEq = (col: string, text: string): string => `${col} = CAST(${`'${text.replace(/Z$/, '')}'`} AS TIMESTAMP_NS)`;

test('Event Hub document: mixed tables, unknown categories, extra column, 100-ns time', async (t) => {
  const db = join(tempDir(t), 'w.duckdb');
  const src = `${FIX}/eventhub-mixed.json`;
  const s = await ingestPaths(db, [src]);
  assertBalanced(s);
  const f = s.files[0]!;
  assert.equal(f.format, 'json');
  assert.deepEqual([f.counts.read, f.counts.stored, f.counts.rejected], [4, 2, 2]);
  const text = readFileSync(src, 'utf8');
  const emailLine = lineOf(text, '{', lineOf(text, '"time": "2026-03-26T15:18:21') - 1);
  assert.deepEqual(
    s.rejects.map((r) => [r.line, r.reason]),
    [
      [emailLine, 'unknown table: EmailEvents'],
      [lineOf(text, '{', lineOf(text, '"time": "2026-03-26T15:18:22') - 1), 'unknown table: category "SomethingElse"'],
    ],
  );
  const p = await one(
    db,
    `SELECT ${tsEq('Timestamp', '2026-03-26T15:18:18.7849324Z')} AS ts_ok, ProcessCommandLine, ProcessId, LogonId, CAST(InitiatingProcessUniqueId AS VARCHAR) AS upid, TenantId, ${tsEq('TimeGenerated', '2026-03-26T15:18:19.1234567Z')} AS tg_ok, AdditionalFields FROM DeviceProcessEvents`,
  );
  const props = (JSON.parse(text) as { records: { properties: Record<string, unknown> }[] }).records[0]!.properties;
  assert.equal(p['ts_ok'], true);
  assert.equal(p['ProcessCommandLine'], props['ProcessCommandLine']);
  assert.equal(p['ProcessId'], BigInt(props['ProcessId'] as number));
  assert.equal(p['LogonId'], 999n);
  // Exact digits as written in the file, beyond what a JS number holds.
  assert.equal(p['upid'], /"InitiatingProcessUniqueId": (\d+)/.exec(text)![1]);
  assert.equal(p['TenantId'], '7a1c6f55-0000-4000-8000-000000000001');
  assert.equal(p['tg_ok'], true);
  assert.equal(p['AdditionalFields'], null);
  const fe = await one(
    db,
    `SELECT ${tsEq('Timestamp', '2026-03-26T15:18:19.0000001Z')} AS ts_ok, json_extract_string(AdditionalFields, '$.FileType') AS ft, FileSize, IsAzureInfoProtectionApplied FROM DeviceFileEvents`,
  );
  assert.deepEqual(fe, { ts_ok: true, ft: '7z', FileSize: 73400320n, IsAzureInfoProtectionApplied: false });
  const types = await query(
    db,
    `SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'DeviceProcessEvents' AND column_name IN ('Timestamp', 'AdditionalFields', 'InitiatingProcessUniqueId') ORDER BY 1`,
  );
  assert.deepEqual(
    types.map((r) => r['data_type']),
    ['JSON', 'BIGINT', 'TIMESTAMP_NS'],
  );
});

test('storage-account NDJSON with BOM and CRLF: wrong type, bad JSON, missing Timestamp at file:line', async (t) => {
  const db = join(tempDir(t), 'w.duckdb');
  const src = `${FIX}/storage-nasty.ndjson`;
  const s = await ingestPaths(db, [src]);
  assertBalanced(s);
  const text = readFileSync(src, 'utf8');
  assert.deepEqual(
    s.rejects.map((r) => [r.line, r.reason.split(':')[0]]),
    [
      [lineOf(text, '"not-a-port"'), 'wrong type'],
      [lineOf(text, '"time":"2026-03-26T15:20:02'), 'bad JSON'],
      [lineOf(text, '"ReportId":9004'), 'missing Timestamp'],
    ],
  );
  assert.match(s.rejects[0]!.reason, /RemotePort expected int, got "not-a-port"/);
  const n = await one(
    db,
    `SELECT DeviceId, RemoteUrl, RemotePort, ${tsEq('Timestamp', '2026-03-26T15:19:59.9999999Z')} AS ts_ok FROM DeviceNetworkEvents`,
  );
  assert.deepEqual(n, { DeviceId: 'd1', RemoteUrl: 'mega.nz', RemotePort: 443, ts_ok: true });
  const l = await one(db, `SELECT IsLocalAdmin, RemotePort, AccountName FROM DeviceLogonEvents`);
  assert.deepEqual(l, { IsLocalAdmin: true, RemotePort: 3389, AccountName: 'alice' });
  const rj = await query(db, `SELECT line, table_name, reason FROM _exfilhunt_rejects ORDER BY line`);
  assert.deepEqual(
    rj.map((r) => Number(r['line'])),
    s.rejects.map((r) => r.line),
  );
});

test('hunting API response: table inferred from the columns, with a message; values as in Results', async (t) => {
  const db = join(tempDir(t), 'w.duckdb');
  const src = `${FIX}/hunting-api.json`;
  const s = await ingestPaths(db, [src]);
  assertBalanced(s);
  assert.match(s.files[0]!.messages.join('\n'), /inferred from the columns: DeviceNetworkEvents/);
  const results = (JSON.parse(readFileSync(src, 'utf8')) as { Results: Record<string, unknown>[] }).Results;
  const rows = await query(
    db,
    `SELECT DeviceId, DeviceName, ActionType, RemoteIP, RemotePort, RemoteUrl, LocalIPType, epoch_ns(Timestamp) AS ns FROM DeviceNetworkEvents ORDER BY Timestamp`,
  );
  assert.equal(rows.length, results.length);
  for (let i = 0; i < rows.length; i++) {
    for (const k of ['DeviceId', 'DeviceName', 'ActionType', 'RemoteIP', 'RemotePort', 'RemoteUrl', 'LocalIPType'])
      assert.equal(rows[i]![k], results[i]![k], k);
    const ok = await one(
      db,
      `SELECT ${tsEq('Timestamp', String(results[i]!['Timestamp']))} AS ok FROM DeviceNetworkEvents WHERE epoch_ns(Timestamp) = ${String(rows[i]!['ns'])}`,
    );
    assert.equal(ok['ok'], true);
  }
});

test('Graph projection: ambiguous without --table (nothing stored, not logged), stored with it', async (t) => {
  const db = join(tempDir(t), 'w.duckdb');
  const src = `${FIX}/graph-projection.json`;
  const a = await ingestPaths(db, [src]);
  assertBalanced(a);
  assert.equal(a.files[0]!.status, 'nothing-stored');
  assert.match(a.files[0]!.messages[0]!, /cannot infer the table: the columns fit .*DeviceFileEvents.*; pass --table/);
  const b = await ingestPaths(db, [src], { table: 'DeviceFileEvents' });
  assert.equal(b.files[0]!.status, 'ingested');
  const rows = await query(db, `SELECT FileName, SHA256 FROM DeviceFileEvents ORDER BY Timestamp`);
  assert.deepEqual(rows, [
    { FileName: 'rclone.exe', SHA256: 'aa11' },
    { FileName: 'report.xlsx', SHA256: 'bb22' },
  ]);
});

test('Defender portal CSV: quoted newline and doubled quotes, JSON cell, FALSE/true', async (t) => {
  const db = join(tempDir(t), 'w.duckdb');
  const s = await ingestPaths(db, [`${FIX}/defender-portal.csv`], { table: 'DeviceProcessEvents' });
  assertBalanced(s);
  assert.equal(s.totals.stored, 2);
  const rows = await query(
    db,
    `SELECT ${tsEq('Timestamp', '2023-10-18T14:37:28.2012261Z')} AS ts_ok, ProcessCommandLine, ProcessId, IsProcessRemoteSession, json_extract(AdditionalFields, '$.uniqueEventsAggregated')::INT AS agg FROM DeviceProcessEvents ORDER BY Timestamp`,
  );
  assert.deepEqual(rows[0], {
    ts_ok: true,
    ProcessCommandLine: 'powershell -c "Compress-Archive C:\\HR\\* $env:TEMP\\hr.zip"\r\nsecond line of the command',
    ProcessId: 4242n,
    IsProcessRemoteSession: false,
    agg: null,
  });
  assert.deepEqual(rows[1], {
    ts_ok: false,
    ProcessCommandLine: null,
    ProcessId: null,
    IsProcessRemoteSession: true,
    agg: 12,
  });
});

test('Log Analytics CSV: [UTC] headers, locale dates, FALSE, Type names the table, extras kept', async (t) => {
  const db = join(tempDir(t), 'w.duckdb');
  const s = await ingestPaths(db, [`${FIX}/sentinel-export.csv`]);
  assertBalanced(s);
  const rows = await query(
    db,
    `SELECT ${tsEq('TimeGenerated', '2026-03-26T15:18:18.790')} AS tg, ${tsEq('Timestamp', '2026-03-26T15:18:17.123')} AS ts, ProcessCommandLine, IsProcessRemoteSession, Type, CAST(InitiatingProcessUniqueId AS VARCHAR) AS u FROM DeviceProcessEvents ORDER BY Timestamp`,
  );
  assert.deepEqual(rows, [
    {
      tg: true,
      ts: true,
      ProcessCommandLine: 'robocopy C:\\Legal \\\\nas\\drop /E',
      IsProcessRemoteSession: false,
      Type: 'DeviceProcessEvents',
      u: '1234',
    },
    {
      tg: false,
      ts: false,
      ProcessCommandLine: 'cmd /c "echo, hi"',
      IsProcessRemoteSession: true,
      Type: 'DeviceProcessEvents',
      u: '1235',
    },
  ]);
});

test('Log Analytics JSON array: rows routed by Type, dynamic values, billing extras kept', async (t) => {
  const db = join(tempDir(t), 'w.duckdb');
  const s = await ingestPaths(db, [`${FIX}/sentinel-export.json`]);
  assertBalanced(s);
  assert.deepEqual(Object.keys(s.tables).sort(), ['DeviceInfo', 'DeviceNetworkEvents']);
  const n = await one(
    db,
    `SELECT json_extract_string(AdditionalFields, '$.direction') AS dir, MachineGroup, _BilledSize, _IsBillable, SourceSystem FROM DeviceNetworkEvents`,
  );
  assert.deepEqual(n, {
    dir: 'Out',
    MachineGroup: 'Finance',
    _BilledSize: 1042,
    _IsBillable: 'True',
    SourceSystem: '',
  });
  const i = await one(
    db,
    `SELECT json_extract_string(LoggedOnUsers, '$[0].UserName') AS u, OSBuild, IsAzureADJoined FROM DeviceInfo`,
  );
  assert.deepEqual(i, { u: 'erin', OSBuild: 19045n, IsAzureADJoined: true });
});

test('plain NDJSON rows: inferred table, JSON array column; empty file is a no-op', async (t) => {
  const db = join(tempDir(t), 'w.duckdb');
  const s = await ingestPaths(db, [`${FIX}/rows-filecert.ndjson`, `${FIX}/empty.ndjson`]);
  assertBalanced(s);
  assert.equal(s.files[1]!.status, 'empty');
  const r = await query(
    db,
    `SELECT SHA1, IsSigned, json_extract_string(CrlDistributionPointUrls, '$[0]') AS crl FROM DeviceFileCertificateInfo ORDER BY SHA1`,
  );
  assert.deepEqual(r, [
    { SHA1: 'abc1', IsSigned: true, crl: 'http://crl.contoso.com/a.crl' },
    { SHA1: 'abc2', IsSigned: false, crl: null },
  ]);
  const log = await query(db, `SELECT path, rows_stored FROM _exfilhunt_ingest_log`);
  assert.deepEqual(log, [{ path: `${FIX}/rows-filecert.ndjson`, rows_stored: 2n }]);
});
