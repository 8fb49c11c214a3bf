// bag_unpack's output columns once the bag's keys are known (read from the data by the engine
// before binding the rest of the query). The binder and the lowering both use this, so the
// schema later operators bind against is the one the SQL produces.
import type { BoundExpr } from '../bound.js';
import type { Column, ScalarType } from '../types.js';

/** A key found in the data and the Kusto type of its values (dynamic when they differ). */
export interface BagKey {
  readonly name: string;
  readonly type: ScalarType;
}

/** Discovered keys by the bag_unpack's span start (for `partition`: the key values, as strings). */
export type BagKeys = ReadonlyMap<number, readonly BagKey[]>;

export interface UnpackOptions {
  readonly prefix: string;
  readonly ignored: readonly string[];
  /** columnsConflict: 'error' (default), 'replace_source' or 'keep_source'. */
  readonly conflict: string;
}

/** One output column: an input column passed through (key null) or a bag key read as dynamic. */
export interface UnpackItem {
  readonly name: string;
  readonly key: string | null;
  readonly type: ScalarType;
}

function literalString(e: BoundExpr | undefined): string | null {
  return e !== undefined && e.kind === 'Literal' && typeof e.value === 'string' ? e.value : null;
}

/** The options of `bag_unpack(bag [, prefix] [, columnsConflict] [, ignoredProperties])`; null if not constant. */
export function unpackOptions(
  args: readonly BoundExpr[],
  named: Readonly<Record<string, BoundExpr>>,
): UnpackOptions | null {
  const ig = named['ignoredProperties'] ?? args[3];
  let ignored: string[] = [];
  if (ig !== undefined) {
    if (ig.kind !== 'DynamicLiteral' || !Array.isArray(ig.value)) return null;
    const names: readonly unknown[] = ig.value;
    if (!names.every((n): n is string => typeof n === 'string')) return null;
    ignored = [...names];
  }
  return {
    prefix: literalString(args[1] ?? named['OutputColumnPrefix']) ?? '',
    ignored,
    conflict: literalString(named['columnsConflict']) ?? 'error',
  };
}

/**
 * The output columns for `keys` (sorted as discovered), or the first clashing name when a new
 * column would take an existing name and columnsConflict is 'error'. replace_source keeps the
 * replaced column's position; keep_source drops the new one.
 */
export function unpackItems(
  kept: readonly Column[],
  keys: readonly BagKey[],
  o: UnpackOptions,
): readonly UnpackItem[] | { readonly clash: string } {
  const names = new Set(kept.map((c) => c.name));
  const fresh = keys
    .filter((k) => !o.ignored.includes(k.name))
    .map((k) => ({ key: k.name, name: `${o.prefix}${k.name}`, type: k.type }));
  const clash = fresh.filter((f) => names.has(f.name));
  if (clash.length > 0 && o.conflict === 'error') return { clash: clash[0]!.name };
  const clashing = new Set(clash.map((c) => c.name));
  const items: UnpackItem[] = kept.map((c) => {
    const f = o.conflict === 'replace_source' ? fresh.find((x) => x.name === c.name) : undefined;
    return f === undefined ? { name: c.name, key: null, type: c.type } : { name: c.name, key: f.key, type: f.type };
  });
  for (const f of fresh) if (!clashing.has(f.name)) items.push({ name: f.name, key: f.key, type: f.type });
  return items;
}
