import {
  buildLineageGraph,
  computeImpact,
  nodeIndex,
  notFound,
  validationError,
  type Entity,
  type ExposureLevel,
  type LineageGraph,
  type LineageRelation,
} from '@lineage/domain';
import type { GraphStore } from '@lineage/graph-store';

export interface BillOfMaterials {
  deployment: Entity;
  nodes: Entity[];
  edges: { from: string; to: string; type: LineageRelation; declared: boolean }[];
  vulnerabilities: {
    defect: Extract<Entity, { kind: 'Defect' }>;
    level: ExposureLevel;
    path: string[];
    mitigated: boolean;
    evidence?: string;
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
): Promise<BillOfMaterials> {
  const deployment = await store.getEntity(deploymentId);
  if (!deployment) throw notFound('deployment', deploymentId);
  if (deployment.kind !== 'Deployment')
    throw validationError(`'${deploymentId}' is a ${deployment.kind}, not a deployment`);
  const closure = await store.fetchClosure([deploymentId], 'UPSTREAM');
  const entities = await store.getEntities(closure.nodes.map((n) => n.id));
  const graph = buildLineageGraph(closure.nodes, closure.edges);
  const target = nodeIndex(graph, deploymentId);

  const vulnerabilities: BillOfMaterials['vulnerabilities'] = [];
  for (const { defect, origins, mitigators } of await store.defectsWithOriginsIn(
    closure.nodes.map((n) => n.id),
  )) {
    const spec = {
      category: defect.category,
      status: defect.status,
      origins: indices(graph, origins),
      transmission: defect.transmission,
    };
    const unmitigated = computeImpact(graph, spec);
    if (unmitigated.levelOf(target) === 'NONE') continue;
    const actual = computeImpact(graph, spec, { mitigating: indices(graph, mitigators) });
    const reached = actual.levelOf(target) !== 'NONE' && !actual.isMitigated(target);
    const witness = (reached ? actual : unmitigated).witness(target).map((i) => graph.ids[i]!);
    let evidence: string | undefined;
    if (!reached) {
      const onPath = new Set(witness);
      const page = await store.incomingPage(defect.id, { types: ['MITIGATES'], first: 500 });
      const blocking =
        page.relationships.find((r) => onPath.has(r.from)) ??
        page.relationships.find((r) => mitigators.includes(r.from));
      evidence = blocking
        ? `${blocking.from}: ${blocking.evidence ?? 'shown not to be affected'}`
        : undefined;
    }
    const { updatedAt: _stamp, ...plain } = defect;
    vulnerabilities.push({
      defect: plain,
      level: (reached ? actual : unmitigated).levelOf(target),
      path: witness,
      mitigated: !reached,
      ...(evidence ? { evidence } : {}),
    });
  }
  const strip = ({ updatedAt: _stamp, ...entity }: Entity & { updatedAt?: string }) =>
    entity as Entity;
  return {
    deployment: strip(deployment),
    nodes: closure.nodes.map((n) => strip(entities.get(n.id)!)),
    edges: closure.edges,
    vulnerabilities,
  };
}
