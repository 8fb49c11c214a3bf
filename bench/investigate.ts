// Benchmark: `investigate --all` over a lab fleet, and a single-device investigation.
//   node --import tsx bench/investigate.ts [--devices 2000] [--days 30] [--seed 1] [--db FILE (reused if present)]
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { generateLab, type Truth } from '../src/lab/index.js';
import { DuckDbBackend } from '../src/engine/duckdb.js';
import { investigate } from '../src/hunt/investigate.js';

const { values } = parseArgs({
  options: {
    devices: { type: 'string', default: '2000' },
    days: { type: 'string', default: '30' },
    seed: { type: 'string', default: '1' },
    db: { type: 'string' },
  },
});
const db = values.db ?? join(mkdtempSync(join(tmpdir(), 'exfilhunt-bench-')), 'ws.duckdb');
let truth: Truth;
if (!existsSync(db)) {
  const t0 = performance.now();
  const lab = await generateLab({
    scenario: 'mixed',
    seed: Number(values.seed),
    devices: Number(values.devices),
    days: Number(values.days),
    db,
    vary: true,
    // Parquet: the streaming format of a 2,000-device month is ~60 GB of JSON on disk.
    format: 'parquet',
  });
  truth = lab.truth;
  process.stdout.write(
    `lab: ${lab.events} events, ${truth.devices.length} devices, ${((performance.now() - t0) / 1000).toFixed(1)} s -> ${db}\n`,
  );
} else {
  truth = JSON.parse(readFileSync(`${db}.truth.json`, 'utf8')) as Truth;
}
const backend = await DuckDbBackend.open(db);
try {
  const t1 = performance.now();
  const all = await investigate(backend, { all: true });
  const allMs = performance.now() - t1;
  const hunts = all.entities.find((e) => e.hunts.length > 0)?.hunts ?? [];
  process.stdout.write(
    `investigate --all: ${(allMs / 1000).toFixed(2)} s, ${all.entities.length} entities, data ${all.dataSources.map((d) => `${d.table}=${d.rows}`).join(' ')}\n`,
  );
  for (const h of hunts)
    process.stdout.write(
      `  ${h.hunt.padEnd(32)} ${String(h.elapsedMs).padStart(7)} ms  ${h.totalRows} rows (this device)\n`,
    );
  const target = truth.entities[0]?.device ?? truth.devices[0]?.device ?? '';
  const t2 = performance.now();
  const single = await investigate(backend, { device: target });
  process.stdout.write(
    `investigate --device ${target}: ${((performance.now() - t2) / 1000).toFixed(2)} s -> ${single.entities.map((e) => e.verdict).join(', ')}\n`,
  );
} finally {
  await backend.close();
}
