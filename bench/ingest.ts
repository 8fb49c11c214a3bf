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
import { once } from 'node:events';
import { join } from 'node:path';
import { cpus, loadavg } from 'node:os';
import { DuckDBInstance } from '@duckdb/node-api';
import { ingestPaths } from '../src/ingest/index.js';

const TABLES = ['DeviceProcessEvents', 'DeviceFileEvents', 'DeviceNetworkEvents'] as const;

function iso(ms: number, sub: number): string {
  return new Date(ms).toISOString().slice(0, 23) + String(sub).padStart(4, '0') + 'Z';
}

/** One storage-account streaming line (`{time, tenantId, category, properties}`). */
function event(i: number): string {
  const table = TABLES[i % 3]!;
  const t = Date.UTC(2026, 2, 1) + i * 7;
  const dev = `dev${i % 500}`;
  const p: Record<string, unknown> = {
    Timestamp: iso(t, i % 10000),
    DeviceId: `${dev}-6f1c2d3e4b5a69788796a5b4c3d2e1f0`,
    DeviceName: `${dev}.contoso.local`,
    InitiatingProcessFileName: 'explorer.exe',
    InitiatingProcessId: 4000 + (i % 900),
    InitiatingProcessAccountName: `user${i % 300}`,
    InitiatingProcessCommandLine: `"C:\\Windows\\explorer.exe" /factory,{75dff2b7-6936-4c06-a8bb-676a7b00b24b} -Embedding ${i}`,
    InitiatingProcessCreationTime: iso(t - 60000, 0),
    ReportId: i,
    MachineGroup: null,
  };
  if (table === 'DeviceProcessEvents')
    Object.assign(p, {
      ActionType: 'ProcessCreated',
      FileName: 'cmd.exe',
      FolderPath: 'C:\\Windows\\System32\\cmd.exe',
      ProcessId: 10000 + (i % 5000),
      ProcessCommandLine: `cmd.exe /c copy C:\\Finance\\q${i}.xlsx E:\\`,
      SHA1: '0123456789abcdef0123456789abcdef01234567',
      LogonId: 999,
      AdditionalFields: null,
    });
  else if (table === 'DeviceFileEvents')
    Object.assign(p, {
      ActionType: 'FileCreated',
      FileName: `q${i}.xlsx`,
      FolderPath: `E:\\q${i}.xlsx`,
      FileSize: 10000 + i,
      SHA256: 'ab'.repeat(32),
      AdditionalFields: '{"FileType":"Xlsx"}',
    });
  else
    Object.assign(p, {
      ActionType: 'ConnectionSuccess',
      RemoteIP: `203.0.113.${i % 250}`,
      RemotePort: 443,
      LocalIP: '10.0.0.5',
      LocalPort: 40000 + (i % 20000),
      Protocol: 'Tcp',
      RemoteUrl: 'mega.nz',
    });
  return JSON.stringify({
    time: iso(t + 5000, 0),
    tenantId: '7a1c6f55-0000-4000-8000-000000000001',
    category: `AdvancedHunting-${table}`,
    properties: p,
  });
}

async function writeNdjson(path: string, n: number): Promise<void> {
  const out = createWriteStream(path, { highWaterMark: 1 << 20 });
  let buf: string[] = [];
  for (let i = 0; i < n; i++) {
    buf.push(event(i));
    if (buf.length === 5000) {
      if (!out.write(buf.join('\n') + '\n')) await once(out, 'drain');
      buf = [];
    }
  }
  if (buf.length > 0) out.write(buf.join('\n') + '\n');
  out.end();
  await once(out, 'finish');
}

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
    const inMB = statSync(file).size / 2 ** 20;
    rates[key] = res.stored / (res.ms / 1000);
    console.log(
      `${label}: ${res.stored.toLocaleString('en-US')} stored, ${res.rejected} rejected, ${(res.ms / 1000).toFixed(1)} s, ` +
        `${Math.round(res.stored / (res.ms / 1000)).toLocaleString('en-US')} events/s wall (${Math.round(res.stored / res.cpuS).toLocaleString('en-US')} per CPU-second, process total incl. startup), peak RSS ${res.maxRssMB.toFixed(0)} MiB vs input ${inMB.toFixed(0)} MiB, workspace ${(statSync(db).size / 2 ** 20).toFixed(0)} MiB`,
    );
  }
  console.log(`NDJSON typed path / JS row pipeline, events/s: ${(rates['typed']! / rates['js']!).toFixed(2)}x`);
  console.log(
    `gzip NDJSON typed path / JS row pipeline, events/s: ${(rates['gzip-typed']! / rates['gzip-js']!).toFixed(2)}x`,
  );
  if (!argv.includes('--keep')) rmSync(dir, { recursive: true, force: true });
}

await main();
