import {
  buildLineageGraph,
  computeImpact,
  edgeHoldsOn,
  nodeExistsOn,
  parentEdgesOf,
  nodeIndex,
  notFound,
  stopsPropagation,
  validationError,
  type Entity,
  type ExposureLevel,
  type LineageGraph,
  type LineageRelation,
} from '@lineage/domain';
import type { GraphStore, StoredRelationship } from '@lineage/graph-store';
import type { BomTriage } from '@lineage/importers';
import { disclosedBy, mitigatorsOn } from '../impact/defect-on-day';
import { resolveAsOf, type AsOf, type TimeOptions } from '../time/as-of';

export interface BillOfMaterials {
  /** The day the bill is stated for: what the deployment was built on that day. */
  asOf: AsOf;
  deployment: Entity;
  nodes: Entity[];
  edges: {
    from: string;
    to: string;
    type: LineageRelation;
    declared: boolean;
    validFrom?: string | null;
    validTo?: string | null;
  }[];
  vulnerabilities: {
    defect: Extract<Entity, { kind: 'Defect' }>;
    level: ExposureLevel;
    path: string[];
    mitigated: boolean;
    evidence?: string;
    /** The deployment's own triage for the defect, when someone made one. */
    triage?: BomTriage;
  }[];
}

const indices = (graph: LineageGraph, ids: string[]) =>
  ids.map((id) => nodeIndex(graph, id)).filter((i) => i >= 0);

/**
 * What a deployment is built on, and the defects that reach it. A defect that would reach it
 * but for a mitigation on the way is kept, marked mitigated, with that mitigation's evidence:
 * a VEX "not affected" statement, not an omission.
 */
export async function billOfMaterials(
  store: GraphStore,
  deploymentId: string,
  options: TimeOptions = {},
): Promise<BillOfMaterials> {
  const asOf = resolveAsOf(options.asOf);
  const deployment = await store.getEntity(deploymentId);
  if (!deployment) throw notFound('deployment', deploymentId);
  if (deployment.kind !== 'Deployment')
    throw validationError(`'${deploymentId}' is a ${deployment.kind}, not a deployment`);
  const closure = await store.fetchClosure([deploymentId], 'UPSTREAM');
  const entities = await store.getEntities(closure.nodes.map((n) => n.id));
  const graph = buildLineageGraph(closure.nodes, closure.edges);
  const target = nodeIndex(graph, deploymentId);
  const standing = standingOn(graph, target, asOf.day);

  const vulnerabilities: BillOfMaterials['vulnerabilities'] = [];
  for (const context of await store.defectsWithOriginsIn(closure.nodes.map((n) => n.id))) {
    const { defect, origins } = context;
    if (!disclosedBy(defect, asOf.day, options.disclosedOnly)) continue;
    const mitigators = mitigatorsOn(context, asOf.day);
    const spec = {
      category: defect.category,
      status: defect.status,
      origins: indices(graph, origins),
      transmission: defect.transmission,
    };
    const unmitigated = computeImpact(graph, spec, { asOf: asOf.day });
    if (unmitigated.levelOf(target) === 'NONE') continue;
    const actual = computeImpact(graph, spec, {
      mitigating: indices(graph, mitigators),
      asOf: asOf.day,
    });
    const reached = actual.levelOf(target) !== 'NONE' && !actual.isMitigated(target);
    const witness = (reached ? actual : unmitigated).witness(target).map((i) => graph.ids[i]!);
    let evidence: string | undefined;
    if (!reached) {
      const onPath = new Set(witness);
      const page = await store.incomingPage(defect.id, { types: ['MITIGATES'], first: 500 });
      // A mitigation on the witness path, else a triage that stops it there, else any.
      const triaged = witness
        .map((id) => context.triage.get(id))
        .find((t) => t !== undefined && stopsPropagation(t.state));
      const blocking =
        page.relationships.find((r) => onPath.has(r.from)) ??
        triaged ??
        page.relationships.find((r) => mitigators.includes(r.from));
      evidence = blocking && `${blocking.from}: ${stoppedBecause(blocking)}`;
    }
    const { updatedAt: _stamp, ...plain } = defect;
    vulnerabilities.push({
      defect: plain,
      level: (reached ? actual : unmitigated).levelOf(target),
      path: witness,
      mitigated: !reached,
      ...(evidence ? { evidence } : {}),
      ...bomTriage(context.triage.get(deploymentId)),
    });
  }
  const strip = ({ updatedAt: _stamp, ...entity }: Entity & { updatedAt?: string }) =>
    entity as Entity;
  return {
    asOf,
    deployment: strip(deployment),
    nodes: closure.nodes
      .filter((n) => standing.nodes.has(n.id))
      .map((n) => strip(entities.get(n.id)!)),
    edges: closure.edges.filter((_, e) => standing.edges.has(e)),
    vulnerabilities,
  };
}

/**
 * What the deployment was built on that day: the ancestors reached over edges holding on `day`
 * through nodes existing on it (the deployment itself is always listed), and those edges.
 * `buildLineageGraph` keeps the input's edge order, so edge indices are the closure's.
 */
function standingOn(graph: LineageGraph, target: number, day: number) {
  const nodes = new Set<string>([graph.ids[target]!]);
  const edges = new Set<number>();
  const queue = [target];
  while (queue.length) {
    const child = queue.pop()!;
    for (const edge of parentEdgesOf(graph, child)) {
      const parent = graph.edgeParent[edge]!;
      if (!edgeHoldsOn(graph, edge, day) || !nodeExistsOn(graph, parent, day)) continue;
      edges.add(edge);
      const id = graph.ids[parent]!;
      if (!nodes.has(id)) {
        nodes.add(id);
        queue.push(parent);
      }
    }
  }
  return { nodes, edges };
}

const bomTriage = (triage: StoredRelationship | undefined) =>
  triage?.state && triage.triagedBy && triage.triagedAt
    ? {
        triage: {
          state: triage.state,
          by: triage.triagedBy,
          at: triage.triagedAt,
          ...(triage.justification ? { justification: triage.justification } : {}),
          ...(triage.note ? { note: triage.note } : {}),
        },
      }
    : {};

/** Why a node is shown not to be affected: its mitigation's evidence, or its triage. */
function stoppedBecause(stop: StoredRelationship): string {
  if (stop.type !== 'TRIAGED') return stop.evidence ?? 'shown not to be affected';
  const why = [stop.justification, stop.note].filter(Boolean).join(': ');
  return `triaged ${stop.state}${why ? ` (${why})` : ''} by ${stop.triagedBy}`;
}
