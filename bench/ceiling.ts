// The CPU budget behind two speed targets, measured piece by piece in one run (not a test):
// - ingest (issue 4): 300k events/s from a storage-account NDJSON export;
// - lab (issue 5): 1M events/s generated to Parquet.
// A target is out of reach on this machine when the CPU its unavoidable pieces need per event,
// spread perfectly over every core, already exceeds the time the target allows.
// Usage: npx tsc -p tsconfig.json && node dist/bench/ceiling.js [--events N] [--devices D] [--days K]
// (built, because from source the check workers compile TypeScript first).
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DuckDBInstance } from '@duckdb/node-api';
import { ingestPaths } from '../src/ingest/index.js';
import { sha256File } from '../src/ingest/ingest.js';
import { checkTypedNdjson, typedInsertSql } from '../src/ingest/fast/ndjson-typed.js';
import { openWorkspace } from '../src/ingest/workspace.js';
import { generateLab } from '../src/lab/index.js';
import { copyOptions } from '../src/lab/writers/expand.js';
import { sqlIdent, sqlString } from '../src/sql/escape.js';
import { writeNdjson } from './streaming.js';

const { values } = parseArgs({
  options: {
    events: { type: 'string', default: '1000000' },
    devices: { type: 'string', default: '200' },
    days: { type: 'string', default: '14' },
    dir: { type: 'string' },
  },
});
const cores = availableParallelism();

interface Cost {
  readonly wall: number;
  readonly cpu: number;
}

/** Wall and process CPU seconds (every thread: DuckDB's and the check workers' too). */
async function cost(run: () => Promise<unknown>): Promise<Cost> {
  const cpu0 = process.resourceUsage();
  const t0 = performance.now();
  await run();
  const cpu1 = process.resourceUsage();
  const cpu = (cpu1.userCPUTime + cpu1.systemCPUTime - cpu0.userCPUTime - cpu0.systemCPUTime) / 1e6;
  return { wall: (performance.now() - t0) / 1000, cpu };
}

const us = (c: Cost, n: number): number => (c.cpu / n) * 1e6;
const rate = (n: number): string => Math.round(n).toLocaleString('en-US');
/** Events/s if `usPerEvent` of CPU were spread over every core with no overhead at all. */
const ceiling = (usPerEvent: number): number => (cores * 1e6) / usPerEvent;

function line(label: string, c: Cost, n: number): void {
  console.log(
    `  ${label.padEnd(58)} ${c.wall.toFixed(2).padStart(6)} s wall ${us(c, n).toFixed(2).padStart(6)} CPU-µs/event`,
  );
}

async function ingestBudget(dir: string, n: number): Promise<void> {
  const nd = join(dir, 'stream.ndjson');
  await writeNdjson(nd, n);
  const size = statSync(nd).size;
  console.log(`Ingest: ${rate(n)} interleaved events of 3 tables, ${(size / 2 ** 20).toFixed(0)} MiB of NDJSON`);

  const full = join(dir, 'full.duckdb');
  const whole = await cost(() => ingestPaths(full, [nd]));
  line('exfilhunt ingest, typed path (everything below, and more)', whole, n);

  const sha = await cost(() => sha256File(nd));
  line('sha256 of the file alone (the ingest log needs it)', sha, n);

  // Room for the in-memory copy below, so the storage figure is not a spill to disk.
  const ws = await openWorkspace(join(dir, 'pieces.duckdb'), { memoryLimit: '8GB' });
  try {
    let checked: Awaited<ReturnType<typeof checkTypedNdjson>> | undefined;
    const check = await cost(async () => {
      checked = await checkTypedNdjson(ws.conn, nd, size);
    });
    const chk = checked!;
    if (!chk.ok) throw new Error(`the bench file failed the check: ${chk.reason}`);
    line('JS check of every line (JSON.parse and the type walk)', check, n);

    // Each pass reads every line of the interleaved file (the category filter comes after it).
    const passes = [...chk.tables].filter(([, t]) => t.rows > 0);
    const parse = await cost(async () => {
      for (const [table, t] of passes) {
        const sql = typedInsertSql(nd, table, t, new Set());
        const select = sql.slice(sql.indexOf('SELECT'));
        await ws.conn.run(`SELECT count(*), sum(length(CAST(COLUMNS(*) AS VARCHAR))) FROM (${select})`);
      }
    });
    const parseOnce: Cost = { wall: parse.wall / passes.length, cpu: parse.cpu / passes.length };
    line(`DuckDB typed read of every line, one pass (of ${passes.length})`, parseOnce, n);

    // Storage alone: the same rows, already in memory, inserted and checkpointed.
    await ws.conn.run(`ATTACH ${sqlString(full)} AS src (READ_ONLY)`);
    for (const [table] of passes)
      await ws.conn.run(`CREATE TEMP TABLE ${sqlIdent('m_' + table)} AS SELECT * FROM src.${sqlIdent(table)}`);
    const storage = await cost(async () => {
      await ws.conn.run('BEGIN');
      for (const [table] of passes)
        await ws.conn.run(`INSERT INTO ${sqlIdent(table)} SELECT * FROM ${sqlIdent('m_' + table)}`);
      await ws.conn.run('COMMIT');
      await ws.conn.run('CHECKPOINT');
    });
    line('DuckDB compressed storage from memory (insert, checkpoint)', storage, n);

    const strict = us(sha, n) + us(check, n) + us(parseOnce, n) + us(storage, n);
    const lenient = us(sha, n) + us(parseOnce, n) + us(storage, n);
    console.log(`  measured: ${rate(n / whole.wall)} events/s wall`);
    console.log(
      `  ceiling with the line check, one read: ${rate(ceiling(strict))} events/s (${strict.toFixed(2)} CPU-µs/event on ${cores} cores)`,
    );
    console.log(
      `  ceiling with no check at all, one read: ${rate(ceiling(lenient))} events/s (${lenient.toFixed(2)} CPU-µs/event)`,
    );
    console.log(
      `  target 300,000 events/s needs ${((cores * 1e6) / 300_000).toFixed(2)} CPU-µs/event; target / ceiling with the check: ${(300_000 / ceiling(strict)).toFixed(2)}x`,
    );
  } finally {
    ws.close();
  }
}

async function labBudget(dir: string, devices: number, days: number): Promise<void> {
  const out = join(dir, 'lab');
  let events = 0;
  const gen = await cost(async () => {
    events = (await generateLab({ scenario: 'mixed', devices, days, format: 'parquet', out, seed: 1 })).events;
  });
  console.log(`Lab: ${devices} devices × ${days} days, mixed scenario, ${rate(events)} events`);
  line('exfilhunt lab --format parquet (generation and writing)', gen, events);

  // The floor: DuckDB writing the very same rows, already in memory, with the lab's options.
  const inst = await DuckDBInstance.create(':memory:', { preserve_insertion_order: 'true' });
  const c = await inst.connect();
  try {
    const tables = readdirSync(out).filter((t) => t.startsWith('Device'));
    for (const t of tables)
      await c.run(
        `CREATE TABLE ${sqlIdent(t)} AS SELECT * FROM read_parquet(${sqlString(join(out, t, '**', '*.parquet'))})`,
      );
    const again = join(dir, 'again');
    mkdirSync(again);
    const write = await cost(async () => {
      for (const t of tables)
        await c.run(`COPY ${sqlIdent(t)} TO ${sqlString(join(again, t + '.parquet'))} ${copyOptions('parquet')}`);
    });
    line('DuckDB Parquet write of the same rows from memory', write, events);
    console.log(`  measured: ${rate(events / gen.wall)} events/s wall`);
    console.log(
      `  ceiling with free generation: ${rate(ceiling(us(write, events)))} events/s (${us(write, events).toFixed(2)} CPU-µs/event on ${cores} cores)`,
    );
    console.log(
      `  target 1,000,000 events/s needs ${((cores * 1e6) / 1_000_000).toFixed(2)} CPU-µs/event; target / ceiling: ${(1_000_000 / ceiling(us(write, events))).toFixed(2)}x`,
    );
  } finally {
    c.closeSync();
    inst.closeSync();
  }
}

const dir = values.dir ?? join('/tmp', `exfilhunt-ceiling-${process.pid}`);
mkdirSync(dir, { recursive: true });
console.log(
  `node ${process.version}, ${cores} cores, load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
try {
  await ingestBudget(dir, Number(values.events));
  await labBudget(dir, Number(values.devices), Number(values.days));
} finally {
  if (values.dir === undefined) rmSync(dir, { recursive: true, force: true });
}
