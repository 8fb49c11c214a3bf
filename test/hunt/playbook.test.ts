import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check } from '../../src/kql/check.js';
import { hasErrors } from '../../src/kql/diagnostics/diagnostic.js';
import { bindHunt, loadPlaybook, parseHunt } from '../../src/hunt/playbook.js';
import { kqlDatetime, kqlString, kqlTimespan, parseDuration, renderParam } from '../../src/hunt/params.js';
import { WATCHED_DOMAINS } from '../../src/hunt/destinations.js';
import { analyze, makeGlobals } from '../kql/binder/oracle.js';
import { mdeSchemaMap } from '../../src/schema/index.js';

const hunts = [...loadPlaybook().values()];

test('the playbook has its hunts, each with a title, a step and declared parameters', () => {
  const names = hunts.map((h) => h.name);
  for (const n of [
    'suspicious-execution',
    'archives-created',
    'egress-connections',
    'blocked-transfers',
    'usb-activity',
    'archive-baseline',
    'process-pivot',
    'network-pivot',
    'collection-pivot',
    'detection-archive-then-upload',
    'data-sources',
    'device-users',
  ]) {
    assert.ok(names.includes(n), n);
  }
  for (const h of hunts) {
    assert.notEqual(h.title, h.name, `${h.name} has a title`);
    assert.ok(h.step !== '', `${h.name} has a step`);
    assert.ok(h.params.length > 0, `${h.name} has parameters`);
  }
});

test('every hunt parses and binds with the project front end, as written and with case values', () => {
  for (const h of hunts) {
    const r = check(h.text);
    assert.ok(!hasErrors(r.diagnostics), `${h.name}: ${r.diagnostics.map((d) => `${d.code} ${d.message}`).join('; ')}`);
    assert.ok(r.columns !== null && r.columns.length > 0, h.name);
    const bound = bindHunt(h, {
      TargetDevice: 'x"y\\z',
      TargetUser: '',
      StartTime: new Date('2025-11-18T00:00:00Z'),
      EndTime: new Date('2025-11-21T00:00:00Z'),
      BaselineStart: new Date('2025-10-18T00:00:00Z'),
      Window: { kind: 'timespan', ms: 90_000 },
      CollectionWindow: { kind: 'timespan', ms: 1_800_000 },
      Lookback: { kind: 'timespan', ms: 86_400_000 },
      WatchedDomains: { kind: 'list', items: ['a.b', 'c"d'] },
      Anchors: {
        kind: 'anchors',
        rows: [
          { device: 'endpoint-za', time: '2025-11-20T00:48:57.6034636Z' },
          { device: "o'brien", time: '2025-11-20T01:00:00.0000000Z' },
        ],
      },
    });
    const r2 = check(bound);
    assert.ok(!hasErrors(r2.diagnostics), `${h.name} bound: ${r2.diagnostics.map((d) => d.message).join('; ')}`);
    assert.deepEqual(r2.columns, r.columns, `${h.name}: binding parameters does not change the result schema`);
  }
});

test("every hunt is accepted by Microsoft's official analyser (pasteable into Defender)", () => {
  const g = makeGlobals(mdeSchemaMap());
  for (const h of hunts) assert.deepEqual(analyze(h.text, g).errors, [], h.name);
});

test('binding replaces only the declared parameters and keeps the rest byte for byte', () => {
  const h = parseHunt(
    't',
    '// hunt: t\n// parameters: A, B\nlet A = "x"; // note\nlet B = datatable(x:int) [1,\n 2];\nlet C = 3;\nT | where a == A and b in (B)\n',
  );
  assert.deepEqual(
    h.params.map((p) => [p.name, p.defaultText]),
    [
      ['A', '"x"'],
      ['B', 'datatable(x:int) [1,\n 2]'],
    ],
  );
  const out = bindHunt(h, { A: 'q"', C: 5 });
  assert.equal(
    out,
    '// hunt: t\n// parameters: A, B\nlet A = "q\\""; // note\nlet B = datatable(x:int) [1,\n 2];\nlet C = 3;\nT | where a == A and b in (B)\n',
  );
  assert.throws(() => parseHunt('u', '// parameters: Z\nT'));
  assert.throws(() => parseHunt('v', '// hunt: other\nT'));
});

test('parameter literals: strings are escaped, times keep 7 digits, timespans are exact', () => {
  assert.equal(kqlString('a"b\\c\nd\u001b'), '"a\\"b\\\\c\\nd\\u001b"');
  assert.equal(kqlDatetime('2025-11-20T00:48:57.6034636Z'), 'datetime(2025-11-20T00:48:57.6034636Z)');
  assert.equal(kqlDatetime(new Date('2025-11-20T00:48:57.603Z')), 'datetime(2025-11-20T00:48:57.6030000Z)');
  assert.equal(kqlTimespan(120_000), '2m');
  assert.equal(kqlTimespan(90_000), '90s');
  assert.equal(kqlTimespan(1500), '1500ms');
  assert.equal(kqlTimespan(86_400_000), '1d');
  assert.equal(parseDuration('2m'), 120_000);
  assert.equal(parseDuration('1.5h'), 5_400_000);
  assert.throws(() => parseDuration('2 minutes'));
  assert.equal(renderParam({ kind: 'list', items: ['a', 'b"'] }), 'dynamic(["a", "b\\""])');
  // A hostile device name stays one string literal.
  const hostile = 'x" or 1==1 //';
  const r = check(`let TargetDevice = ${kqlString(hostile)}; DeviceFileEvents | where DeviceName == TargetDevice`);
  assert.ok(!hasErrors(r.diagnostics));
});

test("the egress hunt's WatchedDomains default is the destination data list", () => {
  const h = loadPlaybook().get('egress-connections')!;
  const p = h.params.find((x) => x.name === 'WatchedDomains')!;
  const listed = JSON.parse(p.defaultText.replace(/^dynamic\(/, '').replace(/\)$/, '')) as string[];
  assert.deepEqual(listed, [...WATCHED_DOMAINS]);
});
