import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { workspaceOf } from './fixtures/story.js';
import * as C from './fixtures/cases.js';

const cli = (args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'scripts/cli.ts', 'investigate', ...args], {
    encoding: 'utf8',
    env: { ...process.env, EXFILHUNT_CHROMIUM: '/nonexistent' },
  });

test('investigate CLI: usage errors are one line with exit 2', () => {
  const r = cli(['--device', 'a', '--all']);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /exactly one of --device/);
  assert.equal(cli(['--all', '--window', 'soon']).status, 2);
  assert.equal(cli(['--all', '--db', '/nonexistent/ws.duckdb']).status, 2);
});

test('investigate CLI: --format json and --report on the seeds story', async () => {
  const db = await workspaceOf([C.seedStory('success')]);
  const out = mkdtempSync(join(tmpdir(), 'exfilhunt-report-'));
  const r = cli([
    '--db',
    db,
    '--device',
    'endpoint-za',
    '--from',
    '2025-11-14T00:00:00Z',
    '--to',
    '2025-11-21T00:00:00Z',
    '--window',
    '2m',
    '--format',
    'json',
    '--report',
    out,
  ]);
  assert.equal(r.status, 0, r.stderr);
  const json = JSON.parse(r.stdout) as {
    scope: { from: string; window: string };
    entities: { device: string; verdict: string }[];
  };
  assert.equal(json.scope.from, '2025-11-14T00:00:00.0000000Z');
  assert.equal(json.scope.window, '2m');
  assert.equal(json.entities[0]?.verdict, 'EXFILTRATED');
  assert.ok(
    existsSync(join(out, 'report.json')) || existsSync(join(out, 'endpoint-za', 'report.json')),
    'report written',
  );
  const text = cli(['--db', db, '--device', 'endpoint-za']);
  assert.equal(text.status, 0);
  assert.match(text.stdout, /EXFILTRATED\s+endpoint-za \/ johndoe/);
  assert.match(text.stdout, /T1567\.002 +Exfiltration to Cloud Storage/);
});
