// The query/explain commands, run as the CLI runs them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function cli(args: string[], cwd = process.cwd()): { code: number; out: string; err: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(process.cwd(), 'scripts/cli.ts'), ...args], {
    cwd: process.cwd(),
    encoding: 'utf8',
    env: { ...process.env, NODE_NO_WARNINGS: '1' },
  });
  void cwd;
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

/** Runs `body` with a fresh temporary directory, removed afterwards. */
function inTempDir(body: (dir: string) => void): void {
  const dir = mkdtempSync(join(tmpdir(), 'exfilhunt-cli-'));
  try {
    body(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('query --batch writes one JSON line per query and goes on after an error', () => {
  inTempDir((dir) => {
    const batch = join(dir, 'b.jsonl');
    const db = join(dir, 'missing.duckdb');
    writeFileSync(
      batch,
      [
        JSON.stringify({
          id: 'a',
          kql: 'print x = 1, t = datetime(2025-11-20T00:48:57.6034636Z), d = dynamic({"k":[1]})',
        }),
        JSON.stringify({ id: 'b', kql: 'print nosuchfn(1)' }),
        JSON.stringify({ id: 'c', kql: 'range i from 1 to 2 step 1' }),
      ].join('\n'),
    );
    const r = cli(['query', '--db', db, '--batch', batch]);
    const lines = r.out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    assert.equal(lines.length, 3);
    assert.deepEqual(lines[0], {
      id: 'a',
      columns: [
        { name: 'x', type: 'long' },
        { name: 't', type: 'datetime' },
        { name: 'd', type: 'dynamic' },
      ],
      rows: [[1, '2025-11-20T00:48:57.6034636Z', { k: [1] }]],
    });
    const err = lines[1]?.['error'] as Record<string, unknown>;
    assert.equal(lines[1]?.['id'], 'b');
    assert.equal(typeof err['code'], 'string');
    assert.equal(typeof err['start'], 'number');
    assert.deepEqual(lines[2], { id: 'c', columns: [{ name: 'i', type: 'long' }], rows: [[1], [2]] });
    assert.equal(existsSync(db), false, 'a missing workspace must not be created');
  });
});

test('query --format csv/table and explain', () => {
  inTempDir((dir) => {
    const db = join(dir, 'none.duckdb');
    const csv = cli(['query', '--db', db, '--format', 'csv', 'print a = "x,y", b = true']);
    assert.equal(csv.out, 'a,b\r\n"x,y",true\r\n');
    const table = cli(['query', '--db', db, 'print s = "\u001b[31mred"']);
    assert.ok(!table.out.includes('\u001b'), 'terminal escapes are sanitized');
    assert.match(table.out, /\\x1b\[31mred/);
    const ex = cli(['explain', '--db', db, 'print x = 1 | where x > 0']);
    assert.equal(ex.code, 0);
    assert.match(ex.out, /-- plan\nFilter/);
    assert.match(ex.out, /-- sql \(DuckDB\)\nSELECT/);
    const now = cli([
      'query',
      '--db',
      db,
      '--now',
      '2025-01-02T03:04:05Z',
      '--format',
      'json',
      'print n = now(), a = ago(1h)',
    ]);
    assert.deepEqual(JSON.parse(now.out), {
      columns: [
        { name: 'n', type: 'datetime' },
        { name: 'a', type: 'datetime' },
      ],
      rows: [['2025-01-02T03:04:05.0000000Z', '2025-01-02T02:04:05.0000000Z']],
    });
  });
});

test('a query with several tabular statements returns one table per statement, in order', () => {
  inTempDir((dir) => {
    const db = join(dir, 'none.duckdb');
    const kql = 'let T = range i from 1 to 3 step 1; T | count; T | where i > 1 | project j = i * 10';
    const json = cli(['query', '--db', db, '--format', 'json', kql]);
    assert.equal(json.code, 0, json.err);
    assert.deepEqual(JSON.parse(json.out), {
      columns: [{ name: 'Count', type: 'long' }],
      rows: [[3]],
      more: [{ columns: [{ name: 'j', type: 'long' }], rows: [[20], [30]] }],
    });
    const table = cli(['query', '--db', db, kql]);
    assert.match(table.out, /^result 1 of 2\nCount\n/);
    assert.match(table.out, /\n\nresult 2 of 2\nj\n/);
    const batch = join(dir, 'b.jsonl');
    writeFileSync(batch, `${JSON.stringify({ id: 'm', kql: 'print a = 1; print b = 2' })}\n`);
    const b = cli(['query', '--db', db, '--batch', batch]);
    assert.deepEqual(JSON.parse(b.out), {
      id: 'm',
      columns: [{ name: 'a', type: 'long' }],
      rows: [[1]],
      more: [{ columns: [{ name: 'b', type: 'long' }], rows: [[2]] }],
    });
    const ex = cli(['explain', '--db', db, 'print a = 1; print b = 2']);
    assert.match(ex.out, /-- plan \(result 1 of 2\)[\s\S]*-- plan \(result 2 of 2\)/);
  });
});

test('JSON output writes NaN and infinities as Kusto does ("NaN", "Infinity"), never as null', () => {
  inTempDir((dir) => {
    const db = join(dir, 'none.duckdb');
    const kql = 'print a = real(nan), b = real(+inf), c = real(-inf), d = 1.5, e = real(null)';
    const json = cli(['query', '--db', db, '--format', 'json', kql]);
    assert.equal(json.code, 0, json.err);
    assert.deepEqual((JSON.parse(json.out) as { rows: unknown[][] }).rows, [
      ['NaN', 'Infinity', '-Infinity', 1.5, null],
    ]);
    const jsonl = cli(['query', '--db', db, '--format', 'jsonl', kql]);
    assert.deepEqual(JSON.parse(jsonl.out), { a: 'NaN', b: 'Infinity', c: '-Infinity', d: 1.5, e: null });
  });
});
