// Golden files for report.md (and the Navigator layers): one case per
// test/report/fixtures/<case>.json, expected output in fixtures/<case>.golden/ with the
// same relative paths as the report set. Adding a case = adding one JSON file and running
//   UPDATE_GOLDEN=1 node scripts/run-tests.mjs test/report/golden.test.ts
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { assumeImages, parseInvestigationResult, renderReportSet } from '../../src/report/index.js';

const FIXTURES = join(import.meta.dirname, 'fixtures');
const UPDATE = process.env['UPDATE_GOLDEN'] === '1';
const GOLDEN_FILE = /(^|\/)(report\.md|attack-layer\.json)$/;

function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? listFiles(join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`],
  );
}

const cases = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.slice(0, -'.json'.length))
  .sort();

test('golden cases exist', () => {
  assert.ok(cases.length >= 5, `found ${cases.join(', ')}`);
});

for (const name of cases) {
  test(`golden: ${name}`, () => {
    const result = parseInvestigationResult(readFileSync(join(FIXTURES, `${name}.json`), 'utf8'));
    const rendered = renderReportSet(result, { imagesFor: assumeImages }).filter((f) => GOLDEN_FILE.test(f.path));
    const goldenDir = join(FIXTURES, `${name}.golden`);
    if (UPDATE) {
      rmSync(goldenDir, { recursive: true, force: true });
      for (const f of rendered) {
        const p = join(goldenDir, ...f.path.split('/'));
        mkdirSync(dirname(p), { recursive: true });
        writeFileSync(p, f.content);
      }
      return;
    }
    assert.ok(
      existsSync(goldenDir),
      `no golden output for ${name}: run UPDATE_GOLDEN=1 node scripts/run-tests.mjs test/report/golden.test.ts`,
    );
    assert.deepEqual(rendered.map((f) => f.path).sort(), listFiles(goldenDir).sort(), 'set of rendered files changed');
    for (const f of rendered) {
      const expected = readFileSync(join(goldenDir, ...f.path.split('/')), 'utf8');
      const msg = `${name}/${f.path} differs from golden (UPDATE_GOLDEN=1 to accept)`;
      // JSON is compared as data so that a formatter run over the repo cannot break it;
      // Markdown (prettier-ignored) byte for byte.
      if (f.path.endsWith('.json')) assert.deepEqual(JSON.parse(f.content), JSON.parse(expected), msg);
      else assert.equal(f.content, expected, msg);
    }
  });
}
