// The three seed queries of issue 2, verbatim, on a small workspace built for them.
// Expected rows are written out by hand from Kusto's semantics (case-sensitive ==,
// case-insensitive endswith, inclusive between at 100-ns precision, int vs "443").
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { DuckDbBackend } from '../../src/engine/duckdb.js';
import { buildWorkspace } from './workspace.js';

let ws: { path: string; cleanup: () => void };
let b: DuckDbBackend;

before(async () => {
  ws = await buildWorkspace({
    DeviceFileEvents: [
      {
        Timestamp: '2025-11-20 00:40:00.1234567',
        DeviceId: 'd1',
        DeviceName: 'endpoint-za',
        ActionType: 'FileCreated',
        FileName: 'data.zip',
        ReportId: 1,
      },
      {
        Timestamp: '2025-11-20 00:50:00',
        DeviceId: 'd1',
        DeviceName: 'endpoint-za',
        ActionType: 'FileCreated',
        FileName: 'report.ZIP',
        ReportId: 2,
      },
      {
        Timestamp: '2025-11-20 00:51:00',
        DeviceId: 'd1',
        DeviceName: 'endpoint-za',
        ActionType: 'FileCreated',
        FileName: 'notes.txt',
        ReportId: 3,
      },
      {
        Timestamp: '2025-11-20 00:52:00',
        DeviceId: 'd2',
        DeviceName: 'endpoint-zb',
        ActionType: 'FileCreated',
        FileName: 'x.zip',
        ReportId: 4,
      },
      {
        Timestamp: '2025-11-20 00:53:00',
        DeviceId: 'd3',
        DeviceName: 'endpoint-ZA',
        ActionType: 'FileCreated',
        FileName: 'y.zip',
        ReportId: 5,
      },
      {
        Timestamp: '2025-11-19 10:00:00',
        DeviceId: 'd1',
        DeviceName: 'endpoint-za',
        ActionType: 'FileModified',
        FileName: 'archive.7zip',
        ReportId: 6,
      },
    ],
    DeviceProcessEvents: [
      {
        Timestamp: '2025-11-20 00:46:57.6034636',
        DeviceName: 'endpoint-za',
        ActionType: 'ProcessCreated',
        FileName: 'a.exe',
        ProcessCommandLine: 'a',
        FolderPath: 'C:\\a',
      },
      {
        Timestamp: '2025-11-20 00:50:57.6034636',
        DeviceName: 'endpoint-za',
        ActionType: 'ProcessCreated',
        FileName: 'b.exe',
        ProcessCommandLine: 'b',
        FolderPath: 'C:\\b',
      },
      {
        Timestamp: '2025-11-20 00:50:57.6034637',
        DeviceName: 'endpoint-za',
        ActionType: 'ProcessCreated',
        FileName: 'c.exe',
        ProcessCommandLine: 'c',
        FolderPath: 'C:\\c',
      },
      {
        Timestamp: '2025-11-20 00:48:00',
        DeviceName: 'endpoint-zb',
        ActionType: 'ProcessCreated',
        FileName: 'd.exe',
        ProcessCommandLine: 'd',
        FolderPath: 'C:\\d',
      },
      {
        Timestamp: '2025-11-20 00:49:00',
        DeviceName: 'endpoint-za',
        ActionType: 'ProcessCreated',
        FileName: '7z.exe',
        ProcessCommandLine: '7z a data.zip',
        FolderPath: 'C:\\7z',
      },
    ],
    DeviceNetworkEvents: [
      {
        Timestamp: '2025-11-18 23:37:00',
        DeviceName: 'endpoint-za',
        ActionType: 'ConnectionSuccess',
        RemoteIP: '1.2.3.4',
        RemotePort: 443,
        RemoteUrl: 'example.com',
      },
      {
        Timestamp: '2025-11-18 23:38:00',
        DeviceName: 'endpoint-za',
        ActionType: 'ConnectionSuccess',
        RemoteIP: '1.2.3.5',
        RemotePort: 443,
        RemoteUrl: '',
      },
      {
        Timestamp: '2025-11-18 23:39:00',
        DeviceName: 'endpoint-za',
        ActionType: 'ConnectionSuccess',
        RemoteIP: '1.2.3.6',
        RemotePort: 80,
        RemoteUrl: 'a.com',
      },
      {
        Timestamp: '2025-11-18 23:40:31.6453479',
        DeviceName: 'endpoint-za',
        ActionType: 'ConnectionSuccess',
        RemoteIP: '1.2.3.7',
        RemotePort: 443,
        RemoteUrl: 'b.com',
      },
      {
        Timestamp: '2025-11-18 23:36:31.6453478',
        DeviceName: 'endpoint-za',
        ActionType: 'ConnectionSuccess',
        RemoteIP: '1.2.3.8',
        RemotePort: 443,
        RemoteUrl: 'c.com',
      },
      {
        Timestamp: '2025-11-18 23:38:10',
        DeviceName: 'endpoint-za',
        ActionType: 'ConnectionSuccess',
        RemoteIP: '1.2.3.9',
        RemotePort: 443,
        RemoteUrl: null,
      },
    ],
  });
  b = await DuckDbBackend.open(ws.path);
});

after(async () => {
  await b.close();
  ws.cleanup();
});

test('seed 1: project-away, ==, endswith, order by desc', async () => {
  const r = await b.query(`DeviceFileEvents
| project-away DeviceId
| where DeviceName == "endpoint-za"
| where FileName endswith "zip"
| order by Timestamp desc`);
  assert.ok(!r.columns.some((c) => c.name === 'DeviceId'));
  const idx = (n: string) => r.columns.findIndex((c) => c.name === n);
  const got = r.rows.map((row) => [row[idx('Timestamp')], row[idx('DeviceName')], row[idx('FileName')]]);
  assert.deepEqual(got, [
    ['2025-11-20T00:50:00.0000000Z', 'endpoint-za', 'report.ZIP'],
    ['2025-11-20T00:40:00.1234567Z', 'endpoint-za', 'data.zip'],
    ['2025-11-19T10:00:00.0000000Z', 'endpoint-za', 'archive.7zip'],
  ]);
});

test('seed 2: between on 100-ns bounds, let scalars, project', async () => {
  const r = await b.query(`let specificTime = datetime(2025-11-20T00:48:57.6034636Z);
let VMName = "endpoint-za";
DeviceProcessEvents
| where Timestamp between ((specificTime - 2m) .. (specificTime + 2m))
| where DeviceName == VMName
| order by Timestamp desc
| project Timestamp, DeviceName, ActionType, FileName, ProcessCommandLine, FolderPath`);
  assert.deepEqual(
    r.columns.map((c) => `${c.name}:${c.type}`),
    [
      'Timestamp:datetime',
      'DeviceName:string',
      'ActionType:string',
      'FileName:string',
      'ProcessCommandLine:string',
      'FolderPath:string',
    ],
  );
  assert.deepEqual(r.rows, [
    ['2025-11-20T00:50:57.6034636Z', 'endpoint-za', 'ProcessCreated', 'b.exe', 'b', 'C:\\b'],
    ['2025-11-20T00:49:00.0000000Z', 'endpoint-za', 'ProcessCreated', '7z.exe', '7z a data.zip', 'C:\\7z'],
    ['2025-11-20T00:46:57.6034636Z', 'endpoint-za', 'ProcessCreated', 'a.exe', 'a', 'C:\\a'],
  ]);
});

test('seed 3: int column compared with "443", isnotempty', async () => {
  const r = await b.query(`let specificTime = datetime(2025-11-18T23:38:31.6453479Z);
let VMName = "endpoint-za";
DeviceNetworkEvents
| where Timestamp between ((specificTime - 2m) .. (specificTime + 2m))
| where DeviceName == VMName
| order by Timestamp desc
| where RemotePort == "443"
| where isnotempty(RemoteUrl)
| project Timestamp, DeviceName, ActionType, RemoteIP, RemotePort, RemoteUrl`);
  assert.deepEqual(r.rows, [
    ['2025-11-18T23:40:31.6453479Z', 'endpoint-za', 'ConnectionSuccess', '1.2.3.7', 443, 'b.com'],
    ['2025-11-18T23:37:00.0000000Z', 'endpoint-za', 'ConnectionSuccess', '1.2.3.4', 443, 'example.com'],
  ]);
});

test('a file->network pivot is planned as a bucketed band join and returns the pairs in the window', async () => {
  const kql = `DeviceFileEvents
| where FileName endswith ".zip"
| join kind=inner (DeviceProcessEvents) on DeviceName
| where Timestamp1 between (Timestamp - 10m .. Timestamp + 10m)
| project FileName, FileName1`;
  const ex = await b.explain(kql);
  assert.match(ex.planText, /band\(/);
  assert.match(ex.sql, /__bucket/);
  const r = await b.query(kql);
  const got = r.rows.map((x) => `${String(x[0])}>${String(x[1])}`).sort();
  // data.zip (00:40:00.12): a.exe 00:46:57, 7z.exe 00:49:00 (b.exe at 00:50:57 is 10m57s later).
  // report.ZIP (00:50:00): all four endpoint-za processes. x.zip (endpoint-zb 00:52): d.exe 00:48.
  // y.zip is on endpoint-ZA (no processes); archive.7zip doesn't end with ".zip".
  assert.deepEqual(got, [
    'data.zip>7z.exe',
    'data.zip>a.exe',
    'report.ZIP>7z.exe',
    'report.ZIP>a.exe',
    'report.ZIP>b.exe',
    'report.ZIP>c.exe',
    'x.zip>d.exe',
  ]);
});

test('a pivot of a table around literal anchors fans out the anchors, with the window edges exact', async () => {
  // The window is asymmetric and its edges fall on a.exe and b.exe to the 100 ns; c.exe is
  // 100 ns past the upper edge. Fanning out the small literal side mirrors the band.
  const kql = `let Anchors = datatable(AnchorDevice:string, AnchorTime:datetime) ["endpoint-za", datetime(2025-11-20T00:49:00Z)];
DeviceProcessEvents
| join kind=inner Anchors on $left.DeviceName == $right.AnchorDevice
| where Timestamp between ((AnchorTime - time(00:02:02.3965364)) .. (AnchorTime + time(00:01:57.6034636)))
| project FileName`;
  const ex = await b.explain(kql);
  assert.match(ex.planText, /band\(/);
  assert.match(ex.sql, /AS l\d+ JOIN \(SELECT \*, __b0 \+ __k AS __bucket/, 'the literal (right) side is fanned out');
  const r = await b.query(kql);
  assert.deepEqual(r.rows.map((x) => String(x[0])).sort(), ['7z.exe', 'a.exe', 'b.exe']);
});

test('query parameters become escaped let bindings', async () => {
  const r = await b.query('DeviceFileEvents | where DeviceName == Device and Timestamp >= Since | count', {
    params: { Device: 'endpoint-za', Since: new Date('2025-11-20T00:00:00Z') },
  });
  assert.deepEqual(r.rows, [[3]]);
  const hostile = `x" | union DeviceProcessEvents | where "1" == "1`;
  const h = await b.query('print v = Device', { params: { Device: hostile } });
  assert.deepEqual(h.rows, [[hostile]]);
});
