// Lab generation benchmark: events/s and peak RSS for a fleet written in one format.
// usage: node --import tsx bench/lab.ts [--devices N] [--days K] [--format parquet|streaming|ndjson|csv] [--scenario NAME] [--out DIR]
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { generateLab, type LabFormat } from '../src/lab/index.js';

const { values } = parseArgs({
  options: {
    devices: { type: 'string', default: '200' },
    days: { type: 'string', default: '7' },
    format: { type: 'string', default: 'parquet' },
    scenario: { type: 'string', default: 'mixed' },
    density: { type: 'string', default: '1' },
    out: { type: 'string' },
    keep: { type: 'boolean', default: false },
  },
});

function dirSize(d: string): number {
  let n = 0;
  for (const e of readdirSync(d)) {
    const p = join(d, e);
    const st = statSync(p);
    n += st.isDirectory() ? dirSize(p) : st.size;
  }
  return n;
}

// A CPU calibration, because this machine is shared: the same loop takes ~0.1 s on an idle modern core.
const c0 = performance.now();
let acc = 0;
for (let i = 0; i < 1e8; i++) acc += i % 7;
const calibrationMs = performance.now() - c0;

const out = values.out ?? mkdtempSync(join(tmpdir(), 'exfilhunt-bench-lab-'));
const t0 = performance.now();
const r = await generateLab({
  scenario: values.scenario!,
  devices: Number(values.devices),
  days: Number(values.days),
  density: Number(values.density),
  format: values.format as LabFormat,
  out,
  seed: 1,
});
const secs = (performance.now() - t0) / 1000;
const bytes = dirSize(out);
const peakMb = process.resourceUsage().maxRSS / 1024;
console.log(
  JSON.stringify({
    scenario: values.scenario,
    devices: Number(values.devices),
    days: Number(values.days),
    format: values.format,
    events: r.events,
    seconds: Number(secs.toFixed(2)),
    eventsPerSecond: Math.round(r.events / secs),
    peakRssMb: Math.round(peakMb),
    outputMb: Math.round(bytes / 1e6),
    files: r.files.length,
    calibrationLoopMs: Math.round(calibrationMs),
    checksum: acc % 10,
  }),
);
if (values.keep !== true && values.out === undefined) rmSync(out, { recursive: true, force: true });
