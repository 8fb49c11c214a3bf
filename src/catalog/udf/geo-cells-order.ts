// The element order of geo_geohash_neighbors / geo_s2cell_neighbors. Neither page states
// an order, and no direction order explains both examples (geohash 'sunny' lists SW, NW, SE,
// N, W, NE, E, S; S2 '89c259' lists its cells in a third order). Both are reproduced exactly
// by one construction: the cells' texts are inserted into a default-constructed MSVC
// std::unordered_set<std::string> and the set is read in iteration order. That container
// hashes with 64-bit FNV-1a, starts with 8 buckets, puts an element of an empty bucket at the
// end of its list and one of an occupied bucket in front of that bucket's first element.
// For S2 the insertion order is S2's AppendAllNeighbors order (a set is what removes its
// repeated cell at a cube corner); only 14 of the 40320 insertion orders of the 8 cells give
// the documented list, and S2's own order is one of them. Kusto itself isn't documented to
// work this way, so docs/known-differences/engine.md keeps the order as a reconstruction.

import { UdfError } from './types.js';

const FNV_OFFSET = 0xcbf29ce484222325n;
const FNV_PRIME = 0x100000001b3n;
const MASK64 = (1n << 64n) - 1n;
/** MSVC's initial bucket count; the set grows (rehashing, which reorders) only past 8 elements. */
const BUCKETS = 8n;
const MAX_ORDERED = 8;

function fnv1a64(text: string): bigint {
  let h = FNV_OFFSET;
  for (const b of new TextEncoder().encode(text)) h = ((h ^ BigInt(b)) * FNV_PRIME) & MASK64;
  return h;
}

/**
 * Distinct `items` in the iteration order of an MSVC unordered_set<string> they were inserted
 * into in the given order. A neighbour list never holds more than 8 cells, so the container's
 * rehash (whose relinking would have to be modelled too) never happens; more items raise a
 * query error rather than a guessed order.
 */
export function unorderedSetOrder(items: readonly string[]): string[] {
  const list: { readonly item: string; readonly bucket: bigint }[] = [];
  for (const item of items) {
    if (list.some((e) => e.item === item)) continue;
    if (list.length === MAX_ORDERED) throw new UdfError('neighbour order: more than 8 distinct cells');
    const bucket = fnv1a64(item) & (BUCKETS - 1n);
    const first = list.findIndex((e) => e.bucket === bucket);
    if (first < 0) list.push({ item, bucket });
    else list.splice(first, 0, { item, bucket });
  }
  return list.map((e) => e.item);
}
