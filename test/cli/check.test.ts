// `exfilhunt check`: human output, --jsonl records, exit codes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkJsonl, checkRecord, formatCheck } from '../../src/cli/commands/check.js';

test('a clean query prints its columns and exits 0', () => {
  const r = formatCheck(
    'DeviceNetworkEvents | where RemotePort == "443" | project Timestamp, RemotePort, Url = RemoteUrl',
    false,
  );
  assert.equal(r.code, 0);
  assert.equal(r.err, '');
  assert.equal(r.out, 'Timestamp   datetime\nRemotePort  int\nUrl         string\n');
});

test('errors are rendered with a caret and a hint, exit 1', () => {
  const r = formatCheck('DeviceNetworkEvents\n| where RemotePrt == 443', false);
  assert.equal(r.code, 1);
  assert.equal(r.out, '');
  assert.match(r.err, /^error\[KS142\]: The name 'RemotePrt'/);
  assert.match(r.err, /\n2 \| \| where RemotePrt == 443\n {2}\| {9}\^{9}\n/);
  assert.match(r.err, /help: did you mean 'RemotePort'\?/);
  assert.match(r.err, /1 error\n$/);
});

test('jsonl records carry codes, phases, spans and Kusto type names', () => {
  const ok = checkRecord('q1', 'DeviceFileEvents | summarize count() by DeviceName');
  assert.deepEqual(ok, {
    id: 'q1',
    ok: true,
    diagnostics: [],
    columns: [
      { name: 'DeviceName', type: 'string' },
      { name: 'count_', type: 'long' },
    ],
  });
  const bad = checkRecord('q2', 'DeviceFileEvents | where');
  assert.equal(bad.ok, false);
  assert.ok(bad.diagnostics.every((d) => d.phase === 'syntax' || d.phase === 'binding'));
  assert.ok(bad.diagnostics.some((d) => d.phase === 'syntax' && d.severity === 'error'));
  const unbound = checkRecord(null, 'DeviceFileEvents | project Nope');
  assert.deepEqual(
    unbound.diagnostics.map((d) => [d.code, d.phase, d.start, d.end]),
    [['KS142', 'binding', 27, 31]],
  );
  assert.deepEqual(unbound.columns, []);
});

test('jsonl input: one output line per input line, invalid lines reported', () => {
  const { lines, allOk } = checkJsonl('{"id":"a","kql":"DeviceEvents | count"}\n\nnot json\n{"id":7}\n');
  assert.equal(allOk, false);
  assert.equal(lines.length, 3);
  const parsed = lines.map((l) => JSON.parse(l) as { id: string | null; ok: boolean; diagnostics: { code: string }[] });
  assert.deepEqual(
    parsed.map((p) => [p.id, p.ok, p.diagnostics.map((d) => d.code)]),
    [
      ['a', true, []],
      [null, false, ['EXF290']],
      [null, false, ['EXF290']],
    ],
  );
});

test('the CLI process: exit codes and --jsonl file', () => {
  const cli = (args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'scripts/cli.ts', 'check', ...args], { encoding: 'utf8' });
  const good = cli(['DeviceFileEvents | take 1 | project FileName']);
  assert.equal(good.status, 0, good.stderr);
  assert.equal(good.stdout, 'FileName  string\n');
  const bad = cli(['DeviceFileEvent | take 1']);
  assert.equal(bad.status, 1);
  assert.match(bad.stderr, /error\[KS204\]/);
  assert.ok(!bad.stderr.includes('\u001b['), 'no color when not a TTY');
  const dir = mkdtempSync(join(tmpdir(), 'exf-check-'));
  const file = join(dir, 'q.jsonl');
  writeFileSync(file, '{"id":"x","kql":"print a = 1"}\n');
  const j = cli(['--jsonl', file]);
  assert.equal(j.status, 0, j.stderr);
  assert.deepEqual(JSON.parse(j.stdout), {
    id: 'x',
    ok: true,
    diagnostics: [],
    columns: [{ name: 'a', type: 'long' }],
  });
});
