// Kusto's hash() is XXH64 (seed 0) of the value's bytes: UTF-8 for strings, the 8-byte
// little-endian .NET ticks for datetimes and timespans, the 8-byte little-endian value for
// longs (checked against the docs: hash("World") = 1846988464401551951,
// hash(datetime(2015-01-01)) = 1380966698541616202). Written from the XXH64 specification.
import { big, str, type UdfSpec } from './types.js';

const M = (1n << 64n) - 1n;
const P1 = 11400714785074694791n;
const P2 = 14029467366897019727n;
const P3 = 1609587929392839161n;
const P4 = 9650029242287828579n;
const P5 = 2870177450012600261n;

const rotl = (x: bigint, r: bigint): bigint => ((x << r) | (x >> (64n - r))) & M;
const round = (acc: bigint, lane: bigint): bigint => (rotl((acc + lane * P2) & M, 31n) * P1) & M;
const mergeRound = (acc: bigint, v: bigint): bigint => ((((acc ^ round(0n, v)) * P1) & M) + P4) & M;

function lane64(b: Uint8Array, i: number): bigint {
  let v = 0n;
  for (let k = 7; k >= 0; k--) v = (v << 8n) | BigInt(b[i + k] ?? 0);
  return v;
}

function lane32(b: Uint8Array, i: number): bigint {
  return BigInt(((b[i] ?? 0) | ((b[i + 1] ?? 0) << 8) | ((b[i + 2] ?? 0) << 16) | ((b[i + 3] ?? 0) << 24)) >>> 0);
}

/** XXH64 with seed 0, as an unsigned 64-bit value. */
export function xxh64(b: Uint8Array): bigint {
  const n = b.length;
  let i = 0;
  let h: bigint;
  if (n >= 32) {
    let v1 = (P1 + P2) & M;
    let v2 = P2;
    let v3 = 0n;
    let v4 = (M + 1n - P1) & M;
    for (; i + 32 <= n; i += 32) {
      v1 = round(v1, lane64(b, i));
      v2 = round(v2, lane64(b, i + 8));
      v3 = round(v3, lane64(b, i + 16));
      v4 = round(v4, lane64(b, i + 24));
    }
    h = (rotl(v1, 1n) + rotl(v2, 7n) + rotl(v3, 12n) + rotl(v4, 18n)) & M;
    for (const v of [v1, v2, v3, v4]) h = mergeRound(h, v);
  } else h = P5;
  h = (h + BigInt(n)) & M;
  for (; i + 8 <= n; i += 8) h = (((rotl(h ^ round(0n, lane64(b, i)), 27n) * P1) & M) + P4) & M;
  if (i + 4 <= n) {
    h = (((rotl(h ^ ((lane32(b, i) * P1) & M), 23n) * P2) & M) + P3) & M;
    i += 4;
  }
  for (; i < n; i++) h = (rotl(h ^ ((BigInt(b[i] ?? 0) * P5) & M), 11n) * P1) & M;
  h ^= h >> 33n;
  h = (h * P2) & M;
  h ^= h >> 29n;
  h = (h * P3) & M;
  h ^= h >> 32n;
  return h;
}

const signed = (u: bigint): bigint => BigInt.asIntN(64, u);

function int64Bytes(v: bigint): Uint8Array {
  const out = new Uint8Array(8);
  new DataView(out.buffer).setBigInt64(0, v, true);
  return out;
}

export const HASH_UDFS: readonly UdfSpec[] = [
  {
    name: 'kql_xxh64_string',
    params: ['VARCHAR'],
    returns: 'BIGINT',
    fn: ([s]) => signed(xxh64(Buffer.from(str(s ?? null), 'utf8'))),
  },
  {
    name: 'kql_xxh64_int64',
    params: ['BIGINT'],
    returns: 'BIGINT',
    fn: ([v]) => signed(xxh64(int64Bytes(big(v ?? null)))),
  },
];
