// For every scenario, the facts in truth.json can be found with plain KQL over the workspace
// that `lab --db` built through the ingest reader.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Truth, TruthEntity } from '../../src/lab/index.js';
import { kqlString, labWorkspace, type LabWorkspace } from './helpers.js';

/** Every evidence event exists: the device's row with that table, ReportId and Timestamp. */
async function assertEvidence(ws: LabWorkspace, e: TruthEntity): Promise<number> {
  let n = 0;
  for (const t of e.techniques) {
    assert.ok(t.evidence.length > 0, `${e.device} ${t.id} has evidence`);
    for (const ev of t.evidence) {
      const hits =
        await ws.count(`${ev.table} | where DeviceName == ${kqlString(e.device)} and ReportId == ${ev.reportId}
| where Timestamp == datetime(${ev.timestamp}) | count`);
      assert.equal(
        hits,
        1,
        `${e.device} ${t.id}: ${ev.table} ReportId ${ev.reportId} at ${ev.timestamp} (${ev.note ?? ''})`,
      );
      n++;
    }
  }
  return n;
}

function techniques(e: TruthEntity): string[] {
  return e.techniques.map((t) => t.id);
}

async function uploads(ws: LabWorkspace, e: TruthEntity, action: string): Promise<number> {
  const host = new URL(e.variant.destinationUrl ?? 'https://none.invalid').hostname;
  const target = host === '' || /^\d/.test(host) ? `RemoteIP == ${kqlString(host)}` : `RemoteUrl == ${kqlString(host)}`;
  return ws.count(
    `DeviceNetworkEvents | where DeviceName == ${kqlString(e.device)} and ${target} and ActionType == ${kqlString(action)} | count`,
  );
}

function readTruth(ws: LabWorkspace): Truth {
  const t = JSON.parse(readFileSync(`${ws.db}.truth.json`, 'utf8')) as Truth;
  assert.deepEqual(t, JSON.parse(JSON.stringify(ws.result.truth)), 'truth.json on disk is the returned truth');
  return t;
}

test('exfil-success: archive staged, blob upload with ConnectionSuccess', async () => {
  const ws = await labWorkspace({ scenario: 'exfil-success', devices: 2, days: 2, seed: 2, density: 0.4 });
  try {
    const truth = readTruth(ws);
    assert.equal(truth.scenario, 'exfil-success');
    assert.equal(truth.entities.length, 1);
    const e = truth.entities[0]!;
    assert.equal(e.verdict, 'EXFILTRATED');
    for (const id of ['T1105', 'T1059.001', 'T1119', 'T1560.001', 'T1074.001', 'T1567.002', 'T1071.001'])
      assert.ok(techniques(e).includes(id), id);
    const n = await assertEvidence(ws, e);
    assert.ok(n >= 15, `evidence events: ${n}`);
    assert.match(e.variant.destinationUrl ?? '', /^https:\/\/[a-z0-9]+\.blob\.core\.windows\.net\//);
    assert.ok((await uploads(ws, e, 'ConnectionSuccess')) >= 1);
    const ps =
      await ws.count(`DeviceNetworkEvents | where DeviceName == ${kqlString(e.device)} and RemoteUrl endswith ".blob.core.windows.net"
| where ActionType == "ConnectionSuccess" and RemotePort == 443 and InitiatingProcessFileName =~ "powershell.exe" | count`);
    assert.ok(ps >= 1, 'PowerShell uploaded to blob storage over 443');
    const archive = e.variant.archivePaths[0]!;
    assert.equal(
      await ws.count(
        `DeviceFileEvents | where DeviceName == ${kqlString(e.device)} and FolderPath == ${kqlString(archive)} and ActionType == "FileCreated" | count`,
      ),
      1,
    );
    const install =
      await ws.count(`DeviceProcessEvents | where DeviceName == ${kqlString(e.device)} and ProcessCommandLine has "/S"
| where InitiatingProcessFileName =~ "powershell.exe" and FileName startswith "7z" | count`);
    assert.ok(install >= 1, 'PowerShell ran the 7-Zip installer silently');
  } finally {
    await ws.close();
  }
});

test('exfil-prevented: same preparation, no successful transfer, failure or block recorded', async () => {
  const outcomes = new Set<string>();
  for (const seed of [0, 3, 4]) {
    const ws = await labWorkspace({ scenario: 'exfil-prevented', devices: 1, days: 2, seed, density: 0.3 });
    try {
      const e = readTruth(ws).entities[0]!;
      assert.equal(e.verdict, 'ATTEMPTED_PREVENTED');
      await assertEvidence(ws, e);
      assert.ok(['failed', 'blocked-network-protection'].includes(e.variant.outcome), e.variant.outcome);
      outcomes.add(e.variant.outcome);
      assert.equal(await uploads(ws, e, 'ConnectionSuccess'), 0, 'no successful connection to the destination');
      if (e.variant.outcome === 'failed') assert.ok((await uploads(ws, e, 'ConnectionFailed')) >= 1);
      else {
        const blocked = await ws.count(
          `DeviceEvents | where DeviceName == ${kqlString(e.device)} and ActionType == "ExploitGuardNetworkProtectionBlocked" | count`,
        );
        assert.ok(blocked >= 1);
      }
      for (const id of ['T1059.001', 'T1119', 'T1560.001', 'T1074.001']) assert.ok(techniques(e).includes(id), id);
    } finally {
      await ws.close();
    }
  }
  assert.equal(outcomes.size, 2, `both prevention kinds across the seeds: ${[...outcomes].join(', ')}`);
});

test('staged-only: archive in the staging folder, no transfer attempted', async () => {
  const ws = await labWorkspace({ scenario: 'staged-only', devices: 1, days: 2, seed: 5, density: 0.3 });
  try {
    const e = readTruth(ws).entities[0]!;
    assert.equal(e.verdict, 'STAGED_NO_TRANSFER');
    assert.equal(e.variant.outcome, 'none');
    assert.equal(e.variant.destinationUrl, null);
    await assertEvidence(ws, e);
    assert.ok(!techniques(e).some((t) => t.startsWith('T1567') || t.startsWith('T1048')));
    const staged = await ws.count(
      `DeviceFileEvents | where DeviceName == ${kqlString(e.device)} and FolderPath startswith ${kqlString(e.variant.stagingDir + '\\')} | count`,
    );
    assert.ok(staged >= 5, `staged files: ${staged}`);
  } finally {
    await ws.close();
  }
});

test('benign-backup: no malicious entity, yet the look-alikes a naive rule flags are there', async () => {
  const ws = await labWorkspace({ scenario: 'benign-backup', devices: 3, days: 2, seed: 6, density: 0.4 });
  try {
    const truth = readTruth(ws);
    assert.deepEqual(truth.entities, []);
    const kinds = new Set(truth.lookalikes.map((l) => l.kind));
    for (const k of ['nightly-backup', 'developer-archive', 'onedrive-bulk-sync', 'teams-large-upload'])
      assert.ok(kinds.has(k as never), k);
    assert.ok(kinds.has('intune-7zip-install') || kinds.has('sccm-7zip-install'));
    // Naive rules: zip created, 7-Zip installed silently, PowerShell making archives, *.blob.core.windows.net traffic.
    assert.ok(
      (await ws.count('DeviceFileEvents | where FileName endswith ".zip" and ActionType == "FileCreated" | count')) > 3,
    );
    assert.ok((await ws.count('DeviceProcessEvents | where ProcessCommandLine has "7z2409" | count')) >= 1);
    assert.ok(
      (await ws.count(
        'DeviceProcessEvents | where FileName =~ "7z.exe" and InitiatingProcessFileName =~ "powershell.exe" | count',
      )) >= 1,
    );
    assert.ok(
      (await ws.count(
        'DeviceNetworkEvents | where RemoteUrl endswith ".blob.core.windows.net" and ActionType == "ConnectionSuccess" | count',
      )) >= 1,
    );
  } finally {
    await ws.close();
  }
});

test('mixed: a few malicious devices among benign ones, all evidence present', async () => {
  const ws = await labWorkspace({ scenario: 'mixed', devices: 40, days: 1, seed: 7, density: 0.2 });
  try {
    const truth = readTruth(ws);
    assert.equal(truth.devices.length, 40);
    assert.ok(truth.entities.length >= 1 && truth.entities.length <= 3, `${truth.entities.length} malicious`);
    const names = new Set(truth.devices.map((d) => d.device));
    assert.equal(names.size, 40, 'device names are unique');
    for (const e of truth.entities) {
      assert.ok(names.has(e.device));
      await assertEvidence(ws, e);
    }
    const devices = await ws.count('DeviceInfo | summarize dcount(DeviceName) | project dcount_DeviceName');
    assert.equal(devices, 40);
  } finally {
    await ws.close();
  }
});
