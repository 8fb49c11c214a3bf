// Snapshot fixtures: each `fixtures/NAME.kql` has either `NAME.ast.txt` (it parses
// clean; the span-free tree dump) or `NAME.errors.txt` (rendered diagnostics with
// code and caret). Run with UPDATE_SNAPSHOTS=1 to rewrite them, then review the diff.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from '../../../src/kql/parse.js';
import { renderDiagnostics } from '../../../src/kql/diagnostics/render.js';
import { printQuery } from '../../../src/kql/printer/index.js';
import { dumpTree } from './tree-dump.js';
import { stripTree } from './strip.js';

const DIR = join(import.meta.dirname, 'fixtures');
const UPDATE = process.env['UPDATE_SNAPSHOTS'] === '1';

for (const file of readdirSync(DIR)
  .filter((f) => f.endsWith('.kql'))
  .sort()) {
  const name = file.slice(0, -4);
  test(`fixture ${name}`, () => {
    const text = readFileSync(join(DIR, file), 'utf8');
    const { query, diagnostics } = parse(text);
    const errors = diagnostics.length > 0;
    const snap = join(DIR, `${name}.${errors ? 'errors' : 'ast'}.txt`);
    const other = join(DIR, `${name}.${errors ? 'ast' : 'errors'}.txt`);
    const actual = errors ? `${renderDiagnostics(text, diagnostics, { fileName: file })}\n` : dumpTree(query);
    if (UPDATE) writeFileSync(snap, actual);
    assert.ok(!existsSync(other), `${name}: expected ${errors ? 'a clean parse' : 'diagnostics'} (found ${other})`);
    assert.ok(existsSync(snap), `${name}: no snapshot; run with UPDATE_SNAPSHOTS=1`);
    assert.equal(actual, readFileSync(snap, 'utf8'));
    if (!errors) {
      const again = parse(printQuery(query));
      assert.deepEqual(again.diagnostics, []);
      assert.deepEqual(stripTree(again.query), stripTree(query));
    }
  });
}
