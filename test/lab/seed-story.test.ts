// The seeds' exact story, pinned: device endpoint-za, the archive at 2025-11-20T00:48:57.6034636Z,
// the upload at 2025-11-18T23:38:31.6453479Z. The seed write-up's own queries find it.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { labWorkspace, type LabWorkspace } from './helpers.js';

const ARCHIVE = '2025-11-20T00:48:57.6034636Z';
const UPLOAD = '2025-11-18T23:38:31.6453479Z';

let ws: LabWorkspace;
before(async () => {
  ws = await labWorkspace({
    scenario: 'exfil-success',
    devices: 2,
    days: 7,
    seed: 2,
    density: 0.5,
    pin: { device: 'endpoint-za', user: 'john doe', archiveTime: ARCHIVE, uploadTime: UPLOAD },
  });
});
after(async () => ws.close());

test('seed 002 step 1: the archive search finds backup zips and the pinned archive', async () => {
  const rows = await ws.rows(`DeviceFileEvents
| project-away DeviceId
| where DeviceName == "endpoint-za"
| where FileName endswith "zip"
| order by Timestamp desc
| project Timestamp, FolderPath, InitiatingProcessFileName`);
  assert.ok(
    rows.some((r) => r[0] === ARCHIVE && r[2] === '7z.exe'),
    'the pinned archive creation',
  );
  assert.ok(
    rows.filter((r) => String(r[1]).startsWith('C:\\Backup\\Archive\\')).length >= 5,
    'regular archiving moved to a backup folder',
  );
});

test('seed 002 step 2: ±2 min around the archive, PowerShell silently installs 7-Zip and zips the data', async () => {
  const rows = await ws.rows(`let specificTime = datetime(${ARCHIVE});
let VMName = "endpoint-za";
DeviceProcessEvents
| where Timestamp between ((specificTime - 2m) .. (specificTime + 2m))
| where DeviceName == VMName
| order by Timestamp desc
| project Timestamp, DeviceName, ActionType, FileName, ProcessCommandLine, FolderPath`);
  const names = rows.map((r) => String(r[3]));
  assert.ok(names.includes('powershell.exe'), names.join(','));
  assert.ok(
    rows.some((r) => String(r[3]).startsWith('7z') && / \/S$/.test(String(r[4]))),
    'silent installer',
  );
  assert.ok(
    rows.some((r) => r[3] === '7z.exe' && String(r[4]).includes(' a ')),
    '7z.exe a <archive>',
  );
});

test('seed 002 step 3: ±2 min around the upload, HTTPS to external blob storage succeeded', async () => {
  const rows = await ws.rows(`let specificTime = datetime(${UPLOAD});
let VMName = "endpoint-za";
DeviceNetworkEvents
| where Timestamp between ((specificTime - 2m) .. (specificTime + 2m))
| where DeviceName == VMName
| order by Timestamp desc
| where RemotePort == 443
| where isnotempty(RemoteUrl)
| project Timestamp, DeviceName, ActionType, RemoteIP, RemotePort, RemoteUrl`);
  const hit = rows.find((r) => r[0] === UPLOAD);
  assert.ok(hit !== undefined, JSON.stringify(rows));
  assert.equal(hit[2], 'ConnectionSuccess');
  assert.match(String(hit[5]), /\.blob\.core\.windows\.net$/);
});

test('truth names the pinned device, user and both pinned events', () => {
  const e = ws.result.truth.entities[0]!;
  assert.equal(e.device, 'endpoint-za');
  assert.equal(e.user, 'john.doe');
  const all = e.techniques.flatMap((t) => t.evidence.map((ev) => `${t.id} ${ev.table} ${ev.timestamp}`));
  assert.ok(all.includes(`T1560.001 DeviceFileEvents ${ARCHIVE}`), all.join('\n'));
  assert.ok(all.includes(`T1567.002 DeviceNetworkEvents ${UPLOAD}`));
  assert.ok(all.includes(`T1071.001 DeviceNetworkEvents ${UPLOAD}`));
});
