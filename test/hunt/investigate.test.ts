// End to end on hand-built cases: telemetry ingested through the real reader, hunts run by
// the real engine, verdicts checked against what each case was built to be.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DuckDbBackend } from '../../src/engine/duckdb.js';
import { investigate } from '../../src/hunt/investigate.js';
import type { EntityResult, InvestigationResult } from '../../src/hunt/result.js';
import { renderText } from '../../src/hunt/text.js';
import { workspaceOf } from './fixtures/story.js';
import * as C from './fixtures/cases.js';

async function run(db: string, opts: Parameters<typeof investigate>[1]): Promise<InvestigationResult> {
  const b = await DuckDbBackend.open(db);
  try {
    return await investigate(b, opts);
  } finally {
    await b.close();
  }
}

const one = (r: InvestigationResult, device: string, user?: string): EntityResult => {
  const e = r.entities.find((x) => x.device === device && (user === undefined || x.user === user));
  assert.ok(
    e !== undefined,
    `entity ${device}/${user ?? '*'} in ${r.entities.map((x) => `${x.device}/${x.user}`).join(', ')}`,
  );
  return e;
};

test("the seeds' story: endpoint-za, the seeds' timestamps, the seeds' verdict and techniques", async () => {
  const db = await workspaceOf([C.seedStory('success')]);
  const r = await run(db, { device: 'endpoint-za', windowMs: 120_000 });
  const e = one(r, 'endpoint-za', 'johndoe');
  assert.equal(e.verdict, 'EXFILTRATED');
  assert.ok(e.confidence >= 0.8, `confidence ${e.confidence}`);
  const stamps = e.evidence.map((x) => x.timestamp);
  assert.ok(stamps.includes('2025-11-20T00:48:57.6034636Z'), 'the seed archive time, all 7 digits');
  assert.ok(stamps.includes('2025-11-18T23:38:31.6453479Z'), 'the seed network time');
  for (const ev of e.evidence) assert.ok(ev.table !== '' && ev.hunt !== '' && ev.reportId !== '', JSON.stringify(ev));
  const ids = e.techniques.map((t) => t.id);
  for (const id of ['T1059.001', 'T1105', 'T1119', 'T1560.001', 'T1074.001', 'T1567.002', 'T1071.001'])
    assert.ok(ids.includes(id), `${id} in ${ids.join(',')}`);
  for (const t of e.techniques) assert.ok(t.why.length > 20 && t.evidence.length > 0, t.id);
  // The nightly backups are the device's normal: suppressed with a reason, never silently.
  assert.ok(
    e.suppressed.some((s) => /backup/.test(s.what) || /recurring/.test(s.reason)),
    JSON.stringify(e.suppressed),
  );
  // The installer download is preparation, not the exfiltration destination.
  assert.deepEqual([...new Set(e.destinations.map((d) => d.url))], ['sacyberrangedanger.blob.core.windows.net']);
  // Response: specific and machine-usable.
  const iso = e.actions.find((a) => a.api?.path.endsWith('/isolate'));
  assert.ok(iso !== undefined && iso.api !== undefined);
  assert.deepEqual(Object.keys(iso.api.body as object).sort(), ['Comment', 'IsolationType']);
  const block = e.actions.find(
    (a) =>
      (a.api?.body as { indicatorValue?: string } | undefined)?.indicatorValue ===
      'sacyberrangedanger.blob.core.windows.net',
  );
  assert.ok(block !== undefined, 'domain indicator');
  const body = block.api!.body as Record<string, unknown>;
  for (const k of ['indicatorValue', 'indicatorType', 'action', 'title', 'description']) assert.ok(k in body, k);
  const rule = e.actions.find((a) => a.kql !== undefined);
  assert.ok(
    rule !== undefined &&
      /returned [1-9]\d* row\(s\) when run on this case, [1-9]\d* of them on endpoint-za/.test(rule.detail),
    rule?.detail,
  );
  assert.match(rule.kql!, /\| project Timestamp, DeviceId, DeviceName, ReportId/);
  // The process tree reaches from explorer to the archiver.
  const names = JSON.stringify(e.processTree);
  assert.ok(names.includes('explorer.exe') && names.includes('7z.exe') && names.includes('exfiltratedata.ps1'));
  // Hunts carry the exact KQL with the case's parameters.
  const pivot = e.hunts.find((h) => h.hunt === 'process-pivot');
  assert.ok(
    pivot !== undefined &&
      pivot.kql.includes('datetime(2025-11-20T00:48:57.6034636Z)') &&
      pivot.kql.includes('let Window = 2m;'),
  );
});

test('the same preparation with a failed or blocked transfer is ATTEMPTED_PREVENTED; with none, STAGED_NO_TRANSFER', async () => {
  const db = await workspaceOf([C.seedStory('failed')]);
  assert.equal(one(await run(db, { device: 'endpoint-za' }), 'endpoint-za', 'johndoe').verdict, 'ATTEMPTED_PREVENTED');
  const db2 = await workspaceOf([C.seedStory('blocked')]);
  const blocked = one(await run(db2, { device: 'ENDPOINT-ZA' }), 'endpoint-za', 'johndoe');
  assert.equal(blocked.verdict, 'ATTEMPTED_PREVENTED');
  assert.ok(
    blocked.evidence.some((x) => x.table === 'DeviceEvents'),
    'the network-protection block is evidence',
  );
  assert.ok(blocked.destinations.every((d) => d.outcome === 'blocked'));
  const db3 = await workspaceOf([C.seedStory('none')]);
  const staged = one(await run(db3, { device: 'endpoint-za' }), 'endpoint-za', 'johndoe');
  assert.equal(staged.verdict, 'STAGED_NO_TRANSFER');
  assert.ok(!staged.techniques.some((t) => t.id.startsWith('T1567')));
});

test('an archive but no network data at all: staged, low confidence, and the gap is said', async () => {
  const db = await workspaceOf([C.seedStory('success')], (t) => t !== 'DeviceNetworkEvents' && t !== 'DeviceEvents');
  const e = one(await run(db, { device: 'endpoint-za' }), 'endpoint-za', 'johndoe');
  assert.equal(e.verdict, 'STAGED_NO_TRANSFER');
  assert.ok(e.confidence <= 0.5);
  assert.ok(
    e.gaps.some((g) => g.startsWith('no DeviceNetworkEvents')),
    JSON.stringify(e.gaps),
  );
});

test('fleet: direct upload, two users, clock skew, USB, benign look-alikes, ranked', async () => {
  const db = await workspaceOf([C.directUpload(), C.twoUsers(), C.clockSkew(), C.usbCopy(), C.benignBackup()]);
  const r = await run(db, { all: true });
  assert.equal(one(r, 'fin-ws-07', 'bob').verdict, 'EXFILTRATED');
  assert.ok(one(r, 'fin-ws-07', 'bob').reason.startsWith('direct upload'));
  assert.equal(one(r, 'shared-01', 'alice').verdict, 'EXFILTRATED');
  assert.equal(one(r, 'shared-01', 'bob').verdict, 'BENIGN');
  assert.equal(one(r, 'lab-skew-03', 'carol').verdict, 'EXFILTRATED');
  assert.ok(
    one(r, 'lab-skew-03', 'carol').techniques.some((t) => t.id === 'T1036.003'),
    'renamed rar',
  );
  const usb = one(r, 'lab-usb-04', 'dave');
  assert.equal(usb.verdict, 'EXFILTRATED');
  assert.ok(usb.techniques.some((t) => t.id === 'T1052.001'));
  const benign = one(r, 'it-ops-09');
  assert.equal(benign.verdict, 'BENIGN');
  assert.ok(benign.suppressed.length >= 2, 'backups and the Intune install are shown as suppressed');
  assert.deepEqual(benign.actions, []);
  // Ranked by risk, every device listed, benign ones included.
  const risks = r.entities.map((e) => e.riskScore);
  assert.deepEqual(
    risks,
    [...risks].sort((a, b) => b - a),
  );
  assert.equal(new Set(r.entities.map((e) => e.device)).size, 5);
  for (const e of r.entities)
    assert.ok(e.verdict === 'BENIGN' || e.evidence.length > 0, `${e.device}: a verdict needs evidence`);
  // --user: only that account's entities, on the devices where it was active.
  const byUser = await run(db, { user: 'alice@contoso.com' });
  assert.deepEqual(
    byUser.entities.map((e) => [e.device, e.user, e.verdict]),
    [['shared-01', 'alice', 'EXFILTRATED']],
  );
});

test('JSON schema fields and the text summary (attacker strings sanitised)', async () => {
  const s = C.directUpload();
  const evil = s.existing(
    'cmd.exe',
    'C:\\Windows\\System32',
    { name: 'bob', domain: 'c', upn: 'bob@c', sid: 'S' },
    '2025-11-19T14:00:00.0000000Z',
  );
  const rc = s.proc(
    '2025-11-19T15:00:00.0000000Z',
    evil,
    'rclone.exe',
    'rclone.exe copy x remote:\u001b[2J\u001b]0;pwned\u0007',
    { folder: 'C:\\Users\\bob\\Downloads' },
  );
  s.net('2025-11-19T15:00:01.0000000Z', rc, 'ConnectionSuccess', 'evil\u001b[31m.mega.nz', '31.216.145.6');
  const r = await run(await workspaceOf([s]), { device: 'fin-ws-07', windowMs: 60_000 });
  const json = JSON.parse(JSON.stringify(r)) as { entities: Record<string, unknown>[]; scope: Record<string, unknown> };
  assert.equal(json.scope['window'], '1m');
  const e = json.entities[0]!;
  for (const k of [
    'device',
    'user',
    'verdict',
    'confidence',
    'techniques',
    'evidence',
    'actions',
    'gaps',
    'suppressed',
    'hunts',
  ])
    assert.ok(k in e, k);
  const t = (e['techniques'] as Record<string, unknown>[])[0]!;
  assert.deepEqual(
    ['evidence', 'id', 'name', 'tactic', 'why'].every((k) => k in t),
    true,
  );
  const text = renderText(r);
  assert.ok(text.includes('EXFILTRATED'));
  assert.ok(!text.includes('\u001b') && !text.includes('\u0007'), 'no raw control characters reach the terminal');
  assert.ok(text.includes('\\x1b'));
});

test('a device with no telemetry gets INCONCLUSIVE with the gap, never a verdict without evidence', async () => {
  const db = await workspaceOf([C.directUpload()]);
  const r = await run(db, { device: 'no-such-host' });
  assert.equal(r.entities.length, 1);
  assert.equal(r.entities[0]!.verdict, 'INCONCLUSIVE');
  assert.equal(r.entities[0]!.confidence, 0);
  assert.ok(r.entities[0]!.gaps.length > 0);
});
