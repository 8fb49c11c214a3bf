// timeline.png / process-tree.png through writeReports: rendered headless and embedded in
// report.md; without chromium the step is skipped with a warning, never a crash.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findChromium } from '../../src/report/browser.js';
import { parseInvestigationResult, writeReports } from '../../src/report/index.js';

const CHROMIUM = findChromium();
const SKIP =
  CHROMIUM === null
    ? 'chromium not installed (scripts/setup.sh installs Debian chromium); PNG rendering skipped'
    : false;
if (SKIP !== false) console.log(`# SKIP: ${SKIP}`);
const load = (name: string) =>
  parseInvestigationResult(readFileSync(join(import.meta.dirname, 'fixtures', `${name}.json`), 'utf8'));

function pngSize(file: string): { width: number; height: number } {
  const b = readFileSync(file);
  assert.equal(b.subarray(0, 8).toString('hex'), '89504e470d0a1a0a', `${file} is a PNG`);
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

test('writeReports renders timeline.png and process-tree.png and embeds them', { skip: SKIP }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'exfilhunt-png-'));
  try {
    const warnings: string[] = [];
    const out = await writeReports(load('exfil-success'), dir, { onWarning: (w) => warnings.push(w) });
    assert.deepEqual(warnings, []);
    for (const f of ['timeline.png', 'process-tree.png']) {
      assert.ok(out.files.includes(join(dir, f)), f);
      const { width, height } = pngSize(join(dir, f));
      assert.ok(width >= 400 && height >= 80, `${f} ${width}x${height}`);
    }
    const md = readFileSync(join(dir, 'report.md'), 'utf8');
    assert.match(md, /!\[Timeline of process, file and network events\]\(timeline\.png\)/);
    assert.match(md, /!\[Process tree\]\(process-tree\.png\)/);
    assert.deepEqual(out.files.map((f) => f.slice(dir.length + 1)).sort(), [
      'attack-layer.json',
      'process-tree.png',
      'report.html',
      'report.json',
      'report.md',
      'timeline.png',
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('hostile strings render into the PNGs without breaking them', { skip: SKIP }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'exfilhunt-png-'));
  try {
    const out = await writeReports(load('hostile'), dir);
    assert.deepEqual(out.warnings, []);
    pngSize(join(dir, 'timeline.png'));
    pngSize(join(dir, 'process-tree.png'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('without chromium the PNG step is skipped with a clear warning', async () => {
  for (const chromiumPath of [null, '/nonexistent/chromium']) {
    const dir = mkdtempSync(join(tmpdir(), 'exfilhunt-png-'));
    try {
      const seen: string[] = [];
      const out = await writeReports(load('exfil-success'), dir, { chromiumPath, onWarning: (w) => seen.push(w) });
      assert.equal(out.warnings.length, 1, String(chromiumPath));
      assert.deepEqual(seen, out.warnings);
      assert.match(out.warnings[0] ?? '', chromiumPath === null ? /chromium not found/ : /chromium failed to start/);
      assert.equal(existsSync(join(dir, 'timeline.png')), false);
      const md = readFileSync(join(dir, 'report.md'), 'utf8');
      assert.doesNotMatch(md, /timeline\.png/);
      assert.match(md, /_Picture not rendered \(headless chromium unavailable\)/);
      assert.ok(existsSync(join(dir, 'report.html')));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
});
