// Variation by seed: archivers, destinations, outcomes, renamed binaries — each variant's
// evidence is still in the data, and the transfer outcome matches the verdict.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { kqlString, labWorkspace } from './helpers.js';

test('varied attacks across seeds keep their evidence and outcome', async () => {
  const tools = new Set<string>();
  const dests = new Set<string>();
  let renamed = 0;
  const outcomes = new Set<string>();
  // Seeds chosen (by looking at the plans) to cover every archiver, most destinations and outcomes.
  const cases = [
    ['exfil-success', 107],
    ['exfil-prevented', 112],
    ['exfil-success', 113],
    ['exfil-success', 118],
    ['exfil-success', 116],
    ['exfil-prevented', 111],
    ['staged-only', 101],
    ['exfil-prevented', 116],
    ['exfil-prevented', 105],
  ] as const;
  for (const [scenario, seed] of cases) {
    const i = seed - 100;
    const ws = await labWorkspace({ scenario, devices: 1, days: 1, seed, vary: true, density: 0.15 });
    try {
      const e = ws.result.truth.entities[0]!;
      tools.add(e.variant.tool);
      outcomes.add(e.variant.outcome);
      dests.add(e.variant.destination);
      for (const t of e.techniques) {
        for (const ev of t.evidence) {
          const n = await ws.count(
            `${ev.table} | where ReportId == ${ev.reportId} and Timestamp == datetime(${ev.timestamp}) | count`,
          );
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
      const success = e.techniques
        .flatMap((t) => t.evidence)
        .filter((ev) => ev.note?.includes('ConnectionSuccess')).length;
      assert.equal(success > 0, e.verdict === 'EXFILTRATED', `seed ${100 + i}: ${e.verdict} vs ${e.variant.outcome}`);
    } finally {
      await ws.close();
    }
  }
  console.log(
    `variants: tools ${[...tools].join(', ')}; destinations ${[...dests].join(', ')}; outcomes ${[...outcomes].join(', ')}; renamed ${renamed}`,
  );
  assert.equal(tools.size, 5, [...tools].join(','));
  assert.ok(dests.size >= 6, [...dests].join(','));
  assert.equal(outcomes.size, 5, [...outcomes].join(','));
});
