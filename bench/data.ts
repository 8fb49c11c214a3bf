// Synthetic DeviceFileEvents and DeviceNetworkEvents for the engine benchmarks
// (bench/engine.ts, bench/substring.ts): deterministic, generated inside DuckDB.
import { existsSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';
import { getTable } from '../src/schema/index.js';
import { DUCKDB_TYPE } from '../src/schema/physical.js';
import { sqlIdent } from '../src/sql/escape.js';

export interface BenchData {
  readonly rows: number;
  readonly devices: number;
  readonly days: number;
}

const START = '2025-11-13 00:00:00';

function ddl(table: string): string {
  const def = getTable(table);
  if (def === undefined) throw new Error(table);
  return `CREATE TABLE ${sqlIdent(table)} (${def.workspaceColumns.map((c) => `${sqlIdent(c.name)} ${DUCKDB_TYPE[c.type]}`).join(', ')})`;
}

async function generate(path: string, { rows: N, devices: DEVICES, days: DAYS }: BenchData): Promise<void> {
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

/** Generates the tables into `path` unless the file exists (reused as is: same sizes assumed). Returns true when generated. */
export async function ensureData(path: string, size: BenchData): Promise<boolean> {
  if (existsSync(path)) return false;
  await generate(path, size);
  return true;
}
