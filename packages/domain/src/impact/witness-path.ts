import { edgeLevel } from './edge-levels';
import { edgeHoldsOn, parentEdgesOf, type LineageGraph } from './lineage-graph';
import { predecessorAt, REACHED_BITS, type Reach } from './reach-records';

/** What walking a witness path reads: the search's result and the rule it applied. */
export interface WitnessInput {
  graph: LineageGraph;
  edgeLevels: Uint8Array;
  reached: Reach;
  /** The day asked for (a day number), undefined for any time. */
  asOf: number | undefined;
}

/** The lowest bit set: the strongest threshold a node was reached at. */
export const strongestBit = (mask: number) => 31 - Math.clz32(mask & -mask);

/**
 * The witness path from a slot (-1: none) back to an origin, as slots, origin first, and its
 * relationships: at each step back, the predecessor the search kept (the smallest id one step
 * nearer at the slot's strongest threshold).
 */
export function witnessFrom(
  input: WitnessInput,
  slot: number,
): { path: number[]; edges: number[] } {
  if (slot < 0) return { path: [], edges: [] };
  const path = [slot];
  const edges: number[] = [];
  const { reached } = input;
  const { masks, nodes, thresholds, origins } = reached;
  if (slot < origins) return { path, edges };
  const t = strongestBit(masks[slot]! & REACHED_BITS);
  const rank = thresholds[t]!;
  let current = slot;
  // Only an origin is at distance 0: walk back until one.
  while (current >= origins) {
    const parent = predecessorAt(reached, current, t);
    edges.push(edgeBetween(input, nodes[parent]!, nodes[current]!, rank));
    path.push(parent);
    current = parent;
  }
  return { path: path.reverse(), edges: edges.reverse() };
}

/**
 * Of the edges parent -> child transmitting at least `rank` that day, the one transmitting
 * most, then the first relation in LINEAGE_RELATIONS' order (an order no rebuild changes).
 */
export function edgeBetween(
  { graph, edgeLevels, asOf }: WitnessInput,
  parent: number,
  child: number,
  rank: number,
): number {
  const { edgeParent, edgeType } = graph;
  let best = -1;
  let bestLevel = -1;
  const edges = parentEdgesOf(graph, child);
  for (let i = 0; i < edges.length; i++) {
    const edge = edges[i]!;
    if (edgeParent[edge] !== parent) continue;
    const level = edgeLevel(graph, edgeLevels, edge);
    if (level < rank || level < bestLevel) continue;
    if (level === bestLevel && edgeType[edge]! >= edgeType[best]!) continue;
    if (!edgeHoldsOn(graph, edge, asOf)) continue;
    best = edge;
    bestLevel = level;
  }
  return best;
}
