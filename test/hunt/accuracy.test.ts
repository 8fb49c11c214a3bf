// The accuracy script's scoring (the README figures depend on it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { precisionRecall, score, type RunScore } from '../../scripts/accuracy.js';
import type { InvestigationResult, EntityResult, Verdict } from '../../src/hunt/result.js';
import type { Truth } from '../../src/lab/index.js';

const ent = (device: string, user: string | null, verdict: Verdict): EntityResult => ({
  device,
  user,
  verdict,
  confidence: 0.9,
  riskScore: 0,
  reason: '',
  techniques: [],
  evidence: [],
  timeline: [],
  processTree: [],
  destinations: [],
  suppressed: [],
  gaps: [],
  actions: [],
  hunts: [],
});

test('scoring: most severe verdict per device, wrong user is a false positive', () => {
  const truth = {
    devices: [
      { device: 'a', deviceId: '1', user: 'ann' },
      { device: 'b', deviceId: '2', user: 'bob' },
      { device: 'c', deviceId: '3', user: 'cy' },
    ],
    entities: [
      { device: 'a', user: 'ann', verdict: 'EXFILTRATED' },
      { device: 'c', user: 'cy', verdict: 'STAGED_NO_TRANSFER' },
    ],
  } as unknown as Truth;
  const result = {
    entities: [
      ent('a', 'ann', 'EXFILTRATED'),
      ent('a', 'zed', 'BENIGN'),
      ent('b', 'bob', 'INCONCLUSIVE'),
      ent('c', 'other', 'STAGED_NO_TRANSFER'),
    ],
  } as unknown as InvestigationResult;
  const pairs = score(truth, result);
  assert.deepEqual(
    pairs.map((p) => [p.device, p.truth, p.predicted, p.userMatch]),
    [
      ['a', 'EXFILTRATED', 'EXFILTRATED', true],
      ['b', 'BENIGN', 'INCONCLUSIVE', true],
      ['c', 'STAGED_NO_TRANSFER', 'STAGED_NO_TRANSFER', false],
    ],
  );
  const run: RunScore = { scenario: 'mixed', seed: 1, devices: 3, events: 0, ms: 0, pairs };
  const pr = precisionRecall([run]);
  assert.deepEqual([pr.tp, pr.fp, pr.fn], [1, 1, 1]);
  assert.equal(pr.precision, 0.5);
  assert.equal(pr.recall, 0.5);
});
