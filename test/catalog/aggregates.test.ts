// Aggregate templates evaluated over small VALUES tables.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { ScalarType } from '../../src/kql/types.js';
import { TYPE_ALIASES } from '../../src/kql/types.js';
import { lookupFunction, matchSignature } from '../../src/catalog/index.js';
import { argExtremumSql, renderFunction } from '../../src/catalog/duckdb/index.js';
import type { SqlArg } from '../../src/catalog/types.js';
import { CTX, db, displaySql, evalScalar, literal, readFixture, splitTopLevel } from './harness.js';
import { sqlIdent } from '../../src/sql/escape.js';

const FIXTURE = new URL('./fixtures/aggregate-templates.txt', import.meta.url);

function fromClause(cols: readonly { name: string; type: ScalarType }[], rows: string): string {
  const names = cols.map((c) => sqlIdent(c.name)).join(', ');
  if (rows.trim() === '-') {
    const nulls = cols.map((c) => `${literal(`${c.type}(null)`).sql} AS ${sqlIdent(c.name)}`).join(', ');
    return `FROM (SELECT ${nulls} WHERE false) t`;
  }
  const tuples = rows.split(';').map((r) => {
    const raw = r.trim();
    const t = raw.startsWith('(') ? raw.slice(1, -1) : raw;
    const vals = splitTopLevel(t).map((v, i) => `CAST(${literal(v).sql} AS ${sqlTypeOf(cols[i]?.type ?? 'string')})`);
    return `(${vals.join(', ')})`;
  });
  return `FROM (VALUES ${tuples.join(', ')}) t(${names})`;
}

function sqlTypeOf(t: ScalarType): string {
  return (
    {
      int: 'INTEGER',
      long: 'BIGINT',
      real: 'DOUBLE',
      bool: 'BOOLEAN',
      string: 'VARCHAR',
      datetime: 'TIMESTAMP_NS',
      timespan: 'BIGINT',
      dynamic: 'JSON',
      guid: 'UUID',
      decimal: 'DECIMAL(38,18)',
      unknown: 'VARCHAR',
    } as const
  )[t];
}

test('aggregate templates reproduce Kusto results', async () => {
  const failures: string[] = [];
  let passed = 0;
  for (const { line, left, expected } of readFixture(readFileSync(FIXTURE, 'utf8'))) {
    const [colText, rows, call] = left.split('|').map((s) => s.trim()) as [string, string, string];
    const cols = colText.split(/\s+/).map((c) => {
      const [name, type] = c.split(':') as [string, string];
      return { name, type: TYPE_ALIASES[type] as ScalarType };
    });
    const m = /^(\w+)\(([\s\S]*)\)$/.exec(call);
    assert.ok(m, `line ${line}`);
    const args: SqlArg[] = splitTopLevel(m[2] as string).map((a) => {
      const col = cols.find((c) => c.name === a);
      return col ? { sql: sqlIdent(col.name), type: col.type } : literal(a);
    });
    const spec = lookupFunction(m[1] as string, 'aggregate');
    assert.ok(spec, `line ${line}`);
    const match = matchSignature(
      spec,
      args.map((a) => a.type),
    );
    assert.ok(match.ok, `line ${line}: signature`);
    const r = renderFunction(spec.name, args, CTX, 'aggregate');
    if (expected === '!unsupported') {
      if (r.ok) failures.push(`line ${line}: expected unsupported`);
      else passed++;
      continue;
    }
    if (!r.ok) {
      failures.push(`line ${line}: unsupported ${r.reason}`);
      continue;
    }
    try {
      const actual = await evalScalar(r.sql, match.result, fromClause(cols, rows));
      if (actual === expected) passed++;
      else failures.push(`line ${line}: ${call}: expected ${expected}, got ${actual}`);
    } catch (e) {
      failures.push(`line ${line}: ${call}: ${(e as Error).message.split('\n')[0]} SQL: ${r.sql}`);
    }
  }
  console.log(`aggregate template fixtures: ${passed} passed, ${failures.length} failed`);
  assert.deepEqual(failures, []);
});

test('arg_max picks every returned column from the same row', async () => {
  const c = await db();
  const sql = argExtremumSql('max', 'ts', [
    { name: 'a', sql: 'a' },
    { name: 'b', sql: 'b' },
  ]);
  const r = await c.runAndReadAll(
    `SELECT s.f0, s.f1 FROM (SELECT ${sql} AS s FROM (VALUES (1, 'x', 10), (3, 'y', 30), (NULL, 'z', 99), (2, 'w', 20)) t(ts, a, b))`,
  );
  assert.deepEqual(r.getRowsJson(), [['y', 30]]);
  void displaySql;
});
