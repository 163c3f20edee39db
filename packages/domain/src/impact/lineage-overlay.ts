import { relationshipKey } from '../schemas';
import type { LineageEdgeInput, LineageGraph, LineageNodeInput } from './lineage-graph';
import type { LineageDelta, LineageEdgeKey } from './lineage-delta';
import { Edit } from './overlay-edit';

/**
 * What a batch of deltas leaves, as the reference (rebuild) reads it: per node and per edge
 * key its last state (null: removed). An edge whose end is missing at the end is dropped.
 */
function netEffect(deltas: readonly LineageDelta[]) {
  const nodes = new Map<string, LineageNodeInput | null>();
  const edges = new Map<string, { key: LineageEdgeKey; edge: LineageEdgeInput | null }>();
  for (const delta of deltas) {
    for (const id of delta.removedNodes) nodes.set(id, null);
    for (const key of delta.removedEdges) edges.set(relationshipKey(key), { key, edge: null });
    for (const node of delta.nodes) nodes.set(node.id, node);
    for (const edge of delta.edges) edges.set(relationshipKey(edge), { key: edge, edge });
  }
  return { nodes, edges };
}

/**
 * The graph after `deltas`, applied in order, at a cost that follows the delta, not the graph:
 * the new graph shares the built arrays and records what changed in its overlay (rows replaced
 * per touched node, nodes appended or removed). Nothing the previous graph reads is written:
 * edges are appended past the end of arrays only the newest graph can reach (`grown`), and
 * every replaced row, map or flag array is a new object. Queries are synchronous and hold
 * their graph, so one still reading the previous graph sees it unchanged.
 */
export function applyOverlayDeltas(
  graph: LineageGraph,
  deltas: readonly LineageDelta[],
): LineageGraph {
  const net = netEffect(deltas);
  const edit = new Edit(graph);
  for (const [id, node] of net.nodes) {
    if (node) edit.setNode(node);
    else edit.removeNode(id);
  }
  for (const { key, edge } of net.edges.values()) {
    const existing = edit.findEdge(key);
    if (existing >= 0) {
      if (edge && edit.sameEdge(existing, edge)) continue;
      edit.removeEdge(existing);
    }
    if (edge) edit.addEdge(edge);
  }
  return edit.finish();
}
