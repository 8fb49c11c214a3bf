// Atomicity against a real crash: a child process is SIGKILLed part-way through a file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ingestPaths } from '../../src/ingest/index.js';
import { FIX, query, tempDir } from './helpers/db.js';
import { sqlString } from '../../src/sql/escape.js';

// Over one DuckDB row group (122,880 rows), so part of the transaction is already written to the file when killed.
const ROWS = 140_000;
const KILL_AFTER = 125_000;

async function snapshot(db: string): Promise<unknown> {
  return query(
    db,
    `SELECT (SELECT count(*) FROM DeviceNetworkEvents) AS n,
            (SELECT md5(string_agg(DeviceId || '|' || CAST(Timestamp AS VARCHAR), ',' ORDER BY Timestamp, DeviceId)) FROM DeviceNetworkEvents) AS h,
            (SELECT string_agg(path || ':' || rows_stored, ',' ORDER BY path) FROM _exfilhunt_ingest_log) AS log,
            (SELECT count(*) FROM _exfilhunt_rejects) AS rejects`,
  );
}

/** `rows` DeviceNetworkEvents lines in storage-account NDJSON, DeviceIds `${prefix}0`, `${prefix}1`, ... */
async function writeNetworkEvents(path: string, rows: number, prefix: string): Promise<void> {
  const out = createWriteStream(path);
  for (let i = 0; i < rows; i++) {
    const line = `{"category":"AdvancedHunting-DeviceNetworkEvents","properties":{"Timestamp":"2026-03-27T00:00:00.${String(i).padStart(7, '0')}Z","DeviceId":"${prefix}${i}","RemotePort":${i % 65535}}}\n`;
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

/** Ingest `files` in one run in a child process and SIGKILL it once `after` rows have been read. */
async function killMidway(files: readonly string[], db: string, after: number, mode: string): Promise<void> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'test/ingest/helpers/kill-child.ts', files.join(','), db, String(after), mode],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let seen = '';
  const exited = once(child, 'exit');
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      seen += d.toString();
      if (seen.includes('MID')) {
        child.kill('SIGKILL');
        resolve();
      }
    });
    child.on('exit', () => reject(new Error(`child exited before MID: ${seen}`)));
  });
  const [, signal] = (await exited) as [number | null, string | null];
  assert.equal(signal, 'SIGKILL');
  assert.ok(!seen.includes('DONE'), 'the child must die before committing');
}

// 'typed' on a gzip file: the check decompresses it, DuckDB reads the compressed file.
for (const [mode, gzip] of [
  ['fast', false],
  ['typed', false],
  ['js', false],
  ['typed', true],
] as const)
  test(`kill -9 mid-file leaves the workspace exactly as before; the file then ingests cleanly (${mode} path${gzip ? ', gzip' : ''})`, async (t) => {
    const dir = tempDir(t);
    const db = join(dir, 'w.duckdb');
    await ingestPaths(db, [`${FIX}/hunting-api.json`, `${FIX}/storage-nasty.ndjson`]);
    const before = await snapshot(db);

    const big = join(dir, 'big.ndjson');
    await writeNetworkEvents(big, ROWS, 'k');
    if (gzip) writeFileSync(big, gzipSync(readFileSync(big)));

    await killMidway([big], db, KILL_AFTER, mode);
    assert.deepEqual(await snapshot(db), before);
    const again = await ingestPaths(db, [big]);
    assert.equal(again.files[0]!.status, 'ingested');
    assert.equal(again.totals.stored, ROWS);
    const n = await query(db, 'SELECT count(*) AS n FROM DeviceNetworkEvents');
    assert.equal(n[0]!['n'], BigInt(ROWS + 3));
  });

// Ingest checkpoints only when the WAL passes 1 GB, so a file committed earlier in the same run
// may exist only in the WAL when the process dies; reopening must replay it, and only it.
test('kill -9 in the second file of a run keeps the first file, committed to the WAL only', async (t) => {
  const dir = tempDir(t);
  const db = join(dir, 'w.duckdb');
  await ingestPaths(db, [`${FIX}/hunting-api.json`]);
  const first = join(dir, 'first.ndjson');
  await writeNetworkEvents(first, 1000, 'f');
  const big = join(dir, 'big.ndjson');
  await writeNetworkEvents(big, ROWS, 'k');

  await killMidway([first, big], db, 1000 + KILL_AFTER, 'typed');
  assert.ok(existsSync(`${db}.wal`), 'the first file should still be in the WAL, not checkpointed');
  const rows = await query(
    db,
    `SELECT count(*) FILTER (WHERE DeviceId LIKE 'f%') AS f, count(*) FILTER (WHERE DeviceId LIKE 'k%') AS k,
            (SELECT string_agg(rows_stored::VARCHAR, ',') FROM _exfilhunt_ingest_log WHERE path = ${sqlString(first)}) AS first_log,
            (SELECT count(*) FROM _exfilhunt_ingest_log WHERE path = ${sqlString(big)}) AS big_log
     FROM DeviceNetworkEvents`,
  );
  assert.deepEqual(rows[0], { f: 1000n, k: 0n, first_log: '1000', big_log: 0n });
});
