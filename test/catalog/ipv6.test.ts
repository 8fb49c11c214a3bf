// IPv6 parsing and prefix comparison, with the reference docs' values.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canonical, compareIp6, parseIp6 } from '../../src/catalog/udf/ipv6.js';

const p = (s: string) => {
  const r = parseIp6(s);
  assert.ok(r !== null, s);
  return r;
};

test('IPv6 canonical forms, IPv4 mapped, prefixes', () => {
  assert.equal(canonical(p('fe80::85d:e82c:9446:7994').value), 'fe80:0000:0000:0000:085d:e82c:9446:7994');
  assert.equal(canonical(p('192.168.255.255').value), '0000:0000:0000:0000:0000:ffff:c0a8:ffff');
  assert.equal(canonical(p('::192.168.255.255').value), '0000:0000:0000:0000:0000:ffff:c0a8:ffff');
  assert.equal(p('192.168.255.255/24').prefix, 120);
  assert.equal(p('fe80::1/120').prefix, 120);
  for (const bad of ['1::2::3', '1:2:3:4:5:6:7:8:9', '256.1.1.1', 'fe80::1/129', 'abc'])
    assert.equal(parseIp6(bad), null, bad);
});

test('comparison uses the shortest prefix', () => {
  assert.equal(compareIp6(p('192.168.1.1/24'), p('192.168.1.255')), 0);
  assert.equal(compareIp6(p('fe80::85d:e82c:9446:7994'), p('fe80::85d:e82c:9446:7995'), 127), 0);
  assert.equal(compareIp6(p('fe80::85d:e82c:9446:7994'), p('fe80::85d:e82c:9446:7995')), -1);
  assert.equal(compareIp6(p('192.168.1.1'), p('::ffff:c0a8:0101')), 0);
});
