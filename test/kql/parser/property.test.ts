// Property tests: the parser never throws and always returns a tree, whatever the input
// (token soup, mutated corpus queries, arbitrary text); every span lies inside the text;
// and printing a clean parse reparses to the same tree (corpus and generated queries).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parse } from '../../../src/kql/parse.js';
import { printQuery } from '../../../src/kql/printer/index.js';
import { loadAllCorpora } from './corpus.js';
import { stripTree } from './strip.js';

const corpus = loadAllCorpora();

function checkWellFormed(text: string): void {
  const r = parse(text);
  assert.equal(r.query.kind, 'Query');
  assert.ok(Array.isArray(r.query.statements));
  visitSpans(r.query, (s) => {
    assert.ok(
      s.start >= 0 && s.start <= s.end && s.end <= text.length,
      `span ${s.start}..${s.end} outside text of ${text.length}`,
    );
  });
  for (const d of r.diagnostics)
    assert.ok(d.span.start >= 0 && d.span.end <= text.length && d.span.start <= d.span.end);
  if (r.diagnostics.length === 0) assertRoundTrip(text);
}

function visitSpans(v: unknown, f: (s: { start: number; end: number }) => void): void {
  if (Array.isArray(v)) {
    for (const x of v) visitSpans(x, f);
    return;
  }
  if (typeof v !== 'object' || v === null) return;
  for (const [k, x] of Object.entries(v)) {
    if (k === 'span' && typeof x === 'object' && x !== null && 'start' in x && 'end' in x) {
      const { start, end } = x;
      if (typeof start === 'number' && typeof end === 'number') f({ start, end });
    } else visitSpans(x, f);
  }
}

function assertRoundTrip(text: string): void {
  const first = parse(text);
  const printed = printQuery(first.query);
  const second = parse(printed);
  assert.deepEqual(second.diagnostics, [], `printed text does not reparse:\n${printed}`);
  assert.deepEqual(stripTree(second.query), stripTree(first.query), `tree changed through printing:\n${printed}`);
}

const TOKENS = [
  'T',
  'x',
  'Timestamp',
  'count',
  'type',
  '|',
  ';',
  ',',
  '(',
  ')',
  '[',
  ']',
  '{',
  '}',
  '.',
  '..',
  '=',
  '==',
  '!=',
  '<',
  '>=',
  '=~',
  '+',
  '-',
  '*',
  '/',
  '%',
  ':',
  '=>',
  'where',
  'project',
  'project-away',
  'extend',
  'summarize',
  'by',
  'join',
  'kind=inner',
  'on',
  '$left.a',
  '$right.b',
  'let',
  'set',
  'declare',
  'has',
  '!has',
  'in',
  '!in~',
  'has_any',
  'between',
  'and',
  'or',
  'not',
  'matches',
  'regex',
  'datetime(2020-01-01)',
  'datetime(',
  'time(1.2:30:00)',
  '2m',
  '1.5h',
  '100ms',
  '1e10',
  '0x1F',
  '5',
  '"str"',
  "'s'",
  '@"v\\"',
  'h"x"',
  '"unterminated',
  '```ml',
  'dynamic',
  'dynamic([1,{"a":2}])',
  'guid(',
  'mv-expand',
  'mv-apply',
  'parse',
  'with',
  '*',
  'union',
  'print',
  'range',
  'from',
  'to',
  'step',
  'make-series',
  'scan',
  'fork',
  '#',
  '?',
  '//c\n',
  '\n',
  'toscalar',
  'materialize',
  'evaluate',
  'bag_unpack',
  'top',
  'order',
  'asc',
  'desc',
  'nulls',
  'first',
];

test('random token soup never throws', () => {
  fc.assert(
    fc.property(
      fc.array(fc.tuple(fc.constantFrom(...TOKENS), fc.constantFrom(' ', '', '\n')), { maxLength: 40 }),
      (parts) => {
        checkWellFormed(parts.map(([t, s]) => t + s).join(''));
      },
    ),
    { numRuns: 3000, seed: 1 },
  );
});

test('arbitrary text never throws', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (s) => checkWellFormed(s)),
    { numRuns: 2000, seed: 2 },
  );
});

type Mutation = { op: 'delete' | 'insert' | 'swap' | 'dup'; at: number; len: number; text: string; other: number };

function mutate(q: string, muts: readonly Mutation[]): string {
  let s = q;
  for (const m of muts) {
    const at = s.length === 0 ? 0 : m.at % (s.length + 1);
    const len = Math.min(m.len, s.length - at);
    if (m.op === 'delete') s = s.slice(0, at) + s.slice(at + len);
    else if (m.op === 'insert') s = s.slice(0, at) + m.text + s.slice(at);
    else if (m.op === 'dup') s = s.slice(0, at + len) + s.slice(at, at + len) + s.slice(at + len);
    else {
      const b = s.length === 0 ? 0 : m.other % s.length;
      const [x, y] = at < b ? [at, b] : [b, at];
      s = s.slice(0, x) + (s[y] ?? '') + s.slice(x + 1, y) + (s[x] ?? '') + s.slice(y + 1);
    }
  }
  return s;
}

test('mutated corpus queries never throw', () => {
  const mutation = fc.record({
    op: fc.constantFrom<Mutation['op']>('delete', 'insert', 'swap', 'dup'),
    at: fc.nat(),
    len: fc.integer({ min: 1, max: 12 }),
    text: fc.constantFrom(...TOKENS, ' ', '"', "'", '(', ')', '|'),
    other: fc.nat(),
  });
  fc.assert(
    fc.property(fc.constantFrom(...corpus), fc.array(mutation, { minLength: 1, maxLength: 4 }), (q, muts) => {
      checkWellFormed(mutate(q.kql, muts));
    }),
    { numRuns: 1500, seed: 3 },
  );
});

test('every clean corpus query round-trips through the printer', () => {
  let clean = 0;
  for (const q of corpus) {
    if (parse(q.kql).diagnostics.length > 0) continue;
    clean++;
    assertRoundTrip(q.kql);
  }
  console.log(`round-trip: ${clean} clean corpus queries`);
  assert.ok(clean >= 1154, `only ${clean} corpus queries parse clean`);
});

// A small generator of valid queries, to exercise printing beyond the corpora.
const name = fc.constantFrom('a', 'b', 'Timestamp', 'DeviceName', 'count', 'type', "['odd name']");
const lit = fc.oneof(
  fc.integer({ min: 0, max: 1000 }).map(String),
  fc.constantFrom(
    '1.5',
    '2m',
    '1d',
    '100ms',
    'datetime(2024-01-01)',
    'true',
    'dynamic([1, "x"])',
    'int(null)',
    'time(1:00:00)',
  ),
  fc.string({ maxLength: 6 }).map((s) => JSON.stringify(s)),
);
const scalar: fc.Arbitrary<string> = fc.letrec<{ e: string }>((tie) => ({
  e: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    name,
    lit,
    fc
      .tuple(
        tie('e'),
        fc.constantFrom(
          '+',
          '-',
          '*',
          '/',
          '==',
          '!=',
          '<',
          '>=',
          'and',
          'or',
          'has',
          '!contains',
          '=~',
          'startswith_cs',
        ),
        tie('e'),
      )
      .map(([a, o, b]) => `${a} ${o} ${b}`),
    tie('e').map((a) => `(${a})`),
    tie('e').map((a) => `-${a}`),
    fc.tuple(tie('e'), tie('e')).map(([a, b]) => `strcat(${a}, ${b})`),
    fc.tuple(name, tie('e')).map(([a, b]) => `(${a} in (${b}, 1))`),
    fc.tuple(name, tie('e'), tie('e')).map(([a, b, c]) => `(${a} between (${b} .. ${c}))`),
    name.map((a) => `${a}.x[0]`),
  ),
})).e;
const op = fc.oneof(
  scalar.map((e) => `where ${e}`),
  fc.tuple(name, scalar).map(([n, e]) => `extend ${n} = ${e}`),
  fc.array(name, { minLength: 1, maxLength: 3 }).map((ns) => `project ${ns.join(', ')}`),
  fc.tuple(scalar, name).map(([e, n]) => `summarize c = count(), max(${e}) by ${n}, bin(Timestamp, 1h)`),
  fc.tuple(name, fc.constantFrom('asc', 'desc', '')).map(([n, d]) => `order by ${n} ${d}`),
  fc.integer({ min: 1, max: 50 }).map((k) => `take ${k}`),
  name.map((n) => `join kind=inner (T2 | project ${n}) on ${n}`),
  name.map((n) => `mv-expand ${n} to typeof(string)`),
  fc.constant('project-away Initiating*, a'),
  fc.constant('parse a with "x" b:long *'),
);
const query = fc
  .tuple(fc.option(fc.tuple(name, scalar)), fc.array(op, { maxLength: 6 }))
  .map(([l, ops]) => `${l === null ? '' : `let v = ${l[1]};\n`}T${ops.map((o) => `\n| ${o}`).join('')}`);

test('generated queries parse clean and round-trip', () => {
  fc.assert(
    fc.property(query, (q) => {
      const r = parse(q);
      assert.deepEqual(r.diagnostics, [], q);
      assertRoundTrip(q);
    }),
    { numRuns: 1000, seed: 4 },
  );
});

test('deep nesting is reported, not a stack overflow', () => {
  for (const text of [
    '('.repeat(5000) + 'x',
    '-'.repeat(5000) + '1',
    `print x = ${'f('.repeat(3000)}1`,
    `print d = dynamic(${'['.repeat(20000)})`,
  ]) {
    const r = parse(text);
    assert.equal(r.query.kind, 'Query');
    assert.ok(r.diagnostics.length > 0);
  }
});
