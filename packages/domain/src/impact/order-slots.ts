import { EXPOSURE_LEVELS } from '../exposure';

export interface SlotData {
  nodes: Int32Array;
  levels: Uint8Array;
  /** Per slot, its distance. */
  distances: Int32Array;
  /** Ranks are below this. */
  rankLimit: number;
  /**
   * A key that orders nodes by id, except that equal keys keep the order of `slots` (undefined:
   * the node index, in a built graph id order).
   */
  idRank?: (node: number) => number;
}

const DIGIT_BITS = 11;

/**
 * Slots in DESIGN.md's order: level (high first), distance, then id. Linear:
 * least-significant-digit radix passes on the id rank, then one stable counting sort on
 * (level, distance), all over arrays the size of the slots, never of the graph.
 */
export function orderSlots(slots: Int32Array, data: SlotData): Int32Array {
  const count = slots.length;
  const rank = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    const node = data.nodes[slots[i]!]!;
    rank[i] = data.idRank ? data.idRank(node) : node;
  }
  let order: Int32Array = slots;
  let ranks: Int32Array = rank;
  let spare: Int32Array = new Int32Array(count);
  let spareRanks: Int32Array = new Int32Array(count);
  const counts = new Int32Array((1 << DIGIT_BITS) + 1);
  for (let shift = 0; data.rankLimit >>> shift > 0 && count > 1; shift += DIGIT_BITS) {
    counts.fill(0);
    for (let i = 0; i < count; i++) counts[((ranks[i]! >>> shift) & 2047) + 1]!++;
    for (let d = 1; d < counts.length; d++) counts[d]! += counts[d - 1]!;
    for (let i = 0; i < count; i++) {
      const to = counts[(ranks[i]! >>> shift) & 2047]!++;
      spare[to] = order[i]!;
      spareRanks[to] = ranks[i]!;
    }
    [order, spare] = [spare, order];
    [ranks, spareRanks] = [spareRanks, ranks];
  }
  // Then by level and distance, stably: the id order holds within each (level, distance).
  const keys = new Int32Array(count);
  let maxDistance = 0;
  for (let i = 0; i < count; i++) {
    const distance = data.distances[order[i]!]!;
    keys[i] = distance;
    if (distance > maxDistance) maxDistance = distance;
  }
  const stride = maxDistance + 1;
  const weakest = EXPOSURE_LEVELS.length - 1;
  for (let i = 0; i < count; i++) keys[i]! += (weakest - data.levels[order[i]!]!) * stride;
  const buckets = new Int32Array(EXPOSURE_LEVELS.length * stride + 1);
  for (let i = 0; i < count; i++) buckets[keys[i]! + 1]!++;
  for (let b = 1; b < buckets.length; b++) buckets[b]! += buckets[b - 1]!;
  const sorted = new Int32Array(count);
  for (let i = 0; i < count; i++) sorted[buckets[keys[i]!]!++] = order[i]!;
  return sorted;
}
