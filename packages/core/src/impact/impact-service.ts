import {
  buildLineageGraph,
  computeImpact,
  conflict,
  isModelKind,
  levelRank,
  nodeIndex,
  notFound,
  severityRank,
  validationError,
  type DefectCategory,
  type DefectStatus,
  type LineageGraph,
  type Severity,
  type TransmissionOverrides,
  ImpactView,
  type ExposedRow,
} from '@lineage/domain';
import type { DefectContext, GraphStore, LineageSubgraph } from '@lineage/graph-store';

export interface ExposureRow {
  defectId: string;
  severity: Severity;
  row: ExposedRow;
}

interface Spec {
  category: DefectCategory;
  status: DefectStatus;
  origins: string[];
  mitigators: string[];
  transmission?: TransmissionOverrides;
  maxDepth?: number;
}

const EMPTY: LineageSubgraph = { nodes: [], edges: [] };

const indicesIn = (graph: LineageGraph, ids: string[]) =>
  ids.map((id) => nodeIndex(graph, id)).filter((index) => index >= 0);

/**
 * Impact queries: the domain's engine over the store's in-memory projection of the lineage
 * when it is current, otherwise over the lineage a defect can reach, fetched with Cypher (no
 * path enumeration). Results are never cached; a projection is only used at the graph version
 * read after the defect, so both describe the same graph.
 */
export class ImpactService {
  constructor(private readonly store: GraphStore) {}

  async impactOfDefect(
    defectId: string,
    maxDepth?: number,
  ): Promise<{ context: DefectContext; view: ImpactView }> {
    const context = await this.store.defectContext(defectId);
    if (!context) throw notFound('defect', defectId);
    const { category, status, transmission } = context.defect;
    const view = await this.run(
      {
        category,
        status,
        transmission,
        origins: context.origins,
        mitigators: context.mitigators,
        maxDepth,
      },
      context.graphVersion,
    );
    return { context, view };
  }

  /** The impact a defect on `nodeId` would have; nothing is written. */
  async whatIf(
    nodeId: string,
    category: DefectCategory,
    assumeMitigations: string[],
    maxDepth?: number,
  ): Promise<ImpactView> {
    const origin = await this.store.getEntity(nodeId);
    if (!origin) throw notFound('node', nodeId);
    if (!(isModelKind(origin.kind) || origin.kind === 'Dataset' || origin.kind === 'Deployment')) {
      throw validationError(
        `a defect starts in a model, dataset or deployment, not a ${origin.kind}`,
      );
    }
    if (assumeMitigations.includes(nodeId)) {
      throw validationError(`an origin cannot mitigate its own defect: ${nodeId}`);
    }
    const known = await this.store.getEntities(assumeMitigations);
    const unknown = assumeMitigations.filter((id) => !known.has(id));
    if (unknown.length) throw notFound('node', unknown.join(', '));
    return this.run({
      category,
      status: 'OPEN',
      origins: [nodeId],
      mitigators: assumeMitigations,
      maxDepth,
    });
  }

  /**
   * Every defect that reaches a node. Every path from an origin to the node runs through the
   * node's ancestors, so one upstream closure holds all the lineage each computation needs.
   */
  async exposure(nodeId: string): Promise<ExposureRow[]> {
    if (!(await this.store.getEntity(nodeId))) throw notFound('node', nodeId);
    const ancestors = await this.store.fetchClosure([nodeId], 'UPSTREAM');
    const defects = await this.store.defectsWithOriginsIn(ancestors.nodes.map((node) => node.id));
    // The ancestors alone decide the node's exposure, and are few: no need for the projection.
    const graph = this.graphOf(ancestors);
    const target = nodeIndex(graph, nodeId);
    const rows: ExposureRow[] = [];
    for (const { defect, origins, mitigators } of defects) {
      const impact = computeImpact(
        graph,
        {
          category: defect.category,
          status: defect.status,
          origins: indicesIn(graph, origins),
          transmission: defect.transmission,
        },
        { mitigating: indicesIn(graph, mitigators) },
      );
      if (impact.levelOf(target) === 'NONE') continue;
      rows.push({
        defectId: defect.id,
        severity: defect.severity,
        row: new ImpactView(impact).row(target),
      });
    }
    return rows.sort(
      (a, b) =>
        Number(a.row.mitigated) - Number(b.row.mitigated) ||
        levelRank(b.row.level) - levelRank(a.row.level) ||
        severityRank(b.severity) - severityRank(a.severity) ||
        (a.defectId < b.defectId ? -1 : 1),
    );
  }

  /** `version`: the graph version `spec` was read at, when known (else it is read after). */
  private async run(spec: Spec, version?: number): Promise<ImpactView> {
    const overlap = spec.origins.filter((id) => spec.mitigators.includes(id));
    if (overlap.length)
      throw conflict(`an origin cannot mitigate its own defect: ${overlap.join(', ')}`);
    const graph = (await this.currentProjection(version)) ?? (await this.reachableLineage(spec));
    const impact = computeImpact(
      graph,
      {
        category: spec.category,
        status: spec.status,
        origins: indicesIn(graph, spec.origins),
        transmission: spec.transmission,
      },
      { mitigating: indicesIn(graph, spec.mitigators), maxDepth: spec.maxDepth },
    );
    return new ImpactView(impact);
  }

  /** The whole lineage in memory, when the store holds it at the version Neo4j has now. */
  private async currentProjection(version?: number): Promise<LineageGraph | undefined> {
    const projection = this.store.projection;
    if (!projection) return undefined;
    return projection.at(version ?? (await this.store.graphVersion()));
  }

  private async reachableLineage(spec: Spec): Promise<LineageGraph> {
    if (spec.status === 'WITHDRAWN' || !spec.origins.length) return this.graphOf(EMPTY);
    return this.graphOf(await this.store.fetchClosure(spec.origins, 'DOWNSTREAM', spec.maxDepth));
  }

  private graphOf(subgraph: LineageSubgraph): LineageGraph {
    return buildLineageGraph(subgraph.nodes, subgraph.edges);
  }
}
