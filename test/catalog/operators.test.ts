// String operator templates against the documented examples, plus the term rules of `has`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { renderOperator, termRegex } from '../../src/catalog/duckdb/index.js';
import { CTX, evalScalar, literal, readFixture, splitTopLevel } from './harness.js';

const FIXTURE = new URL('./fixtures/operator-templates.txt', import.meta.url);

test('string operator templates reproduce the documented results', async () => {
  const failures: string[] = [];
  let passed = 0;
  for (const { line, left, expected } of readFixture(readFileSync(FIXTURE, 'utf8'))) {
    const [lhs, op, rhs] = left.split(' | ').map((s) => s.trim()) as [string, string, string];
    const args = [literal(lhs), ...splitTopLevel(rhs).map(literal)];
    const r = renderOperator(op, args, CTX);
    if (expected === '!unsupported') {
      if (r.ok) failures.push(`line ${line}: expected unsupported`);
      else passed++;
      continue;
    }
    if (!r.ok) {
      failures.push(`line ${line}: unsupported ${r.reason}`);
      continue;
    }
    const actual = await evalScalar(r.sql, 'bool');
    if (actual === expected) passed++;
    else failures.push(`line ${line}: ${left}: expected ${expected}, got ${actual}`);
  }
  console.log(`operator template fixtures: ${passed} passed, ${failures.length} failed`);
  assert.deepEqual(failures, []);
});

test('negated operators keep rows whose stored string is NULL (Kusto reads it as "")', async () => {
  const nullStr = { sql: 'CAST(NULL AS VARCHAR)', type: 'string' as const };
  for (const op of ['!contains', '!has', '!startswith', '!in~', '!~']) {
    const r = renderOperator(op, [nullStr, literal('"x"')], CTX);
    assert.ok(r.ok);
    assert.equal(await evalScalar(r.sql, 'bool'), 'true', op);
  }
});

test('term regexes put boundaries only at alphanumeric ends of the needle', () => {
  assert.equal(termRegex('abc', 'term'), '(?:^|[^A-Za-z0-9])abc(?:$|[^A-Za-z0-9])');
  assert.equal(termRegex('.exe', 'term'), '\\.exe(?:$|[^A-Za-z0-9])');
  assert.equal(termRegex('abc', 'prefix'), '(?:^|[^A-Za-z0-9])abc');
  assert.equal(termRegex('abc', 'suffix'), 'abc(?:$|[^A-Za-z0-9])');
});

test('case-insensitive operators never use ILIKE', () => {
  for (const op of ['contains', '!contains', 'startswith', 'endswith', 'has', '=~', 'in~']) {
    const r = renderOperator(op, [literal('"a"'), literal('"b"')], CTX);
    assert.ok(r.ok && !/ILIKE/i.test(r.sql), op);
  }
});
