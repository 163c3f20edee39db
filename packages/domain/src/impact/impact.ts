import { EXPOSURE_LEVELS, type ExposureLevel } from '../exposure';
import { NODE_KINDS, type NodeKind } from '../kinds';
import { edgeLevel } from './edge-levels';
import { sharedArray } from './shared-array';
import { edgeHoldsOn, type LineageGraph } from './lineage-graph';

/** Distances plus one (0: not reached), in bytes while they fit. */
export type DistanceArray = Uint8Array | Int32Array;

const CONFIRMED = EXPOSURE_LEVELS.indexOf('CONFIRMED');

/** Ordering's scratch buffer: the constructor copies what it needs out of it. */
const orderingScratch = sharedArray((length) => new Int32Array(length));

/** The result of one impact computation over a LineageGraph; witness paths on demand. */
export class Impact {
  /** Exposed nodes (mitigated ones excluded) by level (high first), distance, then id. */
  readonly exposed: Int32Array;
  /** Mitigating nodes the defect would have reached, in the same order. */
  readonly mitigated: Int32Array;
  /** `searches` indexed by rank: looked up for every reached node. */
  private readonly searchOfRank: (DistanceArray | undefined)[] = [];

  constructor(
    readonly graph: LineageGraph,
    private readonly edgeLevels: Uint8Array,
    private readonly level: Uint8Array,
    private readonly mitigating: Uint8Array,
    /** Per level searched, each node's distance over edges of that level or stronger. */
    private readonly searches: Map<number, DistanceArray>,
    /** The day asked for (a day number), undefined for any time. */
    readonly asOf?: number,
  ) {
    for (const [rank, distances] of searches) this.searchOfRank[rank] = distances;
    const { exposed, mitigated } = this.orderReached();
    this.exposed = exposed;
    this.mitigated = mitigated;
  }

  levelOf(node: number): ExposureLevel {
    return EXPOSURE_LEVELS[this.level[node]!]!;
  }

  /** Length of the witness path, or -1 when the defect does not reach the node. */
  distanceOf(node: number): number {
    return this.storedDistance(node) - 1;
  }

  /**
   * The witness path's length plus one (0: not reached): the distance found by the search of
   * the node's own level, which is the first search that reached it.
   */
  private storedDistance(node: number): number {
    const rank = this.level[node]!;
    if (rank === 0) return 0;
    if (rank === CONFIRMED) return 1;
    return this.searchOfRank[rank]![node]!;
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
    return this.walk(node).path;
  }

  /**
   * The relationships of the witness path, origin first (one fewer than its nodes): between two
   * nodes joined by several relationships, the one transmitting most (then the lowest index).
   */
  witnessEdges(node: number): number[] {
    return this.walk(node).edges;
  }

  /** The relationship over which the defect reaches the node on its witness path; -1 at an origin. */
  lastEdge(node: number): number {
    return this.walk(node, 1).edges[0] ?? -1;
  }

  private walk(node: number, maxSteps = Number.POSITIVE_INFINITY) {
    const rank = this.level[node]!;
    if (rank === 0) return { path: [], edges: [] };
    const path = [node];
    const edges: number[] = [];
    const reached = this.searches.get(rank);
    if (!reached) return { path, edges }; // an origin: CONFIRMED, distance 0
    let current = node;
    // `reached` holds distances plus one: a parent one step nearer holds d (that is, d - 1 + 1).
    for (let d = reached[node]! - 1; d > 0 && path.length <= maxSteps; d--) {
      let best = -1;
      let bestEdge = -1;
      let bestLevel = -1;
      for (let i = this.graph.upStart[current]!; i < this.graph.upStart[current + 1]!; i++) {
        const edge = this.graph.upEdges[i]!;
        const parent = this.graph.edgeParent[edge]!;
        if (reached[parent] !== d || this.mitigating[parent]) continue;
        const level = edgeLevel(this.graph, this.edgeLevels, edge);
        if (level < rank) continue;
        if (!edgeHoldsOn(this.graph, edge, this.asOf)) continue;
        if (best < 0 || parent < best || (parent === best && level > bestLevel)) {
          best = parent;
          bestEdge = edge;
          bestLevel = level;
        }
      }
      current = best;
      path.push(current);
      edges.push(bestEdge);
    }
    return { path: path.reverse(), edges: edges.reverse() };
  }

  /** The level (as a rank) the defect's transmission rule gives one relationship. */
  edgeRank(edge: number): number {
    return edgeLevel(this.graph, this.edgeLevels, edge);
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

  /**
   * Level (high first), then distance, then index (= id): a linear counting sort. Plain loops
   * over typed arrays: a hub's impact sorts a hundred thousand nodes on every query.
   */
  private orderReached() {
    const { level, mitigating } = this;
    const nodeCount = level.length;
    const scratch = orderingScratch(nodeCount);
    // One pass in index order: exposed nodes fill the scratch buffer from the front, mitigated
    // ones from the back (so those come out reversed).
    let exposedCount = 0;
    let mitigatedCount = 0;
    for (let node = 0; node < nodeCount; node++) {
      if (level[node] === 0) continue;
      if (mitigating[node] === 1) scratch[nodeCount - 1 - mitigatedCount++] = node;
      else scratch[exposedCount++] = node;
    }
    const mitigated = scratch.slice(nodeCount - mitigatedCount, nodeCount).reverse();
    return {
      exposed: this.sortByLevelAndDistance(scratch.subarray(0, exposedCount)),
      mitigated: this.sortByLevelAndDistance(mitigated),
    };
  }

  /** `nodes` ascend by index; a stable counting sort on one combined key keeps that order. */
  private sortByLevelAndDistance(nodes: Int32Array): Int32Array {
    const count = nodes.length;
    const keys = new Int32Array(count);
    let maxDistance = 0;
    for (let i = 0; i < count; i++) {
      const distance = this.storedDistance(nodes[i]!);
      keys[i] = distance;
      if (distance > maxDistance) maxDistance = distance;
    }
    const stride = maxDistance + 1;
    const weakest = EXPOSURE_LEVELS.length - 1;
    for (let i = 0; i < count; i++) keys[i]! += (weakest - this.level[nodes[i]!]!) * stride;
    const counts = new Int32Array(EXPOSURE_LEVELS.length * stride + 1);
    for (let i = 0; i < count; i++) counts[keys[i]! + 1]!++;
    for (let i = 1; i < counts.length; i++) counts[i]! += counts[i - 1]!;
    const sorted = new Int32Array(count);
    for (let i = 0; i < count; i++) sorted[counts[keys[i]!]!++] = nodes[i]!;
    return sorted;
  }
}
