// Signature matching and argument layout, independent of the official analyser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lookupFunction, matchSignature, type ArgType } from '../../src/catalog/index.js';

function resultOf(name: string, args: readonly ArgType[]): string {
  const spec = lookupFunction(name);
  assert.ok(spec, name);
  const m = matchSignature(spec, args);
  return m.ok ? m.result : `error: ${m.expected}`;
}

test('aliases resolve and lookup is case-sensitive', () => {
  assert.equal(lookupFunction('iif')?.name, 'iff');
  assert.equal(lookupFunction('todouble')?.name, 'toreal');
  assert.equal(lookupFunction('makeset')?.name, 'make_set');
  assert.equal(lookupFunction('Strlen'), undefined);
  assert.equal(lookupFunction('any')?.kind, 'aggregate');
  assert.equal(lookupFunction('hll_merge', 'scalar')?.kind, 'scalar');
  assert.equal(lookupFunction('hll_merge', 'aggregate')?.kind, 'aggregate');
});

test('case repeats predicate/value pairs before else', () => {
  assert.equal(resultOf('case', ['bool', 'int', 'bool', 'long', 'real']), 'real');
  assert.match(resultOf('case', ['bool', 'int', 'bool', 'long']), /^error/);
});

test('bag_pack takes key/value pairs', () => {
  assert.equal(resultOf('bag_pack', ['string', 'int', 'string', 'dynamic']), 'dynamic');
  assert.match(resultOf('bag_pack', ['string', 'int', 'string']), /^error/);
});

test('implicit conversions: int to long, numbers to real; nothing to datetime', () => {
  assert.equal(resultOf('substring', ['string', 'int', 'int']), 'string');
  assert.match(resultOf('substring', ['string', 'real']), /^error/);
  assert.equal(resultOf('sqrt', ['int']), 'real');
  assert.match(resultOf('startofday', ['string']), /^error/);
});

test('unknown arguments match anything and keep rules working', () => {
  assert.equal(resultOf('strlen', ['unknown']), 'long');
  assert.equal(resultOf('iff', ['bool', 'unknown', 'string']), 'string');
  assert.equal(resultOf('max', ['unknown']), 'unknown');
});

test('star only where allowed', () => {
  assert.equal(resultOf('arg_max', ['datetime', 'star']), 'datetime');
  assert.match(resultOf('strlen', ['star']), /^error/);
});

test('aggregate specs carry their default-name rule', () => {
  assert.equal(lookupFunction('make_set')?.defaultName?.(['FileName']), 'set_FileName');
  assert.equal(lookupFunction('count')?.defaultName?.([]), 'count_');
  assert.equal(lookupFunction('strlen')?.defaultName, undefined);
});
