// An analyst who ran `exfilhunt lab --out DIR` ingests DIR whole: every event is stored, and the
// ground truth beside the exports is recognised as such instead of being rejected row by row.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { generateLab } from '../../src/lab/index.js';
import { ingestPaths } from '../../src/ingest/index.js';
import { tempDir } from './helpers/db.js';

test('a lab output folder ingests whole: every event stored, truth.json skipped, nothing rejected', async (t) => {
  const dir = tempDir(t);
  const out = join(dir, 'lab');
  const lab = await generateLab({ scenario: 'exfil-success', devices: 2, days: 1, seed: 4, out, format: 'streaming' });
  const s = await ingestPaths(join(dir, 'w.duckdb'), [out]);
  assert.equal(s.totals.stored, lab.events);
  assert.equal(s.totals.rejected, 0);
  const truth = s.files.find((f) => f.path === lab.truthPath);
  assert.ok(truth !== undefined, 'truth.json was not among the files read');
  assert.equal(truth.status, 'empty');
  assert.equal(truth.format, 'lab-truth');
  assert.match(truth.messages.join('\n'), /ground truth of `exfilhunt lab`/);
});
