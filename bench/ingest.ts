// Ingest benchmark (not a test): rate and peak memory for an NDJSON streaming-API export, plain
// and gzip-compressed (the default typed path and the JS row pipeline, side by side), and for
// Parquet.
// Usage: npx tsc -p tsconfig.json && node dist/bench/ingest.js [N=10000000] [--dir DIR] [--keep]
// (or node --import tsx bench/ingest.ts ...; from source the check workers compile TypeScript
// first, so the built code is what the CLI runs). Each ingest runs in a child process so its
// peak RSS is its own.
import { spawnSync } from 'node:child_process';
import { createReadStream, createWriteStream, mkdirSync, rmSync, statSync } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { join } from 'node:path';
import { cpus, loadavg } from 'node:os';
import { DuckDBInstance } from '@duckdb/node-api';
import { ingestPaths } from '../src/ingest/index.js';
import { splitNdjson, writeNdjson } from './streaming.js';

async function writeParquet(path: string, n: number): Promise<void> {
  const inst = await DuckDBInstance.create(':memory:');
  const c = await inst.connect();
  await c.run(`COPY (SELECT
      TIMESTAMP_NS '2026-03-01 00:00:00' + to_microseconds(i * 7000) AS Timestamp,
      'dev' || (i % 500) || '-6f1c2d3e4b5a69788796a5b4c3d2e1f0' AS DeviceId, 'dev' || (i % 500) || '.contoso.local' AS DeviceName,
      'ConnectionSuccess' AS ActionType, '203.0.113.' || (i % 250) AS RemoteIP, 443::INTEGER AS RemotePort, '10.0.0.5' AS LocalIP,
      (40000 + i % 20000)::INTEGER AS LocalPort, 'Tcp' AS Protocol, 'mega.nz' AS RemoteUrl, 'chrome.exe' AS InitiatingProcessFileName,
      (4000 + i % 900)::BIGINT AS InitiatingProcessId, 'user' || (i % 300) AS InitiatingProcessAccountName, i::BIGINT AS ReportId
    FROM range(${n}) t(i)) TO '${path}' (FORMAT parquet)`);
  c.closeSync();
  inst.closeSync();
}

async function child(file: string, db: string, mode: string, table: string | undefined): Promise<void> {
  const t0 = process.hrtime.bigint();
  const s = await ingestPaths(db, [file], { table, fast: mode !== 'js' });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const ru = process.resourceUsage();
  const cpuS = (ru.userCPUTime + ru.systemCPUTime) / 1e6;
  process.stdout.write(
    JSON.stringify({ stored: s.totals.stored, rejected: s.totals.rejected, ms, cpuS, maxRssMB: ru.maxRSS / 1024 }) +
      '\n',
  );
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv[0] === '--child') return child(argv[1]!, argv[2]!, argv[3]!, argv[4]);
  const n = Number(argv.find((a) => /^\d+$/.test(a)) ?? 10_000_000);
  const dirIdx = argv.indexOf('--dir');
  const dir = dirIdx >= 0 ? argv[dirIdx + 1]! : join('/tmp', `exfilhunt-bench-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  const nd = join(dir, 'stream.ndjson');
  const pq = join(dir, 'net.parquet');
  let t = Date.now();
  await writeNdjson(nd, n);
  console.log(
    `node ${process.version}, load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} on ${cpus().length} CPUs`,
  );
  console.log(
    `generated ${n.toLocaleString('en-US')} NDJSON events, ${(statSync(nd).size / 2 ** 20).toFixed(0)} MiB, in ${((Date.now() - t) / 1000).toFixed(1)} s`,
  );
  // Hourly storage-account blobs are far smaller than one big file: the same events as 30 files.
  const parts = join(dir, 'parts');
  await splitNdjson(nd, n, 30, parts);
  const gz = join(dir, 'stream.ndjson.gz');
  t = Date.now();
  await pipeline(createReadStream(nd), createGzip(), createWriteStream(gz));
  console.log(
    `gzipped it (level 6) to ${(statSync(gz).size / 2 ** 20).toFixed(0)} MiB in ${((Date.now() - t) / 1000).toFixed(1)} s`,
  );
  t = Date.now();
  await writeParquet(pq, n);
  console.log(
    `generated ${n.toLocaleString('en-US')} Parquet rows, ${(statSync(pq).size / 2 ** 20).toFixed(0)} MiB, in ${((Date.now() - t) / 1000).toFixed(1)} s`,
  );
  const rates: Record<string, number> = {};
  for (const [label, file, mode, table] of [
    ['NDJSON streaming export, typed path (default)', nd, 'typed', undefined],
    ['NDJSON streaming export, JS row pipeline', nd, 'js', undefined],
    ['the same events as 30 NDJSON files, typed path (default)', parts, 'parts', undefined],
    ['gzip NDJSON streaming export, typed path (default)', gz, 'typed', undefined],
    ['gzip NDJSON streaming export, JS row pipeline', gz, 'js', undefined],
    ['Parquet (DeviceNetworkEvents)', pq, 'fast', 'DeviceNetworkEvents'],
  ] as const) {
    const key = file === gz ? `gzip-${mode}` : mode;
    const db = join(dir, `${key}.duckdb`);
    rmSync(db, { force: true });
    // The same script in the same runtime (built, or tsx from source) as this process.
    const r = spawnSync(
      process.execPath,
      [...process.execArgv, process.argv[1]!, '--child', file, db, mode, ...(table ? [table] : [])],
      { encoding: 'utf8', env: { ...process.env, NODE_NO_WARNINGS: '1' } },
    );
    if (r.status !== 0) throw new Error(`child failed: ${r.stderr}`);
    const res = JSON.parse(r.stdout.trim().split('\n').pop()!) as {
      stored: number;
      rejected: number;
      ms: number;
      cpuS: number;
      maxRssMB: number;
    };
    const inMB = statSync(file === parts ? nd : file).size / 2 ** 20;
    rates[key] = res.stored / (res.ms / 1000);
    console.log(
      `${label}: ${res.stored.toLocaleString('en-US')} stored, ${res.rejected} rejected, ${(res.ms / 1000).toFixed(1)} s, ` +
        `${Math.round(res.stored / (res.ms / 1000)).toLocaleString('en-US')} events/s wall (${Math.round(res.stored / res.cpuS).toLocaleString('en-US')} per CPU-second, process total incl. startup), peak RSS ${res.maxRssMB.toFixed(0)} MiB vs input ${inMB.toFixed(0)} MiB, workspace ${(statSync(db).size / 2 ** 20).toFixed(0)} MiB`,
    );
  }
  console.log(`NDJSON typed path / JS row pipeline, events/s: ${(rates['typed']! / rates['js']!).toFixed(2)}x`);
  console.log(`NDJSON typed path, one file / 30 files, events/s: ${(rates['typed']! / rates['parts']!).toFixed(2)}x`);
  console.log(
    `gzip NDJSON typed path / JS row pipeline, events/s: ${(rates['gzip-typed']! / rates['gzip-js']!).toFixed(2)}x`,
  );
  if (!argv.includes('--keep')) rmSync(dir, { recursive: true, force: true });
}

await main();
