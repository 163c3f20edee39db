import { EXPOSURE_LEVELS, type ExposureLevel } from '../exposure';
import { NODE_KINDS, type NodeKind } from '../kinds';
import { edgeLevel } from './edge-levels';
import type { LineageGraph } from './lineage-graph';

/** The result of one impact computation over a LineageGraph; witness paths on demand. */
export class Impact {
  /** Exposed nodes (mitigated ones excluded) by level (high first), distance, then id. */
  readonly exposed: Int32Array;
  /** Mitigating nodes the defect would have reached, in the same order. */
  readonly mitigated: Int32Array;

  constructor(
    readonly graph: LineageGraph,
    private readonly edgeLevels: Uint8Array,
    private readonly level: Uint8Array,
    private readonly distance: Int32Array,
    private readonly mitigating: Uint8Array,
    private readonly searches: Map<number, Int32Array>,
  ) {
    const { exposed, mitigated } = this.orderReached();
    this.exposed = exposed;
    this.mitigated = mitigated;
  }

  levelOf(node: number): ExposureLevel {
    return EXPOSURE_LEVELS[this.level[node]!]!;
  }

  /** Length of the witness path, or -1 when the defect does not reach the node. */
  distanceOf(node: number): number {
    return this.distance[node]!;
  }

  isMitigated(node: number): boolean {
    return this.level[node]! > 0 && this.mitigating[node] === 1;
  }

  /**
   * A shortest path achieving the node's level, origin first. Where several exist, walk back
   * from the node taking, at each step, the predecessor with the smallest id (index order is
   * id order).
   */
  witness(node: number): number[] {
    const rank = this.level[node]!;
    if (rank === 0) return [];
    const path = [node];
    const reached = this.searches.get(rank);
    if (!reached) return path; // an origin: CONFIRMED, distance 0
    let current = node;
    for (let d = reached[node]!; d > 0; d--) {
      let best = -1;
      for (let i = this.graph.upStart[current]!; i < this.graph.upStart[current + 1]!; i++) {
        const edge = this.graph.upEdges[i]!;
        const parent = this.graph.edgeParent[edge]!;
        if (reached[parent] !== d - 1 || this.mitigating[parent]) continue;
        if (edgeLevel(this.graph, this.edgeLevels, edge) < rank) continue;
        if (best < 0 || parent < best) best = parent;
      }
      current = best;
      path.push(current);
    }
    return path.reverse();
  }

  /** Counts by level and by kind over the whole impact (mitigated nodes excluded). */
  totals(): { byLevel: Record<ExposureLevel, number>; byKind: Record<NodeKind, number> } {
    // Counted by index in typed arrays: a hub's impact holds a hundred thousand nodes.
    const levels = new Int32Array(EXPOSURE_LEVELS.length);
    const kinds = new Int32Array(NODE_KINDS.length);
    for (const node of this.exposed) {
      levels[this.level[node]!]!++;
      kinds[this.graph.kinds[node]!]!++;
    }
    return {
      byLevel: Object.fromEntries(EXPOSURE_LEVELS.map((l, i) => [l, levels[i]!])) as Record<
        ExposureLevel,
        number
      >,
      byKind: Object.fromEntries(NODE_KINDS.map((k, i) => [k, kinds[i]!])) as Record<
        NodeKind,
        number
      >,
    };
  }

  /** Level (high first), then distance, then index (= id): a linear counting sort. */
  private orderReached() {
    const exposed: number[] = [];
    const mitigated: number[] = [];
    for (let node = 0; node < this.level.length; node++) {
      if (this.level[node] === 0) continue;
      (this.mitigating[node] ? mitigated : exposed).push(node);
    }
    return {
      exposed: this.sortByLevelAndDistance(exposed),
      mitigated: this.sortByLevelAndDistance(mitigated),
    };
  }

  /** `nodes` ascend by index; a stable counting sort on one combined key keeps that order. */
  private sortByLevelAndDistance(nodes: number[]): Int32Array {
    let maxDistance = 0;
    for (const node of nodes) maxDistance = Math.max(maxDistance, this.distance[node]!);
    const keyOf = (node: number) =>
      (EXPOSURE_LEVELS.length - 1 - this.level[node]!) * (maxDistance + 1) + this.distance[node]!;
    const counts = new Int32Array(EXPOSURE_LEVELS.length * (maxDistance + 1) + 1);
    for (const node of nodes) counts[keyOf(node) + 1]!++;
    for (let i = 1; i < counts.length; i++) counts[i]! += counts[i - 1]!;
    const sorted = new Int32Array(nodes.length);
    for (const node of nodes) sorted[counts[keyOf(node)]!++] = node;
    return sorted;
  }
}
