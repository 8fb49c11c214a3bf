// Conformance against the Kusto reference docs' own examples (material nobody here
// wrote): every non-truncated example of ../shared/corpus/kql-docs/examples.jsonl runs on
// the engine and is compared with the documented output after normalising renderings.
// Prints pass/fail/unsupported by operator group and by function family; the floor is
// the pass count measured when this was written (a regression guard, not the target).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runAll, summarise } from './run.js';

// Measured 729 (90.3%): see docs/known-differences/engine.md for the failure categories. Two
// below, because a few examples run millions of random rows against the 30 s per-example limit
// and a loaded CI machine may time one out; the target (90% of 807 = 727) is the README's figure.
const PASS_FLOOR = 727;

test('kql-docs examples: pass count does not regress', { timeout: 900_000 }, async () => {
  const res = await runAll();
  const pass = res.filter((r) => r.outcome === 'pass').length;
  const unsupported = res.filter((r) => r.outcome === 'unsupported').length;
  const fail = res.length - pass - unsupported;
  console.log(
    `kql-docs conformance: ${pass}/${res.length} pass (${((100 * pass) / res.length).toFixed(1)}%), ${fail} fail, ${unsupported} unsupported`,
  );
  console.log(`by group:\n${summarise(res, 'group')}`);
  console.log(`by function family:\n${summarise(res, 'family')}`);
  assert.ok(pass >= PASS_FLOOR, `conformance regressed: ${pass} < ${PASS_FLOOR}`);
});
