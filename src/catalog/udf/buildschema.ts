// buildschema(): the minimal schema admitting every dynamic value of a column, as the docs
// describe it: a key's types in order of first appearance (one type alone, several as an
// array), objects merged key by key, arrays as {"`indexer`": element types}. JSON numbers are
// "long" when integral and "double" otherwise (the source spelling 1.0 is not visible here);
// nulls add no type.
import { str, type UdfSpec } from './types.js';

/** The types one key (or element) has been seen with, in first-seen order. */
interface TypeSet {
  readonly prims: string[];
  obj: Map<string, TypeSet> | undefined;
  arr: TypeSet | undefined;
  /** First-seen order of the three kinds of member. */
  readonly order: (string | 'object' | 'array')[];
}

const empty = (): TypeSet => ({ prims: [], obj: undefined, arr: undefined, order: [] });

function add(set: TypeSet, v: unknown): void {
  if (v === null || v === undefined) return;
  if (Array.isArray(v)) {
    if (set.arr === undefined) {
      set.arr = empty();
      set.order.push('array');
    }
    for (const e of v) add(set.arr, e);
    return;
  }
  if (typeof v === 'object') {
    if (set.obj === undefined) {
      set.obj = new Map();
      set.order.push('object');
    }
    for (const [k, x] of Object.entries(v)) {
      let s = set.obj.get(k);
      if (s === undefined) {
        s = empty();
        set.obj.set(k, s);
      }
      add(s, x);
    }
    return;
  }
  const name =
    typeof v === 'number' ? (Number.isInteger(v) ? 'long' : 'double') : typeof v === 'boolean' ? 'bool' : 'string';
  if (!set.prims.includes(name)) {
    set.prims.push(name);
    set.order.push(name);
  }
}

function render(set: TypeSet): unknown {
  const members = set.order.map((m) => {
    if (m === 'object')
      return Object.fromEntries([...(set.obj ?? new Map<string, TypeSet>())].map(([k, s]) => [k, render(s)]));
    if (m === 'array') return { '`indexer`': render(set.arr ?? empty()) };
    return m;
  });
  return members.length === 1 ? members[0] : members;
}

/** The schema of a JSON array of dynamic values (the column's values, in scan order). */
export function buildSchema(valuesJson: string): string | null {
  const values: unknown = JSON.parse(valuesJson);
  if (!Array.isArray(values)) return null;
  const set = empty();
  for (const v of values) add(set, v);
  return set.order.length === 0 ? null : JSON.stringify(render(set));
}

export const BUILDSCHEMA_UDFS: readonly UdfSpec[] = [
  { name: 'kql_buildschema', params: ['VARCHAR'], returns: 'VARCHAR', fn: ([v]) => buildSchema(str(v ?? null)) },
];
