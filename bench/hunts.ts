// The hunts bench/engine.ts times: KQL through exfilhunt and the same hunt hand-written in DuckDB SQL.
export interface Hunt {
  readonly name: string;
  readonly kql: string;
  readonly sql: string;
}

export const HUNTS: readonly Hunt[] = [
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

export const PIVOT = `DeviceFileEvents | join kind=inner (DeviceNetworkEvents) on DeviceName | where Timestamp1 between (Timestamp - 2m .. Timestamp + 2m) | count`;
