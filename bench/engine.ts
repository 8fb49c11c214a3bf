// Engine benchmark (not a test). Generates DeviceFileEvents and DeviceNetworkEvents,
// times 8 typical hunts through exfilhunt against the same hunts hand-written in DuckDB
// SQL (same data, same process), prints each ratio, then the ±2 min file->network pivot
// and the case-insensitive substring options.
//
//   npx tsx bench/engine.ts [--rows 10000000] [--devices 200] [--days 7] [--repeat 3]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DuckDBInstance } from '@duckdb/node-api';
import { DuckDbBackend } from '../src/engine/duckdb.js';
import { getTable } from '../src/schema/index.js';
import { DUCKDB_TYPE } from '../src/schema/physical.js';
import { sqlIdent } from '../src/sql/escape.js';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '10000000' },
    devices: { type: 'string', default: '200' },
    days: { type: 'string', default: '7' },
    repeat: { type: 'string', default: '3' },
  },
});
const N = Number(values.rows);
const DEVICES = Number(values.devices);
const DAYS = Number(values.days);
const REPEAT = Number(values.repeat);
const START = '2025-11-13 00:00:00';

function ddl(table: string): string {
  const def = getTable(table);
  if (def === undefined) throw new Error(table);
  return `CREATE TABLE ${sqlIdent(table)} (${def.workspaceColumns.map((c) => `${sqlIdent(c.name)} ${DUCKDB_TYPE[c.type]}`).join(', ')})`;
}

async function generate(path: string): Promise<void> {
  const inst = await DuckDBInstance.create(path);
  const c = await inst.connect();
  const span = DAYS * 86400 * 1e9;
  const ts = `make_timestamp_ns(epoch_ns(TIMESTAMP_NS '${START}') + CAST(hash(i * 7) % ${span} AS BIGINT))`;
  const dev = `'dev-' || CAST(hash(i * 13) % ${DEVICES} AS VARCHAR)`;
  await c.run(ddl('DeviceFileEvents'));
  await c.run(`INSERT INTO "DeviceFileEvents" ("Timestamp", "DeviceId", "DeviceName", "ActionType", "FileName", "FolderPath", "SHA256", "InitiatingProcessFileName", "InitiatingProcessCommandLine", "ReportId")
    SELECT ${ts}, md5(${dev}), ${dev},
      (['FileCreated','FileModified','FileRenamed','FileDeleted'])[1 + CAST(hash(i * 3) % 4 AS INTEGER)],
      'file' || CAST(hash(i * 5) % 100000 AS VARCHAR) || (['.docx','.xlsx','.pdf','.zip','.7z','.txt','.exe','.dll'])[1 + CAST(hash(i * 11) % 8 AS INTEGER)],
      (['C:\\Users\\alice\\Documents\\','C:\\Windows\\Temp\\','C:\\Users\\bob\\AppData\\Local\\Temp\\','D:\\Shares\\Finance\\','C:\\Program Files\\App\\'])[1 + CAST(hash(i * 17) % 5 AS INTEGER)],
      md5(CAST(i AS VARCHAR)),
      (['explorer.exe','7z.exe','winword.exe','powershell.exe','svchost.exe','robocopy.exe'])[1 + CAST(hash(i * 19) % 6 AS INTEGER)],
      'cmd /c something ' || CAST(i % 1000 AS VARCHAR),
      i
    FROM range(${N}) t(i)`);
  await c.run(ddl('DeviceNetworkEvents'));
  await c.run(`INSERT INTO "DeviceNetworkEvents" ("Timestamp", "DeviceId", "DeviceName", "ActionType", "RemoteIP", "RemotePort", "RemoteUrl", "InitiatingProcessFileName", "ReportId")
    SELECT ${ts.replace('i * 7', 'i * 23')}, md5(${dev.replace('i * 13', 'i * 29')}), ${dev.replace('i * 13', 'i * 29')},
      (['ConnectionSuccess','ConnectionFailed','ConnectionAttempt'])[1 + CAST(hash(i * 31) % 3 AS INTEGER)],
      CAST(hash(i * 37) % 223 + 1 AS VARCHAR) || '.' || CAST(hash(i * 41) % 256 AS VARCHAR) || '.' || CAST(hash(i * 43) % 256 AS VARCHAR) || '.' || CAST(hash(i * 47) % 256 AS VARCHAR),
      ([443, 80, 445, 22, 8080])[1 + CAST(hash(i * 53) % 5 AS INTEGER)],
      (['www.dropbox.com','api.github.com','login.microsoftonline.com','mega.nz','example.org','files.contoso.com',''])[1 + CAST(hash(i * 59) % 7 AS INTEGER)],
      (['chrome.exe','curl.exe','powershell.exe','rclone.exe','svchost.exe','teams.exe'])[1 + CAST(hash(i * 61) % 6 AS INTEGER)],
      i
    FROM range(${N}) t(i)`);
  c.closeSync();
  inst.closeSync();
}

interface Hunt {
  readonly name: string;
  readonly kql: string;
  readonly sql: string;
}

const HUNTS: readonly Hunt[] = [
  {
    name: 'archives by device (endswith, top)',
    kql: `DeviceFileEvents | where FileName endswith ".zip" or FileName endswith ".7z" | summarize n = count() by DeviceName | top 10 by n`,
    sql: `SELECT "DeviceName", count(*) AS n FROM "DeviceFileEvents" WHERE ends_with(lower("FileName"), '.zip') OR ends_with(lower("FileName"), '.7z') GROUP BY 1 ORDER BY n DESC NULLS LAST LIMIT 10`,
  },
  {
    name: 'temp folder (contains, count)',
    kql: `DeviceFileEvents | where FolderPath contains @"\\temp\\" | count`,
    sql: `SELECT count(*) FROM "DeviceFileEvents" WHERE contains(lower("FolderPath"), '\\temp\\')`,
  },
  {
    name: 'cloud storage (has, summarize)',
    kql: `DeviceNetworkEvents | where RemoteUrl has "dropbox" | summarize count() by DeviceName`,
    sql: `SELECT "DeviceName", count(*) FROM "DeviceNetworkEvents" WHERE regexp_matches("RemoteUrl", '(?i)(?:^|[^[:alnum:]])dropbox(?:$|[^[:alnum:]])') GROUP BY 1`,
  },
  {
    name: 'device timeline (between, ==, sort, take)',
    kql: `DeviceFileEvents | where Timestamp between (datetime(2025-11-15) .. datetime(2025-11-16)) and DeviceName == "dev-17" | project Timestamp, FileName, FolderPath | order by Timestamp desc | take 100`,
    sql: `SELECT epoch_ns("Timestamp"), "FileName", "FolderPath" FROM "DeviceFileEvents" WHERE "Timestamp" BETWEEN TIMESTAMP_NS '2025-11-15' AND TIMESTAMP_NS '2025-11-16' AND "DeviceName" = 'dev-17' ORDER BY "Timestamp" DESC LIMIT 100`,
  },
  {
    name: 'hourly volume (bin)',
    kql: `DeviceNetworkEvents | summarize c = count() by h = bin(Timestamp, 1h) | count`,
    sql: `SELECT count(*) FROM (SELECT time_bucket(INTERVAL 1 HOUR, CAST("Timestamp" AS TIMESTAMP)) AS h, count(*) FROM "DeviceNetworkEvents" GROUP BY 1)`,
  },
  {
    name: 'https destinations (dcount, make_set)',
    kql: `DeviceNetworkEvents | where RemotePort == 443 | summarize dcount(RemoteIP), urls = make_set(RemoteUrl, 10) by DeviceName | count`,
    sql: `SELECT count(*) FROM (SELECT "DeviceName", count(DISTINCT "RemoteIP"), list(DISTINCT "RemoteUrl")[1:10] FROM "DeviceNetworkEvents" WHERE "RemotePort" = 443 GROUP BY 1)`,
  },
  {
    name: 'last file per device (arg_max)',
    kql: `DeviceFileEvents | summarize arg_max(Timestamp, FileName) by DeviceName | count`,
    sql: `SELECT count(*) FROM (SELECT "DeviceName", arg_max("FileName", "Timestamp") FROM "DeviceFileEvents" GROUP BY 1)`,
  },
  {
    name: 'exfil tools (in~, !startswith)',
    kql: `DeviceNetworkEvents | where InitiatingProcessFileName in~ ("curl.exe", "rclone.exe", "powershell.exe") and RemoteIP !startswith "10." | summarize count() by InitiatingProcessFileName`,
    sql: `SELECT "InitiatingProcessFileName", count(*) FROM "DeviceNetworkEvents" WHERE lower("InitiatingProcessFileName") IN ('curl.exe', 'rclone.exe', 'powershell.exe') AND NOT starts_with(lower("RemoteIP"), '10.') GROUP BY 1`,
  },
];

const PIVOT = `DeviceFileEvents | join kind=inner (DeviceNetworkEvents) on DeviceName | where Timestamp1 between (Timestamp - 2m .. Timestamp + 2m) | count`;

async function best(f: () => Promise<unknown>): Promise<number> {
  let min = Infinity;
  for (let i = 0; i < REPEAT; i++) {
    const t0 = performance.now();
    await f();
    min = Math.min(min, performance.now() - t0);
  }
  return min;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'exfilhunt-bench-'));
  const path = join(dir, 'bench.duckdb');
  try {
    let t0 = performance.now();
    await generate(path);
    console.log(
      `generated ${N.toLocaleString()} rows x 2 tables, ${DEVICES} devices, ${DAYS} days in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );
    const b = await DuckDbBackend.open(path);
    try {
      console.log(`\n| hunt | exfilhunt (ms) | hand SQL (ms) | ratio |\n|---|---:|---:|---:|`);
      for (const h of HUNTS) {
        await b.query(h.kql);
        const ek = await best(() => b.query(h.kql));
        const es = await best(() => b.sql(h.sql));
        console.log(`| ${h.name} | ${ek.toFixed(0)} | ${es.toFixed(0)} | ${(ek / es).toFixed(2)} |`);
      }
      t0 = performance.now();
      const r = await b.query(PIVOT);
      const pivotMs = performance.now() - t0;
      console.log(
        `\n±2 min file->network pivot, all devices: ${(pivotMs / 1000).toFixed(2)} s (${String(r.rows[0]?.[0])} pairs)`,
      );
      console.log('\ncase-insensitive substring (FolderPath contains "\\temp\\"):');
      const variants: [string, string][] = [
        ['ILIKE', `SELECT count(*) FROM "DeviceFileEvents" WHERE "FolderPath" ILIKE '%\\temp\\%'`],
        [
          'contains(lower(x))',
          `SELECT count(*) FROM "DeviceFileEvents" WHERE contains(lower("FolderPath"), '\\temp\\')`,
        ],
        [
          'strpos(lower(x)) > 0',
          `SELECT count(*) FROM "DeviceFileEvents" WHERE strpos(lower("FolderPath"), '\\temp\\') > 0`,
        ],
        ['lower(x) LIKE', `SELECT count(*) FROM "DeviceFileEvents" WHERE lower("FolderPath") LIKE '%\\temp\\%'`],
        [
          'regexp (?i)',
          `SELECT count(*) FROM "DeviceFileEvents" WHERE regexp_matches("FolderPath", '(?i)\\\\temp\\\\')`,
        ],
      ];
      for (const [name, sql] of variants)
        console.log(`  ${name.padEnd(22)} ${(await best(() => b.sql(sql))).toFixed(0)} ms`);
    } finally {
      await b.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
