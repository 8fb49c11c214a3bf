#!/usr/bin/env node
// Thin launcher: the CLI is compiled to dist/ so a cold start pays no transpiler cost.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

// A fleet-wide investigation allocates millions of short-lived rows and signals: with V8's
// default young generation, garbage collection took 13 of 60 s on 2,000 devices; a 128 MB
// semi-space brought the run to 41 s. V8 sizes it at start-up, so investigate re-launches once.
const YOUNG = '--max-semi-space-size=128';
const heavy = process.argv[2] === 'investigate';
if (heavy && !process.execArgv.some((a) => a.startsWith('--max-semi-space-size'))) {
  const r = spawnSync(process.execPath, [YOUNG, ...process.execArgv, fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
    stdio: 'inherit',
  });
  process.exitCode = r.status ?? (r.signal ? 128 + 9 : 70);
} else {
  import('../dist/bundle/main.js').then((m) => m.main(process.argv.slice(2))).then(
    (code) => { process.exitCode = typeof code === 'number' ? code : 0; },
    (err) => { process.stderr.write(`exfilhunt: internal error: ${err && err.message ? err.message : String(err)}\n`); process.exitCode = 70; },
  );
}
