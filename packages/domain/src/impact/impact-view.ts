import { atLeast, type ExposureLevel } from '../exposure';
import type { NodeKind } from '../kinds';
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
}

export interface ImpactFilter {
  minLevel?: ExposureLevel;
  kinds?: NodeKind[];
}

/** Strongest first, as the GraphQL enum lists them. */
const REPORTED_LEVELS: ExposureLevel[] = ['CONFIRMED', 'CERTAIN', 'LIKELY', 'POSSIBLE'];

/** An impact computation plus what the API derives from it: pages, totals, groups. */
export class ImpactView {
  constructor(readonly impact: Impact) {}

  row(node: number): ExposedRow {
    const graph = this.impact.graph;
    return {
      id: graph.ids[node]!,
      kind: kindOfNode(graph, node),
      level: this.impact.levelOf(node),
      distance: this.impact.distanceOf(node),
      path: this.impact.witness(node).map((index) => graph.ids[index]!),
      mitigated: this.impact.isMitigated(node),
    };
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
    if (!filter.minLevel && !kinds) return this.impact.exposed;
    const graph = this.impact.graph;
    return [...this.impact.exposed].filter(
      (node) =>
        (!filter.minLevel || atLeast(this.impact.levelOf(node), filter.minLevel)) &&
        (!kinds || kinds.has(kindOfNode(graph, node))),
    );
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
