import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { CATALOG, technique, tacticsLabel } from '../../src/attack/catalog.js';
import { checkCatalog, loadAttack, parseAttack } from '../../src/attack/stix.js';

const SHARED = resolve(process.cwd(), '../shared/attack/enterprise-techniques.json');

test('every catalog technique exists in ATT&CK with the same name and tactics', () => {
  const index = loadAttack(SHARED);
  assert.ok(index.techniques.size > 600, 'the shared lookup loaded');
  assert.deepEqual(checkCatalog(CATALOG, index), []);
  for (const t of CATALOG) assert.equal(index.techniques.get(t.id)?.name, t.name, t.id);
});

test('the techniques the seeds name are in the catalog', () => {
  for (const id of ['T1059.001', 'T1074.001', 'T1560.001', 'T1119', 'T1105', 'T1567.002', 'T1041', 'T1071.001']) {
    assert.equal(technique(id).id, id);
  }
  assert.equal(technique('T1567.002').name, 'Exfiltration to Cloud Storage');
  assert.equal(tacticsLabel(technique('T1197')), 'Defense Evasion / Persistence');
  assert.throws(() => technique('T9999'));
});

test('a STIX bundle loads, skipping revoked and deprecated objects', () => {
  const bundle = {
    type: 'bundle',
    objects: [
      { type: 'x-mitre-tactic', x_mitre_shortname: 'collection', name: 'Collection' },
      {
        type: 'attack-pattern',
        name: 'Archive via Utility',
        external_references: [{ source_name: 'mitre-attack', external_id: 'T1560.001' }],
        kill_chain_phases: [{ kill_chain_name: 'mitre-attack', phase_name: 'collection' }],
      },
      {
        type: 'attack-pattern',
        name: 'Old',
        revoked: true,
        external_references: [{ source_name: 'mitre-attack', external_id: 'T1000' }],
      },
    ],
  };
  const idx = parseAttack(bundle);
  assert.deepEqual(idx.techniques.get('T1560.001'), {
    id: 'T1560.001',
    name: 'Archive via Utility',
    tactics: ['collection'],
  });
  assert.equal(idx.techniques.has('T1000'), false);
  assert.equal(idx.tactics.get('collection'), 'Collection');
  const wrong = checkCatalog(
    [
      { id: 'T1560.001', name: 'Zip', tactics: ['collection'] },
      { id: 'T1000', name: 'Old', tactics: [] },
    ],
    idx,
  );
  assert.equal(wrong.length, 2);
  assert.throws(() => parseAttack([]));
});
