import { EXPOSURE_LEVELS, type ExposureLevel } from '../exposure';
import { NODE_KINDS, type NodeKind } from '../kinds';
import { LINEAGE_RELATIONS, type LineageRelation } from '../relations';
import type { Impact } from './impact';
import { kindOfNode, nodeIndex } from './lineage-graph';

/** One exposed (or mitigated) node as the API returns it: ids, resolved to nodes later. */
export interface ExposedRow {
  id: string;
  kind: NodeKind;
  level: ExposureLevel;
  distance: number;
  path: string[];
  mitigated: boolean;
  /** One per relationship of the witness path, origin side first. */
  hops: PathHop[];
}

/** One hop of a witness path: the relationship into `to` and the rule that applied to it. */
export interface PathHop {
  /** The node the hop reaches, with its own level and distance (its strongest path's). */
  to: string;
  level: ExposureLevel;
  distance: number;
  relation: LineageRelation;
  /** False for an inferred relationship, which transmits at most LIKELY. */
  declared: boolean;
  /** What the defect's transmission rule gives this relation (declared or inferred). */
  transmits: ExposureLevel;
}

export interface ImpactFilter {
  minLevel?: ExposureLevel;
  kinds?: NodeKind[];
  /** Only nodes at this distance from an origin. */
  distance?: number;
  /** Only nodes the witness path reaches over this relation (its last hop). */
  relation?: LineageRelation;
}

/** Strongest first, as the GraphQL enum lists them. */
const REPORTED_LEVELS: ExposureLevel[] = ['CONFIRMED', 'CERTAIN', 'LIKELY', 'POSSIBLE'];

/** An impact computation plus what the API derives from it: pages, totals, groups. */
export class ImpactView {
  constructor(readonly impact: Impact) {}

  /** The row of a node the defect reaches. */
  row(node: number): ExposedRow {
    return this.rowAt(this.impact.slotOf(node));
  }

  /** Whether the defect reaches the node with this id: its kind, and whether it mitigates. */
  reached(id: string): { kind: NodeKind; mitigated: boolean } | undefined {
    const graph = this.impact.graph;
    const node = nodeIndex(graph, id);
    const slot = node < 0 ? -1 : this.impact.slotOf(node);
    if (slot < 0) return undefined;
    return { kind: kindOfNode(graph, node), mitigated: this.impact.mitigatedAt(slot) };
  }

  private rowAt(slot: number): ExposedRow {
    const impact = this.impact;
    const graph = impact.graph;
    const node = impact.nodeAt(slot);
    const { path, edges } = impact.walkFrom(slot);
    return {
      id: graph.ids[node]!,
      kind: kindOfNode(graph, node),
      level: EXPOSURE_LEVELS[impact.levelAt(slot)]!,
      distance: impact.distanceAt(slot),
      path: path.map((at) => graph.ids[impact.nodeAt(at)]!),
      mitigated: impact.mitigatedAt(slot),
      hops: edges.map((edge, i) => this.hop(edge, path[i + 1]!)),
    };
  }

  private hop(edge: number, to: number): PathHop {
    const impact = this.impact;
    const graph = impact.graph;
    return {
      to: graph.ids[impact.nodeAt(to)]!,
      level: EXPOSURE_LEVELS[impact.levelAt(to)]!,
      distance: impact.distanceAt(to),
      relation: this.relationOf(edge),
      declared: graph.edgeDeclared[edge] === 1,
      transmits: EXPOSURE_LEVELS[impact.edgeRank(edge)]!,
    };
  }

  private relationOf(edge: number): LineageRelation {
    return LINEAGE_RELATIONS[this.impact.graph.edgeType[edge]!]!;
  }

  /** How many exposed nodes lie at each distance, nearest first. */
  byDistance(): { distance: number; count: number }[] {
    const counts: number[] = [];
    this.impact.forEachExposed((_node, _level, distance) => {
      counts[distance] = (counts[distance] ?? 0) + 1;
    });
    return counts.flatMap((count, distance) => (count ? [{ distance, count }] : []));
  }

  /** How many exposed nodes the defect reaches over each relation (origins excluded), most first. */
  byRelation(): { relation: LineageRelation; count: number }[] {
    const counts = new Int32Array(LINEAGE_RELATIONS.length);
    const impact = this.impact;
    const edgeType = impact.graph.edgeType;
    for (let slot = 0; slot < impact.reachedCount; slot++) {
      if (impact.mitigatedAt(slot) || impact.distanceAt(slot) === 0) continue;
      counts[edgeType[impact.lastEdgeAt(slot)]!]!++;
    }
    return LINEAGE_RELATIONS.flatMap((relation, type) =>
      counts[type] ? [{ relation, count: counts[type] }] : [],
    ).sort((a, b) => b.count - a.count || a.relation.localeCompare(b.relation));
  }

  /** Exposed nodes in DESIGN.md's order, filtered; witness paths only for the page. */
  page(filter: ImpactFilter, offset: number, first: number) {
    const { slots, total } = this.impact.orderedSlots(this.matcher(filter), offset, first);
    return {
      rows: Array.from(slots, (slot) => this.rowAt(slot)),
      totalCount: total,
      hasNextPage: offset + first < total,
    };
  }

  /**
   * Whether an exposed (not mitigated) slot passes the filter; undefined when every slot does
   * (no filter, nothing mitigated), which spares a call per reached node.
   */
  private matcher(filter: ImpactFilter): ((slot: number) => boolean) | undefined {
    const impact = this.impact;
    const { distance, relation } = filter;
    const filtered =
      filter.kinds?.length || filter.minLevel || distance !== undefined || relation !== undefined;
    if (!filtered && !impact.anyMitigated) return undefined;
    const kinds = filter.kinds?.length
      ? new Set(filter.kinds.map((kind) => NODE_KINDS.indexOf(kind)))
      : undefined;
    const minRank = filter.minLevel ? EXPOSURE_LEVELS.indexOf(filter.minLevel) : 0;
    const edgeType = impact.graph.edgeType;
    const type = relation ? LINEAGE_RELATIONS.indexOf(relation) : -1;
    return (slot) => {
      if (impact.mitigatedAt(slot) || impact.levelAt(slot) < minRank) return false;
      if (kinds && !kinds.has(impact.kindAt(slot))) return false;
      if (distance !== undefined && impact.distanceAt(slot) !== distance) return false;
      if (type < 0) return true;
      const edge = impact.lastEdgeAt(slot);
      return edge >= 0 && edgeType[edge] === type;
    };
  }

  totals() {
    const { byLevel, byKind } = this.impact.totals();
    const exposed = Object.values(byLevel).reduce((sum, count) => sum + count, 0);
    return {
      exposed,
      mitigated: this.impact.reachedCount - exposed,
      deployments: byKind.Deployment,
      byLevel: REPORTED_LEVELS.map((level) => ({ level, count: byLevel[level] })),
      byKind: Object.entries(byKind)
        .filter(([, count]) => count > 0)
        .map(([kind, count]) => ({ kind, count })),
    };
  }

  mitigated(): ExposedRow[] {
    const { slots } = this.impact.orderedSlots((slot) => this.impact.mitigatedAt(slot));
    return Array.from(slots, (slot) => this.rowAt(slot));
  }

  deployments(): ExposedRow[] {
    const impact = this.impact;
    const deployment = NODE_KINDS.indexOf('Deployment');
    const { slots } = impact.orderedSlots(
      (slot) => !impact.mitigatedAt(slot) && impact.kindAt(slot) === deployment,
    );
    return Array.from(slots, (slot) => this.rowAt(slot));
  }
}
