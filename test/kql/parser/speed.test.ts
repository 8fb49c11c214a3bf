// Parse speed over the m365d hunting corpus, warm. The bound is loose (the CI machine is
// shared); the printed figure is what to watch.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from '../../../src/kql/parse.js';
import { CORPUS_FILES, loadCorpus } from './corpus.js';

test('warm parse of the m365d corpus is fast', () => {
  const qs = loadCorpus(CORPUS_FILES[0]);
  for (let i = 0; i < 3; i++) for (const q of qs) parse(q.kql);
  const times: number[] = [];
  for (let r = 0; r < 5; r++) {
    const t0 = performance.now();
    for (const q of qs) parse(q.kql);
    times.push(performance.now() - t0);
  }
  const best = Math.min(...times);
  console.log(`parse speed: ${qs.length} m365d queries, best of 5 = ${best.toFixed(1)} ms`);
  assert.ok(best < 1000, `parsing ${qs.length} queries took ${best.toFixed(1)} ms`);
});
