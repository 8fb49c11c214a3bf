#!/usr/bin/env node
// Thin launcher: the CLI is compiled to dist/ so a cold start pays no transpiler cost.
import('../dist/bundle/main.js').then((m) => m.main(process.argv.slice(2))).then(
  (code) => { process.exitCode = typeof code === 'number' ? code : 0; },
  (err) => { process.stderr.write(`exfilhunt: internal error: ${err && err.message ? err.message : String(err)}\n`); process.exitCode = 70; },
);
