// The InitiatingProcess* fields of every event equal the ProcessCreated event of that process.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { getTable } from '../../src/schema/index.js';
import { labWorkspace, type LabWorkspace } from './helpers.js';

let ws: LabWorkspace;
before(async () => {
  ws = await labWorkspace({ scenario: 'mixed', devices: 5, days: 2, seed: 11 });
});
after(async () => ws.close());

const ACTOR_TABLES = [
  'DeviceProcessEvents',
  'DeviceFileEvents',
  'DeviceNetworkEvents',
  'DeviceEvents',
  'DeviceLogonEvents',
  'DeviceRegistryEvents',
  'DeviceImageLoadEvents',
];

// pid 4 is the kernel: it has no creation event in any Defender data. Defender lower-cases
// InitiatingProcessFolderPath but not FolderPath, hence the tolower.
const created = `let created = DeviceProcessEvents
| where ActionType == "ProcessCreated"
| project DeviceId, ProcessId, ProcessCreationTime, FileName, Folder = tolower(FolderPath), ProcessCommandLine, SHA1, SHA256, MD5, AccountSid,
    AccountName, LogonId, ProcessIntegrityLevel, ProcessTokenElevation, ParentPid = InitiatingProcessId, ParentName = InitiatingProcessFileName,
    ParentCreated = InitiatingProcessCreationTime, ProcessVersionInfoOriginalFileName;`;

const PAIRS: readonly (readonly [string, string])[] = [
  ['InitiatingProcessId', 'ProcessId'],
  ['InitiatingProcessCreationTime', 'ProcessCreationTime'],
  ['InitiatingProcessFileName', 'FileName'],
  ['InitiatingProcessFolderPath', 'Folder'],
  ['InitiatingProcessCommandLine', 'ProcessCommandLine'],
  ['InitiatingProcessSHA1', 'SHA1'],
  ['InitiatingProcessSHA256', 'SHA256'],
  ['InitiatingProcessMD5', 'MD5'],
  ['InitiatingProcessAccountSid', 'AccountSid'],
  ['InitiatingProcessAccountName', 'AccountName'],
  ['InitiatingProcessLogonId', 'LogonId'],
  ['InitiatingProcessIntegrityLevel', 'ProcessIntegrityLevel'],
  ['InitiatingProcessTokenElevation', 'ProcessTokenElevation'],
  ['InitiatingProcessParentId', 'ParentPid'],
  ['InitiatingProcessParentFileName', 'ParentName'],
  ['InitiatingProcessParentCreationTime', 'ParentCreated'],
  ['InitiatingProcessVersionInfoOriginalFileName', 'ProcessVersionInfoOriginalFileName'],
];

for (const table of ACTOR_TABLES) {
  test(`${table}: every initiating process has a matching ProcessCreated event`, async () => {
    const total = await ws.count(`${table} | where InitiatingProcessId != 4 | count`);
    assert.ok(total > 0, `${table} has rows`);
    const cols = new Set(getTable(table)!.columns.map((c) => c.name));
    const on = PAIRS.filter(([l]) => cols.has(l)).map(([l, r]) => `$left.${l} == $right.${r}`);
    assert.ok(on.length >= 10, `${table}: ${on.length} lineage columns`);
    const orphans = await ws.rows(`${created}
${table}
| where InitiatingProcessId != 4
| join kind=leftanti created on DeviceId, ${on.join(', ')}
| project Timestamp, DeviceName, ActionType, InitiatingProcessFileName, InitiatingProcessId
| take 5`);
    assert.deepEqual(
      orphans,
      [],
      `${table}: events whose initiating process does not match its creation (of ${total})`,
    );
  });
}

test('no event precedes the creation of its initiating process', async () => {
  const n =
    await ws.count(`union DeviceFileEvents, DeviceNetworkEvents, DeviceProcessEvents, DeviceRegistryEvents, DeviceImageLoadEvents, DeviceEvents
| where Timestamp < InitiatingProcessCreationTime | count`);
  assert.equal(n, 0);
});

test('a process id is not reused for two live processes at the same creation time on a device', async () => {
  const dup = await ws.count(
    `DeviceProcessEvents | summarize n = count() by DeviceId, ProcessId, ProcessCreationTime | where n > 1 | count`,
  );
  assert.equal(dup, 0);
});
