// Punycode per RFC 3492: the RFC's own sample strings (section 7.1) and the Kusto docs' values.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { punycodeDecode, punycodeEncode } from '../../src/catalog/udf/punycode.js';

const RFC: readonly [string, string][] = [
  // (A) Arabic (Egyptian)
  [
    '\u0644\u064A\u0647\u0645\u0627\u0628\u062A\u0643\u0644\u0645\u0648\u0634\u0639\u0631\u0628\u064A\u061F',
    'egbpdaj6bu4bxfgehfvwxn',
  ],
  // (L) 3<nen>B<gumi><kinpachi><sensei>
  ['3\u5E74B\u7D44\u91D1\u516B\u5148\u751F', '3B-ww4c5e180e575a65lsy2b'],
  // (S) -> $1.00 <-
  ['-> $1.00 <-', '-> $1.00 <--'],
];

test('punycode: RFC 3492 samples both ways', () => {
  for (const [plain, encoded] of RFC) {
    assert.equal(punycodeEncode(plain), encoded);
    assert.equal(punycodeDecode(encoded), plain);
  }
});

test('punycode: the docs values, case kept; invalid input', () => {
  assert.equal(punycodeEncode('académie-française'), 'acadmie-franaise-npb1a');
  assert.equal(punycodeEncode('艺术'), 'cqv902d');
  assert.equal(punycodeDecode('Ge-mia'), 'Gáe');
  assert.equal(punycodeDecode('abc-!!'), null);
});
