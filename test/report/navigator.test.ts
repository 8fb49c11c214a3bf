import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseInvestigationResult } from '../../src/report/index.js';
import { buildEntityLayer, buildFleetLayer, tacticShortNames, validateLayer } from '../../src/report/navigator.js';

const load = (name: string) =>
  parseInvestigationResult(readFileSync(join(import.meta.dirname, 'fixtures', `${name}.json`), 'utf8'));

test('entity layer: 4.5 required fields, one technique per observed (technique, tactic)', () => {
  const r = load('exfil-success');
  const e = r.entities[0];
  assert.ok(e !== undefined);
  const layer = buildEntityLayer(r, e);
  assert.deepEqual(validateLayer(layer), []);
  // Required by the 4.5 format.
  assert.equal(typeof layer.name, 'string');
  assert.equal(layer.domain, 'enterprise-attack');
  assert.equal(layer.versions.layer, '4.5');
  assert.ok(layer.versions.navigator >= '4.9.0');
  const ids = layer.techniques.map((t) => `${t.techniqueID}/${t.tactic ?? ''}`).sort();
  assert.deepEqual(ids, [
    'T1059.001/execution',
    'T1071.001/command-and-control',
    'T1105/command-and-control',
    'T1119/collection',
    'T1560.001/collection',
    'T1567.002/exfiltration',
  ]);
  // Score = number of evidence events; comment = the case-specific why.
  const archive = layer.techniques.find((t) => t.techniqueID === 'T1560.001');
  assert.equal(archive?.score, e.techniques.find((t) => t.id === 'T1560.001')?.evidence.length);
  assert.match(archive?.comment ?? '', /7z\.exe created/);
  assert.ok(layer.gradient.maxValue > layer.gradient.minValue);
});

test('fleet layer: score = entities showing the technique; every fixture layer validates', () => {
  const r = load('fleet');
  const layer = buildFleetLayer(r);
  assert.deepEqual(validateLayer(layer), []);
  const expected = r.entities.filter((e) => e.techniques.some((t) => t.id === 'T1560.001')).length;
  assert.equal(layer.techniques.find((t) => t.techniqueID === 'T1560.001')?.score, expected);
  for (const name of ['benign', 'prevented', 'hostile', 'exfil-success']) {
    const rr = load(name);
    for (const e of rr.entities) assert.deepEqual(validateLayer(buildEntityLayer(rr, e)), [], name);
  }
});

test('hostile technique ids and tactics never reach the layer', () => {
  const r = load('hostile');
  const e = r.entities[0];
  assert.ok(e !== undefined);
  const layer = buildEntityLayer(r, e);
  assert.ok(layer.techniques.every((t) => /^T\d{4}(\.\d{3})?$/.test(t.techniqueID)));
  assert.ok(!layer.techniques.some((t) => t.techniqueID.startsWith('T1567')), 'invalid id dropped');
  assert.deepEqual(layer.techniques.find((t) => t.techniqueID === 'T1048')?.tactic, 'exfiltration');
});

test('validateLayer rejects what the 4.5 format forbids', () => {
  const r = load('prevented');
  const e = r.entities[0];
  assert.ok(e !== undefined);
  const good = buildEntityLayer(r, e);
  const bad = (patch: Record<string, unknown>) => validateLayer({ ...good, ...patch });
  assert.notDeepEqual(bad({ name: undefined }), []);
  assert.notDeepEqual(bad({ domain: 'enterprise' }), []);
  assert.notDeepEqual(bad({ versions: { layer: '4.4', navigator: '4.9.0' } }), []);
  assert.notDeepEqual(bad({ versions: { layer: '4.5' } }), []);
  assert.notDeepEqual(bad({ versions: { layer: '4.5', navigator: '4.8.2' } }), []);
  assert.notDeepEqual(bad({ techniques: [{ techniqueID: 'T12' }] }), []);
  assert.notDeepEqual(bad({ techniques: [{ techniqueID: 'T1001', tactic: 'Exfiltration' }] }), []);
  assert.notDeepEqual(bad({ gradient: { colors: ['#ffffff'], minValue: 0, maxValue: 1 } }), []);
  assert.notDeepEqual(bad({ gradient: { colors: ['#ffffff', '#000000'], minValue: 1, maxValue: 1 } }), []);
  assert.notDeepEqual(bad({ links: [{ label: 'x', url: 'example.com' }] }), []);
  assert.notDeepEqual(validateLayer([]), []);
});

test('tactic labels map to Navigator short names', () => {
  assert.deepEqual(tacticShortNames('Command & Control'), ['command-and-control']);
  assert.deepEqual(tacticShortNames('Execution / Persistence'), ['execution', 'persistence']);
  assert.deepEqual(tacticShortNames('defense-evasion'), ['defense-evasion']);
  assert.deepEqual(tacticShortNames('"><script>'), []);
});
