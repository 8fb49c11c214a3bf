// Two builds of ingest on the same input, alternating in one process, so a change's effect is a
// ratio measured side by side (the machine is too noisy for figures from separate runs).
// Usage:
//   git worktree add /tmp/base <rev> && (cd /tmp/base && ln -s "$PWD/node_modules" . && npx tsc -p tsconfig.json)
//   npx tsc -p tsconfig.json && node dist/bench/ingest-ab.js /tmp/base/dist/src/ingest/index.js PATH [REPEATS=2]
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';
import type { IngestOptions, IngestSummary } from '../src/ingest/index.js';
import { ingestPaths } from '../src/ingest/index.js';

type Ingest = (db: string, paths: readonly string[], opts?: IngestOptions) => Promise<IngestSummary>;

const [beforeModule, input, repeatsArg] = process.argv.slice(2);
if (beforeModule === undefined || input === undefined) {
  console.error('usage: node dist/bench/ingest-ab.js BEFORE_INGEST_MODULE PATH [REPEATS]');
  process.exit(2);
}
const before = ((await import(pathToFileURL(beforeModule).href)) as { ingestPaths: Ingest }).ingestPaths;
const builds: [string, Ingest][] = [
  ['before', before],
  ['after', ingestPaths],
];
const best = new Map<string, number>();
const remove = (db: string): void => {
  for (const p of [db, `${db}.wal`, `${db}.tmp`]) rmSync(p, { recursive: true, force: true });
};
for (let r = 0; r < Number(repeatsArg ?? 2); r++)
  for (const [name, ingest] of builds) {
    const db = join(tmpdir(), `exfilhunt-ab-${process.pid}-${name}.duckdb`);
    remove(db);
    const t0 = performance.now();
    const s = await ingest(db, [input]);
    const sec = (performance.now() - t0) / 1000;
    best.set(name, Math.min(best.get(name) ?? Infinity, sec));
    console.log(`${name}: ${sec.toFixed(2)} s, ${s.totals.stored} stored, ${s.totals.rejected} rejected`);
    remove(db);
  }
console.log(`before / after (best of each): ${(best.get('before')! / best.get('after')!).toFixed(2)}x`);
