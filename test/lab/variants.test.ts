// Variation by seed: archivers, destinations, outcomes, renamed binaries — each variant's
// evidence is still in the data, and the transfer outcome matches the verdict.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { kqlString, labWorkspace } from './helpers.js';

test('varied attacks across seeds keep their evidence and outcome', async () => {
  const tools = new Set<string>();
  const dests = new Set<string>();
  let renamed = 0;
  const scenarios = ['exfil-success', 'exfil-prevented', 'exfil-success', 'staged-only', 'exfil-prevented', 'exfil-success'] as const;
  for (const [i, scenario] of scenarios.entries()) {
    const ws = await labWorkspace({ scenario, devices: 1, days: 2, seed: 100 + i, vary: true, density: 0.2 });
    try {
      const e = ws.result.truth.entities[0]!;
      tools.add(e.variant.tool);
      dests.add(e.variant.destination);
      for (const t of e.techniques) {
        for (const ev of t.evidence) {
          const n = await ws.count(`${ev.table} | where ReportId == ${ev.reportId} and Timestamp == datetime(${ev.timestamp}) | count`);
          assert.equal(n, 1, `seed ${100 + i} ${t.id} ${ev.table} ${ev.reportId} ${ev.note ?? ''}`);
        }
      }
      if (e.variant.renamed) {
        renamed++;
        const n = await ws.count(`DeviceProcessEvents | where FileName == ${kqlString(e.variant.archiverFileName)}
| where ProcessVersionInfoOriginalFileName != FileName | count`);
        assert.ok(n >= 1, 'renamed archiver keeps its original file name in the version info');
        assert.ok(e.techniques.some((t) => t.id === 'T1036.003'));
      }
      const success = e.techniques.flatMap((t) => t.evidence).filter((ev) => ev.note?.includes('ConnectionSuccess')).length;
      assert.equal(success > 0, e.verdict === 'EXFILTRATED', `seed ${100 + i}: ${e.verdict} vs ${e.variant.outcome}`);
    } finally {
      await ws.close();
    }
  }
  console.log(`variants: tools ${[...tools].join(', ')}; destinations ${[...dests].join(', ')}; renamed ${renamed}`);
  assert.ok(tools.size >= 3, [...tools].join(','));
  assert.ok(dests.size >= 3, [...dests].join(','));
});
