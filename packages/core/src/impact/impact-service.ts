import {
  buildLineageGraph,
  computeImpact,
  conflict,
  isModelKind,
  notFound,
  validationError,
  type DefectCategory,
  type DefectStatus,
  type LineageGraph,
  type TransmissionOverrides,
  ImpactView,
} from '@lineage/domain';
import type { DefectContext, GraphStore } from '@lineage/graph-store';
import { resolveAsOf, type AsOf, type TimeOptions } from '../time/as-of';
import { defectOnDay, indicesIn } from './defect-on-day';
import { changesBetween, type Changes } from './change-history';
import { exposureOfNode, type ExposureOptions, type ExposureRow } from './exposure';

export type { ExposureRow, ExposureWindow } from './exposure';
export type { Changes, ExposureChange, LineageChange } from './change-history';

interface Spec {
  category: DefectCategory;
  status: DefectStatus;
  origins: string[];
  mitigators: string[];
  transmission?: TransmissionOverrides;
  maxDepth?: number;
}

export interface ImpactOptions extends TimeOptions {
  maxDepth?: number;
}

/**
 * How a defect's context is read, with the graph version it holds at: from the store by
 * default; the API reads it through its read cache (one fewer query per impact).
 */
export type DefectContextReader = (
  defectId: string,
) => Promise<(DefectContext & { graphVersion: number }) | undefined>;

/**
 * Impact queries: the domain's engine over the store's in-memory projection of the lineage
 * when it holds the version asked (it applies the writes' lineage deltas to get there),
 * otherwise over the lineage a defect can reach, fetched with Cypher (no path enumeration).
 * Results are never cached; the lineage used is never older than the graph version read with
 * the defect (it may be newer, as a Cypher fetch made after would be). Every query is asked
 * for a day (today by default): the engine crosses only the edges holding that day, so one
 * projection answers for every date.
 */
export class ImpactService {
  private readonly readDefectContext: DefectContextReader;

  constructor(
    private readonly store: GraphStore,
    readDefectContext?: DefectContextReader,
  ) {
    this.readDefectContext = readDefectContext ?? ((id) => store.defectContext(id));
  }

  async impactOfDefect(
    defectId: string,
    options: ImpactOptions = {},
  ): Promise<{ context: DefectContext; view: ImpactView; asOf: AsOf }> {
    const asOf = resolveAsOf(options.asOf);
    const context = await this.readDefectContext(defectId);
    if (!context) throw notFound('defect', defectId);
    const view = await this.run(
      { ...defectOnDay(context, asOf.day, options.disclosedOnly), maxDepth: options.maxDepth },
      asOf,
      context.graphVersion,
    );
    return { context, view, asOf };
  }

  /** The impact a defect on `nodeId` would have; nothing is written. */
  async whatIf(
    nodeId: string,
    category: DefectCategory,
    assumeMitigations: string[],
    options: ImpactOptions = {},
  ): Promise<{ view: ImpactView; asOf: AsOf }> {
    const asOf = resolveAsOf(options.asOf);
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
    const view = await this.run(
      {
        category,
        status: 'OPEN',
        origins: [nodeId],
        mitigators: assumeMitigations,
        maxDepth: options.maxDepth,
      },
      asOf,
    );
    return { view, asOf };
  }

  /**
   * Every defect that reaches a node on the day asked, each with the periods over which it
   * reached it (see exposure.ts).
   */
  async exposure(
    nodeId: string,
    options: ExposureOptions = {},
  ): Promise<{ rows: ExposureRow[]; asOf: AsOf }> {
    const asOf = resolveAsOf(options.asOf);
    if (!(await this.store.getEntity(nodeId))) throw notFound('node', nodeId);
    const rows = await exposureOfNode(this.store, nodeId, asOf, options);
    return { rows, asOf };
  }

  /** Lineage relationships that began or ended in (from, to], and the exposures that changed. */
  changesBetween(from: string, to: string): Promise<Changes> {
    return changesBetween(this.store, this, from, to);
  }

  /** `version`: the graph version `spec` was read at, when known (else it is read after). */
  async run(spec: Spec, asOf: AsOf, version?: number): Promise<ImpactView> {
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
      {
        mitigating: indicesIn(graph, spec.mitigators),
        maxDepth: spec.maxDepth,
        asOf: asOf.day,
      },
    );
    return new ImpactView(impact);
  }

  /** The whole lineage in memory at `version` (or later), when the store can have it there. */
  private async currentProjection(version?: number): Promise<LineageGraph | undefined> {
    const projection = this.store.projection;
    if (!projection) return undefined;
    return projection.at(version ?? (await this.store.graphVersion()));
  }

  private async reachableLineage(spec: Spec): Promise<LineageGraph> {
    if (spec.status === 'WITHDRAWN' || !spec.origins.length) return buildLineageGraph([], []);
    const closure = await this.store.fetchClosure(spec.origins, 'DOWNSTREAM', spec.maxDepth);
    return buildLineageGraph(closure.nodes, closure.edges);
  }
}
