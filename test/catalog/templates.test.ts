// Every scalar template fixture: Kusto literal arguments -> DuckDB -> value rendered as Kusto renders it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { lookupFunction, matchSignature } from '../../src/catalog/index.js';
import { renderFunction } from '../../src/catalog/duckdb/index.js';
import { CTX, evalScalar, literal, readFixture, splitTopLevel } from './harness.js';
import { TYPE_ALIASES, type ScalarType } from '../../src/kql/types.js';
import type { SqlArg } from '../../src/catalog/types.js';

const FIXTURE = new URL('./fixtures/scalar-templates.txt', import.meta.url);

type Compiled = { readonly arg: SqlArg; readonly type: ScalarType } | { readonly error: string };

/** A fixture argument: a Kusto literal, or a nested call of a catalog function. */
function compileArg(text: string): Compiled {
  const call = /^([A-Za-z_]\w*)\(([\s\S]*)\)$/.exec(text.trim());
  const name = call?.[1];
  if (!call || name === undefined || TYPE_ALIASES[name] !== undefined || name === 'typeof' || name === 'time') {
    const a = literal(text);
    return { arg: a, type: a.type };
  }
  return compileCall(name, splitTopLevel(call[2] as string));
}

function compileCall(name: string, argTexts: readonly string[]): Compiled {
  const args: SqlArg[] = [];
  for (const t of argTexts) {
    const c = compileArg(t);
    if ('error' in c) return c;
    args.push(c.arg);
  }
  const spec = lookupFunction(name, 'scalar');
  if (!spec) return { error: `unknown function ${name}` };
  const match = matchSignature(
    spec,
    args.map((a) => a.type),
  );
  if (!match.ok) return { error: `signature mismatch, expected ${match.expected}` };
  const rendered = renderFunction(name, args, CTX);
  if (!rendered.ok) return { error: `unsupported (${rendered.reason})` };
  return { arg: { sql: rendered.sql, type: match.result }, type: match.result };
}

test('scalar templates reproduce the documented Kusto results', async () => {
  const failures: string[] = [];
  let passed = 0;
  for (const { line, left, expected } of readFixture(readFileSync(FIXTURE, 'utf8'))) {
    const m = /^([A-Za-z_]\w*)\(([\s\S]*)\)$/.exec(left);
    if (!m) throw new Error(`line ${line}: not a call: ${left}`);
    const compiled = compileCall(m[1] as string, splitTopLevel(m[2] as string));
    if (expected === '!unsupported') {
      if ('error' in compiled && compiled.error.startsWith('unsupported')) passed++;
      else
        failures.push(
          `line ${line}: ${left}: expected unsupported, got ${'error' in compiled ? compiled.error : compiled.arg.sql}`,
        );
      continue;
    }
    if ('error' in compiled) {
      failures.push(`line ${line}: ${left}: ${compiled.error}`);
      continue;
    }
    try {
      const actual = await evalScalar(compiled.arg.sql, compiled.type);
      if (actual === expected) passed++;
      else failures.push(`line ${line}: ${left}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
    } catch (e) {
      failures.push(
        `line ${line}: ${left}: DuckDB error ${(e as Error).message.split('\n')[0]}\n    SQL: ${compiled.arg.sql}`,
      );
    }
  }
  console.log(`scalar template fixtures: ${passed} passed, ${failures.length} failed`);
  assert.deepEqual(failures, []);
});
