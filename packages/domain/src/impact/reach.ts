import { sharedArray } from './shared-array';
import { childRow, nodeCount, type LineageGraph } from './lineage-graph';

/**
 * What one impact search found, sized by what it reached rather than by the graph. Each
 * reached node has a slot (in the order first reached). The search runs once for all the
 * thresholds at once: threshold t keeps only edges transmitting at least `thresholds[t]`, and a
 * node's distance and witness predecessor are kept per threshold it was reached at.
 */
export interface Reach {
  /** The level ranks searched, strongest first; bit t of a mask is thresholds[t]. */
  thresholds: number[];
  /** Slot -> node index. */
  nodes: Int32Array;
  /** Slot -> thresholds it was reached at (bits). */
  masks: Uint8Array;
  /** Slot x threshold (slot * 3 + t) -> shortest distance over that threshold's edges. */
  distances: Int32Array;
  /**
   * Slot x threshold -> the witness predecessor's slot: of the nodes one step nearer at that
   * threshold with an edge transmitting it, the one with the smallest id; -1 at an origin.
   */
  predecessors: Int32Array;
  /** How many slots are origins (the first ones). */
  origins: number;
  /**
   * Per distance d, how many slots were first reached at d or nearer (slots go in that order).
   * A slot's distance at its own level is never below the distance it was first reached at, so
   * every slot at distance d or less is among the first layerEnds[d].
   */
  layerEnds: Int32Array;
}

export interface ReachInput {
  graph: LineageGraph;
  origins: number[];
  edgeLevels: Uint8Array;
  thresholds: number[];
  /** Per node, 1 where it mitigates; undefined when none does (no check per node then). */
  mitigating: Uint8Array | undefined;
  maxDepth: number;
  asOf: number | undefined;
  /**
   * Node indices below this follow id order (all of them in a built graph; nodes a delta
   * appended come after, and are compared by id).
   */
  sortedCount: number;
}

// Scratch shared by every search (JS is single-threaded and a search never yields): per node a
// byte stamp (the node is reached when it holds this search's epoch: a megabyte per million
// nodes, cleared once every 255 searches) and its slot, per slot its data, and the queue.
// Nothing graph-sized is allocated or cleared per search; only what it reached is copied out.
const stamps = sharedArray((length) => new Uint8Array(length));
let epoch = 0;
const slotsOf = sharedArray((length) => new Int32Array(length));
const queuedAt = sharedArray((length) => new Int32Array(length));
const slotNodes = sharedArray((length) => new Int32Array(length));
const slotMasks = sharedArray((length) => new Uint8Array(length));
const slotDistances = sharedArray((length) => new Int32Array(length));
const slotPredecessors = sharedArray((length) => new Int32Array(length));
const queueNodes = sharedArray((length) => new Int32Array(length));
const queueMasks = sharedArray((length) => new Uint8Array(length));

export function reach(input: ReachInput): Reach {
  const { graph, edgeLevels, thresholds, mitigating, maxDepth, sortedCount } = input;
  const ids = graph.ids;
  const graphSize = nodeCount(graph);
  const stamp = stamps(graphSize);
  if (++epoch === 256) {
    // The whole buffer, not this graph's share of it: a larger graph may use it next.
    new Uint8Array(stamp.buffer).fill(0);
    epoch = 1;
  }
  const now = epoch;
  const slotOf = slotsOf(graphSize);
  const queued = queuedAt(graphSize);
  const nodes = slotNodes(graphSize);
  const masks = slotMasks(graphSize);
  const distances = slotDistances(graphSize * 3);
  const predecessors = slotPredecessors(graphSize * 3);
  // The queue holds slots; a node enters it at most once per threshold.
  const queue = queueNodes(graphSize * thresholds.length + 1);
  const queueMask = queueMasks(graphSize * thresholds.length + 1);
  // Per (relation, declared) code, the thresholds an edge of that code passes.
  const passes = new Uint8Array(edgeLevels.length);
  for (let code = 0; code < edgeLevels.length; code++) {
    thresholds.forEach((rank, t) => {
      if (edgeLevels[code]! >= rank) passes[code]! |= 1 << t;
    });
  }
  const all = (1 << thresholds.length) - 1;
  let slots = 0;
  let tail = 0;
  for (const origin of input.origins) {
    stamp[origin] = now;
    slotOf[origin] = slots;
    nodes[slots] = origin;
    masks[slots] = all;
    for (let t = 0; t < 3; t++) {
      distances[slots * 3 + t] = 0;
      predecessors[slots * 3 + t] = -1;
    }
    slots++;
    queued[slots - 1] = tail;
    queue[tail] = slots - 1;
    queueMask[tail++] = all;
  }
  // The down periods already fold in the child's lifetime (see LineageGraph).
  const { downStart, downCode: builtCode, downChild: builtChild } = graph;
  const { downFrom: builtFrom, downTo: builtTo } = graph;
  const patched = graph.overlay?.downPatched;
  const timed = input.asOf !== undefined && graph.dated;
  const day = input.asOf ?? 0;
  let head = 0;
  const layerEnds = [slots];
  // Layer by layer: the queue's entries from `head` to `layerEnd` are at `distance`.
  for (let distance = 0; head < tail && distance < maxDepth; distance++) {
    const layerEnd = tail;
    const next = distance + 1;
    for (; head < layerEnd; head++) {
      const parentSlot = queue[head]!;
      const parent = nodes[parentSlot]!;
      // A mitigating node is reached (and reported) but passes nothing on.
      if (mitigating !== undefined && mitigating[parent] === 1) continue;
      const carried = queueMask[head]!;
      let downCode = builtCode;
      let downChild = builtChild;
      let downFrom = builtFrom;
      let downTo = builtTo;
      let start = downStart[parent]!;
      let end = downStart[parent + 1]!;
      if (patched !== undefined && patched[parent] === 1) {
        // A row deltas replaced (see LineageOverlay).
        const row = childRow(graph, parent);
        ({ code: downCode, child: downChild, from: downFrom, to: downTo } = row);
        start = 0;
        end = row.child.length;
      }
      for (let i = start; i < end; i++) {
        const pass = carried & passes[downCode[i]!]!;
        if (pass === 0) continue;
        if (timed && (day < downFrom[i]! || day >= downTo[i]!)) continue;
        const child = downChild[i]!;
        let slot: number;
        let fresh: number;
        if (stamp[child] !== now) {
          stamp[child] = now;
          slot = slots++;
          slotOf[child] = slot;
          nodes[slot] = child;
          masks[slot] = pass;
          fresh = pass;
          queued[slot] = tail;
          queue[tail] = slot;
          queueMask[tail++] = pass;
        } else {
          slot = slotOf[child]!;
          const old = masks[slot]!;
          fresh = pass & ~old;
          // Already reached at this distance from another parent: keep the smaller id.
          const same = pass & old;
          for (let t = 0; same >> t; t++) {
            const at = slot * 3 + t;
            if (((same >> t) & 1) === 0 || distances[at] !== next) continue;
            const kept = nodes[predecessors[at]!]!;
            const smaller =
              parent < sortedCount && kept < sortedCount
                ? parent < kept
                : ids[parent]! < ids[kept]!;
            if (smaller) predecessors[at] = parentSlot;
          }
          if (fresh === 0) continue;
          masks[slot] = old | fresh;
          if (queued[slot]! >= layerEnd) queueMask[queued[slot]!]! |= fresh;
          else {
            queued[slot] = tail;
            queue[tail] = slot;
            queueMask[tail++] = fresh;
          }
        }
        for (let t = 0; fresh >> t; t++) {
          if ((fresh >> t) & 1) {
            distances[slot * 3 + t] = next;
            predecessors[slot * 3 + t] = parentSlot;
          }
        }
      }
    }
    layerEnds.push(slots);
  }
  return {
    thresholds,
    nodes: nodes.slice(0, slots),
    masks: masks.slice(0, slots),
    distances: distances.slice(0, slots * 3),
    predecessors: predecessors.slice(0, slots * 3),
    origins: input.origins.length,
    layerEnds: Int32Array.from(layerEnds),
  };
}
