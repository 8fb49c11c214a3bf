// Differential test against Microsoft's parser: over every corpus query, we report a
// syntax error exactly when the official parser does. Remaining disagreements must be
// exactly the ones documented (with reasons) in docs/known-differences/syntax.md.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from '../../src/kql/parse.js';
import { hasErrors } from '../../src/kql/diagnostics/diagnostic.js';
import { CORPUS_FILES, loadCorpus } from './parser/corpus.js';
import { loadOracle } from './parser/kusto-oracle.js';

const DOC = resolve(import.meta.dirname, '../../docs/known-differences/syntax.md');

/** Ids listed in the doc's table: lines of the form "| `id` | ... |". */
function documentedIds(): Set<string> {
  const ids = new Set<string>();
  for (const line of readFileSync(DOC, 'utf8').split('\n')) {
    const m = /^\|\s*`([^`]+)`\s*\|/.exec(line);
    if (m?.[1] !== undefined) ids.add(m[1]);
  }
  return ids;
}

test('syntax agreement with the official Kusto parser over both corpora', () => {
  const oracle = loadOracle();
  const disagreements = new Set<string>();
  let total = 0;
  let agree = 0;
  for (const file of CORPUS_FILES) {
    const queries = loadCorpus(file);
    let fileAgree = 0;
    for (const q of queries) {
      const theirs = oracle(q.kql).some((d) => d.severity === 'Error');
      const ours = hasErrors(parse(q.kql).diagnostics);
      if (theirs === ours) fileAgree++;
      else disagreements.add(`${q.id}`);
    }
    total += queries.length;
    agree += fileAgree;
    console.log(`syntax agreement ${file.split('/').slice(-2).join('/')}: ${fileAgree}/${queries.length}`);
  }
  console.log(`syntax agreement: ${agree}/${total} (${((100 * agree) / total).toFixed(1)}%)`);
  const documented = documentedIds();
  const undocumented = [...disagreements].filter((id) => !documented.has(id)).sort();
  const stale = [...documented].filter((id) => !disagreements.has(id)).sort();
  assert.deepEqual(undocumented, [], 'new disagreements with the official parser (fix or document them)');
  assert.deepEqual(stale, [], 'documented disagreements that no longer occur (remove them from syntax.md)');
});
