import { test } from 'node:test';
import assert from 'node:assert/strict';
import { editDistance, suggest } from '../../../src/kql/suggest.js';

test('edit distance counts insertions, deletions, substitutions and transpositions', () => {
  assert.equal(editDistance('kitten', 'sitting'), 3);
  assert.equal(editDistance('FileNmae', 'FileName'), 1);
  assert.equal(editDistance('abc', 'ABC'), 0);
  assert.equal(editDistance('', 'abc'), 3);
});

test('a case-insensitive match wins over a closer edit', () => {
  assert.equal(suggest('devicename', ['DeviceId', 'DeviceName', 'devicenamex']), 'DeviceName');
});

test('closest name within a length-relative limit, else a prefix, else nothing', () => {
  assert.equal(suggest('Timestmp', ['Timestamp', 'TimeGenerated']), 'Timestamp');
  assert.equal(suggest('tolowercase', ['tolower', 'toupper']), 'tolower');
  assert.equal(suggest('RemoteU', ['RemoteUrl', 'RemoteIP']), 'RemoteUrl');
  assert.equal(suggest('xyz', ['Timestamp', 'DeviceName']), null);
});
