// bag_unpack's key discovery outside the normal lowering: finding its nodes in a bound tree
// that may not have bound past it (its columns come from the data), and refusing a bag_unpack
// that would need two sets of keys.
import type { BoundQuery, BoundTable } from '../kql/bound.js';
import type { BagKeys } from '../kql/binder/bag-unpack.js';
import { lowerScalar, unsupported } from './lower-scalar.js';
import { lowerTable, NeedsBagKeys, type Ctx } from './lower.js';

/** Every data-dependent bag_unpack node of the bound tree (a let bound once is one node). */
function bagUnpacks(root: unknown, out: BoundTable[] = [], seen = new Set<object>()): BoundTable[] {
  if (typeof root !== 'object' || root === null || seen.has(root)) return out;
  seen.add(root);
  const o = root as { kind?: unknown; plugin?: unknown; declaredSchema?: unknown };
  if (o.kind === 'Evaluate' && o.plugin === 'bag_unpack' && o.declaredSchema !== true) out.push(root as BoundTable);
  for (const v of Object.values(root)) bagUnpacks(v, out, seen);
  return out;
}

/**
 * Keys are read once per bag_unpack in the text; a function whose body unpacks a bag, called
 * on two inputs, would need two sets of keys under one name: refused rather than guessed.
 */
export function checkBagUnpacks(q: BoundQuery): void {
  const starts = new Set<number>();
  for (const t of bagUnpacks(q)) {
    if (starts.has(t.span.start)) unsupported('bag_unpack inside a function called more than once', t.span);
    starts.add(t.span.start);
  }
}

/**
 * The key discovery for the bag_unpack at `at`, from its input alone: used when the rest of the
 * query can't bind before its keys are known (names of unpacked columns after it).
 */
export function bagUnpackProbe(q: BoundQuery, at: number, bagKeys: BagKeys = new Map()): NeedsBagKeys | null {
  // Pending bag_unpacks are data-dependent ones, so they are among bagUnpacks().
  const t = bagUnpacks(q).find((x) => x.span.start === at);
  if (t === undefined || t.kind !== 'Evaluate' || t.args[0] === undefined) return null;
  const cx: Ctx = { lets: new Map(), implicit: null, bagKeys };
  return new NeedsBagKeys(at, lowerTable(t.input, cx), lowerScalar(t.args[0], { table: (x) => lowerTable(x, cx) }));
}
