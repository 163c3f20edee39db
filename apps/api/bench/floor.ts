import { kindOfNode, nodeCount, type LineageGraph } from '@lineage/domain';
import { p50 } from './stats';

/**
 * The floor: a plain breadth-first search downstream of `origin` over the typed arrays, with
 * none of the exposure rules (levels, mitigation, witnesses). Returns how many nodes it reached.
 */
export function breadthFirstReach(
  graph: LineageGraph,
  origin: number,
  queue = new Int32Array(nodeCount(graph)),
  seen = new Uint8Array(nodeCount(graph)),
): number {
  seen.fill(0);
  let head = 0;
  let tail = 0;
  queue[tail++] = origin;
  seen[origin] = 1;
  while (head < tail) {
    const parent = queue[head++]!;
    for (let i = graph.downStart[parent]!; i < graph.downStart[parent + 1]!; i++) {
      const child = graph.downChild[i]!;
      if (!seen[child]) {
        seen[child] = 1;
        queue[tail++] = child;
      }
    }
  }
  return tail;
}

export interface Hub {
  index: number;
  id: string;
  descendants: number;
}

/** The `count` models with the most descendants, among the 10x as many with most children. */
export function largestHubs(graph: LineageGraph, count: number): Hub[] {
  const models: number[] = [];
  for (let node = 0; node < nodeCount(graph); node++) {
    if (kindOfNode(graph, node) !== 'Deployment' && kindOfNode(graph, node) !== 'Dataset') {
      models.push(node);
    }
  }
  const children = (node: number) => graph.downStart[node + 1]! - graph.downStart[node]!;
  const candidates = models.sort((a, b) => children(b) - children(a)).slice(0, count * 10);
  const queue = new Int32Array(nodeCount(graph));
  const seen = new Uint8Array(nodeCount(graph));
  return candidates
    .map((index) => ({
      index,
      id: graph.ids[index]!,
      descendants: breadthFirstReach(graph, index, queue, seen) - 1,
    }))
    .sort((a, b) => b.descendants - a.descendants)
    .slice(0, count);
}

/** `count` node ids drawn evenly across the graph (deterministic). */
export function sampleIds(graph: LineageGraph, count: number): string[] {
  const step = Math.max(1, Math.floor(nodeCount(graph) / count));
  const ids: string[] = [];
  for (let i = 0; i < nodeCount(graph) && ids.length < count; i += step) ids.push(graph.ids[i]!);
  return ids;
}

export interface BesideTheFloor {
  /** p50 of the measured work, and of the floor runs beside it, in ms. */
  ms: number;
  floor: number;
  /** The median over rounds of (work / that round's floor). */
  ratio: number;
  rounds: number;
}

/**
 * `work` measured beside the floor from `origin`: each round runs the floor once, then the work,
 * and divides the one by the other. A machine whose load drifts over a run (two cores shared
 * with Neo4j) slows both alike within a round, which a floor measured once, minutes apart, would
 * not.
 */
export async function besideTheFloor(
  graph: LineageGraph,
  origin: number,
  rounds: number,
  work: () => Promise<number> | number,
): Promise<BesideTheFloor> {
  const queue = new Int32Array(nodeCount(graph));
  const seen = new Uint8Array(nodeCount(graph));
  const floors: number[] = [];
  const times: number[] = [];
  const ratios: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const started = performance.now();
    breadthFirstReach(graph, origin, queue, seen);
    const floor = performance.now() - started;
    const ms = await work();
    floors.push(floor);
    times.push(ms);
    ratios.push(ms / floor);
  }
  return { ms: p50(times), floor: p50(floors), ratio: p50(ratios), rounds };
}
