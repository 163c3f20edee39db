import {
  buildLineageGraph,
  isLineageRelation,
  LINEAGE_KINDS,
  type LineageEdgeInput,
  type LineageGraph,
  type LineageNodeInput,
} from '@lineage/domain';
import { generateSynthetic } from '@lineage/importers';
import { withDates } from './dated-graph';
import { SEED } from './scales';

/** The generated graph, dated as the scale benchmark stores it, as the engine's arrays. */
export function generatedGraph(nodes: number): LineageGraph {
  const lineageNodes: LineageNodeInput[] = [];
  const edges: LineageEdgeInput[] = [];
  for (const item of withDates(generateSynthetic(nodes, SEED), nodes)) {
    if ('node' in item) {
      const { node } = item;
      if (!LINEAGE_KINDS.includes(node.kind)) continue;
      const dates = node as { releasedAt?: string; retiredAt?: string };
      lineageNodes.push({
        id: node.id,
        kind: node.kind,
        releasedAt: dates.releasedAt,
        retiredAt: dates.retiredAt,
      });
    } else if (isLineageRelation(item.relationship.type)) {
      const r = item.relationship as typeof item.relationship & {
        declared?: boolean;
        validFrom?: string;
        validTo?: string;
      };
      edges.push({
        from: r.from,
        to: r.to,
        type: r.type as LineageEdgeInput['type'],
        declared: r.declared ?? true,
        validFrom: r.validFrom,
        validTo: r.validTo,
      });
    }
  }
  return buildLineageGraph(lineageNodes, edges);
}
