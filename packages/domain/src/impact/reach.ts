import { sharedArray } from './shared-array';
import { childRow, nodeCount, type LineageGraph } from './lineage-graph';
import { OTHER_SHIFT, REACHED_BITS, type Reach } from './reach-records';

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
// nodes, cleared once every 255 searches) and its slot; per slot its data. Nothing graph-sized
// is allocated or cleared per search; only what it reached is copied out.
const stamps = sharedArray((length) => new Uint8Array(length));
let epoch = 0;
const slotsOf = sharedArray((length) => new Int32Array(length));
const slotNodes = sharedArray((length) => new Int32Array(length));
const slotKinds = sharedArray((length) => new Uint8Array(length));
const slotMasks = sharedArray((length) => new Uint8Array(length));
const slotPredecessors = sharedArray((length) => new Int32Array(length));
/** Per (slot, threshold), the records of `others` while the search runs. */
const otherDistances = sharedArray((length) => new Int32Array(length));
const otherPredecessors = sharedArray((length) => new Int32Array(length));
/** Slots that gained a threshold after the layer they were first reached at, per layer. */
const lateSlots = sharedArray((length) => new Int32Array(length));
const lateMasks = sharedArray((length) => new Uint8Array(length));
/** Per slot, the layer (a number unique over searches, see below) it was last queued late for. */
const lateLayerOf = sharedArray((length) => new Int32Array(length));
const latePosition = sharedArray((length) => new Int32Array(length));
let layerSerial = 0;

/**
 * The search, layer by layer. Layer d's parents are the slots first reached at d (a range of
 * slots: no queue to write per node), with the thresholds they gained then, and the few slots
 * that gained a threshold at d later than first reached (`late`).
 */
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
  const nodes = slotNodes(graphSize);
  const kinds = slotKinds(graphSize);
  const masks = slotMasks(graphSize);
  const predecessors = slotPredecessors(graphSize);
  const otherDistance = otherDistances(graphSize * 3);
  const otherPredecessor = otherPredecessors(graphSize * 3);
  // A slot is queued late at most once per threshold.
  const late = lateSlots(graphSize * thresholds.length + 1);
  const lateMask = lateMasks(graphSize * thresholds.length + 1);
  const lateLayer = lateLayerOf(graphSize);
  const latePos = latePosition(graphSize);
  // Per (relation, declared) code, the thresholds an edge of that code passes.
  const passes = new Uint8Array(edgeLevels.length);
  for (let code = 0; code < edgeLevels.length; code++) {
    thresholds.forEach((rank, t) => {
      if (edgeLevels[code]! >= rank) passes[code]! |= 1 << t;
    });
  }
  const all = (1 << thresholds.length) - 1;
  let slots = 0;
  for (const origin of input.origins) {
    stamp[origin] = now;
    slotOf[origin] = slots;
    nodes[slots] = origin;
    kinds[slots] = graph.kinds[origin]!;
    masks[slots] = all;
    predecessors[slots] = -1;
    slots++;
  }
  // Slots whose own record some thresholds left (to `others`), each listed once.
  const otherSlots: number[] = [];
  /** Gives threshold bits `bits` of `slot` their own record in `others`. */
  const toOthers = (slot: number, bits: number, distance: number, predecessor: number) => {
    if (masks[slot]! >> OTHER_SHIFT === 0) otherSlots.push(slot);
    masks[slot]! |= bits << OTHER_SHIFT;
    for (let t = 0; bits >> t; t++) {
      if (((bits >> t) & 1) === 0) continue;
      otherDistance[slot * 3 + t] = distance;
      otherPredecessor[slot * 3 + t] = predecessor;
    }
  };
  /**
   * The thresholds a slot first reached at `distance` carries on: those it holds, but for any
   * it gained a layer later (their own records say so).
   */
  const carriedFrom = (slot: number, distance: number) => {
    const mask = masks[slot]!;
    let bits = mask & REACHED_BITS;
    const apart = mask >> OTHER_SHIFT;
    for (let t = 0; apart >> t; t++) {
      if ((apart >> t) & 1 && otherDistance[slot * 3 + t] !== distance) bits &= ~(1 << t);
    }
    return bits;
  };
  /** Whether `parent` has a smaller id than the node in `keptSlot`. */
  const smallerThan = (parent: number, keptSlot: number) => {
    const kept = nodes[keptSlot]!;
    return parent < sortedCount && kept < sortedCount ? parent < kept : ids[parent]! < ids[kept]!;
  };
  // The down periods already fold in the child's lifetime (see LineageGraph).
  const { downStart, downCode: builtCode, downChild: builtChild, downKind: builtKind } = graph;
  const { downFrom: builtFrom, downTo: builtTo } = graph;
  const patched = graph.overlay?.downPatched;
  const timed = input.asOf !== undefined && graph.dated;
  const day = input.asOf ?? 0;
  const layerEnds = [slots];
  let layerStart = 0;
  let lateHead = 0;
  let lateTail = 0;
  for (let distance = 0; distance < maxDepth; distance++) {
    const layerEnd = slots;
    const lateEnd = lateTail;
    if (layerStart === layerEnd && lateHead === lateEnd) break;
    const next = distance + 1;
    if (++layerSerial === 0x7fffffff) {
      // Once in two billion layers: no slot may hold a number used again.
      new Int32Array(lateLayer.buffer).fill(0);
      layerSerial = 1;
    }
    const nextLayer = layerSerial;
    // The slots first reached at `distance`, then those queued late for it.
    for (let k = layerStart; k < layerEnd + lateEnd - lateHead; k++) {
      const isLate = k >= layerEnd;
      const parentSlot = isLate ? late[lateHead + k - layerEnd]! : k;
      const parent = nodes[parentSlot]!;
      // A mitigating node is reached (and reported) but passes nothing on.
      if (mitigating !== undefined && mitigating[parent] === 1) continue;
      const parentMask = masks[parentSlot]!;
      const carriedBits = isLate
        ? lateMask[lateHead + k - layerEnd]!
        : parentMask >> OTHER_SHIFT === 0
          ? parentMask
          : carriedFrom(parentSlot, distance);
      let downCode = builtCode;
      let downChild = builtChild;
      let downKind = builtKind;
      let downFrom = builtFrom;
      let downTo = builtTo;
      let start = downStart[parent]!;
      let end = downStart[parent + 1]!;
      if (patched !== undefined && patched[parent] === 1) {
        // A row deltas replaced (see LineageOverlay).
        const row = childRow(graph, parent);
        ({ code: downCode, child: downChild, kind: downKind, from: downFrom, to: downTo } = row);
        start = 0;
        end = row.child.length;
      }
      for (let i = start; i < end; i++) {
        const pass = carriedBits & passes[downCode[i]!]!;
        if (pass === 0) continue;
        if (timed && (day < downFrom[i]! || day >= downTo[i]!)) continue;
        const child = downChild[i]!;
        if (stamp[child] !== now) {
          stamp[child] = now;
          const slot = slots++;
          slotOf[child] = slot;
          nodes[slot] = child;
          kinds[slot] = downKind[i]!;
          masks[slot] = pass;
          predecessors[slot] = parentSlot;
          continue;
        }
        const slot = slotOf[child]!;
        const mask = masks[slot]!;
        const old = mask & REACHED_BITS;
        // Already reached at this distance from another parent: keep the smaller id.
        const same = pass & old;
        if (same !== 0) {
          const own = old & ~(mask >> OTHER_SHIFT);
          const sameOwn = same & own;
          if (sameOwn !== 0 && slot >= layerEnd && smallerThan(parent, predecessors[slot]!)) {
            // The thresholds this parent does not pass keep the old predecessor, apart.
            if (sameOwn !== own) toOthers(slot, own & ~sameOwn, next, predecessors[slot]!);
            predecessors[slot] = parentSlot;
          }
          const sameOther = same & (mask >> OTHER_SHIFT);
          for (let t = 0; sameOther >> t; t++) {
            const at = slot * 3 + t;
            if (((sameOther >> t) & 1) === 0 || otherDistance[at] !== next) continue;
            if (smallerThan(parent, otherPredecessor[at]!)) otherPredecessor[at] = parentSlot;
          }
        }
        const fresh = pass & ~old;
        if (fresh === 0) continue;
        toOthers(slot, fresh, next, parentSlot);
        masks[slot]! |= fresh;
        // First reached in the next layer, it carries these on from there (see carriedFrom).
        if (slot >= layerEnd) continue;
        if (lateLayer[slot] === nextLayer) {
          lateMask[latePos[slot]!]! |= fresh;
        } else {
          lateLayer[slot] = nextLayer;
          latePos[slot] = lateTail;
          late[lateTail] = slot;
          lateMask[lateTail++] = fresh;
        }
      }
    }
    layerStart = layerEnd;
    lateHead = lateEnd;
    layerEnds.push(slots);
  }
  const others = new Map<number, [number, number]>();
  for (const slot of otherSlots) {
    const bits = masks[slot]! >> OTHER_SHIFT;
    for (let t = 0; bits >> t; t++) {
      if ((bits >> t) & 1) {
        others.set(slot * 3 + t, [otherDistance[slot * 3 + t]!, otherPredecessor[slot * 3 + t]!]);
      }
    }
  }
  return {
    thresholds,
    nodes: nodes.slice(0, slots),
    kinds: kinds.slice(0, slots),
    masks: masks.slice(0, slots),
    predecessors: predecessors.slice(0, slots),
    others,
    origins: input.origins.length,
    layerEnds: Int32Array.from(layerEnds),
  };
}
