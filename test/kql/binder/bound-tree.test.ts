// The bound tree's explicit shapes: what the SQL compiler relies on.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check } from '../../../src/kql/check.js';
import type { BoundExpr, BoundTable } from '../../../src/kql/bound.js';

function result(kql: string): BoundTable {
  const r = check(kql);
  assert.deepEqual(
    r.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message),
    [],
  );
  assert.ok(r.bound?.result);
  return r.bound.result;
}

function ofKind<K extends BoundTable['kind']>(t: BoundTable, kind: K): Extract<BoundTable, { kind: K }> {
  assert.equal(t.kind, kind);
  return t as Extract<BoundTable, { kind: K }>;
}

test('project-away is resolved to the kept columns', () => {
  const p = ofKind(
    result('DeviceFileEvents | project Timestamp, DeviceId, FileName | project-away DeviceId'),
    'Project',
  );
  assert.equal(p.origin, 'project-away');
  assert.deepEqual(
    p.columns.map((c) => c.name),
    ['Timestamp', 'FileName'],
  );
  assert.ok(p.columns.every((c) => c.expr.kind === 'Column'));
});

test('extend inlines earlier items of the same extend', () => {
  const e = ofKind(result('DeviceFileEvents | extend a = FileSize * 2, b = a + 1'), 'Extend');
  const b = e.columns.find((c) => c.name === 'b');
  assert.ok(b && b.expr.kind === 'Binary');
  const left = b.expr.left as BoundExpr;
  assert.equal(left.kind, 'Binary'); // a was replaced by FileSize * 2
  assert.equal(b.type, 'long');
});

test('scalar lets are inlined and typed; comparing int with a string literal converts the literal', () => {
  const w = ofKind(result('let port = "443"; DeviceNetworkEvents | where RemotePort == "443"'), 'Where');
  assert.equal(w.predicate.kind, 'Binary');
  if (w.predicate.kind !== 'Binary') return;
  assert.equal(w.predicate.right.kind, 'Convert');
  assert.equal(w.predicate.right.type, 'int');
  const w2 = ofKind(
    result('let t = datetime(2025-01-01); DeviceNetworkEvents | where Timestamp between ((t - 2m) .. (t + 2m))'),
    'Where',
  );
  assert.equal(w2.predicate.kind, 'Between');
  if (w2.predicate.kind !== 'Between') return;
  assert.equal(w2.predicate.low.type, 'datetime');
});

test('summarize: default names and arg_max expansion', () => {
  const s = ofKind(
    result('DeviceNetworkEvents | summarize count(), sum(RemotePort), arg_max(Timestamp, RemoteUrl) by DeviceName'),
    'Summarize',
  );
  assert.deepEqual(
    s.by.map((c) => c.name),
    ['DeviceName'],
  );
  assert.deepEqual(
    s.aggregates.map((a) => (a.kind === 'Value' ? a.name : `${a.fn}(${a.columns.map((c) => c.name).join(',')})`)),
    ['count_', 'sum_RemotePort', 'arg_max(Timestamp,RemoteUrl)'],
  );
  const sum = s.aggregates[1];
  assert.ok(sum?.kind === 'Value' && sum.expr.kind === 'Call' && sum.expr.spec.kind === 'aggregate');
});

test('join: kind, key pairs and output renames', () => {
  const j = ofKind(
    result(
      'DeviceNetworkEvents | project Timestamp, DeviceName | join kind=inner (DeviceProcessEvents | project Timestamp, DeviceName, FileName) on $left.DeviceName == $right.DeviceName',
    ),
    'Join',
  );
  assert.equal(j.joinKind, 'inner');
  assert.deepEqual(j.keys, [{ left: 'DeviceName', right: 'DeviceName' }]);
  assert.deepEqual(
    j.outputs.map((o) => `${o.name}<-${o.side}.${o.column}`),
    [
      'Timestamp<-left.Timestamp',
      'DeviceName<-left.DeviceName',
      'Timestamp1<-right.Timestamp',
      'DeviceName1<-right.DeviceName',
      'FileName<-right.FileName',
    ],
  );
  const d = ofKind(result('DeviceNetworkEvents | join (DeviceProcessEvents) on DeviceId'), 'Join');
  assert.equal(d.joinKind, 'innerunique');
});

test('union: per-input column mapping to the unified schema', () => {
  const u = ofKind(result('union (print x=1, y="a"), (print x="s", z=2.0)'), 'Union');
  assert.deepEqual(
    u.schema.columns.map((c) => c.name),
    ['x_long', 'x_string', 'y', 'z'],
  );
  assert.deepEqual(
    u.inputs.map((i) => i.columns),
    [
      ['x', null, 'y', null],
      [null, 'x', null, 'z'],
    ],
  );
});

test('tabular lets are shared nodes with one id', () => {
  const r = check('let t = DeviceEvents | where ActionType == "x"; t | join (t) on DeviceId');
  assert.equal(r.bound?.lets.length, 1);
  const j = r.bound?.result;
  assert.ok(j?.kind === 'Join' && j.input.kind === 'LetTable' && j.right.kind === 'LetTable');
  assert.equal(j.input.id, j.right.id);
});

test('user functions are expanded with their arguments bound', () => {
  const t = result('let f = (x:long, y:long = 2) { x * y }; print v = f(3)');
  const p = ofKind(t, 'Print');
  const v = p.columns[0]?.expr;
  assert.ok(v?.kind === 'UdfCall');
  assert.equal(v.body.kind, 'Binary');
  assert.equal(v.type, 'long');
});

test('several errors are reported in one query, with hints', () => {
  const r = check('DeviceFileEvent | take 1; DeviceProcessEvents | project Timestmp, FileNam, nosuchfn(1)');
  const codes = r.diagnostics.map((d) => d.code);
  assert.deepEqual(codes, ['KS204', 'KS142', 'KS142', 'KS211']);
  assert.equal(r.diagnostics[1]?.hint, "did you mean 'Timestamp'?");
  assert.equal(r.columns, null);
});

test('the binder never throws on broken or hostile input', () => {
  const inputs = [
    '',
    '|',
    'let f = (x:long) { f(x) }; print f(1)',
    'DeviceEvents | summarize arg_max(',
    'print ' + '('.repeat(200) + '1' + ')'.repeat(200),
    'union *',
    'T | join on',
    'datatable(a:int)[1,2,3] | mv-apply x = a on (summarize count())',
    'range x from 1 to 3 step 1 | invoke nothing()',
  ];
  for (const q of inputs) {
    const r = check(q);
    assert.ok(Array.isArray(r.diagnostics), q);
  }
});
