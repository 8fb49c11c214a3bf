// IPv6 addresses as 128-bit integers. IPv4 text (and IPv6 text ending in a dotted IPv4) maps
// to ::ffff:a.b.c.d, and its `/n` prefix counts from there (96 + n), as the Kusto docs' examples
// show. Invalid text gives null.
import { big, num, str, type UdfSpec, type UdfValue } from './types.js';

export interface Ip6 {
  readonly value: bigint;
  readonly prefix: number;
}

const ALL = (1n << 128n) - 1n;

function v4(text: string): bigint | null {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (m === null) return null;
  let v = 0n;
  for (const part of m.slice(1)) {
    const n = Number(part);
    if (n > 255) return null;
    v = (v << 8n) | BigInt(n);
  }
  return v;
}

function groups(text: string): bigint | null {
  if (text === '') return null;
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const parse = (s: string): number[] | null => {
    if (s === '') return [];
    const out: number[] = [];
    for (const g of s.split(':')) {
      if (!/^[0-9a-f]{1,4}$/i.test(g)) return null;
      out.push(parseInt(g, 16));
    }
    return out;
  };
  const head = parse(halves[0] ?? '');
  const tail = halves.length === 2 ? parse(halves[1] ?? '') : [];
  if (head === null || tail === null) return null;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  const all = [...head, ...Array<number>(halves.length === 1 ? 0 : missing).fill(0), ...tail];
  return all.reduce((v, g) => (v << 16n) | BigInt(g), 0n);
}

export function parseIp6(text: string): Ip6 | null {
  const t = text.trim();
  const slash = t.indexOf('/');
  const addr = slash < 0 ? t : t.slice(0, slash);
  const pre = slash < 0 ? null : t.slice(slash + 1);
  if (pre !== null && !/^\d{1,3}$/.test(pre)) return null;
  let value: bigint | null;
  let dotted = false;
  const four = v4(addr);
  if (four !== null) {
    value = (0xffffn << 32n) | four;
    dotted = true;
  } else {
    const lastColon = addr.lastIndexOf(':');
    const tailV4 = lastColon >= 0 ? v4(addr.slice(lastColon + 1)) : null;
    if (tailV4 !== null) {
      const hi = groups(`${addr.slice(0, lastColon + 1)}0:0`);
      if (hi === null) return null;
      // ::a.b.c.d and ::ffff:a.b.c.d both denote the IPv4 address.
      const upper = hi >> 32n;
      value = ((upper === 0n ? 0xffffn : upper) << 32n) | tailV4;
      dotted = true;
    } else value = groups(addr);
  }
  if (value === null) return null;
  const n = pre === null ? 128 : Number(pre) + (dotted ? 96 : 0);
  if (n > 128) return null;
  return { value, prefix: n };
}

const mask = (prefix: number): bigint => (prefix <= 0 ? 0n : (ALL << BigInt(128 - prefix)) & ALL);

export function canonical(v: bigint): string {
  const hex = v.toString(16).padStart(32, '0');
  return hex.match(/.{4}/g)?.join(':') ?? '';
}

/** -1, 0 or 1, comparing only the shortest of the prefixes. */
export function compareIp6(a: Ip6, b: Ip6, prefix = 128): number {
  const m = mask(Math.min(a.prefix, b.prefix, prefix));
  const x = a.value & m;
  const y = b.value & m;
  return x < y ? -1 : x > y ? 1 : 0;
}

function ip(v: UdfValue | undefined): Ip6 | null {
  return v === null || v === undefined ? null : parseIp6(str(v));
}

export const IPV6_UDFS: readonly UdfSpec[] = [
  {
    name: 'kql_parse_ipv6',
    params: ['VARCHAR'],
    returns: 'VARCHAR',
    fn: ([s]) => {
      const a = ip(s);
      return a === null ? null : canonical(a.value & mask(a.prefix));
    },
  },
  {
    name: 'kql_parse_ipv6_mask',
    params: ['VARCHAR', 'BIGINT'],
    returns: 'VARCHAR',
    fn: ([s, m]) => {
      const a = ip(s);
      const p = Number(big(m ?? null));
      return a === null || p < 0 || p > 128 ? null : canonical(a.value & mask(Math.min(a.prefix, p)));
    },
  },
  {
    name: 'kql_ipv6_compare',
    params: ['VARCHAR', 'VARCHAR', 'BIGINT'],
    returns: 'BIGINT',
    fn: ([x, y, p]) => {
      const a = ip(x);
      const b = ip(y);
      const n = num(p ?? null);
      return a === null || b === null || n < 0 || n > 128 ? null : compareIp6(a, b, n);
    },
  },
  {
    name: 'kql_ipv6_in_range',
    params: ['VARCHAR', 'VARCHAR'],
    returns: 'BOOLEAN',
    fn: ([x, r]) => {
      const a = ip(x);
      const range = ip(r);
      return a === null || range === null ? null : compareIp6({ value: a.value, prefix: 128 }, range) === 0;
    },
  },
  {
    name: 'kql_ipv6_in_any_range',
    params: ['VARCHAR', 'VARCHAR'],
    returns: 'BOOLEAN',
    fn: ([x, ranges]) => {
      const a = ip(x);
      let list: unknown;
      try {
        list = JSON.parse(str(ranges ?? null));
      } catch {
        return null;
      }
      if (a === null || !Array.isArray(list)) return null;
      return list.some((r) => {
        const range = typeof r === 'string' ? parseIp6(r) : null;
        return range !== null && compareIp6({ value: a.value, prefix: 128 }, range) === 0;
      });
    },
  },
];
