import { atLeast, EXPOSURE_LEVELS, type ExposureLevel } from '../exposure';
import type { NodeKind } from '../kinds';
import { LINEAGE_RELATIONS, type LineageRelation } from '../relations';
import type { Impact } from './impact';
import { kindOfNode } from './lineage-graph';

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

  row(node: number): ExposedRow {
    const graph = this.impact.graph;
    const path = this.impact.witness(node);
    return {
      id: graph.ids[node]!,
      kind: kindOfNode(graph, node),
      level: this.impact.levelOf(node),
      distance: this.impact.distanceOf(node),
      path: path.map((index) => graph.ids[index]!),
      mitigated: this.impact.isMitigated(node),
      hops: this.impact.witnessEdges(node).map((edge, i) => this.hop(edge, path[i + 1]!)),
    };
  }

  private hop(edge: number, to: number): PathHop {
    const graph = this.impact.graph;
    return {
      to: graph.ids[to]!,
      level: this.impact.levelOf(to),
      distance: this.impact.distanceOf(to),
      relation: this.relationOf(edge),
      declared: graph.edgeDeclared[edge] === 1,
      transmits: EXPOSURE_LEVELS[this.impact.edgeRank(edge)]!,
    };
  }

  private relationOf(edge: number): LineageRelation {
    return LINEAGE_RELATIONS[this.impact.graph.edgeType[edge]!]!;
  }

  /** How many exposed nodes lie at each distance, nearest first. */
  byDistance(): { distance: number; count: number }[] {
    const counts: number[] = [];
    for (const node of this.impact.exposed) {
      const distance = this.impact.distanceOf(node);
      counts[distance] = (counts[distance] ?? 0) + 1;
    }
    return counts.flatMap((count, distance) => (count ? [{ distance, count }] : []));
  }

  /** How many exposed nodes the defect reaches over each relation (origins excluded), most first. */
  byRelation(): { relation: LineageRelation; count: number }[] {
    const counts = new Map<LineageRelation, number>();
    for (const node of this.impact.exposed) {
      const edge = this.impact.lastEdge(node);
      if (edge < 0) continue;
      const relation = this.relationOf(edge);
      counts.set(relation, (counts.get(relation) ?? 0) + 1);
    }
    return [...counts]
      .map(([relation, count]) => ({ relation, count }))
      .sort((a, b) => b.count - a.count || a.relation.localeCompare(b.relation));
  }

  /** Exposed nodes in DESIGN.md's order, filtered; witness paths only for the page. */
  page(filter: ImpactFilter, offset: number, first: number) {
    const matching = this.filtered(filter);
    return {
      rows: Array.from(matching.slice(offset, offset + first), (node) => this.row(node)),
      totalCount: matching.length,
      hasNextPage: offset + first < matching.length,
    };
  }

  private filtered(filter: ImpactFilter): Int32Array | number[] {
    const kinds = filter.kinds?.length ? new Set(filter.kinds) : undefined;
    const { minLevel, distance, relation } = filter;
    if (!minLevel && !kinds && distance === undefined && !relation) return this.impact.exposed;
    const graph = this.impact.graph;
    return [...this.impact.exposed].filter(
      (node) =>
        (!minLevel || atLeast(this.impact.levelOf(node), minLevel)) &&
        (!kinds || kinds.has(kindOfNode(graph, node))) &&
        (distance === undefined || this.impact.distanceOf(node) === distance) &&
        (!relation || this.lastRelation(node) === relation),
    );
  }

  private lastRelation(node: number): LineageRelation | undefined {
    const edge = this.impact.lastEdge(node);
    return edge < 0 ? undefined : this.relationOf(edge);
  }

  totals() {
    const { byLevel, byKind } = this.impact.totals();
    return {
      exposed: this.impact.exposed.length,
      mitigated: this.impact.mitigated.length,
      deployments: byKind.Deployment,
      byLevel: REPORTED_LEVELS.map((level) => ({ level, count: byLevel[level] })),
      byKind: Object.entries(byKind)
        .filter(([, count]) => count > 0)
        .map(([kind, count]) => ({ kind, count })),
    };
  }

  mitigated(): ExposedRow[] {
    return [...this.impact.mitigated].map((node) => this.row(node));
  }

  deployments(): ExposedRow[] {
    const graph = this.impact.graph;
    return [...this.impact.exposed]
      .filter((node) => kindOfNode(graph, node) === 'Deployment')
      .map((node) => this.row(node));
  }
}
