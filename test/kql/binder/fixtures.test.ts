// Fixture tests: each fixtures/NAME.kql has NAME.columns (result columns, taken from the
// official analyser when the fixture was written) or NAME.errors (the rendered diagnostics,
// reviewed by hand).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatCheck } from '../../../src/cli/commands/check.js';

const dir = join(fileURLToPath(new URL('.', import.meta.url)), 'fixtures');

for (const f of readdirSync(dir)
  .filter((x) => x.endsWith('.kql'))
  .sort()) {
  const base = join(dir, f.slice(0, -4));
  const kql = readFileSync(join(dir, f), 'utf8');
  test(`fixture ${f}`, () => {
    const r = formatCheck(kql, false);
    if (existsSync(`${base}.columns`)) {
      assert.equal(r.err, '', 'expected no diagnostics');
      assert.equal(r.code, 0);
      assert.equal(r.out, readFileSync(`${base}.columns`, 'utf8'));
    } else if (existsSync(`${base}.errors`)) {
      assert.equal(r.code, 1);
      assert.equal(r.err, readFileSync(`${base}.errors`, 'utf8'));
    } else assert.fail(`fixture ${f} has neither .columns nor .errors`);
  });
}
