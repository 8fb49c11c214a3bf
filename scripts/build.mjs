// Build: tsc emits dist/ (type-checked JS, one module per file), then esbuild bundles the
// CLI into dist/bundle with code splitting, so each command stays lazily loaded but a cold
// `exfilhunt check` reads a handful of files instead of ~70 ES modules (~100 ms saved).
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
rmSync('dist/bundle', { recursive: true, force: true });
await build({
  entryPoints: ['src/cli/main.ts'],
  bundle: true,
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  outdir: 'dist/bundle',
  // Native and browser-driving packages stay as real imports from node_modules.
  external: ['@duckdb/node-api', 'playwright-core'],
  logLevel: 'warning',
});
