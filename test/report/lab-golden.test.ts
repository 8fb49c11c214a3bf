// Golden report.md files for fixed lab seeds, end to end: lab -> ingest -> investigate -> render.
// Unlike golden.test.ts (hand-written results), this pins the whole chain, so a change in the
// lab, the engine, the playbook or the renderer that alters the write-up shows up as a diff.
// Only wall-clock facts (generation time, hunt durations) are normalised away.
//   UPDATE_GOLDEN=1 node scripts/run-tests.mjs test/report/lab-golden.test.ts
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { generateLab } from '../../src/lab/index.js';
import { DuckDbBackend } from '../../src/engine/duckdb.js';
import { investigate } from '../../src/hunt/investigate.js';
import type { InvestigationResult } from '../../src/hunt/result.js';
import { assumeImages, renderReportSet } from '../../src/report/index.js';

const FIXTURES = join(import.meta.dirname, 'fixtures', 'lab');
const UPDATE = process.env['UPDATE_GOLDEN'] === '1';

const CASES = [
  { name: 'exfil-success-seed-2', scenario: 'exfil-success', seed: 2 },
  { name: 'exfil-prevented-seed-3', scenario: 'exfil-prevented', seed: 3 },
] as const;

function normalise(r: InvestigationResult): InvestigationResult {
  return {
    ...r,
    generatedAt: '2000-01-01T00:00:00.0000000Z',
    entities: r.entities.map((e) => ({ ...e, hunts: e.hunts.map((h) => ({ ...h, elapsedMs: 0 })) })),
  };
}

function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? listFiles(join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`],
  );
}

for (const c of CASES) {
  test(`lab golden: ${c.name}`, async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'exfilhunt-labgolden-'));
    try {
      const db = join(tmp, 'ws.duckdb');
      await generateLab({ scenario: c.scenario, seed: c.seed, devices: 2, days: 3, db });
      const backend = await DuckDbBackend.open(db, { allowMissing: false });
      let result: InvestigationResult;
      try {
        result = normalise(await investigate(backend, { all: true }));
      } finally {
        await backend.close();
      }
      const rendered = renderReportSet(result, { imagesFor: assumeImages }).filter((f) => f.path.endsWith('report.md'));
      const goldenDir = join(FIXTURES, c.name);
      if (UPDATE) {
        rmSync(goldenDir, { recursive: true, force: true });
        for (const f of rendered) {
          const p = join(goldenDir, ...f.path.split('/'));
          mkdirSync(dirname(p), { recursive: true });
          writeFileSync(p, f.content);
        }
        return;
      }
      assert.ok(existsSync(goldenDir), `no golden output for ${c.name}: run with UPDATE_GOLDEN=1`);
      assert.deepEqual(
        rendered.map((f) => f.path).sort(),
        listFiles(goldenDir).sort(),
        'set of rendered files changed',
      );
      for (const f of rendered) {
        const expected = readFileSync(join(goldenDir, ...f.path.split('/')), 'utf8');
        assert.equal(f.content, expected, `${c.name}/${f.path} differs from golden (UPDATE_GOLDEN=1 to accept)`);
      }
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });
}
