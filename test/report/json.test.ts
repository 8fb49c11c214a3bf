import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseInvestigationResult, renderReportSet, ResultFormatError } from '../../src/report/index.js';
import { renderJson } from '../../src/report/json.js';

const text = (name: string) => readFileSync(join(import.meta.dirname, 'fixtures', `${name}.json`), 'utf8');

test('report.json round-trips through parseInvestigationResult', () => {
  for (const name of ['exfil-success', 'prevented', 'benign', 'fleet', 'hostile']) {
    const r = parseInvestigationResult(text(name));
    assert.deepEqual(parseInvestigationResult(renderJson(r)), r, name);
    const files = renderReportSet(r);
    const top = files.find((f) => f.path === 'report.json');
    assert.ok(top !== undefined);
    assert.deepEqual(JSON.parse(top.content), JSON.parse(text(name)), `${name}: report.json is the result, unchanged`);
  }
});

test('per-entity report.json in a fleet holds just that entity', () => {
  const r = parseInvestigationResult(text('fleet'));
  const sub = renderReportSet(r).filter((f) => /^\d\d-[^/]+\/report\.json$/.test(f.path));
  assert.equal(sub.length, r.entities.length);
  for (const f of sub) {
    const one = parseInvestigationResult(f.content);
    assert.equal(one.entities.length, 1);
    assert.equal(one.scope.all, false);
    assert.equal(one.scope.device, one.entities[0]?.device);
  }
});

test('malformed results are rejected with the offending path', () => {
  const good = JSON.parse(text('exfil-success')) as Record<string, unknown>;
  const cases: [string, (o: Record<string, unknown>) => void, RegExp][] = [
    ['not json', () => undefined, /not valid JSON/],
    ['schema', (o) => (o['schemaVersion'] = 2), /\$\.schemaVersion/],
    ['entities', (o) => (o['entities'] = {}), /\$\.entities: expected an array/],
    [
      'verdict',
      (o) => ((o['entities'] as Record<string, unknown>[])[0]!['verdict'] = 'PWNED'),
      /\$\.entities\[0\]\.verdict: expected one of/,
    ],
    [
      'stage',
      (o) =>
        (((o['entities'] as Record<string, unknown>[])[0]!['timeline'] as Record<string, unknown>[])[1]!['stage'] =
          '<b>'),
      /\$\.entities\[0\]\.timeline\[1\]\.stage/,
    ],
    [
      'rows',
      (o) =>
        (((o['entities'] as Record<string, unknown>[])[0]!['hunts'] as Record<string, unknown>[])[0]!['rows'] = [1]),
      /\$\.entities\[0\]\.hunts\[0\]\.rows\[0\]: expected an array/,
    ],
  ];
  for (const [label, mutate, re] of cases) {
    const o = structuredClone(good);
    mutate(o);
    const input = label === 'not json' ? '{' : JSON.stringify(o);
    assert.throws(
      () => parseInvestigationResult(input),
      (e: unknown) => e instanceof ResultFormatError && re.test(e.message),
      label,
    );
  }
});
