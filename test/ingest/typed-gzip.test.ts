// gzip-compressed storage-account NDJSON through the typed path: JS checks the decompressed
// lines, DuckDB reads the compressed file. The workspace (rows, stored text, rejects, log with
// both hashes) must be what the JS row pipeline makes of the same file, whatever the gzip
// oddity; anything DuckDB's gunzip may read differently goes to JS.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ingestPaths } from '../../src/ingest/index.js';
import { checkGzip } from '../../src/ingest/fast/gzip-check.js';
import type { ColumnTypes } from '../../src/ingest/fast/typed-check.js';
import { MDE_TABLES } from '../../src/schema/index.js';
import { generateLab } from '../../src/lab/index.js';
import { query, tempDir } from './helpers/db.js';
import { both, line } from './helpers/typed.js';

const sha = (b: Buffer | string): string => createHash('sha256').update(b).digest('hex');

/** `n` clean DeviceNetworkEvents/DeviceProcessEvents lines. */
function clean(n: number): string[] {
  return Array.from({ length: n }, (_, i) =>
    i % 2 === 0
      ? line(
          'DeviceNetworkEvents',
          `"Timestamp":"2026-03-26T15:20:00.${String(i).padStart(7, '0')}Z","RemotePort":${i}`,
        )
      : line(
          'DeviceProcessEvents',
          `"Timestamp":"2026-03-26T15:21:00Z","ProcessCommandLine":"cmd /c \\"é ${i}\\"","AdditionalFields":"{\\"n\\": ${i}}"`,
        ),
  );
}

/** A gzip member whose header carries header flag `flag` (with its field) before the deflate data. */
function withHeaderField(member: Buffer, flag: number, field: Buffer): Buffer {
  const head = Buffer.from(member.subarray(0, 10));
  head[3] = head[3]! | flag;
  return Buffer.concat([head, field, member.subarray(10)]);
}

test('a clean gzip export takes the typed path; both hashes are logged as JS logs them', async (t) => {
  const dir = tempDir(t);
  const text = clean(400).join('\n') + '\n';
  // The name says nothing: the content is gzip (DuckDB is told so, not left to guess from ".ndjson").
  const f = join(dir, 'export.ndjson');
  const gz = gzipSync(text);
  writeFileSync(f, gz);
  const { typed } = await both(dir, [f]);
  assert.equal(typed.files[0]!.gzip, true);
  assert.equal(typed.files[0]!.sqlRows, 400, 'every row went through the typed insert');
  const log = await query(
    join(dir, 'typed.duckdb'),
    'SELECT DISTINCT sha256, content_sha256 FROM _exfilhunt_ingest_log',
  );
  assert.deepEqual(log, [{ sha256: sha(gz), content_sha256: sha(text) }]);
});

test("the lab's streaming export, every file gzipped, takes the typed path and stores what JS stores", async (t) => {
  const dir = tempDir(t);
  const out = join(dir, 'export');
  await generateLab({ scenario: 'mixed', seed: 4, devices: 3, days: 1, out, format: 'streaming' });
  for (const name of readdirSync(out, { recursive: true, encoding: 'utf8' })) {
    const p = join(out, name);
    if (statSync(p).isFile()) writeFileSync(p, gzipSync(readFileSync(p)));
  }
  const { typed } = await both(dir, [out]);
  const telemetry = typed.files.filter((f) => !f.path.endsWith('truth.json'));
  assert.ok(telemetry.length >= 8, 'one file per table');
  for (const f of telemetry) assert.equal(f.sqlRows, f.counts.stored, f.path);
});

test('a multi-member gzip (members split mid-line, an empty member, FNAME/FEXTRA headers) takes the typed path', async (t) => {
  const dir = tempDir(t);
  const text = Buffer.from(clean(300).join('\n') + '\n');
  const cuts = [0, 1000, 1001, 17_345, text.length];
  const members: Buffer[] = cuts.slice(1).map((end, i) => gzipSync(text.subarray(cuts[i]!, end)));
  members.splice(2, 0, gzipSync(''));
  members[1] = withHeaderField(members[1]!, 0x08, Buffer.from('part2.ndjson\0'));
  members[3] = withHeaderField(members[3]!, 0x04, Buffer.from([4, 0, 1, 2, 3, 4]));
  const f = join(dir, 'multi.gz');
  writeFileSync(f, Buffer.concat(members));
  const { typed } = await both(dir, [f]);
  assert.equal(typed.files[0]!.sqlRows, 300);
  const log = await query(join(dir, 'typed.duckdb'), 'SELECT DISTINCT content_sha256 FROM _exfilhunt_ingest_log');
  assert.deepEqual(log, [{ content_sha256: sha(text) }]);
});

test('gzip that DuckDB reads differently from node:zlib goes to JS: same workspace, same failure', async (t) => {
  // Large enough that the format peek (the first line) ends before the damage: the check meets it.
  const text = clean(1500).join('\n') + '\n';
  const gz = gzipSync(text);
  const crc = Buffer.from(gz);
  crc[crc.length - 6] = crc[crc.length - 6]! ^ 1;
  const odd: Record<string, { bytes: Buffer; status: string }> = {
    truncated: { bytes: gz.subarray(0, Math.floor(gz.length / 2)), status: 'failed' },
    // DuckDB does not verify the trailer: it would store the rows; node:zlib (the JS path) fails the file.
    badCrc: { bytes: crc, status: 'failed' },
    trailingGarbage: { bytes: Buffer.concat([gz, Buffer.from('garbage')]), status: 'failed' },
    // node:zlib stops at zero padding after a member; DuckDB refuses it (the insert fails: re-run in JS).
    zeroPadding: { bytes: Buffer.concat([gz, Buffer.alloc(512)]), status: 'ingested' },
    // DuckDB refuses FCOMMENT/FTEXT/FHCRC headers: seen in the first header, so JS straight away.
    comment: { bytes: withHeaderField(gz, 0x10, Buffer.from('a comment\0')), status: 'ingested' },
    // On a later member, DuckDB's refusal sends the file to JS.
    laterComment: {
      bytes: Buffer.concat([gzipSync(text), withHeaderField(gzipSync(text), 0x10, Buffer.from('c\0'))]),
      status: 'ingested',
    },
  };
  for (const [name, { bytes, status }] of Object.entries(odd)) {
    const dir = tempDir(t);
    const f = join(dir, `${name}.ndjson.gz`);
    writeFileSync(f, bytes);
    const { typed } = await both(dir, [f]);
    const file = typed.files[0]!;
    assert.equal(file.status, status, `${name}: ${file.messages.join('; ')}`);
    assert.equal(file.sqlRows, undefined, `${name}: the file must have gone through JS`);
    if (status === 'failed') {
      assert.match(file.messages.join('\n'), /^file not ingested \(rolled back\): /, name);
      const n = await query(join(dir, 'typed.duckdb'), 'SELECT count(*) AS n FROM DeviceNetworkEvents');
      assert.equal(n[0]!['n'], 0n, `${name}: nothing stored`);
    }
  }
});

test('the check itself fails on a truncated or corrupt gzip (the file then goes to JS)', async (t) => {
  const dir = tempDir(t);
  const gz = gzipSync(clean(1500).join('\n') + '\n');
  const crc = Buffer.from(gz);
  crc[crc.length - 6] = crc[crc.length - 6]! ^ 1;
  const types: ColumnTypes = {};
  for (const t of MDE_TABLES) types[t.name] = t.workspaceColumns.map((c) => [c.name, c.type]);
  for (const [name, bytes, why] of [
    ['truncated', gz.subarray(0, gz.length - 20), /^gzip: unexpected end of file/],
    ['badCrc', crc, /^gzip: incorrect data check/],
  ] as const) {
    const f = join(dir, name);
    writeFileSync(f, bytes);
    const r = await checkGzip(f, types);
    assert.equal(r.ok, false, name);
    if (!r.ok) assert.match(r.reason, why, name);
  }
});

test('a gzip file with one bad line goes to JS, which rejects that line with its file:line', async (t) => {
  const dir = tempDir(t);
  const lines = clean(50);
  lines.splice(36, 0, '{"category":"AdvancedHunting-DeviceNetworkEvents","properties":{');
  const f = join(dir, 'bad.json.gz');
  writeFileSync(f, gzipSync(lines.join('\n') + '\n'));
  const { typed } = await both(dir, [f]);
  assert.equal(typed.files[0]!.sqlRows, undefined);
  assert.equal(typed.totals.stored, 50);
  assert.equal(typed.rejects.length, 1);
  assert.equal(typed.rejects[0]!.line, 37);
  assert.match(typed.rejects[0]!.reason, /^bad JSON/);
});

test('a gzip file whose content starts with a byte-order mark goes to JS', async (t) => {
  const dir = tempDir(t);
  const f = join(dir, 'bom.ndjson');
  writeFileSync(f, gzipSync('\ufeff' + clean(10).join('\n') + '\n'));
  const { typed } = await both(dir, [f]);
  assert.equal(typed.files[0]!.sqlRows, undefined);
  assert.equal(typed.totals.stored, 10);
});

test('a plain file named .gz is read uncompressed by the typed path', async (t) => {
  const dir = tempDir(t);
  const f = join(dir, 'not-really.json.gz');
  writeFileSync(f, clean(20).join('\n') + '\n');
  const { typed } = await both(dir, [f]);
  assert.equal(typed.files[0]!.sqlRows, 20);
});

test('duplicates: a gzip of content already ingested, the plain file after its gzip, the same gzip twice', async (t) => {
  const dir = tempDir(t);
  const text = clean(30).join('\n') + '\n';
  const plain = join(dir, 'a.ndjson');
  const gz = join(dir, 'a.ndjson.gz');
  const gz2 = join(dir, 'copy.bin');
  writeFileSync(plain, text);
  writeFileSync(gz, gzipSync(text));
  writeFileSync(gz2, gzipSync(text, { level: 1 }));
  for (const order of [
    [plain, gz],
    [gz, plain],
    [gz, gz2],
  ]) {
    const sub = tempDir(t);
    const { typed } = await both(sub, order);
    assert.deepEqual(
      typed.files.map((f) => f.status),
      ['ingested', 'duplicate'],
      order.join(' then '),
    );
    assert.ok(typed.files[0]!.sqlRows === 30, order.join(' then '));
    const again = await ingestPaths(join(sub, 'typed.duckdb'), [order[0]!]);
    assert.equal(again.files[0]!.status, 'duplicate');
  }
});

test('progress on a gzip file: compressed bytes, never past the total, also when it falls back to JS', async (t) => {
  const dir = tempDir(t);
  const good = join(dir, 'good.gz');
  const odd = join(dir, 'odd.gz');
  writeFileSync(good, gzipSync(clean(3000).join('\n') + '\n'));
  writeFileSync(odd, gzipSync([...clean(3000), '{"bad":'].join('\n') + '\n'));
  for (const f of [good, odd]) {
    const seen: { done: number; total: number; rows: number }[] = [];
    await ingestPaths(join(dir, 'w.duckdb'), [f], {
      onProgress: (p) => seen.push({ done: p.bytesDone, total: p.bytesTotal, rows: p.rows }),
    });
    assert.ok(
      seen.every((p) => p.done <= p.total),
      f,
    );
    assert.ok(
      seen.some((p) => p.rows === 0 && p.done === p.total),
      f,
    );
  }
});
