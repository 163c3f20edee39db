import { EXPOSURE_LEVELS, type ExposureLevel } from '../exposure';
import { edgeLevel } from './edge-levels';
import type { LineageGraph } from './lineage-graph';
import { groupKey, orderedPage } from './ordered-page';
import { distanceAt, predecessorAt, REACHED_BITS, type Reach } from './reach-records';
import { SlotIndex } from './slot-index';
import { countTotals, type ImpactTotals } from './impact-totals';
import { edgeBetween, strongestBit, witnessFrom, type WitnessInput } from './witness-path';

const CONFIRMED = EXPOSURE_LEVELS.indexOf('CONFIRMED');

/**
 * The result of one impact computation over a LineageGraph. It holds only what the search
 * reached (see reach.ts); the order, the node -> slot index and witness paths are worked out
 * when first asked for, so a request pays for what it reads.
 */
export class Impact {
  private index?: SlotIndex;
  private ordered?: { exposed: Int32Array; mitigated: Int32Array };
  /** Per slot, the level's rank. */
  private readonly levels: Uint8Array;
  /** Per slot, the distance at its own level (worked out once: ordering reads it per slot). */
  private readonly distances: Int32Array;
  /** Per slot, 1 where the node mitigates; undefined when none reached does (most impacts). */
  private readonly mitigatedSlots?: Uint8Array;
  /**
   * Slots per (level, distance) group, keyed by groupKey, counted
   * while the levels are worked out; undefined when a reached node mitigates (a page then
   * counts the slots its filter keeps).
   */
  private readonly groups?: Int32Array;

  constructor(
    readonly graph: LineageGraph,
    private readonly edgeLevels: Uint8Array,
    private readonly reached: Reach,
    /** Per node, 1 where it mitigates; undefined when no node does. */
    mitigating: Uint8Array | undefined,
    /** The day asked for (a day number), undefined for any time. */
    readonly asOf?: number,
  ) {
    const { masks, thresholds, origins, nodes, layerEnds } = reached;
    const slotCount = masks.length;
    this.levels = new Uint8Array(slotCount);
    this.distances = new Int32Array(slotCount);
    const stride = this.stride;
    const groups = new Int32Array(EXPOSURE_LEVELS.length * stride);
    let layer = 0;
    for (let slot = origins; slot < slotCount; slot++) {
      while (slot >= layerEnds[layer]!) layer++;
      const t = strongestBit(masks[slot]! & REACHED_BITS);
      const level = thresholds[t]!;
      this.levels[slot] = level;
      const distance = distanceAt(reached, slot, t, layer);
      this.distances[slot] = distance;
      groups[groupKey(level, distance, stride)]!++;
    }
    this.levels.fill(CONFIRMED, 0, origins);
    groups[groupKey(CONFIRMED, 0, stride)] = origins;
    if (mitigating) {
      const mitigated = new Uint8Array(slotCount);
      for (let slot = 0; slot < slotCount; slot++) mitigated[slot] = mitigating[nodes[slot]!]!;
      if (mitigated.includes(1)) this.mitigatedSlots = mitigated;
    }
    if (!this.mitigatedSlots) this.groups = groups;
  }

  /** Distances are below this: the search went no more layers deep. */
  private get stride(): number {
    return this.reached.layerEnds.length;
  }

  /** Exposed nodes (mitigated ones excluded) by level (high first), distance, then id. */
  get exposed(): Int32Array {
    return this.order().exposed;
  }

  /** Mitigating nodes the defect would have reached, in the same order. */
  get mitigated(): Int32Array {
    return this.order().mitigated;
  }

  /** How many nodes the defect reaches, mitigated ones included. */
  get reachedCount(): number {
    return this.levels.length;
  }

  /**
   * The node's slot (-1: not reached). The first call indexes what was reached: the slot API
   * below serves pages and counts without it.
   */
  slotOf(node: number): number {
    this.index ??= new SlotIndex(this.reached.nodes);
    return this.index.get(node);
  }

  nodeAt(slot: number): number {
    return this.reached.nodes[slot]!;
  }

  /** The node's kind, as an index into NODE_KINDS. */
  kindAt(slot: number): number {
    return this.reached.kinds[slot]!;
  }

  /** The level's rank. */
  levelAt(slot: number): number {
    return this.levels[slot]!;
  }

  /** The distance at the slot's own level: the shortest path achieving it. */
  distanceAt(slot: number): number {
    return this.distances[slot]!;
  }

  mitigatedAt(slot: number): boolean {
    return this.mitigatedSlots !== undefined && this.mitigatedSlots[slot] === 1;
  }

  /** Whether any node the defect reaches mitigates it. */
  get anyMitigated(): boolean {
    return this.mitigatedSlots !== undefined;
  }

  levelOf(node: number): ExposureLevel {
    const slot = this.slotOf(node);
    return EXPOSURE_LEVELS[slot < 0 ? 0 : this.levels[slot]!]!;
  }

  /** Length of the witness path, or -1 when the defect does not reach the node. */
  distanceOf(node: number): number {
    const slot = this.slotOf(node);
    return slot < 0 ? -1 : this.distanceAt(slot);
  }

  isMitigated(node: number): boolean {
    const slot = this.slotOf(node);
    return slot >= 0 && this.mitigatedAt(slot);
  }

  /**
   * A shortest path achieving the node's level, origin first. Where several exist, walk back
   * from the node taking, at each step, the predecessor with the smallest id (the search kept
   * it for each node and threshold).
   */
  witness(node: number): number[] {
    return this.walkFrom(this.slotOf(node)).path.map((slot) => this.nodeAt(slot));
  }

  /**
   * The relationships of the witness path, origin first (one fewer than its nodes): between two
   * nodes joined by several relationships, the one transmitting most (then the lowest index).
   */
  witnessEdges(node: number): number[] {
    return this.walkFrom(this.slotOf(node)).edges;
  }

  /** The relationship over which the defect reaches a slot on its witness path; -1 at an origin. */
  lastEdgeAt(slot: number): number {
    if (slot < this.reached.origins) return -1;
    const { masks, nodes, thresholds } = this.reached;
    const t = strongestBit(masks[slot]! & REACHED_BITS);
    const parent = nodes[predecessorAt(this.reached, slot, t)]!;
    return edgeBetween(this.witnessInput, parent, nodes[slot]!, thresholds[t]!);
  }

  private get witnessInput(): WitnessInput {
    const { graph, edgeLevels, reached, asOf } = this;
    return { graph, edgeLevels, reached, asOf };
  }

  /** The witness path from a slot (-1: none) back to an origin, as slots, origin first. */
  walkFrom(slot: number): { path: number[]; edges: number[] } {
    return witnessFrom(this.witnessInput, slot);
  }

  /** The level (as a rank) the defect's transmission rule gives one relationship. */
  edgeRank(edge: number): number {
    return edgeLevel(this.graph, this.edgeLevels, edge);
  }

  /** Calls `visit` with each exposed (not mitigated) node's slot data, in no set order. */
  forEachExposed(visit: (node: number, level: number, distance: number) => void): void {
    const { nodes } = this.reached;
    for (let slot = 0; slot < nodes.length; slot++) {
      if (this.mitigatedAt(slot)) continue;
      visit(nodes[slot]!, this.levels[slot]!, this.distances[slot]!);
    }
  }

  /** Counts by level and by kind over the whole impact (mitigated nodes excluded). */
  totals(): ImpactTotals {
    return countTotals(this.reached.kinds, this.levels, this.mitigatedSlots);
  }

  private order() {
    if (this.ordered) return this.ordered;
    const { slots } = this.orderedSlots(undefined);
    const exposed: number[] = [];
    const mitigated: number[] = [];
    for (const slot of slots)
      (this.mitigatedAt(slot) ? mitigated : exposed).push(this.nodeAt(slot));
    this.ordered = { exposed: Int32Array.from(exposed), mitigated: Int32Array.from(mitigated) };
    return this.ordered;
  }

  /**
   * The slots `matches` accepts (undefined: all), in DESIGN.md's order (level, distance, id),
   * from `offset`, at most `count`, and how many match in all (see ordered-page.ts).
   */
  orderedSlots(
    matches: ((slot: number) => boolean) | undefined,
    offset = 0,
    count = Number.MAX_SAFE_INTEGER,
  ): { slots: Int32Array; total: number } {
    const { graph, levels, distances, stride } = this;
    const { nodes, layerEnds } = this.reached;
    const slotsWithin = (distance: number) =>
      distance < layerEnds.length ? layerEnds[distance]! : nodes.length;
    const reached = { graph, nodes, levels, distances, stride, groups: this.groups, slotsWithin };
    return orderedPage(reached, matches, offset, count);
  }
}
