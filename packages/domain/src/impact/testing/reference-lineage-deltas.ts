import type { LineageDelta } from '../lineage-delta';
import { relationshipKey } from '../../schemas';
import { lineageEdgesOf, lineageNodesOf } from '../lineage-delta';
import { buildLineageGraph, type LineageGraph } from '../lineage-graph';

/**
 * The graph after `deltas`, applied in order, by rebuilding the arrays: the reference the fast
 * applyLineageDeltas (lineage-overlay.ts) must agree with.
 */
export function referenceLineageDeltas(
  graph: LineageGraph,
  deltas: readonly LineageDelta[],
): LineageGraph {
  if (!deltas.length) return graph;
  const nodes = new Map(lineageNodesOf(graph).map((node) => [node.id, node]));
  const edges = new Map(lineageEdgesOf(graph).map((edge) => [relationshipKey(edge), edge]));
  for (const delta of deltas) {
    for (const id of delta.removedNodes) nodes.delete(id);
    for (const edge of delta.removedEdges) edges.delete(relationshipKey(edge));
    for (const node of delta.nodes) nodes.set(node.id, node);
    for (const edge of delta.edges) edges.set(relationshipKey(edge), edge);
  }
  const kept = [...edges.values()].filter((edge) => nodes.has(edge.from) && nodes.has(edge.to));
  return buildLineageGraph([...nodes.values()], kept);
}
