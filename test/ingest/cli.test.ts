// The CLI end to end through a spawned process (stdout piped, so no progress output).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIX, tempDir } from './helpers/db.js';

function cli(args: string[]): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/cli.ts', ...args], {
    encoding: 'utf8',
    env: { ...process.env, NODE_NO_WARNINGS: '1' },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

test('ingest --json, then tables; quiet when piped; a re-run is reported as duplicates', (t) => {
  const db = join(tempDir(t), 'w.duckdb');
  const a = cli(['ingest', '--db', db, '--json', `${FIX}/sentinel-export.json`, `${FIX}/storage-nasty.ndjson`]);
  assert.equal(a.code, 0, a.err);
  assert.equal(a.err, '');
  const s = JSON.parse(a.out) as {
    totals: { read: number; stored: number; rejected: number };
    rejects: { path: string; line: number }[];
  };
  assert.deepEqual(s.totals, { read: 7, stored: 4, rejected: 3 });
  assert.ok(s.rejects.every((r) => r.path.endsWith('storage-nasty.ndjson') && r.line > 0));

  const b = cli(['ingest', '--db', db, `${FIX}/sentinel-export.json`]);
  assert.equal(b.code, 0);
  assert.match(b.out, /^duplicate .*sentinel-export\.json/m);
  assert.match(b.out, /already ingested from/);

  const tb = cli(['tables', '--db', db]);
  assert.equal(tb.code, 0, tb.err);
  assert.match(
    tb.out,
    /^DeviceNetworkEvents {2}2 rows {2}2 devices {2}2026-03-26T15:18:18\.7900000Z \.\. 2026-03-26T15:19:59\.9999999Z$/m,
  );
  assert.match(tb.out, /from .*storage-nasty\.ndjson \(1 rows/);
  assert.match(tb.out, /extra columns: _BilledSize, _IsBillable/);
});

test('usage errors: unknown table, no paths, missing workspace', (t) => {
  const dir = tempDir(t);
  assert.equal(cli(['ingest', '--db', join(dir, 'w.duckdb'), '--table', 'Nope', FIX]).code, 2);
  assert.equal(cli(['ingest', '--db', join(dir, 'w.duckdb')]).code, 2);
  const r = cli(['tables', '--db', join(dir, 'missing.duckdb')]);
  assert.equal(r.code, 2);
  assert.match(r.err, /no workspace/);
});

test('tables lists the first five source files of a table, and every file with --files', (t) => {
  const dir = tempDir(t);
  const db = join(dir, 'w.duckdb');
  const files = Array.from({ length: 7 }, (_, i) => {
    const f = join(dir, `hour-${i}.json`);
    writeFileSync(
      f,
      `{"category":"AdvancedHunting-DeviceFileEvents","properties":{"Timestamp":"2026-03-26T0${i}:00:00.0000000Z","DeviceId":"d${i}"}}\n`.repeat(
        i + 1,
      ),
    );
    return f;
  });
  assert.equal(cli(['ingest', '--db', db, ...files]).code, 0);
  const short = cli(['tables', '--db', db]);
  assert.equal(short.code, 0, short.err);
  assert.deepEqual(
    [...short.out.matchAll(/from .*(hour-\d)\.json/g)].map((m) => m[1]),
    ['hour-0', 'hour-1', 'hour-2', 'hour-3', 'hour-4'],
  );
  // The two files not listed hold 6 + 7 rows.
  assert.match(short.out, /^ {2}… and 2 more files \(13 rows, last ingested .* UTC; --files lists them\)$/m);
  const all = cli(['tables', '--db', db, '--files']);
  assert.equal([...all.out.matchAll(/from .*hour-\d\.json/g)].length, 7);
  assert.doesNotMatch(all.out, /more files/);
});
