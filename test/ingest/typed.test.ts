// The typed NDJSON path (JS checks every line, DuckDB reads the file typed) must store exactly
// what the JS row pipeline stores; any line it can't prove sends the whole file to JS.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { ingestPaths } from '../../src/ingest/index.js';
import { generateLab } from '../../src/lab/index.js';
import { parseTimestampNs } from '../../src/ingest/time.js';
import { tempDir } from './helpers/db.js';
import { both, line } from './helpers/typed.js';

test('a clean export with every awkward-but-valid value takes the typed path and stores what JS stores', async (t) => {
  const dir = tempDir(t);
  const lines = [
    line(
      'DeviceNetworkEvents',
      '"Timestamp":"2026-03-26T15:20:00Z","RemotePort":443,"LocalPort":-1,"ReportId":9007199254740991',
    ),
    line(
      'DeviceNetworkEvents',
      '"Timestamp":"2026-03-26T15:20:00.1Z","RemotePort":1e3,"ReportId":12.0,"RemoteUrl":null',
    ),
    line('DeviceNetworkEvents', '"Timestamp":"2026-03-26T15:20:00.123456789Z","ReportId":-42,"DeviceName":""'),
    line(
      'DeviceProcessEvents',
      '"Timestamp":"1999-12-31T23:59:59.9999999Z","ProcessCommandLine":"cmd /c \\"a\\\\b\\" \\/ \\u00e9 \\u0000 \\t \\r \\ud83d\\ude00 😀","AdditionalFields":"{\\"a\\": 1,  \\"b\\":\\"\\\\u00e9\\"}"',
    ),
    line('DeviceProcessEvents', '"Timestamp":"2024-02-29T00:00:00.5Z","AdditionalFields":"","TenantId":"own"'),
    line(
      'DeviceProcessEvents',
      '"Timestamp":"2024-02-29T00:00:00.05Z","AdditionalFields":"[1,2]","TimeGenerated":"2024-03-01T00:00:00Z"',
    ),
    line('DeviceProcessEvents', '"Timestamp":"2024-02-29T00:00:00.05Z","InitiatingProcessUniqueId":77', ''),
    line(
      'DeviceInfo',
      '"Timestamp":"2026-03-26T15:20:00.1234567Z","IsAzureADJoined":true,"LoggedOnUsers":"[{\\"UserName\\":\\"x\\"}]"',
    ),
    line('DeviceInfo', '"Timestamp":"2026-03-26T15:20:00.1234567Z","IsAzureADJoined":false', '"_extra":{"n":[1,2.5]},'),
  ];
  const f = join(dir, 'clean.ndjson');
  // CRLF ends, an empty line in the middle and no newline after the last line: both readers agree on these.
  writeFileSync(f, lines.slice(0, 4).join('\r\n') + '\r\n\r\n' + lines.slice(4).join('\n'));
  // An earlier (JS) ingest added InitiatingProcessUniqueId to the table: the typed path fills that column too.
  const pre = join(dir, 'pre.ndjson');
  writeFileSync(
    pre,
    line('DeviceProcessEvents', '"Timestamp":"2024-01-01T00:00:00Z","InitiatingProcessUniqueId":5') + '\n',
  );
  const { typed } = await both(dir, [f], [pre]);
  assert.equal(typed.files[0]!.sqlRows, lines.length, 'every row went through the typed insert');
  assert.equal(typed.totals.rejected, 0);
});

test("the lab's streaming export (every table, a malicious device among benign ones) takes the typed path whole and stores what JS stores", async (t) => {
  const dir = tempDir(t);
  const out = join(dir, 'export');
  await generateLab({ scenario: 'mixed', seed: 4, devices: 4, days: 1, out, format: 'streaming' });
  const truth = JSON.parse(readFileSync(join(out, 'truth.json'), 'utf8')) as { entities: unknown[] };
  assert.ok(truth.entities.length > 0, 'seed 4 puts a malicious device in the fleet');
  const { typed } = await both(dir, [out]);
  const telemetry = typed.files.filter((f) => !f.path.endsWith('truth.json'));
  assert.ok(telemetry.length >= 8, 'one file per table');
  for (const f of telemetry) assert.equal(f.sqlRows, f.counts.stored, f.path);
});

test('one line the check cannot prove sends the whole file to the JS pipeline (same rows, same rejects)', async (t) => {
  const ok = line('DeviceNetworkEvents', '"Timestamp":"2026-03-26T15:20:00Z","RemotePort":443');
  const odd: Record<string, string> = {
    nan: line('DeviceNetworkEvents', '"Timestamp":"2026-03-26T15:20:00Z","RemotePort":NaN'),
    trailingComma: line('DeviceNetworkEvents', '"Timestamp":"2026-03-26T15:20:00Z",'),
    fraction: line('DeviceNetworkEvents', '"Timestamp":"2026-03-26T15:20:00Z","ReportId":5.5'),
    intString: line('DeviceNetworkEvents', '"Timestamp":"2026-03-26T15:20:00Z","RemotePort":"443"'),
    newColumn: line('DeviceNetworkEvents', '"Timestamp":"2026-03-26T15:20:00Z","Brand":"new"'),
    keyCase: line('DeviceNetworkEvents', '"timestamp":"2026-03-26T15:20:00Z"'),
    offset: line('DeviceNetworkEvents', '"Timestamp":"2026-03-26T15:20:00+02:00"'),
    object: line('DeviceNetworkEvents', '"Timestamp":"2026-03-26T15:20:00Z","AdditionalFields":{"a":1e3}'),
    paddedJson: line('DeviceNetworkEvents', '"Timestamp":"2026-03-26T15:20:00Z","AdditionalFields":" {\\"a\\":1}"'),
    noTime: line('DeviceNetworkEvents', '"DeviceId":"x"'),
    blanks: '   ',
    eventHub: `{"records":[${ok}]}`,
    numberTenant: line('DeviceNetworkEvents', '"Timestamp":"2026-03-26T15:20:00Z"', '"tenantId":5,'),
    // JSON.parse keeps the last duplicate; DuckDB refuses the line: the insert fails, the file is re-run in JS.
    duplicate: line('DeviceNetworkEvents', '"Timestamp":"2026-03-26T15:20:00Z","DeviceId":"a","DeviceId":"b"'),
  };
  for (const [name, text] of Object.entries(odd)) {
    const dir = tempDir(t);
    const f = join(dir, `${name}.ndjson`);
    writeFileSync(f, [ok, ok, text, ok].join('\n') + '\n');
    const { typed } = await both(dir, [f]);
    assert.equal(typed.files[0]!.sqlRows, undefined, `${name}: the file must have gone through JS`);
    assert.ok(typed.totals.stored >= 3, name);
  }
});

test('a 17 MB line (past DuckDB JSON reader defaults) stores the same value as JS', async (t) => {
  const dir = tempDir(t);
  const f = join(dir, 'huge.ndjson');
  const url = `https://x.example/${'x'.repeat(17 * 2 ** 20)}`;
  writeFileSync(f, line('DeviceNetworkEvents', `"Timestamp":"2026-03-26T15:20:00Z","RemoteUrl":"${url}"`) + '\n');
  const { typed } = await both(dir, [f]);
  assert.equal(typed.totals.stored, 1);
});

test('progress: the check moves the byte count, never past the total, also when the file falls back to JS', async (t) => {
  const dir = tempDir(t);
  const ok = line('DeviceNetworkEvents', '"Timestamp":"2026-03-26T15:20:00Z","RemotePort":443');
  const clean = join(dir, 'clean.ndjson');
  const odd = join(dir, 'odd.ndjson');
  writeFileSync(clean, Array.from({ length: 2000 }, () => ok).join('\n') + '\n');
  writeFileSync(odd, [...Array.from({ length: 2000 }, () => ok), '{"bad":'].join('\n') + '\n');
  for (const f of [clean, odd]) {
    const seen: { done: number; total: number; rows: number }[] = [];
    await ingestPaths(join(dir, 'w.duckdb'), [f], {
      onProgress: (p) => seen.push({ done: p.bytesDone, total: p.bytesTotal, rows: p.rows }),
    });
    assert.ok(
      seen.every((p) => p.done <= p.total),
      `${f}: ${JSON.stringify(seen.filter((p) => p.done > p.total))}`,
    );
    // Before any row is stored, the check has already reported the whole file read.
    assert.ok(
      seen.some((p) => p.rows === 0 && p.done === p.total),
      f,
    );
  }
});

test("DuckDB's TIMESTAMP_NS cast equals the JS parser on Defender's timestamp shape", async () => {
  let seed = 11;
  const rnd = (n: number): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
  const samples: string[] = ['1700-01-01T00:00:00Z', '2199-12-31T23:59:59.999999999Z', '2000-02-29T12:00:00.0000001Z'];
  for (let i = 0; i < 2000; i++) {
    const d = new Date(Date.UTC(1700 + rnd(500), rnd(12), 1 + rnd(31), rnd(24), rnd(60), rnd(60)));
    const digits = rnd(10);
    const frac = digits === 0 ? '' : `.${String(rnd(10 ** Math.min(digits, 9))).padStart(digits, '0')}`;
    samples.push(`${d.toISOString().slice(0, 19)}${frac}Z`);
  }
  const inst = await DuckDBInstance.create(':memory:');
  const c = await inst.connect();
  try {
    const values = samples.map((s) => `('${s}')`).join(', ');
    const r = await c.runAndReadAll(
      `SELECT s, CAST(epoch_ns(TRY_CAST(s AS TIMESTAMP_NS)) AS VARCHAR) FROM (VALUES ${values}) v(s)`,
    );
    for (const [s, ns] of r.getRows()) {
      const js = parseTimestampNs(String(s));
      assert.equal(ns === null ? undefined : BigInt(String(ns)), js, String(s));
    }
  } finally {
    c.closeSync();
    inst.closeSync();
  }
});
