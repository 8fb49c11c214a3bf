// `exfilhunt report` end to end through the source CLI runner.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const FIXTURES = join(import.meta.dirname, 'fixtures');
const cli = (args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'scripts/cli.ts', 'report', ...args], {
    encoding: 'utf8',
    env: { ...process.env, NODE_NO_WARNINGS: '1' },
  });

test('report --from-json --out writes the report set; terminal output is sanitised', () => {
  const dir = mkdtempSync(join(tmpdir(), 'exfilhunt-cli-'));
  try {
    const r = cli(['--from-json', join(FIXTURES, 'hostile.json'), '--out', dir, '--no-png', '--top', '2']);
    assert.equal(r.status, 0, r.stderr);
    for (const f of ['report.md', 'report.html', 'report.json', 'attack-layer.json'])
      assert.ok(existsSync(join(dir, f)), f);
    assert.match(r.stdout, /wrote 4 files/);
    assert.ok(!r.stdout.includes('\u001b') && !r.stderr.includes('\u001b'));
    const md = readFileSync(join(dir, 'report.md'), 'utf8');
    assert.match(md, /_…and 1 more row \(3 rows in total\)\._/, '--top limits the rows shown');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('report: usage and input errors are one-line CLI errors', () => {
  const dir = mkdtempSync(join(tmpdir(), 'exfilhunt-cli-'));
  try {
    const missing = cli(['--out', dir]);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /--from-json and --out are required/);
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ schemaVersion: 1, tool: { name: 'exfilhunt', version: '0' } }));
    const r = cli(['--from-json', bad, '--out', join(dir, 'out')]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /is not an exfilhunt investigation result: \$\.generatedAt: expected a string/);
    assert.equal(cli(['--help']).status, 0);
    assert.equal(cli(['--from-json', bad, '--out', dir, '--top', '0']).status, 2);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
