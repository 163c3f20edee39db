import { EXPOSURE_LEVELS } from '../exposure';
import { nodeCount, type LineageGraph } from './lineage-graph';
import { orderSlots } from './order-slots';

/** What an impact reached, per slot, as ordering reads it. */
export interface ReachedSlots {
  graph: LineageGraph;
  nodes: Int32Array;
  /** The level's rank. */
  levels: Uint8Array;
  /** The distance at the slot's own level. */
  distances: Int32Array;
  /** Distances are below this. */
  stride: number;
  /**
   * Slots per (level, distance) key over every slot, when the impact counted them: a page
   * without a filter reads these instead of counting, and no slot outside the groups it shows.
   */
  groups?: Int32Array;
  /** How many leading slots hold every slot at that distance or nearer (see Reach). */
  slotsWithin: (distance: number) => number;
}

const WEAKEST = EXPOSURE_LEVELS.length - 1;

/** A (level, distance) group's key: strongest level first, then nearest. */
export const groupKey = (level: number, distance: number, stride: number) =>
  (WEAKEST - level) * stride + distance;

/**
 * The slots `matches` accepts (undefined: all), in DESIGN.md's order (level, distance, id),
 * from `offset`, at most `count`, and how many match in all. Counts by (level, distance)
 * first, then orders only the (level, distance) groups the page falls in: a first page of a
 * hundred thousand exposed nodes sorts a few.
 */
export function orderedPage(
  reached: ReachedSlots,
  matches: ((slot: number) => boolean) | undefined,
  offset: number,
  count: number,
): { slots: Int32Array; total: number } {
  const { graph, nodes, levels, distances, stride } = reached;
  const slotCount = levels.length;
  const keyOf = (slot: number) => groupKey(levels[slot]!, distances[slot]!, stride);
  let groups = reached.groups;
  let total = slotCount;
  if (matches !== undefined || groups === undefined) {
    groups = new Int32Array(EXPOSURE_LEVELS.length * stride);
    total = 0;
    for (let slot = 0; slot < slotCount; slot++) {
      if (matches !== undefined && !matches(slot)) continue;
      groups[keyOf(slot)]!++;
      total++;
    }
  }
  const end = Math.min(total, offset + count);
  if (offset >= end) return { slots: new Int32Array(0), total };
  // The groups holding ranks [offset, end), and how many rank before the first of them.
  let first = 0;
  let before = 0;
  while (before + groups[first]! <= offset) before += groups[first++]!;
  let last = first;
  for (let seen = before + groups[first]!; seen < end; seen += groups[last]!) last++;
  // No slot first reached beyond the groups' farthest distance is in them: a first page of a
  // hub reads its nearest layers, not the hundred thousand slots past them.
  const farthest =
    Math.floor(first / stride) === Math.floor(last / stride) ? last % stride : stride - 1;
  const scanEnd = reached.slotsWithin(farthest);
  const picked: number[] = [];
  const appended: number[] = [];
  const sortedCount = graph.overlay?.sortedCount ?? nodeCount(graph);
  for (let slot = 0; slot < scanEnd; slot++) {
    const key = keyOf(slot);
    if (key < first || key > last || (matches !== undefined && !matches(slot))) continue;
    (nodes[slot]! < sortedCount ? picked : appended).push(slot);
  }
  const ids = graph.ids;
  // Appended nodes' slots, by id.
  appended.sort((a, b) => (ids[nodes[a]!]! < ids[nodes[b]!]! ? -1 : 1));
  const sorted = orderSlots(Int32Array.from([...picked, ...appended]), {
    nodes,
    levels,
    distances,
    ...idRanks(graph),
  });
  return { slots: sorted.subarray(offset - before, end - before), total };
}

/**
 * Node indices follow id order in a built graph. Nodes deltas appended rank just before the
 * first built id above theirs (twice the index, so a built node's 2i + 1 stays apart), and
 * among themselves keep the id order they were given.
 */
function idRanks(graph: LineageGraph): { rankLimit: number; idRank?: (node: number) => number } {
  const overlay = graph.overlay;
  if (!overlay) return { rankLimit: nodeCount(graph) };
  const { sortedCount, appendedBound } = overlay;
  return {
    rankLimit: 2 * sortedCount + 2,
    idRank: (node) => (node < sortedCount ? 2 * node + 1 : 2 * appendedBound[node - sortedCount]!),
  };
}
