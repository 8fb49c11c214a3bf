// Engine benchmark (not a test). Generates DeviceFileEvents and DeviceNetworkEvents
// (bench/data.ts), times 8 typical hunts through exfilhunt against the same hunts
// hand-written in DuckDB SQL (same data, same process, runs interleaved so load changes
// hit both sides alike), prints each ratio, then times the ±2 min file->network pivot.
// Case-insensitive substring options: bench/substring.ts.
//
//   npx tsx bench/engine.ts [--rows 10000000] [--devices 200] [--days 7] [--repeat 3]
//                           [--db FILE (reused if present)] [--explain] [--no-pivot]
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DuckDbBackend } from '../src/engine/duckdb.js';
import { ensureData } from './data.js';
import { HUNTS, PIVOT } from './hunts.js';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '10000000' },
    devices: { type: 'string', default: '200' },
    days: { type: 'string', default: '7' },
    repeat: { type: 'string', default: '3' },
    db: { type: 'string' },
    explain: { type: 'boolean', default: false },
    'no-pivot': { type: 'boolean', default: false },
  },
});
const SIZE = { rows: Number(values.rows), devices: Number(values.devices), days: Number(values.days) };
const REPEAT = Number(values.repeat);

const ms = (x: number) => x.toFixed(x < 100 ? 1 : 0);

/** Best of REPEAT for each side, the two sides alternating run by run. */
async function sideBySide(a: () => Promise<unknown>, b: () => Promise<unknown>): Promise<[number, number]> {
  let ma = Infinity;
  let mb = Infinity;
  for (let i = 0; i < REPEAT; i++) {
    let t0 = performance.now();
    await a();
    ma = Math.min(ma, performance.now() - t0);
    t0 = performance.now();
    await b();
    mb = Math.min(mb, performance.now() - t0);
  }
  return [ma, mb];
}

async function main(): Promise<void> {
  const dir = values.db === undefined ? mkdtempSync(join(tmpdir(), 'exfilhunt-bench-')) : null;
  const path = values.db ?? join(dir ?? '', 'bench.duckdb');
  try {
    console.log(
      `load average at start: ${loadavg()
        .map((x) => x.toFixed(2))
        .join(' ')}`,
    );
    let t0 = performance.now();
    if (await ensureData(path, SIZE))
      console.log(
        `generated ${SIZE.rows.toLocaleString()} rows x 2 tables, ${SIZE.devices} devices, ${SIZE.days} days in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
      );
    else console.log(`reusing ${path}`);
    const b = await DuckDbBackend.open(path);
    try {
      if (values.explain) {
        for (const h of [...HUNTS, { name: 'pivot', kql: PIVOT, sql: '' }])
          console.log(`-- ${h.name}\n${(await b.explain(h.kql)).sql}\n`);
      }
      console.log(`\n| hunt | exfilhunt (ms) | hand SQL (ms) | ratio |\n|---|---:|---:|---:|`);
      for (const h of HUNTS) {
        await b.query(h.kql);
        await b.sql(h.sql);
        const [ek, es] = await sideBySide(
          () => b.query(h.kql),
          () => b.sql(h.sql),
        );
        console.log(`| ${h.name} | ${ms(ek)} | ${ms(es)} | ${(ek / es).toFixed(2)} |`);
      }
      if (!values['no-pivot']) {
        t0 = performance.now();
        const c0 = process.cpuUsage();
        const r = await b.query(PIVOT);
        const pivotMs = performance.now() - t0;
        const c = process.cpuUsage(c0);
        console.log(
          `\n±2 min file->network pivot, all devices: ${(pivotMs / 1000).toFixed(2)} s wall, ${((c.user + c.system) / 1e6).toFixed(2)} s user+sys CPU (${String(r.rows[0]?.[0])} pairs)`,
        );
      }
      const all = process.cpuUsage();
      console.log(
        `\nwhole run: user ${(all.user / 1e6).toFixed(1)} s + sys ${(all.system / 1e6).toFixed(1)} s CPU; load average ${loadavg()
          .map((x) => x.toFixed(2))
          .join(' ')}`,
      );
    } finally {
      await b.close();
    }
  } finally {
    if (dir !== null) rmSync(dir, { recursive: true, force: true });
  }
}

await main();
