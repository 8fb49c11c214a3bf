// Correlation rules on fixture rows (no engine): staging score, baseline suppression,
// transfer linking (upload vs tool download, clock skew), USB, verdict ladder, process tree.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findTransfers, scoreArchive, usbCopies, type Ctx } from '../../src/hunt/assess.js';
import { Baseline, habitOf } from '../../src/hunt/baseline.js';
import { archiveSignal, egressSignal, execSignal, usbSignal } from '../../src/hunt/signals.js';
import { decide } from '../../src/hunt/verdict.js';
import { buildTree } from '../../src/hunt/tree.js';
import type { Assessment } from '../../src/hunt/assessment.js';
import type { Rec } from '../../src/hunt/rows.js';

const base = { DeviceName: 'ws1', DeviceId: 'd1', ReportId: 1 };
const archive = (ts: string, path: string, proc: string, extra: Rec = {}) =>
  archiveSignal({
    ...base,
    Timestamp: ts,
    ActionType: 'FileCreated',
    FileName: path.slice(path.lastIndexOf('\\') + 1),
    FolderPath: path,
    InitiatingProcessFileName: proc,
    InitiatingProcessAccountName: 'ann',
    InitiatingProcessId: 20,
    InitiatingProcessParentId: 10,
    InitiatingProcessParentFileName: 'powershell.exe',
    ...extra,
  });
const net = (ts: string, url: string, cmd: string, action = 'ConnectionSuccess', extra: Rec = {}) =>
  egressSignal({
    ...base,
    Timestamp: ts,
    ActionType: action,
    RemoteUrl: url,
    RemoteIP: '20.60.1.1',
    RemotePort: 443,
    InitiatingProcessFileName: 'powershell.exe',
    InitiatingProcessCommandLine: cmd,
    InitiatingProcessId: 10,
    InitiatingProcessAccountName: 'ann',
    ...extra,
  });
const ctx = (habits: Rec[] = []): Ctx => ({
  windowMs: 120_000,
  baseline: new Baseline(habits.map(habitOf)),
  prevalence: new Map(),
  collection: () => null,
});

test('staging score: a ProgramData archive from a script-launched archiver is staged; a downloaded zip is not', () => {
  const exec = execSignal({
    ...base,
    Timestamp: '2025-11-20T00:48:40.0000000Z',
    FileName: 'powershell.exe',
    ProcessCommandLine: 'powershell -ExecutionPolicy Bypass -w hidden -File C:\\ProgramData\\x.ps1',
    AccountName: 'ann',
    ProcessId: 10,
  });
  const s = scoreArchive(archive('2025-11-20T00:48:57.0000000Z', 'C:\\ProgramData\\e.zip', '7z.exe'), [exec], ctx());
  assert.equal(s.suppressed, null);
  assert.ok(s.score >= 5, String(s.score));
  assert.equal(s.linkedExec.length, 1);
  const d = scoreArchive(
    archive('2025-11-20T00:48:57.0000000Z', 'C:\\Users\\ann\\Downloads\\d.zip', 'msedge.exe'),
    [],
    ctx(),
  );
  assert.match(d.suppressed ?? '', /msedge/);
});

test('baseline: a recurring job is suppressed with its reason, unless suspicious execution sits next to it', () => {
  const habit = {
    DeviceName: 'ws1',
    Process: '7z.exe',
    FolderPattern: 'c:\\programdata\\backup',
    Events: 9,
    Days: 9,
    FirstSeen: '2025-11-01T01:00:00.0000000Z',
    LastSeen: '2025-11-09T01:00:00.0000000Z',
    Hours: [1],
  };
  const a = archive('2025-11-10T01:00:00.0000000Z', 'C:\\ProgramData\\Backup\\b.7z', '7z.exe', {
    InitiatingProcessParentFileName: 'svchost.exe',
  });
  const s = scoreArchive(a, [], ctx([habit]));
  assert.match(s.suppressed ?? '', /recurring job: 7z.exe wrote 9 archives .* on 9 days at 01h/);
  const exec = execSignal({
    ...base,
    Timestamp: '2025-11-10T01:00:30.0000000Z',
    FileName: 'powershell.exe',
    ProcessCommandLine: 'powershell -enc AAAA',
    AccountName: 'ann',
  });
  const s2 = scoreArchive(a, [exec], ctx([habit]));
  // An encoded PowerShell next to the "backup" overrides the baseline: the archive is judged on its own score.
  assert.doesNotMatch(s2.suppressed ?? '', /recurring/);
  assert.ok(s2.score > s.score);
});

test('transfers: upload after staging counts, the tool download before it does not, skew is tolerated for uploads', () => {
  const st = scoreArchive(
    archive('2025-11-20T00:48:57.0000000Z', 'C:\\ProgramData\\e.zip', '7z.exe', {
      InitiatingProcessFolderPath: 'C:\\ProgramData\\7z.exe',
    }),
    [],
    ctx(),
  );
  assert.equal(st.suppressed, null);
  const download = net(
    '2025-11-20T00:48:42.0000000Z',
    'acct.blob.core.windows.net',
    'powershell -File C:\\ProgramData\\x.ps1',
  );
  const upload = net(
    '2025-11-20T00:49:01.0000000Z',
    'acct.blob.core.windows.net',
    'powershell -File C:\\ProgramData\\x.ps1',
  );
  const t = findTransfers([download, upload], [st], [], ctx());
  assert.deepEqual(
    t.map((x) => x.e.time),
    ['2025-11-20T00:49:01.0000000Z'],
  );
  assert.equal(t[0]!.outcome, 'success');
  // 40 s early by the network sensor's clock, but the command line uploads the archive.
  const skewed = net(
    '2025-11-20T00:48:17.0000000Z',
    'g.api.mega.co.nz',
    'powershell Invoke-WebRequest -Method Put -InFile C:\\ProgramData\\e.zip',
    'ConnectionSuccess',
    { InitiatingProcessId: 99 },
  );
  assert.equal(findTransfers([skewed], [st], [], ctx()).length, 1);
  // Explicit downloads are never transfers; browsers are not upload tools.
  assert.equal(
    findTransfers(
      [net('2025-11-20T00:50:00.0000000Z', 'x.blob.core.windows.net', 'powershell iwr https://x -OutFile a.exe')],
      [st],
      [],
      ctx(),
    ).length,
    0,
  );
  assert.equal(
    findTransfers(
      [
        net('2025-11-20T00:50:00.0000000Z', 'www.dropbox.com', '', 'ConnectionSuccess', {
          InitiatingProcessFileName: 'msedge.exe',
        }),
      ],
      [st],
      [],
      ctx(),
    ).length,
    0,
  );
  // A browser launched straight onto the upload site after staging is a manual upload; without staging it is browsing.
  const launched = net(
    '2025-11-20T01:10:00.0000000Z',
    'www.googleapis.com',
    '"msedge.exe" https://www.googleapis.com/',
    'ConnectionSuccess',
    { InitiatingProcessFileName: 'msedge.exe' },
  );
  assert.equal(findTransfers([launched], [st], [], ctx()).length, 1);
  assert.equal(findTransfers([launched], [], [], ctx()).length, 0);
  // A failed connection is a prevented attempt.
  assert.equal(
    findTransfers(
      [net('2025-11-20T00:49:01.0000000Z', 'acct.blob.core.windows.net', 'x', 'ConnectionFailed')],
      [st],
      [],
      ctx(),
    )[0]!.outcome,
    'failed',
  );
});

test('USB: a write counts only on a drive a UsbDriveMounted event made removable', () => {
  const st = scoreArchive(archive('2025-11-20T00:48:57.0000000Z', 'C:\\Users\\Public\\e.zip', '7z.exe'), [], ctx());
  const mount = usbSignal({
    ...base,
    Timestamp: '2025-11-20T01:00:00.0000000Z',
    Table: 'DeviceEvents',
    ActionType: 'UsbDriveMounted',
    DriveLetter: 'E:',
  });
  const write = usbSignal({
    ...base,
    Timestamp: '2025-11-20T01:01:00.0000000Z',
    Table: 'DeviceFileEvents',
    ActionType: 'FileCreated',
    FileName: 'e.zip',
    FolderPath: 'E:\\e.zip',
    InitiatingProcessFileName: 'explorer.exe',
  });
  const other = usbSignal({
    ...base,
    Timestamp: '2025-11-20T01:01:00.0000000Z',
    Table: 'DeviceFileEvents',
    ActionType: 'FileCreated',
    FileName: 'e.zip',
    FolderPath: 'F:\\e.zip',
  });
  assert.equal(usbCopies([mount, write, other], [st]).length, 1);
  assert.equal(usbCopies([write], [st]).length, 0);
});

const empty: Assessment = {
  device: 'ws1',
  deviceId: 'd1',
  user: 'ann',
  upn: null,
  execs: [],
  staged: [],
  weak: [],
  deletes: [],
  transfers: [],
  orphanBlocks: [],
  usb: [],
  ingress: [],
  suppressed: [],
  tree: [],
  gaps: [],
  tables: new Set(['DeviceProcessEvents', 'DeviceFileEvents', 'DeviceNetworkEvents', 'DeviceEvents']),
};

test('verdict ladder: each rung needs its evidence; gaps lower confidence', () => {
  assert.equal(decide(empty).verdict, 'BENIGN');
  const st = scoreArchive(
    archive('2025-11-20T00:48:57.0000000Z', 'C:\\ProgramData\\e.zip', '7z.exe', {
      InitiatingProcessFolderPath: 'C:\\ProgramData\\7z.exe',
    }),
    [],
    ctx(),
  );
  const staged = decide({ ...empty, staged: [st] });
  assert.equal(staged.verdict, 'STAGED_NO_TRANSFER');
  const noNet = decide({ ...empty, staged: [st], tables: new Set(['DeviceFileEvents']) });
  assert.ok(noNet.confidence <= 0.5 && noNet.confidence < staged.confidence);
  const up = findTransfers([net('2025-11-20T00:49:01.0000000Z', 'acct.blob.core.windows.net', 'x')], [st], [], ctx());
  assert.equal(decide({ ...empty, staged: [st], transfers: up }).verdict, 'EXFILTRATED');
  const failed = findTransfers(
    [net('2025-11-20T00:49:01.0000000Z', 'acct.blob.core.windows.net', 'x', 'ConnectionFailed')],
    [st],
    [],
    ctx(),
  );
  assert.equal(decide({ ...empty, staged: [st], transfers: failed }).verdict, 'ATTEMPTED_PREVENTED');
  const enc = execSignal({
    ...base,
    Timestamp: '2025-11-20T00:48:40.0000000Z',
    FileName: 'powershell.exe',
    ProcessCommandLine: 'powershell -enc AAAA',
    AccountName: 'ann',
  });
  assert.equal(decide({ ...empty, execs: [enc] }).verdict, 'INCONCLUSIVE');
});

test('process tree: lineage from InitiatingProcess* fields, missing parents synthesised', () => {
  const rows: Rec[] = [
    {
      Timestamp: '2025-11-20T00:48:40.0000000Z',
      FileName: 'powershell.exe',
      ProcessId: 10,
      ProcessCommandLine: 'ps',
      InitiatingProcessFileName: 'explorer.exe',
      InitiatingProcessId: 5,
      InitiatingProcessParentFileName: 'userinit.exe',
      InitiatingProcessParentId: 4,
      AccountName: 'ann',
    },
    {
      Timestamp: '2025-11-20T00:48:56.0000000Z',
      FileName: '7z.exe',
      ProcessId: 20,
      ProcessCommandLine: '7z a',
      InitiatingProcessFileName: 'powershell.exe',
      InitiatingProcessId: 10,
      AccountName: 'ann',
    },
  ];
  const forest = buildTree(rows);
  assert.equal(forest.length, 1);
  assert.equal(forest[0]!.fileName, 'userinit.exe');
  const ps = forest[0]!.children[0]!.children[0]!;
  assert.equal(ps.fileName, 'powershell.exe');
  assert.deepEqual(
    ps.children.map((c) => c.fileName),
    ['7z.exe'],
  );
});

test('routine destinations: a shell habitually talking to a code host is shown as suppressed, cloud storage never is', () => {
  const st = scoreArchive(
    archive('2025-11-20T00:48:57.0000000Z', 'C:\\ProgramData\\e.zip', '7z.exe', {
      InitiatingProcessFolderPath: 'C:\\ProgramData\\7z.exe',
    }),
    [],
    ctx(),
  );
  // The user's own interactive shells (not the staging script, pid 10).
  const shell = (ts: string, url: string, pid: number, cmd = 'powershell.exe') =>
    net(ts, url, cmd, 'ConnectionSuccess', { InitiatingProcessId: pid, RemoteIP: '140.82.1.1' });
  const before = shell('2025-11-17T09:00:00.0000000Z', 'github.com', 77);
  const after = shell('2025-11-20T10:40:00.0000000Z', 'github.com', 78);

  const routine: Parameters<typeof findTransfers>[4] = [];
  assert.equal(findTransfers([before, after], [st], [], ctx(), routine).length, 0);
  assert.equal(routine.length, 1);
  assert.match(
    routine[0]?.reason ?? '',
    /routine destination: powershell\.exe \(ann\) reached github\.com on 1 day\(s\) before anything was staged \(2025-11-17 to 2025-11-17\)/,
  );

  // Without the earlier habit the same connection is a transfer to a rare destination.
  assert.equal(findTransfers([after], [st], [], ctx()).length, 1);
  // Habitual use of cloud storage does not clear an upload after staging.
  const cloudBefore = shell('2025-11-17T09:00:00.0000000Z', 'acct.blob.core.windows.net', 77);
  const cloudAfter = shell('2025-11-20T10:40:00.0000000Z', 'acct.blob.core.windows.net', 78);
  assert.equal(findTransfers([cloudBefore, cloudAfter], [st], [], ctx()).length, 1);
  // A connection whose command line names the archive is linked by more than time.
  const named = shell(
    '2025-11-20T10:40:00.0000000Z',
    'github.com',
    78,
    'powershell.exe Invoke-WebRequest -InFile e.zip',
  );
  assert.equal(findTransfers([before, named], [st], [], ctx()).length, 1);
});
