// Dynamic-value functions whose key paths SQL can't walk generically: bag_set_key and
// bag_remove_keys take a key or a JSONPath (`$.a.b`, `$['a']`), array_split cuts at one or
// several indexes, and the GUID base64 forms use .NET's byte order. Values travel as JSON text.
import { str, type UdfSpec, type UdfValue } from './types.js';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function parse(v: UdfValue): Json | undefined {
  try {
    return JSON.parse(str(v)) as Json;
  } catch {
    return undefined;
  }
}

const isBag = (x: Json | undefined): x is { [k: string]: Json } =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

/** Steps of a key: a plain key is one step; `$.a.b` / `$['a'].b` are several. Null if malformed. */
export function keyPath(key: string): string[] | null {
  if (!key.startsWith('$')) return [key];
  const steps: string[] = [];
  const re = /\.([A-Za-z_][\w]*)|\['((?:[^'\\]|\\.)*)'\]|\["((?:[^"\\]|\\.)*)"\]/y;
  re.lastIndex = 1;
  while (re.lastIndex < key.length) {
    const m = re.exec(key);
    if (m === null) return null;
    steps.push(m[1] ?? m[2] ?? m[3] ?? '');
  }
  return steps.length === 0 ? null : steps;
}

function setKey(bag: { [k: string]: Json }, steps: readonly string[], value: Json): void {
  let at = bag;
  for (const s of steps.slice(0, -1)) {
    const next = at[s];
    if (!isBag(next)) at[s] = {};
    at = at[s] as { [k: string]: Json };
  }
  at[steps[steps.length - 1] ?? ''] = value;
}

function removeKey(bag: { [k: string]: Json }, steps: readonly string[]): void {
  let at: Json = bag;
  for (const s of steps.slice(0, -1)) {
    if (!isBag(at)) return;
    at = at[s] ?? null;
  }
  if (isBag(at)) delete at[steps[steps.length - 1] ?? ''];
}

function splitAt(arr: readonly Json[], cuts: readonly number[]): Json[][] {
  const n = arr.length;
  const at = cuts.map((c) => Math.min(n, Math.max(0, c < 0 ? n + c : c)));
  const bounds = [0, ...at, n];
  return bounds.slice(1).map((end, i) => arr.slice(bounds[i] ?? 0, end));
}

/** .NET Guid.ToByteArray order: the first three groups little-endian, the rest as written. */
function guidBytes(g: string): Buffer | null {
  const hex = g.replace(/-/g, '');
  if (!/^[0-9a-f]{32}$/i.test(hex)) return null;
  const b = Buffer.from(hex, 'hex');
  return Buffer.concat([
    b.subarray(0, 4).reverse(),
    b.subarray(4, 6).reverse(),
    b.subarray(6, 8).reverse(),
    b.subarray(8),
  ]);
}

function guidText(b: Buffer): string {
  const d = Buffer.concat([
    b.subarray(0, 4).reverse(),
    b.subarray(4, 6).reverse(),
    b.subarray(6, 8).reverse(),
    b.subarray(8),
  ]);
  const h = d.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export const DYNAMIC_UDFS: readonly UdfSpec[] = [
  {
    name: 'kql_bag_set_key',
    params: ['VARCHAR', 'VARCHAR', 'VARCHAR'],
    returns: 'VARCHAR',
    nulls: 'pass',
    fn: ([bag, key, value]) => {
      const b = bag === null || bag === undefined ? undefined : parse(bag);
      const steps = typeof key === 'string' ? keyPath(key) : null;
      if (!isBag(b) || steps === null) return null;
      setKey(b, steps, value === null || value === undefined ? null : (parse(value) ?? null));
      return JSON.stringify(b);
    },
  },
  {
    name: 'kql_bag_remove_keys',
    params: ['VARCHAR', 'VARCHAR'],
    returns: 'VARCHAR',
    fn: ([bag, keys]) => {
      const b = parse(bag ?? null);
      const ks = parse(keys ?? null);
      if (!isBag(b) || !Array.isArray(ks)) return null;
      for (const k of ks) {
        const steps = typeof k === 'string' ? keyPath(k) : null;
        if (steps !== null) removeKey(b, steps);
      }
      return JSON.stringify(b);
    },
  },
  {
    name: 'kql_array_split',
    params: ['VARCHAR', 'VARCHAR'],
    returns: 'VARCHAR',
    fn: ([arr, cuts]) => {
      const a = parse(arr ?? null);
      const c = parse(cuts ?? null);
      if (!Array.isArray(a)) return null;
      const list = typeof c === 'number' ? [c] : Array.isArray(c) && c.every((x) => typeof x === 'number') ? c : null;
      return list === null ? null : JSON.stringify(splitAt(a, list as number[]));
    },
  },
  {
    name: 'kql_base64_from_bytes',
    params: ['VARCHAR'],
    returns: 'VARCHAR',
    fn: ([arr]) => {
      const a = parse(arr ?? null);
      if (!Array.isArray(a)) return null;
      if (!a.every((x) => typeof x === 'number' && Number.isInteger(x) && x >= 0 && x <= 255)) return null;
      return Buffer.from(a as number[]).toString('base64');
    },
  },
  {
    name: 'kql_guid_to_base64',
    params: ['VARCHAR'],
    returns: 'VARCHAR',
    fn: ([g]) => guidBytes(str(g ?? null))?.toString('base64') ?? null,
  },
  {
    name: 'kql_base64_to_guid',
    params: ['VARCHAR'],
    returns: 'VARCHAR',
    fn: ([s]) => {
      const b = Buffer.from(str(s ?? null), 'base64');
      return b.length === 16 ? guidText(b) : null;
    },
  },
];
