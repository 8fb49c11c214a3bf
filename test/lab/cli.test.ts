// `exfilhunt lab` from the command line: output folder, truth.json and user-facing errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmp } from './helpers.js';

function cli(args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/cli.ts', 'lab', ...args], {
    encoding: 'utf8',
    env: { ...process.env, NODE_NO_WARNINGS: '1' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('lab --out writes the export files and truth.json', () => {
  const dir = tmp('cli');
  try {
    const r = cli([
      '--scenario',
      'staged-only',
      '--devices',
      '1',
      '--days',
      '1',
      '--seed',
      '3',
      '--out',
      dir,
      '--format',
      'ndjson',
      '--density',
      '0.3',
    ]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /STAGED_NO_TRANSFER/);
    const truth = JSON.parse(readFileSync(join(dir, 'truth.json'), 'utf8')) as {
      scenario: string;
      seed: number;
      entities: { verdict: string }[];
    };
    assert.equal(truth.scenario, 'staged-only');
    assert.equal(truth.seed, 3);
    assert.equal(truth.entities[0]?.verdict, 'STAGED_NO_TRANSFER');
    assert.ok(existsSync(join(dir, 'DeviceProcessEvents', 'part-00000.ndjson')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('lab reports bad usage as one line with exit code 2', () => {
  const cases: [string[], RegExp][] = [
    [['--out', '/tmp/x'], /--scenario is required/],
    [['--scenario', 'nope', '--out', '/tmp/x'], /unknown scenario 'nope'/],
    [['--scenario', 'mixed'], /exactly one of --out DIR or --db FILE/],
    [['--scenario', 'mixed', '--out', '/tmp/x', '--format', 'xml'], /--format must be/],
    [
      ['--scenario', 'exfil-success', '--out', '/tmp/x', '--archive-time', '2020-01-01T00:00:00Z'],
      /outside the lab window/,
    ],
    [['--scenario', 'exfil-success', '--out', '/tmp/x', '--seed', '-1'], /non-negative integer|--seed/],
  ];
  for (const [args, re] of cases) {
    const r = cli(args);
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr, re);
    assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
  }
});
